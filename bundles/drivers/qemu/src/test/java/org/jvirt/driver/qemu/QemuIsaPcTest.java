package org.jvirt.driver.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainState;
import org.jvirt.api.VirtException;
import org.jvirt.util.HostProcesses;

/** An isapc guest on TCG: a PC without PCI, its disk on the ISA IDE bus, its serial port an ISA one. */
class QemuIsaPcTest {
    @TempDir
    Path home;
    @TempDir
    Path images;

    @BeforeEach
    void needsQemu() {
        RealQemu.emulator();
        RealQemu.qemuImg();
    }

    @Test
    void anIsaPcRunsWithoutPci() throws Exception {
        Path root = images.resolve("root.qcow2");
        QemuImages.create(root, "qcow2", "8M", null);
        try (QemuFixture f = new QemuFixture(home)) {
            Domain d = f.conn.domainDefineXML("<domain type='qemu'><name>isa</name><memory unit='MiB'>32</memory>"
                    + "<vcpu>1</vcpu><os><type arch='x86_64' machine='isapc'>hvm</type></os><devices>"
                    + "<disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='" + root
                    + "'/><target dev='hda' bus='ide'/></disk><serial type='pty'/><console type='pty'/>"
                    + "<memballoon model='none'/></devices></domain>");
            String defined = d.getXMLDesc(Set.of());
            assertThat(defined).contains("machine='isapc'").contains("<model fallback='forbid'>486</model>")
                    .contains("<address type='drive' controller='0' bus='0' target='0' unit='0'/>")
                    .doesNotContain("type='pci'").doesNotContain("<controller type='usb'");

            d.create();
            assertThat(d.getState().state()).isEqualTo(DomainState.RUNNING);
            assertThat(d.qemuMonitorCommand("{\"execute\":\"query-status\"}", Set.of()))
                    .contains("\"status\":\"running\"");
            long pid = ((QemuDomain) d).pid();
            String log = Files.readString(home.resolve("data/log/qemu/isa.log"));
            assertThat(log).contains("-machine isapc,").contains("-cpu 486")
                    .contains("\"driver\":\"ide-hd\",\"bus\":\"ide.0\"").doesNotContain("\"addr\"");
            // the disk is on QEMU's ISA IDE bus, the serial port an ISA device; there is no PCI bus at all
            assertThat(d.qemuMonitorCommand("{\"execute\":\"qom-get\",\"arguments\":{\"path\":"
                    + "\"/machine/peripheral/ide0-0-0\",\"property\":\"type\"}}", Set.of())).contains("ide-hd");
            assertThat(d.qemuMonitorCommand("{\"execute\":\"qom-get\",\"arguments\":{\"path\":"
                    + "\"/machine/peripheral/serial0\",\"property\":\"type\"}}", Set.of())).contains("isa-serial");
            assertThat(d.qemuMonitorCommand("{\"execute\":\"query-pci\"}", Set.of())).contains("\"return\":[]");
            assertThat(d.qemuMonitorCommand("{\"execute\":\"query-block\"}", Set.of())).contains(root.toString());

            d.destroy();
            assertThat(HostProcesses.isRunning(pid, -1)).isFalse();
            try (var s = Files.list(home.resolve("run/qemu"))) {
                assertThat(s).isEmpty();
            }
        }
    }
}
