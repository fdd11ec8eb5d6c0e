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

    private static boolean isCSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r';
    }
}
