package org.jvirt.driver.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
}
