package org.jvirt.driver.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainState;
import org.jvirt.api.DomainStateInfo;
import org.jvirt.api.PausedReason;
import org.jvirt.api.ShutoffReason;
import org.jvirt.util.HostProcesses;

/** The platform dies (SIGKILL) with guests running; a new one finds them running, or crashed if they died. */
class QemuRestartTest {
    @TempDir
    Path home;

    @Test
    void guestsOutliveAKilledPlatformAndAreManagedAgain() throws Exception {
        RealQemu.emulator();
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        Process platform = new ProcessBuilder(List.of(javaBin.toString(), "-cp", System.getProperty("java.class.path"),
                RestartPlatform.class.getName(), home.toString(), "survivor", "victim"))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Map<String, Long> pids = new HashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(platform.getInputStream()))) {
            String line;
            while ((line = r.readLine()) != null && !line.equals("READY")) {
                String[] f = line.split(" ");
                if (f[0].equals("PID")) {
                    pids.put(f[1], Long.parseLong(f[2]));
                }
            }
            assertThat(line).as("the platform started its guests").isEqualTo("READY");
        } finally {
            platform.destroyForcibly(); // SIGKILL: no chance to clean up
            platform.waitFor(10, TimeUnit.SECONDS);
        }
        long survivor = pids.get("survivor");
        long victim = pids.get("victim");
        try {
            assertThat(HostProcesses.isRunning(survivor, -1)).as("QEMU outlived the platform").isTrue();
            // while no platform runs, one guest's QEMU dies
            ProcessHandle.of(victim).orElseThrow().destroyForcibly();
            assertThat(HostProcesses.waitGone(victim, -1, java.time.Duration.ofSeconds(10))).isTrue();

            try (QemuFixture f = new QemuFixture(home)) {
                Domain s = f.conn.domainLookupByName("survivor");
                assertThat(s.getState().state()).isEqualTo(DomainState.RUNNING);
                assertThat(s.getID()).isPositive();
                assertThat(((QemuDomain) s).pid()).isEqualTo(survivor);
                s.suspend();
                assertThat(s.getState()).isEqualTo(new DomainStateInfo(DomainState.PAUSED, PausedReason.USER.value()));
                s.resume();
                assertThat(s.getState().state()).isEqualTo(DomainState.RUNNING);

                Domain v = f.conn.domainLookupByName("victim");
                assertThat(v.getState()).isEqualTo(new DomainStateInfo(DomainState.SHUTOFF,
                        ShutoffReason.CRASHED.value()));
                assertThat(v.isPersistent()).isTrue();
                assertThat(Files.exists(home.resolve("run/qemu/victim.xml"))).isFalse();

                s.destroy();
                assertThat(HostProcesses.isRunning(survivor, -1)).isFalse();
            }
        } finally {
            for (long pid : List.of(survivor, victim)) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    @Test
    void aBlockJobOutlivesAKilledPlatformAndPivotsAfterwards() throws Exception {
        RealQemu.emulator();
        RealQemu.qemuImg();
        Path base = home.resolve("base.qcow2");
        Path top = home.resolve("top.qcow2");
        QemuImages.create(base, "qcow2", "16M", null);
        QemuImages.create(top, "qcow2", null, base);
        Map<String, Long> pids = runPlatformAndKill("committing=" + top);
        long pid = pids.get("committing");
        try {
            try (QemuFixture f = new QemuFixture(home)) {
                Domain d = f.conn.domainLookupByName("committing");
                assertThat(((QemuDomain) d).pid()).isEqualTo(pid);
                // the job is known again, ready as it was
                assertThat(d.getXMLDesc(Set.of())).contains("<mirror type='file' job='active-commit' ready='yes'>");
                assertThat(d.getBlockJobInfo("vda", Set.of())).map(i -> i.type())
                        .contains(org.jvirt.api.DomainBlockJobType.ACTIVE_COMMIT);
                d.blockJobAbort("vda", java.util.EnumSet.of(org.jvirt.api.DomainBlockJobAbortFlag.PIVOT));
                assertThat(d.getXMLDesc(Set.of())).contains("<source file='" + base + "' index='2'/>")
                        .doesNotContain("<mirror");
                assertThat(d.getBlockJobInfo("vda", Set.of())).isEmpty();
                // the persistent definition follows the pivot
                assertThat(Files.readString(home.resolve("etc/qemu/committing.xml"))).contains(base.toString())
                        .doesNotContain(top.toString());
                d.destroy();
            }
        } finally {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    /** Runs a platform process with the guests given, waits for its READY and kills it (SIGKILL); their pids. */
    private Map<String, Long> runPlatformAndKill(String... guests) throws Exception {
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> cmd = new java.util.ArrayList<>(List.of(javaBin.toString(), "-cp",
                System.getProperty("java.class.path"), RestartPlatform.class.getName(), home.toString()));
        cmd.addAll(List.of(guests));
        Process platform = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Map<String, Long> pids = new HashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(platform.getInputStream()))) {
            String line;
            while ((line = r.readLine()) != null && !line.equals("READY")) {
                String[] f = line.split(" ");
                if (f[0].equals("PID")) {
                    pids.put(f[1], Long.parseLong(f[2]));
                }
            }
            assertThat(line).as("the platform started its guests").isEqualTo("READY");
        } finally {
            platform.destroyForcibly();
            platform.waitFor(10, TimeUnit.SECONDS);
        }
        return pids;
    }
}
