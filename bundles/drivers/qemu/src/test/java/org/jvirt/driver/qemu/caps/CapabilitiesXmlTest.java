package org.jvirt.driver.qemu.caps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CapabilitiesXmlTest {
    static QemuCaps caps(List<QemuCaps.Machine> machines, boolean kvm) {
        return new QemuCaps("/usr/bin/qemu-system-x86_64", 1, 1, QemuCaps.FORMAT, 7_002_000, "", "x86_64", kvm,
                Set.of(), machines, List.of(), Set.of("tcg-accel"));
    }

    @Test
    void aliasesNameTheirCanonicalMachineWhichGetsALineOfItsOwnFirst() {
        QemuCaps c = caps(List.of(
                new QemuCaps.Machine("pc-i440fx-7.2", "pc", true, 255, false, null, null),
                new QemuCaps.Machine("pc-q35-7.2", "q35", false, 288, false, null, null),
                new QemuCaps.Machine("isapc", null, false, 1, false, null, null),
                new QemuCaps.Machine("pc-i440fx-1.4", null, false, 255, true, null, null)), false);
        assertThat(CapabilitiesXml.machineEntries(c)).containsExactly(
                new CapabilitiesXml.MachineEntry("pc-i440fx-7.2", null, 255, false),
                new CapabilitiesXml.MachineEntry("pc", "pc-i440fx-7.2", 255, false),
                new CapabilitiesXml.MachineEntry("pc-q35-7.2", null, 288, false),
                new CapabilitiesXml.MachineEntry("q35", "pc-q35-7.2", 288, false),
                new CapabilitiesXml.MachineEntry("isapc", null, 1, false),
                new CapabilitiesXml.MachineEntry("pc-i440fx-1.4", null, 255, true));
    }

    @Test
    void guestSectionAsLibvirtWritesIt() {
        QemuCaps c = caps(List.of(new QemuCaps.Machine("pc-i440fx-7.2", "pc", true, 255, false, null, null),
                new QemuCaps.Machine("pc-i440fx-1.4", null, false, 255, true, null, null)), true);
        HostFacts host = new HostFacts("3d1219c7-c4c5-404a-aa1f-6d2a48adfda4", "x86_64", 1024, 0,
                List.of(new HostFacts.Cell(0, 1024, List.of(new HostFacts.Cpu(0, 0, 0, 0, "0")))));
        String xml = CapabilitiesXml.format(host, List.of(new CapabilitiesXml.Guest("x86_64", c)));
        assertThat(xml).startsWith("<capabilities>\n\n  <host>\n    <uuid>3d1219c7-c4c5-404a-aa1f-6d2a48adfda4</uuid>\n"
                + "    <cpu>\n      <arch>x86_64</arch>\n");
        assertThat(xml).endsWith("  </host>\n\n"
                + "  <guest>\n"
                + "    <os_type>hvm</os_type>\n"
                + "    <arch name='x86_64'>\n"
                + "      <wordsize>64</wordsize>\n"
                + "      <emulator>/usr/bin/qemu-system-x86_64</emulator>\n"
                + "      <machine maxCpus='255'>pc-i440fx-7.2</machine>\n"
                + "      <machine canonical='pc-i440fx-7.2' maxCpus='255'>pc</machine>\n"
                + "      <machine maxCpus='255' deprecated='yes'>pc-i440fx-1.4</machine>\n"
                + "      <domain type='qemu'/>\n"
                + "      <domain type='kvm'/>\n"
                + "    </arch>\n"
                + "    <features>\n"
                + "      <acpi default='on' toggle='yes'/>\n"
                + "      <apic default='on' toggle='no'/>\n"
                + "      <cpuselection/>\n"
                + "      <deviceboot/>\n"
                + "      <disksnapshot default='on' toggle='no'/>\n"
                + "      <externalSnapshot/>\n"
                + "    </features>\n"
                + "  </guest>\n\n"
                + "</capabilities>\n");
    }

    @Test
    void readsThisHost() {
        HostFacts h = HostFacts.read();
        assertThat(h.arch()).isNotBlank();
        assertThat(h.memoryKiB()).isPositive();
        assertThat(h.cpuCount()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(h.uuid()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }
}
