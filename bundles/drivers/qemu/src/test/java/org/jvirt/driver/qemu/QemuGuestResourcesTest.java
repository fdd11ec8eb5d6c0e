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
import org.jvirt.api.DomainMemoryModFlag;
import org.jvirt.api.DomainStatsType;
import org.jvirt.api.DomainVcpuFlag;
import org.jvirt.api.DomainXMLFlag;
import org.jvirt.api.VirtException;
import org.jvirt.driver.qemu.qmp.QmpMonitor;

/** Memory (the balloon, the definition) and vCPUs (plugged into QEMU, the definition) of a real guest. */
class QemuGuestResourcesTest {
    @TempDir
    Path home;

    @BeforeEach
    void needsQemu() {
        RealQemu.emulator();
    }

    private static String xml(String name, String devices) {
        return "<domain type='qemu'><name>" + name + "</name><memory unit='MiB'>64</memory><vcpu current='1'>2</vcpu>"
                + "<os><type arch='x86_64' machine='pc'>hvm</type></os><devices>" + devices + "</devices></domain>";
    }

    private static int qemuCpus(Domain d) throws Exception {
        return QmpMonitor.JSON.readTree(d.qemuMonitorCommand("{\"execute\":\"query-cpus-fast\"}", Set.of()))
                .get("return").size();
    }

    @Test
    void memoryThroughTheBalloonAndTheDefinition() throws Exception {
        try (QemuFixture f = new QemuFixture(home)) {
            Domain d = f.conn.domainDefineXML(xml("mem", ""));
            d.create();
            d.setMemory(48 * 1024);
            // QEMU took the balloon's target (a guest with a balloon driver would give the memory back)
            assertThat(d.qemuMonitorCommand("{\"execute\":\"query-balloon\"}", Set.of()))
                    .contains("\"actual\":" + (64L << 20));
            assertThatThrownBy(() -> d.setMemory(100 * 1024)).isInstanceOfSatisfying(VirtException.class,
                    e -> assertThat(e.getMessage()).isEqualTo("invalid argument: cannot set memory higher than max "
                            + "memory"));
            assertThatThrownBy(() -> d.setMaxMemory(128 * 1024)).isInstanceOfSatisfying(VirtException.class,
                    e -> assertThat(e.getMessage()).isEqualTo("Requested operation is not valid: cannot resize the "
                            + "maximum memory on an active domain"));

            d.setMemoryFlags(40 * 1024, EnumSet.of(DomainMemoryModFlag.CONFIG));
            assertThat(d.getXMLDesc(EnumSet.of(DomainXMLFlag.INACTIVE)))
                    .contains("<currentMemory unit='KiB'>40960</currentMemory>");
            assertThat(d.getXMLDesc(Set.of())).contains("<currentMemory unit='KiB'>65536</currentMemory>");
            d.setMemoryFlags(128 * 1024, EnumSet.of(DomainMemoryModFlag.CONFIG, DomainMemoryModFlag.MAXIMUM));
            assertThat(Files.readString(home.resolve("etc/qemu/mem.xml")))
                    .contains("<memory unit='KiB'>131072</memory>")
                    .contains("<currentMemory unit='KiB'>40960</currentMemory>");

            Domain noBalloon = f.conn.domainCreateXML(xml("nob", "<memballoon model='none'/>"), Set.of());
            assertThatThrownBy(() -> noBalloon.setMemory(32 * 1024)).isInstanceOfSatisfying(VirtException.class,
                    e -> assertThat(e.getMessage()).isEqualTo("Requested operation is not valid: Unable to change "
                            + "memory of active domain without the balloon device and guest OS balloon driver"));
            assertThatThrownBy(() -> noBalloon.setMemoryFlags(32 * 1024, EnumSet.of(DomainMemoryModFlag.CONFIG)))
                    .isInstanceOfSatisfying(VirtException.class, e -> assertThat(e.getMessage()).isEqualTo(
                            "Requested operation is not valid: transient domains do not have any persistent config"));
            d.destroy();
            // after the run, the persistent definition is the one that counts
            assertThat(d.getInfo().maxMemKiB()).isEqualTo(131072);
            assertThat(d.getInfo().memoryKiB()).isEqualTo(40960);
        }
    }

    private static java.util.List<String> vcpuFields(QemuFixture f) {
        return f.conn.getAllDomainStats(EnumSet.of(DomainStatsType.VCPU), Set.of()).get(0).params().asList().stream()
                .map(org.jvirt.api.TypedParameter::field).toList();
    }

    @Test
    void vcpusArePluggedIntoQemu() throws Exception {
        try (QemuFixture f = new QemuFixture(home)) {
            Domain d = f.conn.domainDefineXML(xml("cpus", ""));
            d.create();
            assertThat(d.getVcpusFlags(EnumSet.of(DomainVcpuFlag.LIVE))).isEqualTo(1);
            assertThat(d.getMaxVcpus()).isEqualTo(2);
            assertThat(qemuCpus(d)).isEqualTo(1);
            // statistics keep the run's vCPU threads once asked: a plugged vCPU must show up all the same
            assertThat(vcpuFields(f)).contains("vcpu.0.state", "vcpu.0.time").doesNotContain("vcpu.1.state");

            d.setVcpus(2);
            assertThat(qemuCpus(d)).isEqualTo(2);
            assertThat(vcpuFields(f)).contains("vcpu.0.state", "vcpu.1.state", "vcpu.1.time");
            assertThat(d.getVcpusFlags(EnumSet.of(DomainVcpuFlag.LIVE))).isEqualTo(2);
            assertThat(d.getInfo().nrVirtCpu()).isEqualTo(2);
            assertThat(d.getXMLDesc(Set.of())).contains("<vcpu placement='static'>2</vcpu>");
            assertThat(d.getVcpusFlags(EnumSet.of(DomainVcpuFlag.CONFIG))).as("the definition keeps its count")
                    .isEqualTo(1);
            assertThat(f.conn.getAllDomainStats(EnumSet.of(DomainStatsType.VCPU), Set.of()).get(0).params()
                    .getUInt("vcpu.current").getAsLong()).isEqualTo(2);
            assertThatThrownBy(() -> d.setVcpus(3)).isInstanceOfSatisfying(VirtException.class,
                    e -> assertThat(e.getMessage()).isEqualTo("invalid argument: requested vcpus is greater than "
                            + "max allowable vcpus for the live domain: 3 > 2"));

            // QEMU unplugs a CPU through ACPI only
            assertThatThrownBy(() -> d.setVcpus(1)).isInstanceOfSatisfying(VirtException.class,
                    e -> assertThat(e.getMessage()).isEqualTo("internal error: unable to execute QEMU command "
                            + "'device_del': CPU hot unplug not supported without ACPI"));
            assertThat(qemuCpus(d)).isEqualTo(2);

            d.setVcpusFlags(2, EnumSet.of(DomainVcpuFlag.CONFIG));
            assertThat(d.getXMLDesc(EnumSet.of(DomainXMLFlag.INACTIVE))).contains("<vcpu placement='static'>2</vcpu>");
            d.destroy();
            d.setVcpusFlags(4, EnumSet.of(DomainVcpuFlag.CONFIG, DomainVcpuFlag.MAXIMUM));
            assertThat(d.getXMLDesc(Set.of())).contains("<vcpu placement='static' current='2'>4</vcpu>");
        }
    }
}
