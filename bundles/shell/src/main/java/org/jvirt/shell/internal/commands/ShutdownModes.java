package org.jvirt.shell.internal.commands;

import java.util.EnumSet;
import java.util.Map;

import org.jvirt.shell.internal.vsh.CommandFailure;

/** The {@code --mode} of shutdown and reboot: a comma-separated list of methods, each a flag. */
final class ShutdownModes {
    static final String HELP = "shutdown mode: acpi|agent|initctl|signal|paravirt";

    private static final Map<String, Integer> BITS = Map.of("acpi", 1, "agent", 2, "initctl", 4, "signal", 8,
            "paravirt", 16);

    private ShutdownModes() {
    }

    /**
     * The flags of {@code modes} (null: none) as libvirt bits; an unknown mode fails with {@code unknownMessage},
     * whose {@code %s} is the mode.
     */
    static int bits(String modes, String unknownMessage) {
        if (modes == null) {
            return 0;
        }
        int bits = 0;
        for (String mode : modes.split(",", -1)) {
            Integer bit = BITS.get(mode);
            if (bit == null) {
                throw new CommandFailure(unknownMessage.replace("%s", mode));
            }
            bits |= bit;
        }
        return bits;
    }

    static <E extends Enum<E> & org.jvirt.api.VirFlag> EnumSet<E> flags(Class<E> type, int bits) {
        EnumSet<E> set = EnumSet.noneOf(type);
        set.addAll(org.jvirt.api.VirFlag.fromBits(type, bits));
        return set;
    }
}
