package org.jvirt.shell.internal.vsh;

import java.util.OptionalLong;

/** Numbers read the way libvirt's virStrToLong_* read them: C's strtol in base 10, the whole string consumed. */
public final class CNumbers {
    private CNumbers() {
    }

    /**
     * strtol(s, &end, 10) that must consume all of {@code s}: leading white space, an optional sign, then at least
     * one digit; empty when anything else is left or the value does not fit in a long.
     */
    public static OptionalLong strtol(String s) {
        int i = 0;
        int n = s.length();
        while (i < n && isCSpace(s.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        int start = i;
        long value = 0;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return OptionalLong.empty();
            }
            try {
                value = Math.addExact(Math.multiplyExact(value, 10), negative ? -(c - '0') : c - '0');
            } catch (ArithmeticException e) {
                return OptionalLong.empty();
            }
        }
        return i == start ? OptionalLong.empty() : OptionalLong.of(value);
    }

    /** virStrToLong_i: an int, or empty. */
    public static OptionalLong strtoi(String s) {
        OptionalLong v = strtol(s);
        if (v.isPresent() && (v.getAsLong() < Integer.MIN_VALUE || v.getAsLong() > Integer.MAX_VALUE)) {
            return OptionalLong.empty();
        }
        return v;
    }

    /**
     * strtoull(s, &end, 10) that must consume all of {@code s}, as an unsigned 64-bit value in a long. A leading
     * minus negates the result modulo 2^64 when {@code wrap} (virStrToLong_ull), and is refused otherwise
     * (virStrToLong_ullp). Empty on anything else left, or on overflow.
     */
    public static OptionalLong strtoul(String s, boolean wrap) {
        int i = 0;
        int n = s.length();
        while (i < n && isCSpace(s.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        if (negative && !wrap) {
            return OptionalLong.empty();
        }
        if (i == n) {
            return OptionalLong.empty();
        }
        for (int j = i; j < n; j++) {
            if (s.charAt(j) < '0' || s.charAt(j) > '9') {
                return OptionalLong.empty();
            }
        }
        long value;
        try {
            value = Long.parseUnsignedLong(s.substring(i));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(negative ? -value : value);
    }

    static boolean isCSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r';
    }
}
