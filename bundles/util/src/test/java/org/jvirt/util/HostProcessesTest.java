package org.jvirt.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class HostProcessesTest {

    @Test
    void seesThisJvmRunningWithItsStartTime() {
        long self = ProcessHandle.current().pid();
        long start = HostProcesses.startTicks(self);
        assertThat(start).isPositive();
        assertThat(HostProcesses.isRunning(self, start)).isTrue();
        assertThat(HostProcesses.isRunning(self, -1)).isTrue();
        // another start time means another process that reused the pid
        assertThat(HostProcesses.isRunning(self, start + 1)).isFalse();
    }

    @Test
    void readsACommandLineAsItsArguments() throws Exception {
        Process p = new ProcessBuilder("sleep", "30").start();
        try {
            assertThat(HostProcesses.commandLine(p.pid())).containsExactly("sleep", "30");
        } finally {
            p.destroyForcibly().waitFor();
        }
    }

    @Test
    void parsesANameWithSpacesAndParentheses() {
        HostProcesses.ProcessStat s = HostProcesses.parseStat(42,
                "42 (a (b) c) S 1 42 42 0 -1 4194560 100 0 0 0 1 2 0 0 20 0 1 0 12345 1000 10 0");
        assertThat(s.state()).isEqualTo('S');
        assertThat(s.startTicks()).isEqualTo(12345);
        assertThat(s.running()).isTrue();
        assertThat(HostProcesses.parseStat(42, "42 (x) Z 1 1 1 0 -1 0 0 0 0 0 0 0 0 0 0 0 1 0 7 0 0").running())
                .isFalse();
    }

    @Test
    void noProcessForAPidThatDoesNotExist() {
        assertThat(HostProcesses.stat(Integer.MAX_VALUE)).isEmpty();
        assertThat(HostProcesses.isRunning(Integer.MAX_VALUE, -1)).isFalse();
        assertThat(HostProcesses.commandLine(Integer.MAX_VALUE)).isEmpty();
        assertThat(HostProcesses.terminate(Integer.MAX_VALUE, -1, Duration.ofMillis(10), Duration.ofMillis(10)))
                .isTrue();
    }

    @Test
    void terminatesWithSigtermFirst() throws Exception {
        Process p = new ProcessBuilder("sleep", "30").start();
        long start = HostProcesses.startTicks(p.pid());
        assertThat(HostProcesses.terminate(p.pid(), start, Duration.ofSeconds(5), Duration.ofSeconds(5))).isTrue();
        assertThat(p.waitFor()).isEqualTo(128 + 15);
    }

    @Test
    void killsWhatIgnoresSigterm() throws Exception {
        Process p = new ProcessBuilder(List.of("sh", "-c", "trap '' TERM; echo ready; sleep 30 & wait")).start();
        assertThat(new String(p.getInputStream().readNBytes(6))).isEqualTo("ready\n");
        long start = HostProcesses.startTicks(p.pid());
        assertThat(HostProcesses.terminate(p.pid(), start, Duration.ofMillis(100), Duration.ofSeconds(5))).isTrue();
        assertThat(p.waitFor()).isEqualTo(128 + 9);
    }

    @Test
    void findsAProcessByOneOfItsArguments() throws Exception {
        String marker = "jvirt-test-" + System.nanoTime();
        // "; :" keeps the shell (and its arguments) alive: dash execs a lone last command, which would replace the
        // command line that carries the marker
        Process p = new ProcessBuilder("sh", "-c", "sleep 30; :", marker).start();
        try {
            // the child shows its own arguments only once it has exec'd the shell (the JDK spawns it through a helper)
            List<Long> found = List.of();
            for (long end = System.nanoTime() + 10_000_000_000L; found.isEmpty() && System.nanoTime() < end; ) {
                found = HostProcesses.withArgument(marker);
                if (found.isEmpty()) {
                    Thread.sleep(20);
                }
            }
            assertThat(found).containsExactly(p.pid());
        } finally {
            p.destroyForcibly().waitFor();
        }
        assertThat(HostProcesses.withArgument(marker)).isEmpty();
    }

    @Test
    void knowsItsOwnIds() throws Exception {
        HostProcesses.Ids ids = HostProcesses.self();
        long owner = (Integer) java.nio.file.Files.getAttribute(java.nio.file.Path.of("/proc/self"), "unix:uid");
        assertThat(ids.uid()).isEqualTo(owner);
        assertThat(ids.gid()).isNotNegative();
    }
}
