package org.jvirt.shell.internal.vsh;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

/** libvirt's virScaleInteger: units after a number (b, k, KiB, KB, M, MiB, MB ... E), powers of 1024 or 1000. */
public final class Scaling {
    private Scaling() {
    }

    /**
     * {@code value} times the unit {@code suffix} names ({@code scale} when there is none), at most {@code limit}
     * (unsigned).
     */
    public static long scale(long value, String suffix, long scale, long limit) {
        long factor;
        if (suffix.isEmpty()) {
            factor = scale;
        } else if (suffix.equalsIgnoreCase("b") || suffix.equalsIgnoreCase("byte")
                || suffix.equalsIgnoreCase("bytes")) {
            factor = 1;
        } else {
            long base;
            if (suffix.length() == 1 || suffix.substring(1).equalsIgnoreCase("iB")) {
                base = 1024;
            } else if (suffix.length() == 2 && Character.toLowerCase(suffix.charAt(1)) == 'b') {
                base = 1000;
            } else {
                throw unknown(suffix);
            }
            int power = switch (Character.toLowerCase(suffix.charAt(0))) {
                case 'k' -> 1;
                case 'm' -> 2;
                case 'g' -> 3;
                case 't' -> 4;
                case 'p' -> 5;
                case 'e' -> 6;
                default -> throw unknown(suffix);
            };
            factor = 1;
            for (int i = 0; i < power; i++) {
                factor *= base;
            }
        }
        if (value != 0 && Long.compareUnsigned(value, Long.divideUnsigned(limit, factor)) > 0) {
            throw new VirtException(ErrorCode.OVERFLOW, ErrorDomain.NONE,
                    "value too large: " + Long.toUnsignedString(value) + suffix);
        }
        return value * factor;
    }

    private static VirtException unknown(String suffix) {
        return VirtException.invalidArg("unknown suffix '" + suffix + "'");
    }
}
