package org.jvirt.conf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The order libvirt's formatter gives the children of a capabilities document's host {@code <cpu>}:
 * virCapabilitiesFormatHostXML (capabilities.c) writes {@code <arch>} and the host's {@code <features>}, then
 * virCPUDefFormatBuf (cpu_conf.c) the CPU ({@code <model>}, {@code <vendor>}, {@code <microcode>},
 * {@code <signature>}, {@code <counter>}, {@code <topology>}, {@code <cache>}, {@code <maxphysaddr>}, each
 * {@code <feature>}), then each {@code <pages>}. Hand-written samples may list them otherwise; this puts a sample's
 * lines in that order and changes nothing else, so that a test compares every other byte.
 */
final class HostCpuOrder {
    private static final List<String> ORDER = List.of("arch", "features", "model", "vendor", "microcode",
            "signature", "counter", "topology", "cache", "maxphysaddr", "feature", "pages");
    private static final String OPEN = "    <cpu>";
    private static final String CLOSE = "    </cpu>";
    private static final String CHILD = "      <";

    private HostCpuOrder() {
    }

    /** {@code xml} with the children of its host's {@code <cpu>} (if any) stably sorted into libvirt's order. */
    static String apply(String xml) {
        int host = xml.indexOf("\n  <host>\n");
        int open = host < 0 ? -1 : xml.indexOf("\n" + OPEN + "\n", host);
        int hostEnd = xml.indexOf("\n  </host>\n", Math.max(host, 0));
        if (open < 0 || open > hostEnd) {
            return xml;
        }
        int from = open + OPEN.length() + 2;
        int to = xml.indexOf("\n" + CLOSE + "\n", from) + 1;
        List<String> chunks = new ArrayList<>();
        for (String line : xml.substring(from, to).split("(?<=\\n)")) {
            if (line.startsWith(CHILD) && !line.startsWith(CHILD + "/") || chunks.isEmpty()) {
                chunks.add(line);
            } else {
                chunks.set(chunks.size() - 1, chunks.get(chunks.size() - 1) + line);
            }
        }
        chunks.sort(Comparator.comparingInt(HostCpuOrder::rank));
        return xml.substring(0, from) + String.join("", chunks) + xml.substring(to);
    }

    private static int rank(String chunk) {
        String name = chunk.substring(CHILD.length()).split("[ />]", 2)[0];
        int rank = ORDER.indexOf(name);
        if (rank < 0) {
            throw new IllegalArgumentException("libvirt writes no <" + name + "> in a host's <cpu>");
        }
        return rank;
    }
}
