package org.jvirt.util;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The host's own counters as libvirt reads them from Linux (virhostmem.c, virhostcpu.c): memory of the host or a
 * NUMA cell, CPU time of the host or one CPU, free memory per cell, the CPUs present and online, and KSM's
 * tunables. Every reader takes its root ({@code /}) so that tests can give it a tree of their own.
 */
public final class HostCounters {
    /** Nanoseconds per clock tick: USER_HZ is 100 on every Linux libvirt and jvirt run on. */
    private static final long TICK_NS = 10_000_000L;

    private final Path root;

    public HostCounters(Path root) {
        this.root = root;
    }

    /** The running host's counters. */
    public static HostCounters host() {
        return new HostCounters(Path.of("/"));
    }

    /** The NUMA cells, by number (none on a host that reports no NUMA topology). */
    public List<Integer> cells() {
        List<Integer> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(root.resolve("sys/devices/system/node"))) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.matches("node\\d+"))
                    .forEach(n -> out.add(Integer.parseInt(n.substring(4))));
        } catch (IOException e) {
            // no NUMA information
        }
        out.sort(null);
        return out;
    }

    /**
     * Memory in KiB of the host ({@code cell} -1: total, free, buffers, cached) or of one cell (total, free), in
     * that order; null for a cell the host does not have.
     */
    public Map<String, Long> memory(int cell) throws IOException {
        Path file = cell < 0 ? root.resolve("proc/meminfo")
                : root.resolve("sys/devices/system/node/node" + cell + "/meminfo");
        if (cell >= 0 && !Files.exists(file)) {
            return null;
        }
        Map<String, Long> found = new TreeMap<>();
        for (String line : Files.readAllLines(file)) {
            // "MemTotal:  16384 kB" or, per node, "Node 0 MemTotal:  16384 kB"
            String l = cell < 0 ? line : line.replaceFirst("^Node\\s+\\d+\\s+", "");
            int colon = l.indexOf(':');
            if (colon > 0) {
                found.put(l.substring(0, colon), Long.parseLong(l.substring(colon + 1).replace("kB", "").strip()));
            }
        }
        Map<String, Long> out = new LinkedHashMap<>();
        for (String[] f : new String[][] {{"MemTotal", "total"}, {"MemFree", "free"}, {"Buffers", "buffers"},
                {"Cached", "cached"}}) {
            if (found.containsKey(f[0])) {
                out.put(f[1], found.get(f[0]));
            }
        }
        return out;
    }

    /**
     * CPU time in nanoseconds of the host ({@code cpu} -1) or one CPU: user (with nice), kernel (with interrupts),
     * idle, iowait, in that order; null for a CPU /proc/stat does not list.
     */
    public Map<String, Long> cpu(int cpu) throws IOException {
        String label = cpu < 0 ? "cpu" : "cpu" + cpu;
        for (String line : Files.readAllLines(root.resolve("proc/stat"))) {
            String[] f = line.trim().split("\\s+");
            if (!f[0].equals(label)) {
                continue;
            }
            long[] v = new long[8];
            for (int i = 0; i < v.length && i + 1 < f.length; i++) {
                v[i] = Long.parseLong(f[i + 1]);
            }
            Map<String, Long> out = new LinkedHashMap<>();
            out.put("user", (v[0] + v[1]) * TICK_NS);
            out.put("kernel", (v[2] + v[5] + v[6]) * TICK_NS);
            out.put("idle", v[3] * TICK_NS);
            out.put("iowait", v[4] * TICK_NS);
            return out;
        }
        return null;
    }

    /** Free memory in bytes of each cell, in cell order; the host's MemFree as one cell without NUMA. */
    public List<Long> freePerCell() throws IOException {
        List<Long> out = new ArrayList<>();
        List<Integer> cells = cells();
        if (cells.isEmpty()) {
            out.add(memory(-1).getOrDefault("free", 0L) * 1024);
            return out;
        }
        for (int c : cells) {
            out.add(memory(c).getOrDefault("free", 0L) * 1024);
        }
        return out;
    }

    /** How many CPUs the host has (present) and which are online. */
    public int presentCpus() throws IOException {
        BitSet present = CpuSets.parse(Files.readString(root.resolve("sys/devices/system/cpu/present")).strip());
        return present == null ? 0 : present.length();
    }

    public BitSet onlineCpus() throws IOException {
        return CpuSets.parse(Files.readString(root.resolve("sys/devices/system/cpu/online")).strip());
    }

    /** One of KSM's files under /sys/kernel/mm/ksm, or null when the kernel has none. */
    public Long ksm(String name) {
        try {
            return Long.parseLong(Files.readString(root.resolve("sys/kernel/mm/ksm/" + name)).strip());
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }
}
