package org.jvirt.conf.internal;

import java.math.BigInteger;
import java.util.Locale;

/**
 * IP addresses as libvirt's virSocketAddr handles them: parsed from their numeric forms, written as inet_ntop
 * writes them (IPv6 with its longest run of zero groups shortened to "::", lower case, an embedded IPv4 address in
 * dotted form), netmasks and prefixes, and the arithmetic of ranges.
 */
public final class IpAddresses {
    private IpAddresses() {
    }

    /** The address's bytes (4 or 16), or null when {@code s} is not a numeric IPv4 or IPv6 address. */
    public static byte[] parse(String s) {
        if (s == null) {
            return null;
        }
        return s.indexOf(':') >= 0 ? parse6(s) : parse4(s);
    }

    private static byte[] parse4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
                return null;
            }
            int v = Integer.parseInt(p);
            if (v > 255) {
                return null;
            }
            b[i] = (byte) v;
        }
        return b;
    }

    private static byte[] parse6(String s) {
        int dbl = s.indexOf("::");
        if (dbl >= 0 && s.indexOf("::", dbl + 1) >= 0) {
            return null;
        }
        String head = dbl >= 0 ? s.substring(0, dbl) : s;
        String tail = dbl >= 0 ? s.substring(dbl + 2) : "";
        int[] words = new int[8];
        int[] h = words(head);
        int[] t = words(tail);
        if (h == null || t == null) {
            return null;
        }
        if (dbl < 0 && h.length != 8 || dbl >= 0 && h.length + t.length > 7) {
            return null;
        }
        System.arraycopy(h, 0, words, 0, h.length);
        System.arraycopy(t, 0, words, 8 - t.length, t.length);
        byte[] b = new byte[16];
        for (int i = 0; i < 8; i++) {
            b[2 * i] = (byte) (words[i] >> 8);
            b[2 * i + 1] = (byte) words[i];
        }
        return b;
    }

    /** The 16-bit groups of a part of an IPv6 address; a dotted IPv4 address at its end counts as two. */
    private static int[] words(String part) {
        if (part.isEmpty()) {
            return new int[0];
        }
        String[] g = part.split(":", -1);
        int n = g.length;
        boolean v4 = g[n - 1].indexOf('.') >= 0;
        int[] w = new int[v4 ? n + 1 : n];
        for (int i = 0; i < n; i++) {
            if (v4 && i == n - 1) {
                byte[] b = parse4(g[i]);
                if (b == null) {
                    return null;
                }
                w[i] = (b[0] & 0xff) << 8 | b[1] & 0xff;
                w[i + 1] = (b[2] & 0xff) << 8 | b[3] & 0xff;
                continue;
            }
            if (g[i].isEmpty() || g[i].length() > 4) {
                return null;
            }
            try {
                w[i] = Integer.parseInt(g[i], 16);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return w;
    }

    /** inet_ntop's form of an address. */
    public static String format(byte[] b) {
        if (b.length == 4) {
            return (b[0] & 0xff) + "." + (b[1] & 0xff) + "." + (b[2] & 0xff) + "." + (b[3] & 0xff);
        }
        int[] w = new int[8];
        for (int i = 0; i < 8; i++) {
            w[i] = (b[2 * i] & 0xff) << 8 | b[2 * i + 1] & 0xff;
        }
        int bestBase = -1;
        int bestLen = 0;
        for (int i = 0; i < 8;) {
            if (w[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && w[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestBase = i;
                bestLen = j - i;
            }
            i = j;
        }
        if (bestLen < 2) {
            bestBase = -1;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (bestBase >= 0 && i >= bestBase && i < bestBase + bestLen) {
                if (i == bestBase) {
                    sb.append(':');
                }
                continue;
            }
            if (i != 0) {
                sb.append(':');
            }
            // an IPv4-compatible or -mapped address ends in its dotted form
            if (i == 6 && bestBase == 0 && (bestLen == 6 || bestLen == 7 && w[7] != 1
                    || bestLen == 5 && w[5] == 0xffff)) {
                sb.append(b[12] & 0xff).append('.').append(b[13] & 0xff).append('.').append(b[14] & 0xff)
                        .append('.').append(b[15] & 0xff);
                return sb.toString();
            }
            sb.append(Integer.toHexString(w[i]));
        }
        if (bestBase >= 0 && bestBase + bestLen == 8) {
            sb.append(':');
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    /** An address in libvirt's form, or null when it is not one. */
    public static String canonical(String s) {
        byte[] b = parse(s);
        return b == null ? null : format(b);
    }

    /** The prefix length of a netmask, or -1 when its ones are not contiguous. */
    public static int prefixOf(byte[] mask) {
        int n = 0;
        boolean zero = false;
        for (byte x : mask) {
            for (int bit = 7; bit >= 0; bit--) {
                boolean one = (x >> bit & 1) != 0;
                if (one && zero) {
                    return -1;
                }
                if (one) {
                    n++;
                } else {
                    zero = true;
                }
            }
        }
        return n;
    }

    /**
     * virSocketAddrGetIPPrefix: the prefix given, else the netmask's, else the natural one of an IPv4 address's
     * class (64 for IPv6); -1 when there is none.
     */
    public static int prefix(byte[] address, byte[] netmask, int prefix) {
        if (prefix > 0) {
            return prefix;
        }
        if (netmask != null) {
            return prefixOf(netmask);
        }
        if (address == null) {
            return -1;
        }
        if (address.length == 16) {
            return 64;
        }
        int octet = address[0] & 0xff;
        if ((octet & 0x80) == 0) {
            return 8;
        }
        if ((octet & 0xc0) == 0x80) {
            return 16;
        }
        if ((octet & 0xe0) == 0xc0) {
            return 24;
        }
        return -1;
    }

    /** The address with all bits past {@code prefix} cleared. */
    public static byte[] mask(byte[] a, int prefix) {
        byte[] r = a.clone();
        for (int i = 0; i < r.length * 8; i++) {
            if (i >= prefix) {
                r[i / 8] &= (byte) ~(0x80 >> (i % 8));
            }
        }
        return r;
    }

    /** The address as an unsigned number, for comparisons. */
    public static BigInteger value(byte[] a) {
        return new BigInteger(1, a);
    }
}
