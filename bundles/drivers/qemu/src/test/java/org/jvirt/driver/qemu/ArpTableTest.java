package org.jvirt.driver.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.jvirt.api.DomainIPAddress;
import org.jvirt.api.DomainInterface;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.IPAddrType;
import org.jvirt.api.VirtException;
import org.jvirt.conf.DomainXml;
import org.jvirt.conf.domain.DomainDef;
import org.jvirt.driver.qemu.command.NewDefinition;

/** The host's ARP table as qemuARPGetInterfaces reads it, from a sample of /proc/net/arp. */
class ArpTableTest {
    private static final Path SAMPLE = Path.of("src/test/resources/arp/proc-net-arp.txt");

    @Test
    void keepsTheCompleteEntriesThatAreNotPermanentWithTheirMacInLowerCase() {
        ArpTable t = ArpTable.read(SAMPLE);
        assertThat(t.entries()).containsExactly(
                new ArpTable.Entry("192.168.122.45", "52:54:00:aa:bb:01"),
                new ArpTable.Entry("10.0.0.7", "52:54:00:aa:bb:02"),
                new ArpTable.Entry("192.168.122.47", "52:54:00:aa:bb:01"),
                new ArpTable.Entry("172.17.0.1", "02:42:ac:11:00:01"));
        assertThat(t.addressesOf("52:54:00:AA:BB:01")).containsExactly("192.168.122.45", "192.168.122.47");
        assertThat(t.addressesOf("52:54:00:aa:bb:03")).isEmpty();
    }

    @Test
    void aHeaderAloneOrAMissingFileAreAnEmptyTableAndAnError() {
        assertThat(ArpTable.parse("IP address       HW type     Flags       HW address            Mask     Device\n")
                .entries()).isEmpty();
        assertThat(catchThrowable(() -> ArpTable.read(Path.of("target/no-such-arp-table"))))
                .isInstanceOfSatisfying(VirtException.class, e -> assertThat(e.code())
                        .isEqualTo(ErrorCode.SYSTEM_ERROR));
    }

    @Test
    void eachInterfaceGetsOneEntryPerNeighbourWithItsMacInTheDomainsOrder() {
        DomainDef def = DomainXml.parse("<domain type='qemu'><name>a</name><memory>65536</memory>"
                + "<os><type arch='x86_64'>hvm</type></os><devices>"
                + "<interface type='user'><mac address='52:54:00:AA:BB:02'/><target dev='tap7'/></interface>"
                + "<interface type='user'><mac address='52:54:00:aa:bb:01'/></interface>"
                + "<interface type='user'><mac address='52:54:00:aa:bb:09'/></interface>"
                + "</devices></domain>", NewDefinition.options());
        List<DomainInterface> out = InterfaceAddresses.arp(def, ArpTable.read(SAMPLE));
        assertThat(out).containsExactly(
                new DomainInterface("tap7", "52:54:00:aa:bb:02",
                        List.of(new DomainIPAddress(IPAddrType.IPV4, "10.0.0.7", 0))),
                new DomainInterface(null, "52:54:00:aa:bb:01",
                        List.of(new DomainIPAddress(IPAddrType.IPV4, "192.168.122.45", 0))),
                new DomainInterface(null, "52:54:00:aa:bb:01",
                        List.of(new DomainIPAddress(IPAddrType.IPV4, "192.168.122.47", 0))));
    }
}
