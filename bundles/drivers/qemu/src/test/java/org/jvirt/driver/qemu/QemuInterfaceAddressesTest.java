package org.jvirt.driver.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainInterfaceAddressesSource;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

/** virDomainInterfaceAddresses on a real QEMU guest with a user-mode NIC. */
class QemuInterfaceAddressesTest {
    private static final String MAC = "52:54:00:aa:cc:01";

    @TempDir
    Path home;

    @BeforeEach
    void needsQemu() {
        RealQemu.emulator();
    }

    private static void assertError(Throwable t, ErrorCode code, String message) {
        assertThat(t).isInstanceOfSatisfying(VirtException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.domain()).isEqualTo(ErrorDomain.QEMU);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    @Test
    void aUserModeNicHasNoLeaseNoNeighbourAndNoAgent() throws Exception {
        try (QemuFixture f = new QemuFixture(home)) {
            Domain d = f.conn.domainDefineXML(QemuFixture.xml("addr", "<interface type='user'><mac address='"
                    + MAC + "'/><model type='e1000'/></interface>"));
            assertError(catchThrowable(() -> d.interfaceAddresses(DomainInterfaceAddressesSource.LEASE)),
                    ErrorCode.OPERATION_INVALID, "Requested operation is not valid: domain is not running");
            d.create();
            assertThat(d.interfaceAddresses(DomainInterfaceAddressesSource.LEASE)).isEmpty();
            // QEMU's user-mode network is inside QEMU: the host never sees the guest's MAC
            assertThat(ArpTable.read(ArpTable.PROC).addressesOf(MAC)).isEmpty();
            assertThat(d.interfaceAddresses(DomainInterfaceAddressesSource.ARP)).isEmpty();
            assertError(catchThrowable(() -> d.interfaceAddresses(DomainInterfaceAddressesSource.AGENT)),
                    ErrorCode.ARGUMENT_UNSUPPORTED, "argument unsupported: QEMU guest agent is not configured");
            d.suspend();
            assertError(catchThrowable(() -> d.interfaceAddresses(DomainInterfaceAddressesSource.AGENT)),
                    ErrorCode.OPERATION_INVALID, "Requested operation is not valid: domain is not running");
            assertThat(d.interfaceAddresses(DomainInterfaceAddressesSource.ARP)).isEmpty();
            d.destroy();
            assertError(catchThrowable(() -> d.interfaceAddresses(DomainInterfaceAddressesSource.ARP)),
                    ErrorCode.OPERATION_INVALID, "Requested operation is not valid: domain is not running");
        }
    }
}
