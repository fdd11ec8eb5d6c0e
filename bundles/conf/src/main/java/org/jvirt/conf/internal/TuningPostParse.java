package org.jvirt.conf.internal;

import java.util.HashSet;
import java.util.Set;

import org.jvirt.conf.domain.DomainDef;
import org.jvirt.conf.domain.IoThreadIds;
import org.jvirt.conf.domain.MemorySize;
import org.jvirt.conf.domain.Memtune;
import org.jvirt.util.ScaledSizes;

/**
 * The domain-wide values libvirt keeps in its own form after reading them (virDomainDefParseXML's memory tuning,
 * hugepages, SMM, I/O threads, NUMA tuning and boot menu parts): sizes in fixed units, unlimited limits, I/O thread
 * ids filled in up to the count, an automatic memory placement.
 */
final class TuningPostParse {
    /** libvirt's "unlimited" memory limit, in KiB (VIR_DOMAIN_MEMORY_PARAM_UNLIMITED). */
    static final long UNLIMITED_KIB = 9007199254740991L;

    private TuningPostParse() {
    }

    static void apply(DomainDef def) {
        if (def.os != null && def.os.bootmenu != null && !"yes".equals(def.os.bootmenu.enable)) {
            def.os.bootmenu.timeout = null;  // a timeout means something only for an enabled menu
        }
        memtune(def);
        if (def.memoryBacking != null && def.memoryBacking.hugepages != null) {
            for (var page : def.memoryBacking.hugepages.pages) {
                if (page.size == null) {
                    continue;
                }
                Long v = XmlValues.parseLong(page.size.strip(), 10);
                if (v != null && v >= 0) {
                    page.size = Long.toString(ScaledSizes.bytesToKiBRoundUp(
                            ScaledSizes.toBytes(v, page.unit, 1024, Long.MAX_VALUE)));
                    page.unit = "KiB";
                }
            }
        }
        if (def.features != null && def.features.smm != null && def.features.smm.tseg != null) {
            MemorySize t = def.features.smm.tseg;
            Long v = t.text == null ? null : XmlValues.parseLong(t.text.strip(), 10);
            if (v != null && v >= 0) {
                // kept in bytes, written in MiB
                long bytes = ScaledSizes.toBytes(v, t.unit, 1024 * 1024, Long.MAX_VALUE);
                t.text = Long.toString(bytes / (1024 * 1024));
                t.unit = "MiB";
            }
        }
        iothreadIds(def);
        if (def.numatune != null && def.numatune.memory != null && def.numatune.memory.placement == null
                && def.numatune.memory.nodeset == null) {
            def.numatune.memory.placement = "auto";  // no node set: the nodes are left to numad
        }
    }

    /** Each limit in KiB; one at or above libvirt's unlimited is not set, and an empty {@code <memtune>} goes. */
    private static void memtune(DomainDef def) {
        Memtune m = def.memtune;
        if (m == null) {
            return;
        }
        m.hardLimit = limit(m.hardLimit);
        m.softLimit = limit(m.softLimit);
        m.swapHardLimit = limit(m.swapHardLimit);
        if (m.minGuarantee != null) {
            inKiB(m.minGuarantee);
        }
        if (m.hardLimit == null && m.softLimit == null && m.swapHardLimit == null && m.minGuarantee == null) {
            def.memtune = null;
        }
    }

    private static MemorySize limit(MemorySize m) {
        if (m == null) {
            return null;
        }
        Long kib = inKiB(m);
        return kib != null && kib >= UNLIMITED_KIB ? null : m;
    }

    private static Long inKiB(MemorySize m) {
        Long v = m.text == null ? null : XmlValues.parseLong(m.text.strip(), 10);
        if (v == null || v < 0) {
            return null;  // a malformed size is refused by the attribute rules
        }
        long bytes = ScaledSizes.toBytes(v, m.unit, 1024, Long.MAX_VALUE);
        long kib = ScaledSizes.bytesToKiBRoundUp(bytes);
        m.text = Long.toString(kib);
        m.unit = "KiB";
        m.kib = kib;
        return kib;
    }

    /**
     * With some ids given and a larger {@code <iothreads>} count, libvirt adds the missing threads with the lowest
     * unused ids, after the given ones (virDomainIOThreadIDDefArrayInit).
     */
    private static void iothreadIds(DomainDef def) {
        if (def.iothreads == null || def.iothreadids == null || def.iothreadids.iothreads.isEmpty()) {
            return;
        }
        Long count = XmlValues.parseLong(def.iothreads.strip(), 10);
        if (count == null) {
            return;
        }
        Set<Long> used = new HashSet<>();
        for (IoThreadIds.IoThread t : def.iothreadids.iothreads) {
            Long id = t.id == null ? null : XmlValues.parseLong(t.id.strip(), 10);
            if (id == null) {
                return;  // refused by the checks
            }
            used.add(id);
        }
        long next = 1;
        while (def.iothreadids.iothreads.size() < count) {
            while (used.contains(next)) {
                next++;
            }
            IoThreadIds.IoThread t = new IoThreadIds.IoThread();
            t.id = Long.toString(next);
            used.add(next);
            def.iothreadids.iothreads.add(t);
        }
    }
}
