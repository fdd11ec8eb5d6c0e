package org.jvirt.driver.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainCreateFlag;
import org.jvirt.api.DomainState;
import org.jvirt.api.DomainXMLFlag;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ListDomainsFlag;
import org.jvirt.api.PausedReason;
import org.jvirt.api.RunningReason;
import org.jvirt.api.ShutoffReason;
import org.jvirt.api.VirtException;
import org.jvirt.util.HostProcesses;

/** Real QEMU (TCG) guests through the driver: libvirt's states, reasons, events and files. */
class QemuLifecycleTest {
    @TempDir
    Path home;

    @BeforeEach
    void needsQemu() {
        RealQemu.emulator();
    }

    @Test
    void defineStartSuspendResumeDestroyUndefine() throws Exception {
        try (QemuFixture f = new QemuFixture(home)) {
            Domain d = f.conn.domainDefineXML(QemuFixture.xml("vm1"));
            assertThat(f.nextLifecycle()).isEqualTo("DEFINED/ADDED");
            assertThat(Files.exists(home.resolve("etc/qemu/vm1.xml"))).isTrue();
            String inactive = d.getXMLDesc(Set.of());
            assertThat(inactive).contains("machine='pc-i440fx-").contains("<model fallback='forbid'>qemu64</model>")
                    .contains("<controller type='usb' index='0' model='piix3-uhci'>")
                    .contains("<memballoon model='virtio'>");
            assertThat(d.getState().state()).isEqualTo(DomainState.SHUTOFF);
            assertThat(d.getID()).isEqualTo(-1);

            d.create();
            assertThat(f.nextLifecycle()).isEqualTo("RESUMED/UNPAUSED"); // QEMU's RESUME after cont, first
            assertThat(f.nextLifecycle()).isEqualTo("STARTED/BOOTED");
            Domain live = f.conn.domainLookupByName("vm1");
            assertThat(live.getID()).isPositive();
            assertThat(live.getState()).isEqualTo(new org.jvirt.api.DomainStateInfo(DomainState.RUNNING,
                    RunningReason.BOOTED.value()));
            long pid = ((QemuDomain) live).pid();
            assertThat(pid).isPositive();
            assertThat(Files.exists(home.resolve("run/qemu/vm1.xml"))).isTrue();
            assertThat(Files.readString(home.resolve("run/qemu/vm1.pid")).strip()).isEqualTo(Long.toString(pid));
            assertThat(Files.readString(home.resolve("data/log/qemu/vm1.log"))).contains("-name guest=vm1");
            assertThat(live.getXMLDesc(Set.of())).contains("<domain type='qemu' id='" + live.getID() + "'>")
                    .contains("<alias name='balloon0'/>");
            // the domain's id is live data (the default audio backend's id='1' is not)
            assertThat(live.getXMLDesc(EnumSet.of(DomainXMLFlag.INACTIVE))).startsWith("<domain type='qemu'>");
            assertThat(f.conn.domainLookupByID(live.getID()).getName()).isEqualTo("vm1");
            assertThat(QemuFixture.names(f.conn.listAllDomains(EnumSet.of(ListDomainsFlag.ACTIVE))))
                    .containsExactly("vm1");

            live.suspend();
            assertThat(f.nextLifecycle()).isEqualTo("SUSPENDED/PAUSED");
            assertThat(live.getState()).isEqualTo(new org.jvirt.api.DomainStateInfo(DomainState.PAUSED,
                    PausedReason.USER.value()));
            live.resume();
            assertThat(f.nextLifecycle()).isEqualTo("RESUMED/UNPAUSED");
            assertThat(live.getState().reason()).isEqualTo(RunningReason.UNPAUSED.value());

            live.destroy();
            assertThat(f.nextLifecycle()).as("QEMU's answer to the SIGTERM").isEqualTo("SHUTDOWN/HOST");
            assertThat(f.nextLifecycle()).isEqualTo("STOPPED/DESTROYED");
            assertThat(live.getState()).isEqualTo(new org.jvirt.api.DomainStateInfo(DomainState.SHUTOFF,
                    ShutoffReason.DESTROYED.value()));
            assertThat(HostProcesses.isRunning(pid, -1)).isFalse();
            assertThat(Files.exists(home.resolve("run/qemu/vm1.xml"))).isFalse();
            assertThat(Files.exists(home.resolve("run/qemu/vm1.pid"))).isFalse();
            try (var s = Files.list(home.resolve("run/qemu"))) {
                assertThat(s).isEmpty();
            }
            assertThatThrownBy(live::destroy).isInstanceOfSatisfying(VirtException.class,
                    e -> assertThat(e.getMessage()).isEqualTo("Requested operation is not valid: domain is not running"));

            d.undefine();
            assertThat(f.nextLifecycle()).isEqualTo("UNDEFINED/REMOVED");
            assertThat(Files.exists(home.resolve("etc/qemu/vm1.xml"))).isFalse();
            assertThatThrownBy(() -> f.conn.domainLookupByName("vm1")).isInstanceOfSatisfying(VirtException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.NO_DOMAIN));
        }
    }

    @Test
    void transientDomainGoesAwayWhenDestroyedAndStartsPausedOnRequest() throws Exception {
        try (QemuFixture f = new QemuFixture(home)) {
            Domain d = f.conn.domainCreateXML(QemuFixture.xml("tr"), EnumSet.of(DomainCreateFlag.START_PAUSED));
            assertThat(f.nextLifecycle()).isEqualTo("STARTED/BOOTED");
            assertThat(f.nextLifecycle()).isEqualTo("SUSPENDED/PAUSED");
            assertThat(d.isPersistent()).isFalse();
            assertThat(d.getState().state()).isEqualTo(DomainState.PAUSED);
            assertThatThrownBy(d::undefine).isInstanceOfSatisfying(VirtException.class,
                    e -> assertThat(e.getMessage()).isEqualTo("Requested operation is not valid: cannot undefine "
                            + "transient domain"));
            d.destroy();
            assertThat(f.nextLifecycle()).as("QEMU's answer to the SIGTERM").isEqualTo("SHUTDOWN/HOST");
            assertThat(f.nextLifecycle()).isEqualTo("STOPPED/DESTROYED");
            assertThat(f.conn.listAllDomains(Set.of())).isEmpty();
        }
    }

    @Test
    void autostartLinksAndDefinitionsSurviveTheDriver() throws Exception {
        try (QemuFixture f = new QemuFixture(home)) {
            Domain d = f.conn.domainDefineXML(QemuFixture.xml("auto"));
            d.setAutostart(true);
            assertThat(Files.isSymbolicLink(home.resolve("etc/qemu/autostart/auto.xml"))).isTrue();
            assertThat(d.getAutostart()).isTrue();
        }
        try (QemuFixture f = new QemuFixture(home)) {
            // a new driver on the same home starts autostart domains
            Domain d = f.conn.domainLookupByName("auto");
            assertThat(d.isPersistent()).isTrue();
            assertThat(d.getAutostart()).isTrue();
            assertThat(QemuFixture.awaitState(d, DomainState.RUNNING)).isEqualTo(DomainState.RUNNING);
            d.destroy();
            d.setAutostart(false);
            assertThat(Files.exists(home.resolve("etc/qemu/autostart/auto.xml"))).isFalse();
        }
    }

    @Test
    void aQemuThatDiesIsShutOffAsCrashed() throws Exception {
        try (QemuFixture f = new QemuFixture(home)) {
            String xml = QemuFixture.xml("dies").replace("<name>dies</name>",
                    "<name>dies</name><uuid>c7a5fdbd-edaf-9455-926a-d65c16db1809</uuid>");
            Domain d = f.conn.domainCreateXML(xml, Set.of());
            f.conn.domainDefineXML(xml);
            assertThat(f.nextLifecycle()).isEqualTo("RESUMED/UNPAUSED"); // QEMU's RESUME after cont, first
            assertThat(f.nextLifecycle()).isEqualTo("STARTED/BOOTED");
            assertThat(f.nextLifecycle()).isEqualTo("DEFINED/UPDATED");
            long pid = ((QemuDomain) d).pid();
            ProcessHandle.of(pid).orElseThrow().destroyForcibly();
            assertThat(f.nextLifecycle()).isEqualTo("STOPPED/FAILED");
            assertThat(d.getState()).isEqualTo(new org.jvirt.api.DomainStateInfo(DomainState.SHUTOFF,
                    ShutoffReason.CRASHED.value()));
            assertThat(Files.exists(home.resolve("run/qemu/dies.xml"))).isFalse();
        }
    }

    @Test
    void autostartRunsBesideTheOpeningNotInIt() throws Exception {
        // an emulator that takes its time to start guests (not to answer the capabilities probe)
        Path slow = home.resolve("slow-qemu");
        Files.writeString(slow, "#!/bin/sh\ncase \" $* \" in *\" -name \"*) sleep 3;; esac\nexec " + RealQemu.X86_64
                + " \"$@\"\n");
        Files.setPosixFilePermissions(slow, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        try (QemuFixture f = new QemuFixture(home)) {
            Domain d = f.conn.domainDefineXML(QemuFixture.xml("slowauto").replace("<devices>",
                    "<devices><emulator>" + slow + "</emulator>"));
            d.setAutostart(true);
        }
        // the platform activates the driver: it opens on a thread of its own and returns at once
        QemuHypervisorDriver driver = new QemuHypervisorDriver(home);
        try {
            driver.openInBackground();
            QemuFixture f = new QemuFixture(home, driver);
            Domain d = f.conn.domainLookupByName("slowauto");
            assertThat(d.getState().state()).as("a connection does not wait for the autostart")
                    .isEqualTo(DomainState.SHUTOFF);
            assertThat(QemuFixture.awaitState(d, DomainState.RUNNING)).isEqualTo(DomainState.RUNNING);
            assertThat(HostProcesses.withArgument(d.getUUIDString())).hasSize(1);
            f.close();
        } finally {
            driver.close();
        }
    }
}
