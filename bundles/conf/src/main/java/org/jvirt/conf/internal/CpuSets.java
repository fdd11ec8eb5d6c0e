package org.jvirt.conf.internal;

import java.util.TreeSet;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

/** libvirt's bitmap syntax ("0-3,^2,8"): ids, ranges, and exclusions, as virBitmapParse reads it. */
public final class CpuSets {
    private CpuSets() {
    }

    public static TreeSet<Integer> parse(String text, String what) {
        TreeSet<Integer> set = new TreeSet<>();
        TreeSet<Integer> excluded = new TreeSet<>();
        if (text == null || text.isBlank()) {
            throw invalid(what, text);
        }
        for (String part : text.split(",")) {
            String p = part.strip();
            boolean neg = p.startsWith("^");
            if (neg) {
                p = p.substring(1);
            }
            try {
                int dash = p.indexOf('-');
                int lo = Integer.parseInt(dash < 0 ? p : p.substring(0, dash).strip());
                int hi = dash < 0 ? lo : Integer.parseInt(p.substring(dash + 1).strip());
                if (lo < 0 || hi < lo || (neg && dash >= 0)) {
                    throw invalid(what, text);
                }
                for (int i = lo; i <= hi; i++) {
                    (neg ? excluded : set).add(i);
                }
            } catch (NumberFormatException e) {
                throw invalid(what, text);
            }
        }
        set.removeAll(excluded);
        return set;
    }

    /** Formats a set as libvirt does: ascending, consecutive ids as ranges ("0-3,8"). */
    public static String format(Iterable<Integer> ids) {
        StringBuilder sb = new StringBuilder();
        Integer start = null;
        Integer prev = null;
        for (int id : ids) {
            if (prev != null && id == prev + 1) {
                prev = id;
                continue;
            }
            append(sb, start, prev);
            start = id;
            prev = id;
        }
        append(sb, start, prev);
        return sb.toString();
    }

    private static void append(StringBuilder sb, Integer start, Integer end) {
        if (start == null) {
            return;
        }
        if (sb.length() > 0) {
            sb.append(',');
        }
        sb.append(start);
        if (!start.equals(end)) {
            sb.append('-').append(end);
        }
    }

    private static VirtException invalid(String what, String text) {
        return new VirtException(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN,
                "Failed to parse bitmap '" + text + "'");
    }
}
