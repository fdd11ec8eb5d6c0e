package org.jvirt.driver.qemu.command;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jvirt.conf.domain.ControllerDef;

/**
 * A PCI controller as the QEMU device that provides its bus (libvirt's qemuBuildControllerPCIDevProps): the
 * device named by its {@code <model name=''/>}, then the numbers the device takes from {@code <target>} in the
 * order QEMU's properties are given (port, chassis, bus number, …), its id, whether it allows hotplug, and its
 * NUMA node. The root buses are the machine's own and have no device.
 */
final class PciControllers {
    private static final JsonNodeFactory J = JsonNodeFactory.instance;

    private PciControllers() {
    }

    /** The device's properties without its address, or null for a root bus. */
    static ObjectNode props(ControllerDef c) {
        String model = c.model == null ? (c.index() == 0 ? "pci-root" : "pci-bridge") : c.model;
        if (model.equals("pci-root") || model.equals("pcie-root")) {
            return null;
        }
        String device = c.modelElement != null && c.modelElement.name != null ? c.modelElement.name
                : defaultDevice(model);
        ControllerDef.Target t = c.target == null ? new ControllerDef.Target() : c.target;
        ObjectNode o = J.objectNode().put("driver", device);
        switch (model) {
            case "pci-bridge" -> {
                o.put("chassis_nr", number(t.chassisNr != null ? t.chassisNr : c.index));
                if (t.memReserve != null) {
                    o.put("mem-reserve", Long.parseLong(t.memReserve) * 1024);
                }
            }
            case "pcie-root-port", "pcie-switch-downstream-port" -> {
                o.put("port", number(t.port));
                o.put("chassis", number(t.chassis));
            }
            case "pci-expander-bus", "pcie-expander-bus" -> o.put("bus_nr", number(t.busNr));
            case "dmi-to-pci-bridge", "pcie-switch-upstream-port", "pcie-to-pci-bridge" -> {
                // no numbers of their own
            }
            default -> throw QemuCommandLine.unsupported("PCI controllers of model '" + model + "'");
        }
        o.put("id", c.alias.name);
        if (t.hotplug != null) {
            o.put("hotplug", "on".equals(t.hotplug));
        }
        if (c.target != null && t.node != null) {
            o.put("numa_node", number(t.node));
        }
        return o;
    }

    /** The device libvirt picks for a controller model that does not name one. */
    static String defaultDevice(String model) {
        return switch (model) {
            case "pci-bridge" -> "pci-bridge";
            case "dmi-to-pci-bridge" -> "i82801b11-bridge";
            case "pcie-root-port" -> "pcie-root-port";
            case "pcie-switch-upstream-port" -> "x3130-upstream";
            case "pcie-switch-downstream-port" -> "xio3130-downstream";
            case "pci-expander-bus" -> "pxb";
            case "pcie-expander-bus" -> "pxb-pcie";
            case "pcie-to-pci-bridge" -> "pcie-pci-bridge";
            default -> throw QemuCommandLine.unsupported("PCI controllers of model '" + model + "'");
        };
    }

    private static int number(String v) {
        if (v == null) {
            throw QemuCommandLine.unsupported("a PCI controller without its target numbers is");
        }
        return PciAddresses.parse(v);
    }
}
