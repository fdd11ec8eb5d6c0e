package org.jvirt.driver.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainState;
import org.jvirt.api.DomainStateInfo;
import org.jvirt.api.RunningReason;
import org.jvirt.api.ShutoffReason;
import org.jvirt.api.event.DomainEvent;
import org.jvirt.api.event.DomainLifecycleEvent;
import org.jvirt.api.event.DomainRebootEvent;
import org.jvirt.util.HostProcesses;

/** Shutdown and reboot of a guest that answers ACPI (a boot sector, see {@link AcpiGuest}), with libvirt's events. */
class QemuGuestPowerTest {
    private static final Duration BOOT = Duration.ofSeconds(30);

    @TempDir
    Path home;
    @TempDir
    Path dir;

    @BeforeEach
    void needsQemu() {
        RealQemu.emulator();
    }

    /** The next event: "TYPE/DETAIL" for lifecycle events, "REBOOT" for the reboot event. */
    private static String next(QemuFixture f) throws InterruptedException {
        DomainEvent e = f.events.poll(30, TimeUnit.SECONDS);
        if (e == null) {
            return "(none)";
        }
        if (e instanceof DomainLifecycleEvent l) {
            return l.type() + "/" + ((Enum<?>) l.detailConstant()).name();
        }
        return e instanceof DomainRebootEvent ? "REBOOT" : e.getClass().getSimpleName();
    }

    /** The events that came until the queue stays quiet for a moment. */
    private static java.util.List<String> drain(QemuFixture f) throws InterruptedException {
        java.util.List<String> out = new java.util.ArrayList<>();
        DomainEvent e;
        while ((e = f.events.poll(300, TimeUnit.MILLISECONDS)) != null) {
            out.add(e instanceof DomainRebootEvent ? "REBOOT" : e instanceof DomainLifecycleEvent l
                    ? l.type() + "/" + ((Enum<?>) l.detailConstant()).name() : e.getClass().getSimpleName());
        }
        return out;
    }

    @Test
    void shutdownIsAnsweredByTheGuest() throws Exception {
        AcpiGuest guest = new AcpiGuest(dir);
        try (QemuFixture f = new QemuFixture(home)) {
            Domain d = f.conn.domainDefineXML(guest.xml("acpi"));
            assertThat(next(f)).isEqualTo("DEFINED/ADDED");
            d.create();
            assertThat(f.nextLifecycle()).isEqualTo("RESUMED/UNPAUSED");
            assertThat(next(f)).isEqualTo("STARTED/BOOTED");
            assertThat(guest.awaitOutput("B\n", BOOT)).as("the guest booted: " + guest.output()).isTrue();
            long pid = ((QemuDomain) d).pid();

            d.shutdown();
            assertThat(next(f)).isEqualTo("SHUTDOWN/GUEST");
            assertThat(next(f)).isEqualTo("STOPPED/SHUTDOWN");
            assertThat(guest.output()).isEqualTo("B\nP\n");
            assertThat(d.getState()).isEqualTo(new DomainStateInfo(DomainState.SHUTOFF, ShutoffReason.SHUTDOWN.value()));
            assertThat(HostProcesses.isRunning(pid, -1)).isFalse();
            try (var s = Files.list(home.resolve("run/qemu"))) {
                assertThat(s).isEmpty();
            }
            assertThat(f.events.poll(200, TimeUnit.MILLISECONDS)).as("nothing more").isNull();
        }
    }

    @Test
    void rebootResetsTheGuestThroughItsPowerOff() throws Exception {
        AcpiGuest guest = new AcpiGuest(dir);
        try (QemuFixture f = new QemuFixture(home)) {
            Domain d = f.conn.domainCreateXML(guest.xml("reboots"), Set.of());
            assertThat(f.nextLifecycle()).isEqualTo("RESUMED/UNPAUSED");
            assertThat(next(f)).isEqualTo("STARTED/BOOTED");
            assertThat(guest.awaitOutput("B\n", BOOT)).isTrue();
            long pid = ((QemuDomain) d).pid();

            d.reboot(Set.of());
            // the guest powers off, and that becomes a reset: only reboot events, as libvirt's fake reboot gives
            // (QEMU's reset, then SeaBIOS's own reset as it starts again)
            assertThat(guest.awaitOutput("B\nP\nB\n", BOOT)).as("booted again: " + guest.output()).isTrue();
            assertThat(drain(f)).isNotEmpty().containsOnly("REBOOT");
            assertThat(d.getState()).isEqualTo(new DomainStateInfo(DomainState.RUNNING, RunningReason.BOOTED.value()));
            assertThat(((QemuDomain) d).pid()).as("the same QEMU").isEqualTo(pid);
            assertThat(Files.readString(home.resolve("run/qemu/reboots.xml"))).doesNotContain("<fakereboot/>");

            // a reset from the host is a reboot event too, and the guest boots once more
            d.reset();
            assertThat(guest.awaitOutput("B\nP\nB\nB\n", BOOT)).as("reset: " + guest.output()).isTrue();
            assertThat(drain(f)).isNotEmpty().containsOnly("REBOOT");

            // and after its reboots it still answers: a shutdown now ends it
            d.shutdown();
            assertThat(next(f)).isEqualTo("SHUTDOWN/GUEST");
            assertThat(next(f)).isEqualTo("STOPPED/SHUTDOWN");
            assertThat(HostProcesses.isRunning(pid, -1)).isFalse();
            assertThat(f.conn.listAllDomains(Set.of())).as("a transient domain goes when it stops").isEmpty();
        }
    }
}
