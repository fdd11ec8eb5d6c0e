package org.jvirt.driver.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainMessageType;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.api.qemu.QemuMonitorCommandFlag;
import org.jvirt.api.qemu.QemuMonitorEvent;

/** libvirt-qemu's monitor passthrough on a real QEMU: QMP and HMP commands, the taint, QEMU's own events. */
class QemuMonitorCommandTest {
    @TempDir
    Path home;

    @BeforeEach
    void needsQemu() {
        RealQemu.emulator();
    }

    @Test
    void qmpAndHmpPassThroughAndTaintTheDomain() throws Exception {
        try (QemuFixture f = new QemuFixture(home)) {
            Domain d = f.conn.domainCreateXML(QemuFixture.xml("mon"), Set.of());
            assertThat(d.getMessages(Set.of())).isEmpty();

            String reply = d.qemuMonitorCommand("{\"execute\":\"query-status\"}", Set.of());
            assertThat(reply).matches("\\{\"return\":\\{\"status\":\"running\",\"singlestep\":false,"
                    + "\"running\":true\\},\"id\":\"[^\"]+\"\\}");
            // the caller's own id is kept
            assertThat(d.qemuMonitorCommand("{\"execute\":\"query-name\",\"id\":\"mine\"}", Set.of()))
                    .isEqualTo("{\"return\":{\"name\":\"mon\"},\"id\":\"mine\"}");
            // QEMU's refusal comes back as its answer, not as an error (libvirt passes it through)
            assertThat(d.qemuMonitorCommand("{\"execute\":\"no-such-command\"}", Set.of()))
                    .contains("\"error\":{\"class\":\"CommandNotFound\"");
            assertThat(d.qemuMonitorCommand("info status", EnumSet.of(QemuMonitorCommandFlag.HMP)))
                    .isEqualTo("VM status: running\r\n");
            assertThatThrownBy(() -> d.qemuMonitorCommand("not json", Set.of())).isInstanceOfSatisfying(
                    VirtException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL_ERROR));

            assertThat(d.getMessages(EnumSet.of(DomainMessageType.TAINTING)))
                    .containsExactly("tainted: custom monitor control commands issued");
            assertThat(d.getMessages(EnumSet.of(DomainMessageType.DEPRECATION))).isEmpty();
            assertThat(Files.readString(home.resolve("data/log/qemu/mon.log")))
                    .containsOnlyOnce("Domain id=" + d.getID() + " is tainted: custom-monitor\n");

            // QEMU's events reach libvirt-qemu's subscribers as QEMU sent them
            f.monitorEvents.clear();
            d.suspend();
            QemuMonitorEvent stop = f.monitorEvents.poll(30, TimeUnit.SECONDS);
            assertThat(stop).isNotNull();
            assertThat(stop.event()).isEqualTo("STOP");
            assertThat(stop.details()).isNull();
            assertThat(stop.seconds()).isPositive();
            assertThat(stop.domain().getName()).isEqualTo("mon");

            d.destroy();
            assertThatThrownBy(() -> d.qemuMonitorCommand("info status", EnumSet.of(QemuMonitorCommandFlag.HMP)))
                    .isInstanceOf(VirtException.class);
        }
    }

    @Test
    void aDomainThatIsNotRunningHasNoMonitor() {
        try (QemuFixture f = new QemuFixture(home)) {
            Domain d = f.conn.domainDefineXML(QemuFixture.xml("off"));
            assertThatThrownBy(() -> d.qemuMonitorCommand("{\"execute\":\"query-status\"}", Set.of()))
                    .isInstanceOfSatisfying(VirtException.class, e -> assertThat(e.getMessage())
                            .isEqualTo("Requested operation is not valid: domain is not running"));
        }
    }
}
