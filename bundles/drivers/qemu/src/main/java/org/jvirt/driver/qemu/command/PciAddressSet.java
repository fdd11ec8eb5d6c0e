package org.jvirt.driver.qemu.command;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.conf.domain.ControllerDef;
import org.jvirt.conf.domain.DeviceAddress;
import org.jvirt.conf.domain.Devices;
import org.jvirt.conf.domain.DiskDef;
import org.jvirt.conf.domain.HostdevDef;
import org.jvirt.conf.domain.NetDef;
import org.jvirt.conf.domain.VideoDef;

/**
 * PCI addresses for an i440fx or q35 machine as libvirt gives them (qemuDomainAssignPCIAddresses with its address
 * set, domain_addr.c). Each bus is a PCI controller whose model says what may plug into it (PCI Express endpoints,
 * root ports, switch ports, conventional PCI devices, bridges), on which slots, and whether a device may be placed
 * there automatically; on an i440fx, whose root bus is conventional PCI, every device is a conventional one.
 * Addresses the definition gives are kept; the chipset's devices take their slots (the PIIX3's functions on slot 1
 * and the primary video card on slot 2; the ICH9's functions on 1f, the first SATA controller, a USB2 controller,
 * a dmi-to-pci-bridge, the primary video card on 01 and ICH9 audio); then, in libvirt's order, each other device
 * takes the first slot of the first bus that accepts it, root ports sharing a slot function by function. A first
 * pass adds the controllers the devices need (PCI bridges; root ports, and a pcie-to-pci-bridge behind its own root
 * port for conventional PCI devices) and keeps room to grow: an i440fx a slot for one more bridge, a q35 whose
 * definition named no PCI controller a spare root port for hotplug. The second pass gives the addresses.
 */
final class PciAddressSet {
    private static final int SLOTS = 32;
    // what connects (a device's needs, a bus's offers), as libvirt's VIR_PCI_CONNECT_* flags
    static final int PCI_DEVICE = 1;
    static final int PCIE_DEVICE = 1 << 1;
    static final int ROOT_PORT = 1 << 2;
    static final int SWITCH_UP = 1 << 3;
    static final int SWITCH_DOWN = 1 << 4;
    static final int DMI_BRIDGE = 1 << 5;
    static final int PCI_EXPANDER = 1 << 6;
    static final int PCIE_EXPANDER = 1 << 7;
    static final int PCI_BRIDGE = 1 << 8;
    static final int PCIE_TO_PCI = 1 << 9;
    static final int TYPES = (1 << 10) - 1;
    /** The device may be placed automatically (device) / the bus takes such devices (bus). */
    static final int AUTOASSIGN = 1 << 10;
    static final int HOTPLUG = 1 << 11;
    /** Several such devices may share a slot, function by function (root ports). */
    static final int AGGREGATE = 1 << 12;
    /** The device is part of the root complex: bus 0 only. */
    static final int INTEGRATED = 1 << 13;
    private static final int PCI = PCI_DEVICE | AUTOASSIGN;
    private static final int PCIE = PCIE_DEVICE | AUTOASSIGN;

    /** A device that has, or wants, a PCI address, with what it connects to. */
    record Dev(Supplier<DeviceAddress> get, Consumer<DeviceAddress> set, int flags, ControllerDef usb2) {
    }

    private static final class Bus {
        String model;
        int flags;
        int minSlot;
        int maxSlot;
        final int[] functions = new int[SLOTS];
        final boolean[] aggregate = new boolean[SLOTS];

        Bus(String model, boolean hotplug) {
            setModel(model, hotplug);
        }

