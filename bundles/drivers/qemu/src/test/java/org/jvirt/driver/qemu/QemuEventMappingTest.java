package org.jvirt.driver.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainState;
import org.jvirt.api.DomainStateInfo;
import org.jvirt.api.PausedReason;
import org.jvirt.api.RunningReason;
import org.jvirt.api.event.DomainEvent;
import org.jvirt.api.event.DomainIOErrorEvent;
import org.jvirt.api.event.DomainIOErrorReasonEvent;
import org.jvirt.api.event.DomainLifecycleEvent;
import org.jvirt.api.event.DomainPMSuspendEvent;
import org.jvirt.api.event.DomainPMWakeupEvent;
import org.jvirt.api.event.DomainRtcChangeEvent;
import org.jvirt.api.event.DomainTrayChangeEvent;
import org.jvirt.api.event.DomainWatchdogEvent;
import org.jvirt.api.event.IOErrorAction;
import org.jvirt.api.event.TrayChangeReason;
import org.jvirt.api.event.WatchdogAction;
import org.jvirt.driver.qemu.qmp.QmpEvent;

/**
 * QEMU's events that a guest with no operating system cannot provoke (watchdog, I/O error, RTC, power management,
 * tray), as QEMU words them, given to a running domain's event handler: the API events libvirt makes of them, in
 * its order, with its fields, and the state changes.
 */
class QemuEventMappingTest {
    private static final JsonNodeFactory J = JsonNodeFactory.instance;

    @TempDir
    java.nio.file.Path home;
    @TempDir
    java.nio.file.Path dir;

    @BeforeEach
    void needsQemu() {
        RealQemu.emulator();
    }

    private static List<DomainEvent> drain(QemuFixture f, int n) throws InterruptedException {
        List<DomainEvent> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            DomainEvent e = f.events.poll(10, TimeUnit.SECONDS);
            assertThat(e).as("event " + i).isNotNull();
            out.add(e);
        }
        assertThat(f.events.poll(200, TimeUnit.MILLISECONDS)).as("no more events").isNull();
        return out;
    }

    private static String lifecycle(DomainEvent e) {
        DomainLifecycleEvent l = (DomainLifecycleEvent) e;
        return l.type() + "/" + ((Enum<?>) l.detailConstant()).name();
    }

    @Test
    void qemusEventsBecomeLibvirtsEvents() throws Exception {
        java.nio.file.Path image = dir.resolve("disk.qcow2");
        QemuImages.create(image, "qcow2", "1M", null);
        String disks = "<disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='" + image
                + "'/><target dev='vda' bus='virtio'/></disk><disk type='file' device='cdrom'><target dev='hdc' "
                + "bus='ide'/><readonly/></disk>";
        try (QemuFixture f = new QemuFixture(home)) {
            Domain d = f.conn.domainCreateXML(QemuFixture.xml("events", disks), Set.of());
            QemuDomainObj o = f.driver.state().byUuid(d.getUUID());
            QmpEvents handler = new QmpEvents(f.driver.state(), o);
            f.events.clear();

            handler.event(new QmpEvent("RTC_CHANGE", J.objectNode().put("offset", 3600), 0, 0));
            assertThat(((DomainRtcChangeEvent) drain(f, 1).get(0)).utcOffset()).isEqualTo(3600);

            handler.event(new QmpEvent("WATCHDOG", J.objectNode().put("action", "reset"), 0, 0));
            assertThat(((DomainWatchdogEvent) drain(f, 1).get(0)).action()).isEqualTo(WatchdogAction.RESET);
            assertThat(d.getState().state()).isEqualTo(DomainState.RUNNING);

            handler.event(new QmpEvent("WATCHDOG", J.objectNode().put("action", "pause"), 0, 0));
            List<DomainEvent> w = drain(f, 2);
            assertThat(((DomainWatchdogEvent) w.get(0)).action()).isEqualTo(WatchdogAction.PAUSE);
            assertThat(lifecycle(w.get(1))).isEqualTo("SUSPENDED/WATCHDOG");
            assertThat(d.getState()).isEqualTo(new DomainStateInfo(DomainState.PAUSED,
                    PausedReason.WATCHDOG.value()));
            d.resume();
            drain(f, 1);

            String node = "libvirt-" + o.def.devices().disks.get(0).source.index + "-format";
            ObjectNode io = J.objectNode().put("device", "").put("node-name", node).put("operation", "write")
                    .put("action", "stop").put("nospace", true).put("reason", "No space left on device");
            handler.event(new QmpEvent("BLOCK_IO_ERROR", io, 0, 0));
            List<DomainEvent> e = drain(f, 3);
            DomainIOErrorEvent first = (DomainIOErrorEvent) e.get(0);
            assertThat(first.srcPath()).isEqualTo(image.toString());
            assertThat(first.devAlias()).isEqualTo("virtio-disk0");
            assertThat(first.action()).isEqualTo(IOErrorAction.PAUSE);
            DomainIOErrorReasonEvent second = (DomainIOErrorReasonEvent) e.get(1);
            assertThat(second.reason()).isEqualTo("enospc");
            assertThat(lifecycle(e.get(2))).isEqualTo("SUSPENDED/IOERROR");
            assertThat(d.getState()).isEqualTo(new DomainStateInfo(DomainState.PAUSED,
                    PausedReason.IOERROR.value()));
            d.resume();
            drain(f, 1);

            handler.event(new QmpEvent("BLOCK_IO_ERROR", io.put("action", "report").put("nospace", false), 0, 0));
            List<DomainEvent> r = drain(f, 2);
            assertThat(((DomainIOErrorReasonEvent) r.get(1)).reason()).isEmpty();
            assertThat(((DomainIOErrorReasonEvent) r.get(1)).action()).isEqualTo(IOErrorAction.REPORT);

            handler.event(new QmpEvent("SUSPEND", J.objectNode(), 0, 0));
            List<DomainEvent> s = drain(f, 2);
            assertThat(s.get(0)).isInstanceOf(DomainPMSuspendEvent.class);
            assertThat(lifecycle(s.get(1))).isEqualTo("PMSUSPENDED/MEMORY");
            assertThat(d.getState().state()).isEqualTo(DomainState.PMSUSPENDED);
            handler.event(new QmpEvent("WAKEUP", J.objectNode(), 0, 0));
            List<DomainEvent> wk = drain(f, 2);
            assertThat(wk.get(0)).isInstanceOf(DomainPMWakeupEvent.class);
            assertThat(lifecycle(wk.get(1))).isEqualTo("STARTED/WAKEUP");
            assertThat(d.getState()).isEqualTo(new DomainStateInfo(DomainState.RUNNING,
                    RunningReason.WAKEUP.value()));

            handler.event(new QmpEvent("DEVICE_TRAY_MOVED", J.objectNode().put("device", "").put("id", "ide0-1-0")
                    .put("tray-open", true), 0, 0));
            DomainTrayChangeEvent t = (DomainTrayChangeEvent) drain(f, 1).get(0);
            assertThat(t.devAlias()).isEqualTo("ide0-1-0");
            assertThat(t.reason()).isEqualTo(TrayChangeReason.OPEN);

            handler.event(new QmpEvent("POWERDOWN", J.objectNode(), 0, 0));
            assertThat(f.events.poll(200, TimeUnit.MILLISECONDS)).as("libvirt reports no POWERDOWN").isNull();
            d.destroy();
        }
    }
}
