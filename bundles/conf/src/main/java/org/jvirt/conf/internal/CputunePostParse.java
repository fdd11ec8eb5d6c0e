package org.jvirt.conf.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.conf.domain.Cputune;
import org.jvirt.conf.domain.DomainDef;

/**
 * {@code <cputune>}: libvirt keeps a scheduler per vCPU and per I/O thread, so a range given once comes back as
 * one element per id, in id order (virDomainThreadSchedParse, virDomainFormatSchedDef).
 */
final class CputunePostParse {
    private static final List<String> SCHEDULERS = List.of("batch", "idle", "fifo", "rr");

    private CputunePostParse() {
    }

    static void apply(DomainDef def) {
        Cputune t = def.cputune;
        if (t == null) {
            return;
        }
        TreeMap<Integer, Cputune.Vcpusched> vcpus = new TreeMap<>();
        for (Cputune.Vcpusched s : t.vcpuscheds) {
            check(s.scheduler, s.priority);
            for (int id : CpuSets.parse(s.vcpus, "vcpus")) {
                if (vcpus.containsKey(id)) {
                    throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN,
                            "vcpusched attributes 'vcpus' must not overlap");
                }
                Cputune.Vcpusched one = new Cputune.Vcpusched();
                one.vcpus = Integer.toString(id);
                one.scheduler = s.scheduler;
                one.priority = s.priority;
                vcpus.put(id, one);
            }
        }
        t.vcpuscheds = new ArrayList<>(vcpus.values());
        TreeMap<Integer, Cputune.Iothreadsched> threads = new TreeMap<>();
        for (Cputune.Iothreadsched s : t.iothreadscheds) {
            check(s.scheduler, s.priority);
            for (int id : CpuSets.parse(s.iothreads, "iothreads")) {
                if (threads.containsKey(id)) {
                    throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN,
                            "iothreadsched attributes 'iothreads' must not overlap");
                }
                Cputune.Iothreadsched one = new Cputune.Iothreadsched();
                one.iothreads = Integer.toString(id);
                one.scheduler = s.scheduler;
                one.priority = s.priority;
                threads.put(id, one);
            }
        }
        t.iothreadscheds = new ArrayList<>(threads.values());
        if (t.emulatorsched != null) {
            check(t.emulatorsched.scheduler, t.emulatorsched.priority);
        }
        resctrl(def, t);
    }

    /**
     * Cache and memory-bandwidth allocations: vCPUs past the domain's count are dropped (a tune left with none
     * is dropped), allocations must not repeat, tunes must not share vCPUs unless a memory tune matches a cache
     * tune exactly.
     */
    private static void resctrl(DomainDef def, Cputune t) {
        int max = def.maxVcpus();
        List<java.util.TreeSet<Integer>> cacheSets = new ArrayList<>();
        List<Cputune.Cachetune> keptCaches = new ArrayList<>();
        for (Cputune.Cachetune c : t.cachetunes) {
            java.util.TreeSet<Integer> ids = shrink(CpuSets.parse(c.vcpus, "vcpus"), max);
            if (ids.isEmpty()) {
                continue;
            }
            for (java.util.TreeSet<Integer> other : cacheSets) {
                if (overlaps(ids, other)) {
                    throw unsupported("Overlapping vcpus in cachetunes");
                }
            }
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (Cputune.Cachetune.Cache a : c.caches) {
                String key = a.id + "/" + a.level;
                String type = a.type == null ? "both" : a.type;
                if (!seen.add(key + "/" + type) || type.equals("both") && (seen.contains(key + "/code")
                        || seen.contains(key + "/data")) || !type.equals("both") && seen.contains(key + "/both")) {
                    throw unsupported("Collision on cache id '" + a.id + "' and level '" + a.level + "'");
                }
            }
            for (Cputune.Cachetune.Monitor m : c.monitors) {
                if (!ids.containsAll(CpuSets.parse(m.vcpus, "vcpus"))) {
                    throw unsupported("Monitor vcpus conflicts with allocation");
                }
            }
            c.vcpus = CpuSets.format(ids);
            cacheSets.add(ids);
            keptCaches.add(c);
        }
        t.cachetunes = keptCaches;
        List<java.util.TreeSet<Integer>> memSets = new ArrayList<>();
        List<Cputune.Memorytune> keptMems = new ArrayList<>();
        for (Cputune.Memorytune m : t.memorytunes) {
            java.util.TreeSet<Integer> ids = shrink(CpuSets.parse(m.vcpus, "vcpus"), max);
            if (ids.isEmpty()) {
                continue;
            }
            for (java.util.TreeSet<Integer> other : cacheSets) {
                if (overlaps(ids, other) && !ids.equals(other)) {
                    throw unsupported("Overlapping vcpus in memorytunes");
                }
            }
            for (java.util.TreeSet<Integer> other : memSets) {
                if (overlaps(ids, other)) {
                    throw unsupported("Overlapping vcpus in memorytunes");
                }
            }
            java.util.Set<String> nodes = new java.util.HashSet<>();
            for (Cputune.Memorytune.Node n : m.nodes) {
                if (!nodes.add(n.id)) {
                    throw unsupported("Memory Bandwidth already defined for node " + n.id);
                }
            }
            m.vcpus = CpuSets.format(ids);
            memSets.add(ids);
            keptMems.add(m);
        }
        t.memorytunes = keptMems;
    }

    private static java.util.TreeSet<Integer> shrink(java.util.TreeSet<Integer> ids, int max) {
        ids.removeIf(i -> i >= max);
        return ids;
    }

    private static boolean overlaps(java.util.Set<Integer> a, java.util.Set<Integer> b) {
        for (int i : a) {
            if (b.contains(i)) {
                return true;
            }
        }
        return false;
    }

    private static VirtException unsupported(String msg) {
        return new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.DOMAIN, msg);
    }

    private static void check(String scheduler, String priority) {
        if (scheduler == null) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN, "Missing scheduler attribute");
        }
        if (!SCHEDULERS.contains(scheduler)) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN,
                    "Invalid value for attribute 'scheduler' in element 'vcpusched': '" + scheduler + "'.");
        }
        if ((scheduler.equals("fifo") || scheduler.equals("rr")) && priority == null) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN, "Missing scheduler priority");
        }
    }
}