        void setModel(String m, boolean hotplug) {
            model = m;
            int hp = hotplug ? HOTPLUG : 0;
            minSlot = 0;
            maxSlot = SLOTS - 1;
            switch (m == null ? "" : m) {
                case "pci-root" -> {
                    flags = AUTOASSIGN | PCI_DEVICE | PCI_BRIDGE | PCI_EXPANDER | hp;
                    minSlot = 1;
                }
                case "pci-bridge", "pcie-to-pci-bridge" -> {
                    flags = AUTOASSIGN | PCI_DEVICE | PCI_BRIDGE | hp;
                    minSlot = 1;
                }
                case "pci-expander-bus" -> flags = AUTOASSIGN | PCI_DEVICE | PCI_BRIDGE | hp;
                case "pcie-root" -> {
                    flags = PCIE_DEVICE | ROOT_PORT | DMI_BRIDGE | PCIE_EXPANDER;
                    minSlot = 1;
                }
                case "dmi-to-pci-bridge" -> flags = PCI_DEVICE | PCI_BRIDGE;
                case "pcie-root-port", "pcie-switch-downstream-port" -> {
                    flags = AUTOASSIGN | PCIE_DEVICE | SWITCH_UP | PCIE_TO_PCI | hp;
                    maxSlot = 0;
                }
                case "pcie-switch-upstream-port" -> flags = SWITCH_DOWN;
                case "pcie-expander-bus" -> flags = ROOT_PORT | DMI_BRIDGE;
                default -> throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU,
                        "PCI controller model was not set correctly");
            }
        }

        boolean full() {
            for (int s = minSlot; s <= maxSlot; s++) {
                if (functions[s] == 0) {
                    return false;
                }
            }
            return true;
        }

