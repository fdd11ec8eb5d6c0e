package org.jvirt.driver.test;

import java.util.Set;

import org.jvirt.api.VirFlag;

/** libvirt's virCheckFlags: bits a function does not take fail with "unsupported flags (0x…) in function …". */
final class Flags {
    private Flags() {
    }

    static int check(String function, int bits, int allowed) {
        int extra = bits & ~allowed;
        if (extra != 0) {
            throw org.jvirt.api.VirtException.withMessage(org.jvirt.api.ErrorCode.INVALID_ARG,
                    org.jvirt.api.ErrorDomain.TEST, "unsupported flags (0x" + Integer.toHexString(extra)
                            + ") in function " + function);
        }
        return bits;
    }

    static int check(String function, Set<? extends VirFlag> flags, int allowed) {
        return check(function, VirFlag.toBits(flags), allowed);
    }

    /** The mask of every constant of {@code type}. */
    static <E extends Enum<E> & VirFlag> int all(Class<E> type) {
        int bits = 0;
        for (E e : type.getEnumConstants()) {
            bits |= e.value();
        }
        return bits;
    }
}
