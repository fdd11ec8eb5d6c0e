package org.jvirt.driver.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainDeviceModifyFlag;
import org.jvirt.api.DomainXMLFlag;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.api.event.DomainDeviceAddedEvent;
import org.jvirt.api.event.DomainDeviceRemovedEvent;
import org.jvirt.api.event.DomainEvent;
import org.jvirt.driver.qemu.qmp.QmpMonitor;

/** Disks and interfaces plugged into a real QEMU and out of it, and into and out of the persistent definition. */
class QemuHotplugTest {
    @TempDir
    Path home;
    @TempDir
    Path images;

    @BeforeEach
    void needsQemu() {
        RealQemu.emulator();
        RealQemu.qemuImg();
    }

    private static String scsiDisk(Path file) {
        return "<disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='" + file
                + "'/><target dev='sda' bus='scsi'/></disk>";
    }

    private static String event(QemuFixture f) throws InterruptedException {
        while (true) {
            DomainEvent e = f.events.poll(30, TimeUnit.SECONDS);
            if (e == null) {
                return "(none)";
            }
            if (e instanceof DomainDeviceAddedEvent a) {
                return "ADDED " + a.devAlias();
            }
            if (e instanceof DomainDeviceRemovedEvent r) {
                return "REMOVED " + r.devAlias();
            }
        }
    }

    private static List<String> nodes(Domain d) throws Exception {
        List<String> out = new ArrayList<>();
        for (JsonNode n : QmpMonitor.JSON.readTree(d.qemuMonitorCommand(
                "{\"execute\":\"query-named-block-nodes\",\"arguments\":{\"flat\":true}}", Set.of())).get("return")) {
            out.add(n.path("node-name").asText());
        }
        return out;
    }

    @Test
    void aScsiDiskComesAndGoes() throws Exception {
        Path data = images.resolve("data.qcow2");
        QemuImages.create(data, "qcow2", "8M", null);
        try (QemuFixture f = new QemuFixture(home)) {
            Domain d = f.conn.domainDefineXML(QemuFixture.xml("hot", "<controller type='scsi' model='virtio-scsi'/>"));
            d.create();
            f.events.clear();
            d.attachDevice(scsiDisk(data));
            assertThat(event(f)).isEqualTo("ADDED scsi0-0-0-0");
            String xml = d.getXMLDesc(Set.of());
            assertThat(xml).contains("<source file='" + data + "' index='1'/>").contains("<target dev='sda' "
                    + "bus='scsi'/>").contains("<alias name='scsi0-0-0-0'/>");
            assertThat(nodes(d)).contains("libvirt-1-format", "libvirt-1-storage");
            assertThat(d.qemuMonitorCommand("{\"execute\":\"qom-list\",\"arguments\":{\"path\":"
                    + "\"/machine/peripheral\"}}", Set.of())).contains("\"name\":\"scsi0-0-0-0\"");
            assertThat(d.getXMLDesc(EnumSet.of(DomainXMLFlag.INACTIVE))).as("the definition is untouched")
                    .doesNotContain(data.toString());
            assertThatThrownBy(() -> d.attachDevice(scsiDisk(data))).isInstanceOfSatisfying(VirtException.class,
                    e -> assertThat(e.getMessage()).isEqualTo(
                            "Requested operation is not valid: target sda already exists"));

            // SCSI lets a disk go at once: DEVICE_DELETED, then its nodes go
            d.detachDevice(scsiDisk(data));
            assertThat(event(f)).isEqualTo("REMOVED scsi0-0-0-0");
            assertThat(d.getXMLDesc(Set.of())).doesNotContain(data.toString());
            assertThat(nodes(d)).doesNotContain("libvirt-1-format", "libvirt-1-storage");
            assertThatThrownBy(() -> d.detachDevice(scsiDisk(data))).isInstanceOfSatisfying(VirtException.class,
                    e -> assertThat(e.getMessage()).isEqualTo("device not found: disk sda not found"));
            // a second plug gets the next index
            d.attachDevice(scsiDisk(data));
            assertThat(d.getXMLDesc(Set.of())).contains("<source file='" + data + "' index='2'/>");
            d.destroy();
        }
    }

    @Test
    void anInterfaceAndTheDefinition() throws Exception {
        Path data = images.resolve("data.qcow2");
        QemuImages.create(data, "qcow2", "8M", null);
        try (QemuFixture f = new QemuFixture(home)) {
            // PCI hotplug on i440fx goes through ACPI
            Domain d = f.conn.domainDefineXML(QemuFixture.xml("nic", "<controller type='scsi' model='virtio-scsi'/>")
                    .replace("</os>", "</os><features><acpi/></features>"));
            d.create();
            f.events.clear();
            d.attachDevice("<interface type='user'><mac address='52:54:00:12:34:56'/><model type='virtio'/>"
                    + "</interface>");
            assertThat(event(f)).isEqualTo("ADDED net0");
            assertThat(d.getXMLDesc(Set.of())).contains("<mac address='52:54:00:12:34:56'/>")
                    .contains("<alias name='net0'/>");
            assertThat(d.qemuMonitorCommand("info network", EnumSet.of(
                    org.jvirt.api.qemu.QemuMonitorCommandFlag.HMP))).contains("hostnet0").contains("net0");

            d.attachDeviceFlags(scsiDisk(data), EnumSet.of(DomainDeviceModifyFlag.CONFIG));
            assertThat(d.getXMLDesc(EnumSet.of(DomainXMLFlag.INACTIVE))).contains(data.toString());
            assertThat(Files.readString(home.resolve("etc/qemu/nic.xml"))).contains(data.toString());
            assertThat(d.getXMLDesc(Set.of())).doesNotContain(data.toString());
            d.detachDeviceFlags(scsiDisk(data), EnumSet.of(DomainDeviceModifyFlag.CONFIG));
            assertThat(Files.readString(home.resolve("etc/qemu/nic.xml"))).doesNotContain(data.toString());

            assertThatThrownBy(() -> d.attachDevice("<rng model='virtio'><backend model='random'>/dev/urandom"
                    + "</backend></rng>")).isInstanceOfSatisfying(VirtException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.OPERATION_UNSUPPORTED));
            assertThatThrownBy(() -> d.attachDevice("<disk type='file' device='disk'><source file='" + data + "'/>"
                    + "<target dev='hdd' bus='ide'/></disk>")).isInstanceOfSatisfying(VirtException.class,
                            e -> assertThat(e.getMessage()).isEqualTo("Operation not supported: disk bus 'ide' "
                                    + "cannot be hotplugged."));
            // a PCI device goes only when the guest lets it go, which SeaBIOS never does: after libvirt's wait the
            // call returns and the interface stays until QEMU says it is gone
            d.detachDevice("<interface type='user'><mac address='52:54:00:12:34:56'/></interface>");
            assertThat(d.getXMLDesc(Set.of())).contains("<alias name='net0'/>");
            assertThat(f.events.stream().noneMatch(e -> e instanceof DomainDeviceRemovedEvent)).isTrue();
            d.destroy();
        }
    }
}
