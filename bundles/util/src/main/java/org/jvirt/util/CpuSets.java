package org.jvirt.util;

import java.util.BitSet;

/** CPU sets as libvirt writes them in XML ("0-3,5") and reads them back (virBitmapFormat, virBitmapParse). */
public final class CpuSets {
    private CpuSets() {
    }

    public static String format(BitSet set) {
        StringBuilder sb = new StringBuilder();
        int i = set.nextSetBit(0);
        while (i >= 0) {
            int end = set.nextClearBit(i) - 1;
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(i);
            if (end > i) {
                sb.append('-').append(end);
            }
            i = set.nextSetBit(end + 1);
        }
        return sb.toString();
    }

    /** Parses "0-3,^2,5"; null for text libvirt would refuse. */
    public static BitSet parse(String text) {
        BitSet set = new BitSet();
        if (text == null) {
            return null;
        }
        try {
            for (String part : text.split(",")) {
                String p = part.strip();
                boolean neg = p.startsWith("^");
                if (neg) {
                    p = p.substring(1);
                }
                int dash = p.indexOf('-');
                int from = Integer.parseInt(dash < 0 ? p : p.substring(0, dash));
                int to = dash < 0 ? from : Integer.parseInt(p.substring(dash + 1));
                if (from < 0 || to < from || to >= 4096) {
                    return null;
                }
                if (neg) {
                    set.clear(from, to + 1);
                } else {
                    set.set(from, to + 1);
                }
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return set;
    }

    /** CPUs 0 to n - 1. */
    public static BitSet all(int n) {
        BitSet b = new BitSet();
        b.set(0, n);
        return b;
    }
}
