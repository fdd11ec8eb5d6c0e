package org.jvirt.driver.qemu.command;

import java.util.BitSet;
import java.util.List;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.conf.domain.ControllerDef;
import org.jvirt.conf.domain.DeviceAddress;
import org.jvirt.conf.domain.Devices;
import org.jvirt.conf.domain.VideoDef;

/**
 * PCI Express addresses for a q35 machine whose topology the driver chooses, as libvirt does for a new domain:
 * the ICH9's own functions (the SATA controller at 00:1f.2, USB2 parts at 00:1d, HD audio at 00:1b), the primary
 * video card at
 * 00:01.0, and each PCI Express device, in libvirt's device order, on the first free root port the definition
 * names, else on a new pcie-root-port (plus one spare for hotplug when the driver chose the whole topology); the
 * root ports share the root bus's slots eight functions at a time. Conventional PCI devices go, in order, on a
 * pcie-to-pci-bridge behind a root port of its own, added when the first of them comes. Other PCI Express
 * controllers, and conventional devices where the definition names its PCI controllers, are not supported yet.
 */
final class PcieAddresses {
    private static final int SLOTS = 32;
    /** The ICH9 functions at 00:1f (LPC, SATA, SMBus) are the machine's own. */
    private static final int ICH9_SLOT = 0x1f;

    private final BitSet rootSlots = new BitSet(SLOTS);
    /** The slot the root ports being placed share, and the next function on it (8: a new slot). */
    private int slot;
    private int function = 8;

    private PcieAddresses() {
        rootSlots.set(0);
        rootSlots.set(ICH9_SLOT);
    }