        boolean empty() {
            for (int s = minSlot; s <= maxSlot; s++) {
                if (functions[s] != 0) {
                    return false;
                }
            }
            return true;
        }
    }

    private final List<Bus> buses = new ArrayList<>();
    private final boolean dryRun;
    /** A PCI Express root bus (q35); an i440fx's pci-root takes every device as a conventional PCI one. */
    private final boolean express;

    private PciAddressSet(Devices d, int nbuses, boolean dryRun) {
        this.dryRun = dryRun;
        this.express = hasPcieRoot(d);
        for (int i = 0; i < nbuses; i++) {
            buses.add(null);
        }
        for (ControllerDef c : d.controllers) {
            if ("pci".equals(c.type)) {
                buses.set(c.index(), new Bus(c.model, c.target == null || !"off".equals(c.target.hotplug)));
            }
        }
        if (buses.get(0) == null) {
            buses.set(0, new Bus("pci-root", true));
        }
        // buses no controller names yet: root ports (q35) or PCI bridges, which the first pass adds
        for (int i = 1; i < nbuses; i++) {
            if (buses.get(i) == null) {
                buses.set(i, new Bus(express ? "pcie-root-port" : "pci-bridge", true));
            }
        }
    }

    private static boolean hasPcieRoot(Devices d) {
        for (ControllerDef c : d.controllers) {
            if ("pci".equals(c.type) && c.index() == 0) {
                return "pcie-root".equals(c.model);
            }
        }
        return false;
    }

    static void assign(Devices d) {
        int maxIndex = 0;
        for (ControllerDef c : d.controllers) {
            if ("pci".equals(c.type)) {
                maxIndex = Math.max(maxIndex, c.index());
            }
        }
        PciAddressSet dry = new PciAddressSet(d, maxIndex + 1, true);
        dry.collect(d);
        dry.chipset(d);
        if (!dry.express && dry.buses.stream().anyMatch(b -> !b.full())) {
            // a slot kept for a PCI bridge the guest may need later
            dry.reserveNext(PCI, -1);
        }
        dry.assignSlots(d);
        // a new topology (the definition named no PCI controller) keeps a root port free for hotplug
        if (dry.express && maxIndex <= 0 && dry.buses.size() > maxIndex + 1) {
            dry.reserveNext(PCIE, -1);
        }
        for (int i = 1; i < dry.buses.size(); i++) {
            if (DefaultDevices.find(d, "pci", i) == null) {
                ControllerDef c = ControllerDef.of("pci", i);
                c.model = dry.buses.get(i).model;
                DefaultDevices.insert(d, c);
                dry.reserveNext(controllerFlags(c.model), -1);
            }
        }
        PciAddressSet a = new PciAddressSet(d, dry.buses.size(), false);
        a.collect(d);
        a.chipset(d);
        a.assignSlots(d);
        allMulti(d);
        for (ControllerDef c : d.controllers) {
            if ("pci".equals(c.type)) {
                controllerDefaults(d, c);
            }
        }
    }

    /** Every device that takes a PCI address, in the order libvirt gives them (qemuDomainAssignDevicePCISlots). */
    static List<Dev> devices(Devices d) {
        List<Dev> out = devicesExpress(d);
        if (hasPcieRoot(d)) {
            return out;
        }
        // without a PCI Express bus every device plugs in as a conventional PCI one
        List<Dev> conventional = new ArrayList<>();
        for (Dev dev : out) {
            int f = dev.flags();
            if ((f & PCIE_DEVICE) != 0) {
                f = (f & ~PCIE_DEVICE) | PCI_DEVICE;
            }
            conventional.add(new Dev(dev.get(), dev.set(), f, dev.usb2()));
        }
        return conventional;
    }

    private static List<Dev> devicesExpress(Devices d) {
        List<Dev> out = new ArrayList<>();
        for (ControllerDef c : d.controllers) {
            if ("pci".equals(c.type) && !"pci-root".equals(c.model) && !"pcie-root".equals(c.model)) {
                out.add(new Dev(() -> c.address, x -> c.address = x, controllerFlags(c.model), null));
            }
        }
        for (var fs : d.filesystems) {
            if (!(fs.driver != null && fs.driver.type != null && List.of("loop", "nbd", "ploop", "mtp")
                    .contains(fs.driver.type))) {
                out.add(new Dev(() -> fs.address, x -> fs.address = x, virtio(fs.model), null));
            }
        }
        for (NetDef n : d.interfaces) {
            String model = n.model == null ? null : n.model.type;
            if ("hostdev".equals(n.type) || "usb-net".equals(model)) {
                continue;
            }
            int flags = model == null || model.equals("e1000e") || model.equals("igb") ? PCIE
                    : model.equals("virtio") || model.equals("virtio-non-transitional") ? PCIE
                    : PCI;
            out.add(new Dev(() -> n.address, x -> n.address = x, flags, null));
        }
        for (var s : d.sounds) {
            if (s.model != null && List.of("es1370", "ac97", "ich6", "ich9").contains(s.model)) {
                out.add(new Dev(() -> s.address, x -> s.address = x, PCI, null));
            } else if ("virtio".equals(s.model)) {
                out.add(new Dev(() -> s.address, x -> s.address = x, PCIE, null));
            }
        }
        for (ControllerDef c : d.controllers) {
            if (c.type.equals("ide") && c.index() == 0) {
                continue; // the PIIX3's own
            }
            int flags = switch (c.type) {
                case "sata", "ide" -> PCI;
                case "usb" -> c.model == null ? PCI : switch (c.model) {
                    case "qemu-xhci", "nec-xhci" -> PCIE;
                    case "none", "qusb1", "qusb2" -> 0;
                    default -> PCI;
                };
                case "scsi" -> c.model == null || "ncr53c90".equals(c.model) ? 0
                        : "virtio-scsi".equals(c.model) || "virtio-non-transitional".equals(c.model) ? PCIE : PCI;
                case "virtio-serial" -> virtio(c.model);
                default -> 0;
            };
            if (flags != 0) {
                out.add(new Dev(() -> c.address, x -> c.address = x, flags, usb2Function(c) >= 0 ? c : null));
            }
        }
        for (DiskDef disk : d.disks) {
            if (disk.target != null && "virtio".equals(disk.target.bus)) {
                if (!PciAddresses.unassigned(disk.address) && !"pci".equals(disk.address.type)) {
                    throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                            "virtio disk cannot have an address of type '" + disk.address.type + "'");
                }
                out.add(new Dev(() -> disk.address, x -> disk.address = x, virtio(disk.model), null));
            }
        }
        for (NetDef n : d.interfaces) {
            if ("hostdev".equals(n.type)) {
                out.add(new Dev(() -> n.address, x -> n.address = x, PCIE, null));
            }
        }
        for (HostdevDef h : d.hostdevs) {
            if (isPciHostdev(h)) {
                // host devices are taken for PCI Express ones, as libvirt does when it cannot look
                out.add(new Dev(() -> h.address, x -> h.address = x, PCIE, null));
            }
        }
        if (d.memballoon != null && d.memballoon.model != null && d.memballoon.model.startsWith("virtio")) {
            out.add(new Dev(() -> d.memballoon.address, x -> d.memballoon.address = x, virtio(d.memballoon.model),
                    null));
        }
        for (var rng : d.rngs) {
            if (rng.model != null && rng.model.startsWith("virtio")) {
                out.add(new Dev(() -> rng.address, x -> rng.address = x, virtio(rng.model), null));
            }
        }
        if (d.watchdog != null && "i6300esb".equals(d.watchdog.model)) {
            out.add(new Dev(() -> d.watchdog.address, x -> d.watchdog.address = x, PCI, null));
        }
        for (VideoDef v : d.videos) {
            String type = v.model == null ? null : v.model.type;
            int flags = type == null ? 0 : switch (type) {
                case "virtio", "bochs" -> PCIE;
                case "vga", "cirrus", "vmvga", "xen", "vbox", "qxl", "parallels" -> PCI;
                default -> 0;
            };
            if (flags != 0) {
                out.add(new Dev(() -> v.address, x -> v.address = x, flags, null));
            }
        }
        for (var shm : d.shmems) {
            out.add(new Dev(() -> shm.address, x -> shm.address = x, PCI, null));
        }
        for (var in : d.inputs) {
            if ("virtio".equals(in.bus)) {
                out.add(new Dev(() -> in.address, x -> in.address = x, virtio(in.model), null));
            }
        }
        for (var s : d.serials) {
            if (s.target != null && "pci-serial".equals(s.target.type)) {
                out.add(new Dev(() -> s.address, x -> s.address = x, PCI, null));
            }
        }
        if (d.iommu != null && "virtio".equals(d.iommu.model)) {
            out.add(new Dev(() -> d.iommu.address, x -> d.iommu.address = x, PCIE | INTEGRATED, null));
        }
        if (d.vsock != null) {
            out.add(new Dev(() -> d.vsock.address, x -> d.vsock.address = x, virtio(d.vsock.model), null));
        }
        for (var m : d.memories) {
            if ("virtio-pmem".equals(m.model) || "virtio-mem".equals(m.model)) {
                out.add(new Dev(() -> m.address, x -> m.address = x, PCIE, null));
            }
        }
        for (var c : d.cryptos) {
            out.add(new Dev(() -> c.address, x -> c.address = x, PCIE, null));
        }
        return out;
    }

    /** A virtio device: PCI Express unless its model asks for the transitional (conventional PCI) one. */
    private static int virtio(String model) {
        return "virtio-transitional".equals(model) ? PCI : PCIE;
    }

    private static boolean isPciHostdev(HostdevDef h) {
        if (h.mode != null && !"subsystem".equals(h.mode)) {
            return false;
        }
        return "pci".equals(h.type) || "scsi_host".equals(h.type)
                || "mdev".equals(h.type) && "vfio-pci".equals(h.model);
    }

    /** What a PCI controller plugs into (virDomainPCIControllerModelToConnectType). */
    static int controllerFlags(String model) {
        return switch (model == null ? "" : model) {
            case "pci-bridge" -> PCI_BRIDGE;
            case "pci-expander-bus" -> PCI_EXPANDER;
            case "pcie-expander-bus" -> PCIE_EXPANDER;
            case "dmi-to-pci-bridge" -> DMI_BRIDGE;
            case "pcie-to-pci-bridge" -> PCIE_TO_PCI;
            case "pcie-root-port" -> ROOT_PORT | AGGREGATE;
            case "pcie-switch-upstream-port" -> SWITCH_UP;
            case "pcie-switch-downstream-port" -> SWITCH_DOWN;
            default -> 0;
        };
    }

    private static int usb2Function(ControllerDef c) {
        if (!"usb".equals(c.type) || c.model == null) {
            return -1;
        }
        return switch (c.model) {
            case "ich9-ehci1" -> 7;
            case "ich9-uhci1" -> 0;
            case "ich9-uhci2" -> 1;
            case "ich9-uhci3" -> 2;
            default -> -1;
        };
    }

    /**
     * Whether a device wants an address: it has none, or a PCI one whose domain, bus and slot are all 0 or
     * absent (libvirt's virDeviceInfoPCIAddressIsWanted); one that names a bus alone is at its slot 0.
     */
    static boolean wanted(DeviceAddress a) {
        return a == null || "pci".equals(a.type) && PciAddresses.parse(a.domain) == 0
                && PciAddresses.parse(a.bus) == 0 && PciAddresses.parse(a.slot) == 0;
    }

    private static boolean present(DeviceAddress a) {
        return a != null && "pci".equals(a.type) && !wanted(a);
    }

    /** Takes the addresses the definition gives (qemuDomainCollectPCIAddress), their missing numbers 0. */
    private void collect(Devices d) {
        List<DeviceAddress> piix3 = new ArrayList<>();
        if (!express) {
            for (ControllerDef c : d.controllers) {
                if ("ide".equals(c.type) && c.index() == 0 || "usb".equals(c.type) && c.index() == 0
                        && (c.model == null || "piix3-uhci".equals(c.model))) {
                    piix3.add(c.address);
                }
            }
        }
        for (Dev dev : devices(d)) {
            DeviceAddress a = dev.get().get();
            if (present(a) && !piix3.contains(a)) {
                if (a.domain == null) {
                    a.domain = "0x0000";
                }
                if (a.bus == null) {
                    a.bus = "0x00";
                }
                if (a.slot == null) {
                    a.slot = "0x00";
                }
                if (a.function == null) {
                    a.function = "0x0";
                }
                reserve(a, dev.flags(), true);
            }
        }
    }

    /** Grows the set (first pass) so that {@code bus} exists, with the controllers a device of {@code flags} needs. */
    private int grow(int bus, int flags) {
        int add = bus - buses.size() + 1;
        if (add <= 0) {
            return bus;
        }
        String model;
        boolean needBridge = false;
        if ((flags & PCI_DEVICE) != 0) {
            model = "pci-bridge";
            needBridge = buses.stream().noneMatch(b -> (b.flags & PCI_BRIDGE) != 0);
            if (needBridge && add == 1) {
                // a conventional PCI device on a PCI Express topology: a root port and a pcie-to-pci-bridge
                add++;
                bus++;
            }
        } else if ((flags & (PCIE_DEVICE | SWITCH_UP)) != 0) {
            model = "pcie-root-port";
        } else {
            String controller = switch (flags & TYPES) {
                case ROOT_PORT -> "pcie-root-port";
                case SWITCH_UP -> "pcie-switch-upstream-port";
                case SWITCH_DOWN -> "pcie-switch-downstream-port";
                case DMI_BRIDGE -> "dmi-to-pci-bridge";
                case PCI_EXPANDER -> "pci-expander-bus";
                case PCIE_EXPANDER -> "pcie-expander-bus";
                case PCI_BRIDGE -> "pci-bridge";
                default -> null;
            };
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU, controller != null
                    ? "a PCI slot is needed to connect a PCI controller model='" + controller + "', but none is "
                            + "available, and it cannot be automatically added"
                    : "Cannot automatically add a new PCI bus for a device with connect flags "
                            + String.format("%02x", flags));
        }
        int first = buses.size();
        for (int i = 0; i < add; i++) {
            buses.add(new Bus(model, true));
        }
        if (needBridge) {
            // the root port takes only the bridge, so that a spare root port is not taken for it
            buses.get(first).setModel("pcie-root-port", true);
            buses.get(first).flags = PCIE_TO_PCI;
            buses.get(first + 1).setModel("pcie-to-pci-bridge", true);
        }
        return bus;
    }

    /** Whether a device of {@code devFlags} may sit on a bus of {@code busFlags} (number {@code bus}). */
    private static boolean compatible(int bus, int busFlags, int devFlags, boolean fromConfig) {
        if ((devFlags & INTEGRATED) != 0) {
            if (bus != 0) {
                return false;
            }
            busFlags |= AUTOASSIGN;
        }
        if (fromConfig) {
            // an address the user gave may put a PCI device in a PCIe slot and the other way round
            if ((busFlags & (PCI_DEVICE | PCIE_DEVICE)) != 0) {
                busFlags |= PCI_DEVICE | PCIE_DEVICE;
            }
            if ((devFlags & PCI_BRIDGE) != 0) {
                devFlags |= PCI_DEVICE;
            }
        } else if ((devFlags & AUTOASSIGN) != 0 && (busFlags & AUTOASSIGN) == 0) {
            return false;
        }
        if ((devFlags & HOTPLUG) != 0 && (busFlags & HOTPLUG) == 0) {
            return false;
        }
        return (devFlags & busFlags & TYPES) != 0;
    }

    /** Reserves one function (virDomainPCIAddressReserveAddrInternal). */
    private void reserve(DeviceAddress a, int flags, boolean fromConfig) {
        int bus = PciAddresses.parse(a.bus);
        int slot = PciAddresses.parse(a.slot);
        int fn = PciAddresses.parse(a.function);
        if (dryRun) {
            grow(bus, flags);
        }
        String where = String.format("%04x:%02x:%02x.%x", PciAddresses.parse(a.domain), bus, slot, fn);
        ErrorCode code = fromConfig ? ErrorCode.XML_ERROR : ErrorCode.INTERNAL_ERROR;
        if (bus >= buses.size()) {
            throw new VirtException(code, ErrorDomain.QEMU, "Invalid PCI address " + where
                    + ". Only PCI buses up to " + (buses.size() - 1) + " are available");
        }
        Bus b = buses.get(bus);
        if (!compatible(bus, b.flags, flags, fromConfig) && !fromConfig) {
            throw new VirtException(code, ErrorDomain.QEMU, "The device at PCI address " + where
                    + " cannot be plugged into the PCI controller with index='" + bus + "'");
        }
        if (slot > b.maxSlot || slot >= SLOTS) {
            throw new VirtException(code, ErrorDomain.QEMU, "Invalid PCI address " + where + ". slot must be <= "
                    + b.maxSlot);
        }
        if ((b.functions[slot] & (1 << fn)) != 0) {
            throw new VirtException(code, ErrorDomain.QEMU, "Attempted double use of PCI Address " + where);
        }
        if (b.functions[slot] == 0 && (flags & AGGREGATE) != 0) {
            b.aggregate[slot] = true;
        }
        b.functions[slot] |= 1 << fn;
    }

    /**
     * The first free slot (or, for devices that share slots, free function) of the first bus that takes the
     * device, reserved (virDomainPCIAddressGetNextAddr); the first pass grows a bus when none does.
     */
    private DeviceAddress reserveNext(int flags, int function) {
        int fn = function < 0 ? 0 : function;
        for (int bus = 0; bus < buses.size(); bus++) {
            Bus b = buses.get(bus);
            if (!compatible(bus, b.flags, flags, false)) {
                continue;
            }
            for (int slot = b.minSlot; slot <= b.maxSlot; slot++) {
                if (b.functions[slot] == 0) {
                    return take(bus, slot, fn, flags);
                }
                if ((flags & AGGREGATE) != 0 && b.aggregate[slot]) {
                    if ((b.functions[slot] & (1 << fn)) == 0) {
                        return take(bus, slot, fn, flags);
                    }
                    if (function < 0) {
                        for (int f = 0; f < 8; f++) {
                            if ((b.functions[slot] & (1 << f)) == 0) {
                                return take(bus, slot, f, flags);
                            }
                        }
                    }
                }
            }
        }
        if (dryRun) {
            int bus = grow(buses.size(), flags);
            return take(bus, buses.get(bus).minSlot, fn, flags);
        }
        throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU, "No more available PCI slots");
    }

    private DeviceAddress take(int bus, int slot, int fn, int flags) {
        DeviceAddress a = PciAddresses.pci(bus, slot, fn);
        reserve(a, flags, false);
        return a;
    }

    private void chipset(Devices d) {
        if (express) {
            ich9(d);
        } else {
            piix3(d);
        }
    }

    /**
     * The PIIX3's functions on slot 1 (ISA bridge, IDE, USB, power management) and the primary video card on slot 2
     * (qemuDomainValidateDevicePCISlotsPIIX3).
     */
    private void piix3(Devices d) {
        for (ControllerDef c : d.controllers) {
            int fn;
            String error;
            if ("ide".equals(c.type) && c.index() == 0) {
                fn = 1;
                error = "Primary IDE controller must have PCI address 0:0:1.1";
            } else if ("usb".equals(c.type) && c.index() == 0 && (c.model == null || "piix3-uhci".equals(c.model))) {
                fn = 2;
                error = "PIIX3 USB controller at index 0 must have PCI address 0:0:1.2";
            } else {
                continue;
            }
            if (present(c.address)) {
                if (PciAddresses.parse(c.address.bus) != 0 || PciAddresses.parse(c.address.slot) != 1
                        || PciAddresses.parse(c.address.function) != fn) {
                    throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU, error);
                }
            } else {
                c.address = PciAddresses.pci(0, 1, fn);
            }
            reserve(PciAddresses.pci(0, 1, fn), PCI, true);
        }
        reserve(PciAddresses.pci(0, 1, 0), PCI, true);
        reserve(PciAddresses.pci(0, 1, 3), PCI, true);
        if (!d.videos.isEmpty()) {
            VideoDef primary = d.videos.get(0);
            if (primary.model != null && !"none".equals(primary.model.type) && !"ramfb".equals(primary.model.type)
                    && wanted(primary.address)) {
                if (buses.get(0).functions[2] != 0) {
                    DeviceAddress a = reserveNext(PCI, -1);
                    if (!dryRun) {
                        primary.address = a;
                    }
                } else {
                    reserve(PciAddresses.pci(0, 2, 0), PCI, true);
                    primary.address = PciAddresses.pci(0, 2, 0);
                }
            }
        }
    }

    /** The q35's own devices and the devices libvirt puts where real ICH9 hardware has them. */
    private void ich9(Devices d) {
        for (ControllerDef c : d.controllers) {
            if ("sata".equals(c.type) && c.index() == 0) {
                if (present(c.address)) {
                    if (PciAddresses.parse(c.address.bus) != 0 || PciAddresses.parse(c.address.slot) != 0x1f
                            || PciAddresses.parse(c.address.function) != 2) {
                        throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU,
                                "Primary SATA controller must have PCI address 0:0:1f.2");
                    }
                } else {
                    c.address = PciAddresses.pci(0, 0x1f, 2);
                }
            } else if ("usb".equals(c.type) && "ich9-uhci1".equals(c.model) && c.address == null) {
                // the first USB2 controllers where the ICH9 has them, if free
                for (int slot : new int[] {0x1d, 0x1a}) {
                    if (buses.get(0).functions[slot] == 0) {
                        reserve(PciAddresses.pci(0, slot, 0), PCIE_DEVICE, false);
                        c.address = PciAddresses.pci(0, slot, 0);
                        c.address.multifunction = "on";
                        break;
                    }
                }
            } else if ("pci".equals(c.type) && "dmi-to-pci-bridge".equals(c.model) && c.address == null
                    && buses.get(0).functions[0x1e] == 0) {
                reserve(PciAddresses.pci(0, 0x1e, 0), PCIE_DEVICE, false);
                c.address = PciAddresses.pci(0, 0x1e, 0);
            }
        }
        // the LPC (ISA) bridge and the SMBus, always there
        reserve(PciAddresses.pci(0, 0x1f, 0), PCIE_DEVICE, false);
        reserve(PciAddresses.pci(0, 0x1f, 3), PCIE_DEVICE, false);
        if (!d.videos.isEmpty()) {
            VideoDef primary = d.videos.get(0);
            if (primary.model != null && !"none".equals(primary.model.type) && !"ramfb".equals(primary.model.type)
                    && wanted(primary.address)) {
                if (buses.get(0).functions[1] != 0) {
                    int flags = List.of("virtio", "bochs").contains(primary.model.type) ? PCIE : PCI;
                    DeviceAddress a = reserveNext(flags, -1);
                    if (!dryRun) {
                        primary.address = a;
                    }
                } else {
                    reserve(PciAddresses.pci(0, 1, 0), PCIE_DEVICE, false);
                    primary.address = PciAddresses.pci(0, 1, 0);
                }
            }
        }
        if (buses.get(0).functions[0x1b] == 0) {
            for (var sound : d.sounds) {
                if ("ich9".equals(sound.model) && wanted(sound.address)) {
                    reserve(PciAddresses.pci(0, 0x1b, 0), PCIE_DEVICE, false);
                    sound.address = PciAddresses.pci(0, 0x1b, 0);
                    break;
                }
            }
        }
    }

    /** Each device without an address takes the next one; a USB2 controller's parts share their slot. */
    private void assignSlots(Devices d) {
        for (Dev dev : devices(d)) {
            if (!wanted(dev.get().get())) {
                continue;
            }
            if (dev.usb2() != null) {
                ControllerDef c = dev.usb2();
                int fn = usb2Function(c);
                DeviceAddress shared = null;
                for (ControllerDef o : d.controllers) {
                    if (usb2Function(o) >= 0 && o.index() == c.index() && present(o.address)) {
                        shared = o.address;
                        break;
                    }
                }
                DeviceAddress a;
                if (shared != null) {
                    a = PciAddresses.pci(PciAddresses.parse(shared.bus), PciAddresses.parse(shared.slot), fn);
                    reserve(a, dev.flags(), true);
                } else {
                    a = reserveNext(dev.flags(), fn);
                }
                if (fn == 0) {
                    a.multifunction = "on";
                }
                // a part that joins its controller's slot gets it even in the first pass, as in libvirt
                if (!dryRun || shared != null) {
                    c.address = a;
                }
                continue;
            }
            DeviceAddress a = reserveNext(dev.flags(), -1);
            if (!dryRun) {
                dev.set().accept(a);
            }
        }
    }

    /** Function 0 of a slot whose other functions are in use is multifunction, unless the user said off. */
    private static void allMulti(Devices d) {
        List<DeviceAddress> all = new ArrayList<>();
        for (DeviceAddress a : PciAddresses.given(d)) {
            if (a != null && "pci".equals(a.type) && a.slot != null) {
                all.add(a);
            }
        }
        for (DeviceAddress a : all) {
            if (PciAddresses.parse(a.function) == 0) {
                continue;
            }
            for (DeviceAddress f0 : all) {
                if (PciAddresses.parse(f0.function) == 0 && PciAddresses.parse(f0.bus) == PciAddresses.parse(a.bus)
                        && PciAddresses.parse(f0.slot) == PciAddresses.parse(a.slot)
                        && PciAddresses.parse(f0.domain) == PciAddresses.parse(a.domain)) {
                    if (f0.multifunction == null) {
                        f0.multifunction = "on";
                    }
                    break;
                }
            }
        }
    }

    /** The device name and numbers libvirt fills in for a PCI controller that does not give them. */
    private static void controllerDefaults(Devices d, ControllerDef c) {
        if ("pci-root".equals(c.model) || "pcie-root".equals(c.model)) {
            return;
        }
        if (c.modelElement == null) {
            c.modelElement = new ControllerDef.Model();
        }
        if (c.modelElement.name == null) {
            c.modelElement.name = PciControllers.defaultDevice(c.model);
        }
        switch (c.model) {
            case "pci-bridge" -> {
                if (target(c).chassisNr == null) {
                    c.target.chassisNr = c.index;
                }
            }
            case "pcie-root-port" -> {
                if (target(c).chassis == null) {
                    c.target.chassis = c.index;
                }
                if (c.target.port == null) {
                    c.target.port = "0x" + Integer.toHexString((PciAddresses.parse(c.address.slot) << 3)
                            + PciAddresses.parse(c.address.function));
                }
            }
            case "pcie-switch-downstream-port" -> {
                if (target(c).chassis == null) {
                    c.target.chassis = c.index;
                }
                if (c.target.port == null) {
                    c.target.port = "0x" + Integer.toHexString(PciAddresses.parse(c.address.slot));
                }
            }
            case "pci-expander-bus", "pcie-expander-bus" -> {
                if (target(c).busNr == null) {
                    c.target.busNr = Integer.toString(newBusNr(d));
                }
            }
            default -> {
                // dmi-to-pci-bridge, pcie-to-pci-bridge, upstream ports: nothing more
            }
        }
    }

    private static ControllerDef.Target target(ControllerDef c) {
        if (c.target == null) {
            c.target = new ControllerDef.Target();
        }
        return c.target;
    }

    /**
     * A bus number for an expander bus below those the others use, leaving room for the buses behind each
     * (qemuDomainAddressFindNewBusNr).
     */
    private static int newBusNr(Devices d) {
        int lowest = 256;
        for (ControllerDef c : d.controllers) {
            if ("pci".equals(c.type) && ("pci-expander-bus".equals(c.model) || "pcie-expander-bus".equals(c.model))
                    && c.target != null && c.target.busNr != null) {
                lowest = Math.min(lowest, Integer.parseInt(c.target.busNr));
            }
        }
        if (lowest <= 2) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU, "No free busNr lower than "
                    + "current lowest busNr is available to auto-assign to bus 0. Must be manually assigned");
        }
        return lowest - 2;
    }
}
