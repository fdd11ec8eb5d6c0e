package org.jvirt.util;

import java.util.Locale;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

/** Sizes with libvirt's unit suffixes (virScaleInteger): b, bytes, k, KiB, KB, M, MiB, MB, … up to E. */
public final class ScaledSizes {
    private ScaledSizes() {
    }

    /**
     * The number of bytes in one {@code unit}; an empty or null unit means {@code defaultScale} bytes. Fails with
     * "invalid argument: unknown suffix 'x'" as libvirt does.
     */
    public static long scale(String unit, long defaultScale) {
        if (unit == null || unit.isEmpty()) {
            return defaultScale;
        }
        String u = unit.toLowerCase(Locale.ROOT);
        if (u.equals("b") || u.equals("byte") || u.equals("bytes")) {
            return 1;
        }
        int power = "kmgtpe".indexOf(u.charAt(0)) + 1;
        if (power == 0) {
            throw VirtException.invalidArg("unknown suffix '" + unit + "'");
        }
        long base;
        String rest = u.substring(1);
        if (rest.isEmpty() || rest.equals("ib")) {
            base = 1024;
        } else if (rest.equals("b")) {
            base = 1000;
        } else {
            throw VirtException.invalidArg("unknown suffix '" + unit + "'");
        }
        long scale = 1;
        for (int i = 0; i < power; i++) {
            scale *= base;
        }
        return scale;
    }

    /** {@code value} units in bytes, failing on overflow past {@code limit} as libvirt's "value too large". */
    public static long toBytes(long value, String unit, long defaultScale, long limit) {
        long scale = scale(unit, defaultScale);
        if (value < 0 || (value != 0 && (limit / scale) < value)) {
            throw new VirtException(ErrorCode.OVERFLOW, ErrorDomain.NONE,
                    "value too large: " + value + (unit == null ? "" : unit));
        }
        return value * scale;
    }

    /** Bytes to KiB, rounding up as libvirt does for memory sizes. */
    public static long bytesToKiBRoundUp(long bytes) {
        return bytes / 1024 + (bytes % 1024 == 0 ? 0 : 1);
    }
}
