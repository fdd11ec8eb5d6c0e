package org.jvirt.driver.qemu.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.conf.domain.Alias;
import org.jvirt.conf.domain.ControllerDef;

/** PCI controllers as QEMU devices, property for property as in libvirt's expected command lines. */
class PciControllersTest {
    private static ControllerDef controller(int index, String model, String device) {
        ControllerDef c = ControllerDef.of("pci", index);
        c.model = model;
        if (device != null) {
            c.modelElement = new ControllerDef.Model();
            c.modelElement.name = device;
        }
        c.target = new ControllerDef.Target();
        c.alias = new Alias();
        c.alias.name = "pci." + index;
        return c;
    }

    @Test
    void eachModelIsItsDeviceWithItsNumbers() {
        ControllerDef port = controller(1, "pcie-root-port", "pcie-root-port");
        port.target.chassis = "1";
        port.target.port = "0x10";
        assertThat(PciControllers.props(port).toString())
                .isEqualTo("{\"driver\":\"pcie-root-port\",\"port\":16,\"chassis\":1,\"id\":\"pci.1\"}");
        port.target.hotplug = "off";
        assertThat(PciControllers.props(port).toString()).endsWith(",\"id\":\"pci.1\",\"hotplug\":false}");

        ControllerDef down = controller(4, "pcie-switch-downstream-port", null);
        down.target.chassis = "4";
        down.target.port = "0x0";
        assertThat(PciControllers.props(down).toString())
                .isEqualTo("{\"driver\":\"xio3130-downstream\",\"port\":0,\"chassis\":4,\"id\":\"pci.4\"}");
        assertThat(PciControllers.props(controller(3, "pcie-switch-upstream-port", null)).toString())
                .isEqualTo("{\"driver\":\"x3130-upstream\",\"id\":\"pci.3\"}");
        assertThat(PciControllers.props(controller(1, "dmi-to-pci-bridge", null)).toString())
                .isEqualTo("{\"driver\":\"i82801b11-bridge\",\"id\":\"pci.1\"}");
        assertThat(PciControllers.props(controller(2, "pcie-to-pci-bridge", null)).toString())
                .isEqualTo("{\"driver\":\"pcie-pci-bridge\",\"id\":\"pci.2\"}");

        ControllerDef bridge = controller(2, "pci-bridge", "pci-bridge");
        bridge.target.chassisNr = "56";
        bridge.target.memReserve = "8196";
        assertThat(PciControllers.props(bridge).toString()).isEqualTo(
                "{\"driver\":\"pci-bridge\",\"chassis_nr\":56,\"mem-reserve\":8392704,\"id\":\"pci.2\"}");

        ControllerDef pxb = controller(1, "pcie-expander-bus", "pxb-pcie");
        pxb.target.busNr = "254";
        pxb.target.node = "0";
        assertThat(PciControllers.props(pxb).toString())
                .isEqualTo("{\"driver\":\"pxb-pcie\",\"bus_nr\":254,\"id\":\"pci.1\",\"numa_node\":0}");
    }

    @Test
    void theRootBusesAreTheMachinesOwn() {
        assertThat(PciControllers.props(controller(0, "pcie-root", null))).isNull();
        assertThat(PciControllers.props(controller(0, "pci-root", null))).isNull();
    }

    @Test
    void aModelWithoutADeviceIsRefused() {
        assertThatThrownBy(() -> PciControllers.props(controller(1, "spapr-phb", null)))
                .isInstanceOfSatisfying(VirtException.class, e -> assertThat(e.code())
                        .isEqualTo(ErrorCode.CONFIG_UNSUPPORTED));
    }
}
