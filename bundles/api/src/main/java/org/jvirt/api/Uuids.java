package org.jvirt.api;

import java.util.UUID;

/** UUIDs as libvirt reads them: 32 hex digits, with dashes anywhere between pairs, spaces around. */
public final class Uuids {
    private Uuids() {
    }

    /** Parses a UUID the way libvirt's virUUIDParse does, or fails with INVALID_ARG. */
    public static UUID parse(String text) {
        if (text == null) {
            throw VirtException.invalidArg("uuid must not be NULL");
        }
        String s = text.strip();
        long hi = 0;
        long lo = 0;
        int digits = 0;
        int i = 0;
        while (i < s.length() && digits < 32) {
            char c = s.charAt(i);
            if (c == '-' && digits % 2 == 0) {
                i++;
                continue;
            }
            int d1 = Character.digit(c, 16);
            int d2 = i + 1 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
            if (d1 < 0 || d2 < 0) {
                break;
            }
            int b = (d1 << 4) | d2;
            if (digits < 16) {
                hi = (hi << 8) | b;
            } else {
                lo = (lo << 8) | b;
            }
            digits += 2;
            i += 2;
        }
        if (digits != 32 || i != s.length()) {
            throw VirtException.invalidArg("malformed uuid '" + text + "'");
        }
        return new UUID(hi, lo);
    }

    /** Whether {@link #parse(String)} would accept the text. */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (VirtException e) {
            return false;
        }
    }
}
