package org.jvirt.driver.qemu.command;

import java.util.BitSet;

import org.jvirt.conf.domain.CpuDef;
import org.jvirt.conf.domain.DomainDef;
import org.jvirt.util.CpuSets;

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
        def.cpu.numa.cells.get(0).cpus = CpuSets.format(first);
    }

    /** A cell's CPU list; an empty set for none (or one that conf's validation refuses anyway). */
    private static BitSet parse(String text) {
        BitSet set = text == null || text.isBlank() ? null : CpuSets.parse(text.strip());
        return set == null ? new BitSet() : set;
    }
}
