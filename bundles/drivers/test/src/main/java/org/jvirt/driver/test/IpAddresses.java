package org.jvirt.driver.test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * Numeric IP addresses as libvirt's virsocketaddr.c reads and checks them, without any name lookup: IPv4 as four
 * decimal numbers, IPv6 as the JDK reads literals.
 */
final class IpAddresses {
    private IpAddresses() {
    }

    /** The address's bytes (4 or 16), or null when {@code text} is no numeric address. */
    static byte[] parse(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (text.indexOf(':') >= 0) {
            try {
                // a text with a colon is read as a literal, never looked up
                byte[] b = InetAddress.getByName(text.startsWith("[") ? text : "[" + text + "]").getAddress();
                return b.length == 16 ? b : null;
            } catch (UnknownHostException e) {
                return null;
            }
        }
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            if (parts[i].isEmpty() || parts[i].length() > 3 || !parts[i].chars().allMatch(Character::isDigit)) {
                return null;
            }
            int v = Integer.parseInt(parts[i]);
            if (v > 255) {
                return null;
            }
            out[i] = (byte) v;
        }
        return out;
    }

    static boolean isV6(byte[] a) {
        return a != null && a.length == 16;
    }

    /** The address as libvirt formats it. */
    static String format(byte[] a) {
        if (a.length == 4) {
            return (a[0] & 0xff) + "." + (a[1] & 0xff) + "." + (a[2] & 0xff) + "." + (a[3] & 0xff);
        }
        try {
            return compress(InetAddress.getByAddress(a).getHostAddress());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The longest run of zero groups written as "::", as inet_ntop does. */
    private static String compress(String full) {
        String[] g = full.split(":");
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < g.length;) {
            if (g[i].equals("0")) {
                int j = i;
                while (j < g.length && g[j].equals("0")) {
                    j++;
                }
                if (j - i > bestLen && j - i > 1) {
                    bestStart = i;
                    bestLen = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        if (bestStart < 0) {
            return String.join(":", g);
        }
        String head = String.join(":", Arrays.copyOfRange(g, 0, bestStart));
        String tail = String.join(":", Arrays.copyOfRange(g, bestStart + bestLen, g.length));
        return head + "::" + tail;
    }

    static boolean equal(byte[] a, byte[] b) {
        return a != null && b != null && Arrays.equals(a, b);
    }

    /** Compares two addresses of one family as unsigned numbers. */
    static int compare(byte[] a, byte[] b) {
        return Arrays.compareUnsigned(a, b);
    }

    /** The number of leading one bits of a netmask, or -1 when it is no netmask. */
    static int prefixOfNetmask(byte[] mask) {
        int bits = 0;
        boolean zero = false;
        for (byte value : mask) {
            for (int i = 7; i >= 0; i--) {
                boolean one = (value >> i & 1) == 1;
                if (one && zero) {
                    return -1;
                }
                if (one) {
                    bits++;
                } else {
                    zero = true;
                }
            }
        }
        return bits;
    }

    /**
     * virSocketAddrGetIPPrefix: the given prefix, else the netmask's, else the class of an IPv4 address (8, 16, 24)
     * or 64 for IPv6; -1 when none applies.
     */
    static int prefix(byte[] address, String netmask, String prefix) {
        if (prefix != null && !prefix.isEmpty()) {
            try {
                int p = Integer.parseInt(prefix.strip());
                if (p > 0) {
                    return p;
                }
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        byte[] mask = parse(netmask);
        if (mask != null) {
            return prefixOfNetmask(mask);
        }
        if (address == null) {
            return -1;
        }
        if (isV6(address)) {
            return 64;
        }
        int first = address[0] & 0xff;
        if (first < 128) {
            return 8;
        }
        if (first < 192) {
            return 16;
        }
        return first < 224 ? 24 : -1;
    }

    /** Whether {@code a} is in the network of {@code net} with {@code prefix} bits. */
    static boolean inNetwork(byte[] a, byte[] net, int prefix) {
        if (a.length != net.length) {
            return false;
        }
        for (int bit = 0; bit < prefix; bit++) {
            int i = bit / 8;
            int m = 0x80 >> (bit % 8);
            if ((a[i] & m) != (net[i] & m)) {
                return false;
            }
        }
        return true;
    }

    /** The network's address or broadcast address: the host bits all zero or all one. */
    static byte[] hostBits(byte[] net, int prefix, boolean ones) {
        byte[] out = net.clone();
        for (int bit = prefix; bit < out.length * 8; bit++) {
            int i = bit / 8;
            int m = 0x80 >> (bit % 8);
            out[i] = (byte) (ones ? out[i] | m : out[i] & ~m);
        }
        return out;
    }
}
