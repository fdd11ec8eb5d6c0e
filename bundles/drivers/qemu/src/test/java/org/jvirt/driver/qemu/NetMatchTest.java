package org.jvirt.driver.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.Test;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.conf.DomainXml;
import org.jvirt.conf.domain.DomainDef;
import org.jvirt.conf.domain.NetDef;
import org.jvirt.driver.qemu.command.NewDefinition;

/** virDomainNetFindIdx as detach and update use it: a MAC the parse generated is no MAC to match. */
class NetMatchTest {
    private static DomainDef domain(String devices) {
        return DomainXml.parse("<domain type='qemu'><name>m</name><memory>65536</memory>"
                + "<os><type arch='x86_64'>hvm</type></os><devices>" + devices + "</devices></domain>",
                NewDefinition.options());
    }

    /** A device XML read as the driver reads it, inside a domain of its own (which generates a missing MAC). */
    private static NetDef device(String xml) {
        return domain(xml).devices().interfaces.get(0);
    }

    private static final String ONE = "<interface type='user'><mac address='52:54:00:00:00:01'/></interface>";
    private static final String TWO = "<interface type='user'><mac address='52:54:00:00:00:02'/>"
            + "<alias name='ua-second'/></interface>";

    private static void assertError(Throwable t, ErrorCode code, String message) {
        assertThat(t).isInstanceOfSatisfying(VirtException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    @Test
    void anInterfaceWithoutMacMatchesTheOnlyInterface() {
        NetDef given = device("<interface type='user'><model type='e1000'/></interface>");
        assertThat(given.mac.generated).as("the parse generated a MAC").isTrue();
        DomainDef def = domain(ONE);
        assertThat(DeviceHotplug.findNet(def, given)).isSameAs(def.devices().interfaces.get(0));
    }

    @Test
    void withoutMacTwoInterfacesAreAmbiguousUnlessTheAliasPicksOne() {
        DomainDef def = domain(ONE + TWO);
        assertError(catchThrowable(() -> DeviceHotplug.findNet(def, device("<interface type='user'/>"))),
                ErrorCode.OPERATION_FAILED, "operation failed: multiple matching devices found");
        assertThat(DeviceHotplug.findNet(def, device("<interface type='user'><alias name='ua-second'/>"
                + "</interface>"))).isSameAs(def.devices().interfaces.get(1));
    }

    @Test
    void aGivenMacPicksItsInterfaceOrNone() {
        DomainDef def = domain(ONE + TWO);
        assertThat(DeviceHotplug.findNet(def, device("<interface type='user'><mac address='52:54:00:00:00:02'/>"
                + "</interface>"))).isSameAs(def.devices().interfaces.get(1));
        assertError(catchThrowable(() -> DeviceHotplug.findNet(def, device("<interface type='user'>"
                + "<mac address='52:54:00:00:00:09'/></interface>"))), ErrorCode.DEVICE_MISSING,
                "device not found: no device matching MAC address 52:54:00:00:00:09 found");
        assertError(catchThrowable(() -> DeviceHotplug.findNet(domain(ONE + ONE), device(ONE))),
                ErrorCode.OPERATION_FAILED, "operation failed: multiple devices matching MAC address "
                        + "52:54:00:00:00:01 found");
        assertError(catchThrowable(() -> DeviceHotplug.findNet(domain(""), device("<interface type='user'/>"))),
                ErrorCode.DEVICE_MISSING, "device not found: no matching device found");
    }
}
