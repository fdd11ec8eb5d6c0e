package org.jvirt.driver.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.Test;
import org.jvirt.api.DomainInterfaceAddressesSource;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.conf.DomainXml;
import org.jvirt.conf.domain.DomainDef;
import org.jvirt.driver.qemu.command.NewDefinition;

/** qemuDomainInterfaceAddresses's sources on definitions: leases, and the agent's refusals. */
class InterfaceAddressesTest {
    private static DomainDef domain(String devices) {
        return DomainXml.parse("<domain type='qemu'><name>a</name><memory>65536</memory>"
                + "<os><type arch='x86_64'>hvm</type></os><devices>" + devices + "</devices></domain>",
                NewDefinition.options());
    }

    private static Throwable ask(DomainDef def, boolean running, DomainInterfaceAddressesSource source) {
        return catchThrowable(() -> InterfaceAddresses.of(def, running, source, () -> {
            throw new AssertionError("the ARP table is not asked");
        }));
    }

    @Test
    void userModeInterfacesHaveNoLease() {
        assertThat(InterfaceAddresses.of(domain("<interface type='user'/>"), true,
                DomainInterfaceAddressesSource.LEASE, () -> null)).isEmpty();
    }

    @Test
    void aNetworkInterfaceIsRefusedRatherThanAnsweredWithoutItsLeases() {
        Throwable t = ask(domain("<interface type='user'/><interface type='network'><source network='default'/>"
                + "</interface>"), true, DomainInterfaceAddressesSource.LEASE);
        assertThat(t).isInstanceOfSatisfying(VirtException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.NO_SUPPORT);
            assertThat(e.getMessage()).contains("network 'default'");
        });
    }

    @Test
    void theAgentIsNotConfiguredOrNotConnectedAndAPausedGuestIsNotRunning() {
        assertThat(ask(domain(""), true, DomainInterfaceAddressesSource.AGENT))
                .isInstanceOfSatisfying(VirtException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.ARGUMENT_UNSUPPORTED);
                    assertThat(e.getMessage()).isEqualTo("argument unsupported: QEMU guest agent is not configured");
                });
        DomainDef withAgent = domain("<channel type='unix'><target type='virtio' name='org.qemu.guest_agent.0'/>"
                + "</channel>");
        assertThat(ask(withAgent, true, DomainInterfaceAddressesSource.AGENT))
                .isInstanceOfSatisfying(VirtException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.AGENT_UNRESPONSIVE);
                    assertThat(e.getMessage()).isEqualTo("Guest agent is not responding: QEMU guest agent is not "
                            + "connected");
                });
        assertThat(ask(withAgent, false, DomainInterfaceAddressesSource.AGENT))
                .isInstanceOfSatisfying(VirtException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("Requested operation is not valid: domain is not running"));
    }
}
