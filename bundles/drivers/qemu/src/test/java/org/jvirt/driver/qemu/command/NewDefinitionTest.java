package org.jvirt.driver.qemu.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jvirt.api.DomainXMLFlag;
import org.jvirt.conf.DomainXml;
import org.jvirt.conf.domain.DomainDef;
import org.jvirt.driver.qemu.caps.QemuCaps;
import org.jvirt.driver.qemu.caps.RecordedCaps;

/** What the define path adds beyond one PCI bus, and what a start of it then does, with a recorded QEMU 9.1. */
class NewDefinitionTest {
    private static QemuCaps caps;

    @BeforeAll
    static void caps() {
        assumeTrue(Files.isDirectory(RecordedCaps.folder()), "libvirt's recorded capabilities are absent: "
                + RecordedCaps.folder());
        caps = RecordedCaps.latestX86_64();
    }

    private static DomainDef define(String machine, int virtioDisks) {
        StringBuilder disks = new StringBuilder();
        for (int i = 0; i < virtioDisks; i++) {
            disks.append("<disk type='file' device='disk'><source file='/img/d").append(i)
                    .append(".raw'/><target dev='vd").append((char) ('a' + i / 26)).append((char) ('a' + i % 26))
                    .append("' bus='virtio'/></disk>");
        }
        String xml = "<domain type='qemu'><name>g</name><uuid>1ccfd97d-5eb4-478a-bbe6-88d254c16db7</uuid>"
                + "<memory>65536</memory><vcpu>1</vcpu><os><type arch='x86_64' machine='" + machine
                + "'>hvm</type></os><devices>" + disks + "<memballoon model='none'/></devices></domain>";
        return NewDefinition.parse(xml, NewDefinition.options(), d -> caps);
    }

    @Test
    void aFullRootBusGetsPciBridgesThatTheCommandLinePlugs() {
        DomainDef def = define("pc", 40);
        String xml = DomainXml.format(def, EnumSet.of(DomainXMLFlag.INACTIVE));
        assertThat(xml).contains("<controller type='pci' index='1' model='pci-bridge'>")
                .contains("<target chassisNr='1'/>")
                .contains("<address type='pci' domain='0x0000' bus='0x01' slot='0x01' function='0x0'/>")
                .doesNotContain("index='2' model='pci-bridge'");
        Aliases.assign(def);
        List<String> args = QemuCommandLine.build(def, caps, new LaunchPaths(java.nio.file.Path.of("/tmp/g"),
                java.nio.file.Path.of("/tmp/g/monitor.sock"), java.nio.file.Path.of("/tmp/g.pid"), null, 5900,
                java.util.Set.of(), null, null));
        assertThat(args).anyMatch(a -> a.startsWith("{\"driver\":\"pci-bridge\",\"chassis_nr\":1,\"id\":\"pci.1\""))
                .anyMatch(a -> a.contains("\"bus\":\"pci.1\""));
    }

    @Test
    void aQ35IsCompletedAndBuiltAsLibvirtDoes() {
        DomainDef def = define("q35", 1);
        String xml = DomainXml.format(def, EnumSet.of(DomainXMLFlag.INACTIVE));
        assertThat(xml).contains("<controller type='pci' index='0' model='pcie-root'/>")
                .contains("<controller type='usb' index='0' model='qemu-xhci'>")
                .contains("<controller type='sata' index='0'>")
                .contains("<target chassis='1' port='0x8'/>")
                .contains("<watchdog model='itco' action='reset'/>");
        Aliases.assign(def);
        java.util.List<String> args = QemuCommandLine.build(def, caps, new LaunchPaths(java.nio.file.Path.of(
                "/tmp/g"), java.nio.file.Path.of("/tmp/g/monitor.sock"), java.nio.file.Path.of("/tmp/g.pid"), null,
                5900, java.util.Set.of(), null, null));
        // the definition's q35 became the versioned machine at define, as libvirt's ABI update does
        assertThat(String.join(" ", args)).matches(".*-machine pc-q35-[0-9.]+,usb=off.*")
                .contains("-device {\"driver\":\"pcie-root-port\",\"port\":8,\"chassis\":1,\"id\":\"pci.1\","
                        + "\"bus\":\"pcie.0\",\"multifunction\":true,\"addr\":\"0x1\"}")
                .contains("-device {\"driver\":\"qemu-xhci\",\"id\":\"usb\",\"bus\":\"pci.1\",\"addr\":\"0x0\"}")
                .contains("-global ICH9-LPC.noreboot=off -watchdog-action reset")
                .doesNotContain("\"driver\":\"ahci\"");
    }

    @Test
    void aConventionalPciDeviceOnAQ35SitsBehindAPcieToPciBridge() {
        DomainDef def = NewDefinition.parse("<domain type='qemu'><name>g</name><memory>65536</memory>"
                + "<os><type arch='x86_64' machine='q35'>hvm</type></os><devices><interface type='user'>"
                + "<model type='rtl8139'/></interface><memballoon model='none'/><controller type='usb' "
                + "model='none'/></devices></domain>", NewDefinition.options(), d -> caps);
        String xml = DomainXml.format(def, EnumSet.of(DomainXMLFlag.INACTIVE));
        assertThat(xml).contains("<controller type='pci' index='2' model='pcie-to-pci-bridge'>\n"
                + "      <model name='pcie-pci-bridge'/>\n"
                + "      <address type='pci' domain='0x0000' bus='0x01' slot='0x00' function='0x0'/>")
                .contains("<address type='pci' domain='0x0000' bus='0x02' slot='0x01' function='0x0'/>")
                .contains("<controller type='pci' index='3' model='pcie-root-port'>");
    }
}
