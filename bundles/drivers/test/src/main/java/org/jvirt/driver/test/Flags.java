package org.jvirt.driver.test;

import java.util.Set;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirFlag;
import org.jvirt.api.VirtException;

/** virCheckFlags as the test driver reports it: the bits a function does not accept, in its name. */
final class Flags {
    private Flags() {
    }

    /** Fails with "unsupported flags (0x…) in function F" when {@code flags} holds a bit outside {@code allowed}. */
    static void check(String function, Set<? extends VirFlag> flags, int allowed) {
        int bits = VirFlag.toBits(flags) & ~allowed;
        if (bits != 0) {
            // virCheckFlags reports the sentence alone, without the code's "invalid argument" text
            throw VirtException.withMessage(ErrorCode.INVALID_ARG, ErrorDomain.TEST, "unsupported flags (0x"
                    + Integer.toHexString(bits) + ") in function " + function);
        }
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
