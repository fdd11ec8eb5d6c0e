package org.jvirt.driver.qemu.command;

import java.util.BitSet;

import org.jvirt.conf.domain.CpuDef;
import org.jvirt.conf.domain.DomainDef;

/**
 * vCPUs that no guest NUMA cell names go to cell 0, which QEMU accepts as a disjoint range
 * (qemuDomainDefNumaCPUsRectify with virDomainNumaFillCPUsInNode): cell 0 becomes every vCPU that the other cells
 * do not hold. Every QEMU jvirt drives has {@code -numa}, the capability libvirt asks for first.
 */
final class NumaCpus {
    private NumaCpus() {
    }

    static void rectify(DomainDef def) {
        if (def.cpu == null || def.cpu.numa == null || def.cpu.numa.cells.isEmpty() || def.vcpu == null
                || def.vcpu.text == null) {
            return;
        }
        int max = Integer.parseInt(def.vcpu.text.strip());
        int named = 0;
        BitSet others = new BitSet();
        for (int i = 0; i < def.cpu.numa.cells.size(); i++) {
            CpuDef.Numa.Cell cell = def.cpu.numa.cells.get(i);
            BitSet cpus = parse(cell.cpus);
            named += cpus.cardinality();
            if (i > 0) {
                others.or(cpus);
            }
        }
        if (named >= max) {
            return;
        }
        BitSet first = new BitSet();
        first.set(0, max);
        first.andNot(others);
        def.cpu.numa.cells.get(0).cpus = format(first);
    }

    /** A CPU list as libvirt writes one: ranges and single ids, comma-separated, with {@code ^} exclusions. */
    private static BitSet parse(String text) {
        BitSet out = new BitSet();
        if (text == null || text.isBlank()) {
            return out;
        }
        BitSet excluded = new BitSet();
        for (String part : text.strip().split(",")) {
            String p = part.strip();
            boolean exclude = p.startsWith("^");
            if (exclude) {
                p = p.substring(1);
            }
            int dash = p.indexOf('-');
            int from = Integer.parseInt(p.substring(0, dash < 0 ? p.length() : dash).strip());
            int to = dash < 0 ? from : Integer.parseInt(p.substring(dash + 1).strip());
            (exclude ? excluded : out).set(from, to + 1);
        }
        out.andNot(excluded);
        return out;
    }

    private static String format(BitSet set) {
        StringBuilder sb = new StringBuilder();
        for (int i = set.nextSetBit(0); i >= 0; i = set.nextSetBit(i + 1)) {
            int end = set.nextClearBit(i) - 1;
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(i);
            if (end > i) {
                sb.append('-').append(end);
            }
            i = end;
        }
        return sb.toString();
    }
}