    static void assign(Devices d) {
        PcieAddresses a = new PcieAddresses();
        // the root ports the definition names, and whether each has its one slot taken
        java.util.TreeMap<Integer, Boolean> ports = new java.util.TreeMap<>();
        for (ControllerDef c : d.controllers) {
            if ("pci".equals(c.type) && c.index() > 0) {
                ports.put(c.index(), false);
            }
        }
        boolean named = !ports.isEmpty();
        // the pcie-to-pci-bridges added, each with the root port it sits on
        java.util.Map<Integer, Integer> bridges = new java.util.HashMap<>();
        for (DeviceAddress addr : PciAddresses.given(d)) {
            if (!PciAddresses.unassigned(addr) && "pci".equals(addr.type)) {
                int bus = PciAddresses.parse(addr.bus);
                if (bus == 0) {
                    a.rootSlots.set(PciAddresses.parse(addr.slot));
                } else if (ports.containsKey(bus)) {
                    ports.put(bus, true);
                } else {
                    throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU, "a PCI address on bus "
                            + bus + ", which no root port of this q35 machine provides, is not supported by jvirt's "
                            + "QEMU driver yet");
                }
            }
        }
        a.chipset(d);
        List<PciAddresses.Want> wants = PciAddresses.wants(d);
        wants.removeIf(w -> w.maxBus() < Integer.MAX_VALUE); // the root ports themselves, placed below
        for (PciAddresses.Want w : wants) {
            if (w.usb2Index() >= 0) {
                throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU, "USB2 controllers other "
                        + "than the first on a q35 machine are not supported by jvirt's QEMU driver yet");
            }
            if (!w.pcie() && named) {
                throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU, "conventional PCI devices "
                        + "on a q35 machine whose PCI controllers are named (a pcie-to-pci-bridge among them) are not "
                        + "supported by jvirt's QEMU driver yet");
            }
        }
        // each PCI Express device on the first free root port, else on a new one; conventional PCI devices on a
        // pcie-to-pci-bridge behind a root port of its own; a new topology keeps one root port free for hotplug
        int added = 0;
        int bridge = -1;
        int bridgeSlot = 0;
        for (PciAddresses.Want w : wants) {
            if (!w.pcie()) {
                if (bridge < 0 || bridgeSlot == SLOTS - 1) {
                    int port = ports.isEmpty() ? 1 : ports.lastKey() + 1;
                    ports.put(port, true);
                    bridge = port + 1;
                    ports.put(bridge, true);
                    bridges.put(bridge, port);
                    bridgeSlot = 0;
                    added++;
                }
                w.set().accept(PciAddresses.pci(bridge, ++bridgeSlot, 0));
                continue;
            }
            Integer free = null;
            for (var e : ports.entrySet()) {
                if (!e.getValue()) {
                    free = e.getKey();
                    break;
                }
            }
            if (free == null) {
                free = ports.isEmpty() ? 1 : ports.lastKey() + 1;
                added++;
            }
            ports.put(free, true);
            w.set().accept(PciAddresses.pci(free, 0, 0));
        }
        if (added > 0 && !named) {
            ports.put(ports.lastKey() + 1, false);
        }
        for (int index : ports.keySet()) {
            ControllerDef port = DefaultDevices.find(d, "pci", index);
            if (port == null) {
                port = ControllerDef.of("pci", index);
                port.model = bridges.containsKey(index) ? "pcie-to-pci-bridge" : "pcie-root-port";
                DefaultDevices.insert(d, port);
            }
            if (bridges.containsKey(index)) {
                port.modelElement = new ControllerDef.Model();
                port.modelElement.name = "pcie-pci-bridge";
                port.address = PciAddresses.pci(bridges.get(index), 0, 0);
            } else {
                a.rootPort(port);
            }
        }
    }

    /** A root port's name, chassis and port, and its function on the root bus (eight share a slot). */
    private void rootPort(ControllerDef port) {
        if (port.modelElement == null) {
            port.modelElement = new ControllerDef.Model();
        }
        if (port.modelElement.name == null) {
            port.modelElement.name = "pcie-root-port";
        }
        if (PciAddresses.unassigned(port.address)) {
            if (function == 8) {
                slot = rootSlots.nextClearBit(1);
                if (slot >= SLOTS) {
                    throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU, "No more available PCI slots");
                }
                rootSlots.set(slot);
                function = 0;
            }
            port.address = PciAddresses.pci(0, slot, function);
            if (function == 0) {
                port.address.multifunction = "on";
            }
            function++;
        }
        if (port.target == null) {
            port.target = new ControllerDef.Target();
        }
        if (port.target.chassis == null) {
            port.target.chassis = port.index;
        }
        if (port.target.port == null) {
            port.target.port = "0x" + Integer.toHexString((PciAddresses.parse(port.address.slot) << 3)
                    + PciAddresses.parse(port.address.function));
        }
    }

    /** The SATA controller, USB2 parts and HD audio on the ICH9's slots, the primary video card on 00:01.0. */
    private void chipset(Devices d) {
        for (ControllerDef c : d.controllers) {
            if ("sata".equals(c.type) && c.index() == 0 && PciAddresses.unassigned(c.address)) {
                c.address = PciAddresses.pci(0, ICH9_SLOT, 2);
            }
            if ("usb".equals(c.type) && c.index() == 0 && PciAddresses.unassigned(c.address) && c.model != null) {
                int fn = switch (c.model) {
                    case "ich9-ehci1" -> 7;
                    case "ich9-uhci1" -> 0;
                    case "ich9-uhci2" -> 1;
                    case "ich9-uhci3" -> 2;
                    default -> -1;
                };
                if (fn >= 0) {
                    c.address = PciAddresses.pci(0, 0x1d, fn);
                    if (fn == 0) {
                        c.address.multifunction = "on";
                    }
                    rootSlots.set(0x1d);
                }
            }
        }
        for (var sound : d.sounds) {
            // the ICH9's own HD audio function
            if ("ich9".equals(sound.model) && PciAddresses.unassigned(sound.address) && !rootSlots.get(0x1b)) {
                rootSlots.set(0x1b);
                sound.address = PciAddresses.pci(0, 0x1b, 0);
            }
        }
        if (!d.videos.isEmpty()) {
            VideoDef primary = d.videos.get(0);
            if (primary.model != null && !"none".equals(primary.model.type) && !"ramfb".equals(primary.model.type)
                    && PciAddresses.unassigned(primary.address) && !rootSlots.get(1)) {
                rootSlots.set(1);
                primary.address = PciAddresses.pci(0, 1, 0);
            }
        }
    }
}
