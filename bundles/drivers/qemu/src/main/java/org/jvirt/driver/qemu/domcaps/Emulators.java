package org.jvirt.driver.qemu.domcaps;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/** libvirt's architecture names and the QEMU system emulator that serves each (virarch.c, qemu_capabilities.c). */
public final class Emulators {
    /** Every architecture name libvirt parses (its virArch table without "none"). */
    public static final Set<String> ARCHES = Set.of("alpha", "armv6l", "armv7l", "armv7b", "aarch64", "cris", "i686",
            "ia64", "lm32", "loongarch64", "m68k", "microblaze", "microblazeel", "mips", "mipsel", "mips64",
            "mips64el", "openrisc", "parisc", "parisc64", "ppc", "ppcle", "ppc64", "ppc64le", "ppcemb", "riscv32",
            "riscv64", "s390", "s390x", "sh4", "sh4eb", "sparc", "sparc64", "unicore32", "x86_64", "xtensa",
            "xtensaeb");

    /** Where QEMU's target name differs from libvirt's architecture name. */
    private static final Map<String, String> TARGETS = Map.of("i686", "i386", "armv6l", "arm", "armv7l", "arm",
            "armv7b", "arm", "ppc64le", "ppc64", "openrisc", "or1k");

    private Emulators() {
    }

    /**
     * The emulator in {@code dir} serving {@code arch}, or null when none is installed; an x86_64 emulator serves
     * i686 guests when qemu-system-i386 is missing, as libvirt falls back.
     */
    public static Path forArch(Path dir, String arch) {
        Path own = dir.resolve("qemu-system-" + TARGETS.getOrDefault(arch, arch));
        if (Files.isExecutable(own)) {
            return own;
        }
        Path x86 = dir.resolve("qemu-system-x86_64");
        return arch.equals("i686") && Files.isExecutable(x86) ? x86 : null;
    }

    /** libvirt's name of the architecture QEMU calls {@code target} (query-target: i386 is i686). */
    public static String archOf(String target) {
        return switch (target) {
            case "i386" -> "i686";
            case "arm" -> "armv7l";
            case "or1k" -> "openrisc";
            default -> target;
        };
    }

    /** Whether an emulator built for {@code emulatorArch} runs {@code arch} guests (x86_64 runs i686 ones). */
    public static boolean serves(String emulatorArch, String arch) {
        return emulatorArch.equals(arch) || emulatorArch.equals("x86_64") && arch.equals("i686")
                || emulatorArch.equals("aarch64") && arch.equals("armv7l")
                || emulatorArch.equals("ppc64") && arch.equals("ppc64le");
    }
}
