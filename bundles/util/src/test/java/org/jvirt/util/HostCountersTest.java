package org.jvirt.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The host's counters read from a tree laid out as Linux's /proc and /sys, with the values libvirt derives. */
class HostCountersTest {
    @TempDir
    Path root;

    private void write(String path, String text) throws Exception {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    @Test
    void memoryCpuTimeFreeCellsAndCpus() throws Exception {
        write("proc/meminfo", "MemTotal:       24684092 kB\nMemFree:        21177740 kB\nMemAvailable:   23000000 kB\n"
                + "Buffers:           31968 kB\nCached:           728692 kB\nSwapCached:            0 kB\n");
        write("sys/devices/system/node/node0/meminfo", "Node 0 MemTotal:       14641364 kB\n"
                + "Node 0 MemFree:        10506148 kB\nNode 0 MemUsed:         4135216 kB\n");
        write("sys/devices/system/node/node1/meminfo", "Node 1 MemTotal:        1000 kB\nNode 1 MemFree:  10 kB\n");
        write("proc/stat", "cpu  100 20 30 400 5 6 7 0 0 0\ncpu0 50 10 15 200 2 3 3 0 0 0\nintr 1 2 3\n");
        write("sys/devices/system/cpu/present", "0-3\n");
        write("sys/devices/system/cpu/online", "0-1,3\n");
        write("sys/kernel/mm/ksm/pages_to_scan", "100\n");
        HostCounters h = new HostCounters(root);

        assertThat(h.memory(-1)).containsExactly(Map.entry("total", 24684092L), Map.entry("free", 21177740L),
                Map.entry("buffers", 31968L), Map.entry("cached", 728692L));
        assertThat(h.memory(0)).containsExactly(Map.entry("total", 14641364L), Map.entry("free", 10506148L));
        assertThat(h.memory(5)).isNull();
        assertThat(h.cells()).containsExactly(0, 1);
        assertThat(h.freePerCell()).containsExactly(10506148L * 1024, 10L * 1024);

        // user + nice, system + irq + softirq, idle, iowait: ticks of 10 ms
        assertThat(h.cpu(-1)).containsExactly(Map.entry("user", 1_200_000_000L), Map.entry("kernel", 430_000_000L),
                Map.entry("idle", 4_000_000_000L), Map.entry("iowait", 50_000_000L));
        assertThat(h.cpu(0).get("user")).isEqualTo(600_000_000L);
        assertThat(h.cpu(1)).isNull();

        assertThat(h.presentCpus()).isEqualTo(4);
        assertThat(h.onlineCpus()).isEqualTo(CpuSets.parse("0-1,3"));
        assertThat(h.ksm("pages_to_scan")).isEqualTo(100L);
        assertThat(h.ksm("merge_across_nodes")).isNull();
    }

    @Test
    void withoutNumaTheHostIsOneCell() throws Exception {
        write("proc/meminfo", "MemTotal: 2048 kB\nMemFree: 1024 kB\n");
        assertThat(new HostCounters(root).cells()).isEmpty();
        assertThat(new HostCounters(root).freePerCell()).isEqualTo(List.of(1024L * 1024));
    }
}
