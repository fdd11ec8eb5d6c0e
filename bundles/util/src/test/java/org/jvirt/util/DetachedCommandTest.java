package org.jvirt.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetachedCommandTest {
    @TempDir
    Path dir;

    @Test
    void appendsOutputToTheLogAndReadsNoInput() throws Exception {
        Path log = dir.resolve("out.log");
        Files.writeString(log, "before\n");
        Process p = DetachedCommand.of(List.of("sh", "-c", "echo out; echo err >&2; cat"))
                .appendOutputTo(log).start();
        assertThat(p.waitFor()).isZero();
        assertThat(Files.readString(log)).isEqualTo("before\nout\nerr\n");
    }

    @Test
    void argumentsReachTheProgramUnchangedWithoutAShell() throws Exception {
        Path log = dir.resolve("args.log");
        Process p = DetachedCommand.of(List.of("printf", "%s|", "a b", "$HOME", "'q'", ";x")).appendOutputTo(log)
                .start();
        assertThat(p.waitFor()).isZero();
        assertThat(Files.readString(log)).isEqualTo("a b|$HOME|'q'|;x|");
    }

    @Test
    void runsInASessionOfItsOwnWithTheChildsPid() throws Exception {
        assumeThat(DetachedCommand.detaches()).as("util-linux setsid is installed").isTrue();
        Process p = DetachedCommand.of(List.of("sleep", "30")).start();
        try {
            // setsid execs in place: the JVM's child is the program itself, and it leads its own session
            awaitCommand(p.pid(), "sleep");
            String stat = Files.readString(Path.of("/proc", Long.toString(p.pid()), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            assertThat(Long.parseLong(f[3])).as("session id").isEqualTo(p.pid());
        } finally {
            p.destroyForcibly().waitFor();
        }
    }

    @Test
    void environmentCanStartEmpty() throws Exception {
        Path log = dir.resolve("env.log");
        Process p = DetachedCommand.of(List.of("/usr/bin/env")).clearEnvironment().env("LC_ALL", "C")
                .appendOutputTo(log).start();
        assertThat(p.waitFor()).isZero();
        assertThat(Files.readString(log)).isEqualTo("LC_ALL=C\n");
    }

    private static void awaitCommand(long pid, String name) throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            List<String> cmd = HostProcesses.commandLine(pid);
            if (!cmd.isEmpty() && cmd.get(0).endsWith(name)) {
                return;
            }
            Thread.sleep(2);
        }
        throw new AssertionError("process " + pid + " never ran " + name);
    }
}
