package org.jvirt.driver.qemu.command;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.conf.domain.ControllerDef;
import org.jvirt.conf.domain.DeviceAddress;
import org.jvirt.conf.domain.Devices;
import org.jvirt.conf.domain.DiskDef;
import org.jvirt.conf.domain.DomainDef;
import org.jvirt.conf.domain.HostdevDef;
import org.jvirt.conf.domain.NetDef;
import org.jvirt.conf.domain.VideoDef;

/**
 * PCI slots for an i440fx machine's devices, on its root bus and its PCI bridges, as libvirt assigns them
 * (qemuDomainAssignPCIAddresses). Addresses already given are kept and their slots taken; slot 0 of the root bus
 * is the host bridge, slot 1 the PIIX3 (IDE at function 1, USB at function 2), slot 2 the primary video card.
 * Then, in libvirt's order, each device without an address takes the next free slot after the last one given
 * out: PCI bridges, filesystems, network interfaces, sound, controllers (a USB2 controller's parts share a slot),
 * virtio disks, host devices, the balloon, RNGs, the watchdog, other video cards, shared memory, virtio inputs,
 * PCI serial ports, vsock, crypto. When the buses are full a first pass finds how many PCI bridges the devices
 * need, and they are added, as libvirt adds them; buses that addresses name get one too.
 */
final class PciAddresses {
    private static final int SLOTS = 32;

    /**
     * A device that wants a slot.
     *
     * @param maxBus       the highest bus it may sit on (a bridge sits on a bus below its own)
     * @param usb2Index    the index of the USB2 controller it is a part of, or -1
     * @param usb2Function its function on that controller's slot
     * @param pcie         whether it is a PCI Express device (a q35 machine plugs it into a root port)
     */
    record Want(Supplier<DeviceAddress> get, Consumer<DeviceAddress> set, int maxBus, int usb2Index,
            int usb2Function, boolean pcie) {
    }

    /** Each bus's slots in use; slot 0 is never given out (the host bridge, or the bridge's own). */
    private final List<BitSet> buses = new ArrayList<>();
    /** Whether a full bus grows a new bridge (the first pass) or is an error. */
    private final boolean dryRun;
    private int lastBus;
    private int lastSlot;
    private final Map<Integer, int[]> usb2Slots = new HashMap<>();

    private PciAddresses(int nbuses, boolean dryRun) {
        this.dryRun = dryRun;
        for (int i = 0; i < nbuses; i++) {
            addBus();
        }
    }

    static void assign(DomainDef def) {
        Devices d = def.devices();
        if (QemuDefaults.isQ35(def.os.type.machine)) {
            PcieAddresses.assign(d);
            return;
        }
        if ("isapc".equals(def.os.type.machine)) {
            return; // an ISA-only PC has no PCI bus to give slots on
        }
        PciAddresses dry = new PciAddresses(busCount(d), true);
        dry.collect(d);
        dry.piix3(d, false);
        // one slot kept for a bridge the guest may need later (libvirt's first pass does the same)
        if (dry.hasFreeSlot()) {
            dry.nextSlot(Integer.MAX_VALUE);
        }
        for (Want w : wants(d)) {
            dry.place(w, false);
        }
        for (int i = 1; i < dry.buses.size(); i++) {
            if (DefaultDevices.find(d, "pci", i) == null) {
                ControllerDef bridge = ControllerDef.of("pci", i);
                bridge.model = "pci-bridge";
                DefaultDevices.insert(d, bridge);
                dry.nextSlot(Integer.MAX_VALUE); // the new bridge takes a slot itself, on any bus so far
            }
        }
        PciAddresses a = new PciAddresses(busCount(d), false);
        a.collect(d);
        a.piix3(d, true);
        for (Want w : wants(d)) {
            a.place(w, true);
        }
        for (ControllerDef c : d.controllers) {
            if ("pci".equals(c.type) && "pci-bridge".equals(c.model)) {
                if (c.modelElement == null) {
                    c.modelElement = new ControllerDef.Model();
                }
                if (c.modelElement.name == null) {
                    c.modelElement.name = "pci-bridge";
                }
                if (c.target == null) {
                    c.target = new ControllerDef.Target();
                }
                if (c.target.chassisNr == null) {
                    c.target.chassisNr = c.index;
                }
            }
        }
    }

    /** The buses: the root, each PCI controller's, and each an address names. */
    private static int busCount(Devices d) {
        int max = 0;
        for (ControllerDef c : d.controllers) {
            if ("pci".equals(c.type)) {
                max = Math.max(max, c.index());
            }
        }
        for (DeviceAddress a : given(d)) {
            if (a != null && "pci".equals(a.type) && !unassigned(a)) {
                max = Math.max(max, parse(a.bus));
            }
        }
        return max + 1;
    }

    /** The devices without a PCI address that take one, in libvirt's order (qemuDomainAssignDevicePCISlots). */
    static List<Want> wants(Devices d) {
        List<Want> out = new ArrayList<>();
        for (ControllerDef c : d.controllers) {
            if ("pci".equals(c.type) && c.index() > 0 && unassigned(c.address)) {
                out.add(new Want(() -> c.address, x -> c.address = x, c.index() - 1, -1, 0, false));
            }
        }
        for (var fs : d.filesystems) {
            // an MTP filesystem is a USB device
            if (unassigned(fs.address) && !(fs.driver != null && "mtp".equals(fs.driver.type))) {
                out.add(want(() -> fs.address, x -> fs.address = x, true));
            }
        }
        for (NetDef n : d.interfaces) {
            // a hostdev interface is a host device, placed with them; usb-net is a USB device
            boolean usb = n.model != null && "usb-net".equals(n.model.type);
            if (!"hostdev".equals(n.type) && !usb && unassigned(n.address)) {
                String model = n.model == null ? null : n.model.type;
                out.add(want(() -> n.address, x -> n.address = x, virtio(model) || "e1000e".equals(model)));
            }
        }
        for (var s : d.sounds) {
            if (unassigned(s.address) && s.model != null && !s.model.equals("sb16") && !s.model.equals("pcspk")
                    && !s.model.equals("usb")) {
                out.add(want(() -> s.address, x -> s.address = x, false));
            }
        }
        for (ControllerDef c : d.controllers) {
            if (c.type.equals("pci") || c.type.equals("fdc") || c.type.equals("ccid")
                    || c.type.equals("ide") && c.index() == 0 || c.type.equals("usb") && "none".equals(c.model)
                    || !unassigned(c.address)) {
                continue;
            }
            int fn = usb2Function(c);
            boolean pcie = "usb".equals(c.type) && ("qemu-xhci".equals(c.model) || "nec-xhci".equals(c.model))
                    || "scsi".equals(c.type) && "virtio-scsi".equals(c.model) || "virtio-serial".equals(c.type);
            out.add(new Want(() -> c.address, x -> c.address = x, Integer.MAX_VALUE, fn >= 0 ? c.index() : -1,
                    fn, pcie));
        }
        for (DiskDef disk : d.disks) {
            if (disk.target != null && "virtio".equals(disk.target.bus)) {
                if (unassigned(disk.address)) {
                    out.add(want(() -> disk.address, x -> disk.address = x,
                            !"virtio-transitional".equals(disk.model)));
                } else if (!"pci".equals(disk.address.type)) {
                    throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                            "virtio disk cannot have an address of type '" + disk.address.type + "'");
                }
            }
        }
        // libvirt lists an interface of type hostdev among the host devices, before those of <hostdev>
        for (NetDef n : d.interfaces) {
            if ("hostdev".equals(n.type) && unassigned(n.address)) {
                out.add(want(() -> n.address, x -> n.address = x, true));
            }
        }
        for (HostdevDef h : d.hostdevs) {
            if (unassigned(h.address) && isPciHostdev(h)) {
                out.add(want(() -> h.address, x -> h.address = x, true));
            }
        }
        if (d.memballoon != null && "virtio".equals(d.memballoon.model) && unassigned(d.memballoon.address)) {
            out.add(want(() -> d.memballoon.address, x -> d.memballoon.address = x, true));
        }
        for (var rng : d.rngs) {
            if ("virtio".equals(rng.model) && unassigned(rng.address)) {
                out.add(want(() -> rng.address, x -> rng.address = x, true));
            }
        }
        if (d.watchdog != null && "i6300esb".equals(d.watchdog.model) && unassigned(d.watchdog.address)) {
            out.add(want(() -> d.watchdog.address, x -> d.watchdog.address = x, false));
        }
        for (int i = 1; i < d.videos.size(); i++) {
            VideoDef v = d.videos.get(i);
            if (unassigned(v.address) && v.model != null && !"none".equals(v.model.type)
                    && !"ramfb".equals(v.model.type)) {
                out.add(want(() -> v.address, x -> v.address = x, virtio(v.model.type)));
            }
        }
        for (var shm : d.shmems) {
            if (unassigned(shm.address)) {
                out.add(want(() -> shm.address, x -> shm.address = x, false));
            }
        }
        for (var in : d.inputs) {
            if ("virtio".equals(in.bus) && unassigned(in.address)) {
                out.add(want(() -> in.address, x -> in.address = x, true));
            }
        }
        for (var s : d.serials) {
            if (s.target != null && "pci-serial".equals(s.target.type) && unassigned(s.address)) {
                out.add(want(() -> s.address, x -> s.address = x, false));
            }
        }
        if (d.vsock != null && unassigned(d.vsock.address)) {
            out.add(want(() -> d.vsock.address, x -> d.vsock.address = x, true));
        }
        for (var c : d.cryptos) {
            if (unassigned(c.address)) {
                out.add(want(() -> c.address, x -> c.address = x, true));
            }
        }
        return out;
    }

    private static Want want(Supplier<DeviceAddress> get, Consumer<DeviceAddress> set, boolean pcie) {
        return new Want(get, set, Integer.MAX_VALUE, -1, 0, pcie);
    }

    /** A virtio device, PCI Express unless its model asks for the transitional (conventional PCI) one. */
    private static boolean virtio(String model) {
        return model != null && model.startsWith("virtio") && !"virtio-transitional".equals(model);
    }

    /** PCI host devices, mediated devices that are vfio-pci ones, and vhost-scsi (SCSI host) devices. */
    private static boolean isPciHostdev(HostdevDef h) {
        if (!"subsystem".equals(h.mode) && h.mode != null) {
            return false;
        }
        return "pci".equals(h.type) || "scsi_host".equals(h.type)
                || "mdev".equals(h.type) && "vfio-pci".equals(h.model);
    }

    /** The function of a USB2 controller's part on its shared slot, or -1 for another controller. */
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

    /** Gives a device its slot: the next free one, or the one its USB2 controller's other parts share. */
    private void place(Want w, boolean set) {
        int bus;
        int slot;
        if (w.usb2Index >= 0 && usb2Slots.containsKey(w.usb2Index)) {
            bus = usb2Slots.get(w.usb2Index)[0];
            slot = usb2Slots.get(w.usb2Index)[1];
        } else {
            int[] next = nextSlot(w.maxBus);
            bus = next[0];
            slot = next[1];
            if (w.usb2Index >= 0) {
                usb2Slots.put(w.usb2Index, next);
            }
        }
        if (set) {
            DeviceAddress a = pci(bus, slot, w.usb2Index >= 0 ? w.usb2Function : 0);
            if (w.usb2Index >= 0 && w.usb2Function == 0) {
                a.multifunction = "on";
            }
            w.set.accept(a);
        }
    }

    /** Every address the definition gives a device (null for a device without one). */
    static List<DeviceAddress> given(Devices d) {
        List<DeviceAddress> given = new ArrayList<>();
        d.disks.forEach(x -> given.add(x.address));
        d.controllers.forEach(x -> given.add(x.address));
        d.interfaces.forEach(x -> given.add(x.address));
        d.sounds.forEach(x -> given.add(x.address));
        d.videos.forEach(x -> given.add(x.address));
        d.inputs.forEach(x -> given.add(x.address));
        if (d.memballoon != null) {
            given.add(d.memballoon.address);
        }
        if (d.watchdog != null) {
            given.add(d.watchdog.address);
        }
        d.filesystems.forEach(x -> given.add(x.address));
        d.hostdevs.forEach(x -> given.add(x.address));
        d.rngs.forEach(x -> given.add(x.address));
        d.shmems.forEach(x -> given.add(x.address));
        d.serials.forEach(x -> given.add(x.address));
        d.cryptos.forEach(x -> given.add(x.address));
        d.panics.forEach(x -> given.add(x.address));
        d.redirdevs.forEach(x -> given.add(x.address));
        d.smartcards.forEach(x -> given.add(x.address));
        d.memories.forEach(x -> given.add(x.address));
        if (d.vsock != null) {
            given.add(d.vsock.address);
        }
        if (d.iommu != null) {
            given.add(d.iommu.address);
        }
        return given;
    }

    /** Takes the slots of the addresses the definition already gives. */
    private void collect(Devices d) {
        for (DeviceAddress addr : given(d)) {
            if (!unassigned(addr) && "pci".equals(addr.type)) {
                buses.get(parse(addr.bus)).set(parse(addr.slot));
            }
        }
        for (ControllerDef c : d.controllers) {
            if (usb2Function(c) >= 0 && !unassigned(c.address) && "pci".equals(c.address.type)) {
                usb2Slots.putIfAbsent(c.index(), new int[] {parse(c.address.bus), parse(c.address.slot)});
            }
        }
    }

    /** The PIIX3's functions on slot 1 and the primary video card on slot 2 (qemuDomainValidateDevicePCISlotsPIIX3). */
    private void piix3(Devices d, boolean set) {
        for (ControllerDef c : d.controllers) {
            if (c.type.equals("ide") && c.index() == 0) {
                check(c.address, 1, "Primary IDE controller must have PCI address 0:0:1.1");
                if (set && unassigned(c.address)) {
                    c.address = pci(0, 1, 1);
                }
            } else if (c.type.equals("usb") && c.index() == 0
                    && (c.model == null || c.model.equals("piix3-uhci"))) {
                check(c.address, 2, "PIIX3 USB controller at index 0 must have PCI address 0:0:1.2");
                if (set && unassigned(c.address)) {
                    c.address = pci(0, 1, 2);
                }
            }
        }
        buses.get(0).set(1);
        if (!d.videos.isEmpty()) {
            VideoDef primary = d.videos.get(0);
            if (primary.model != null && !"none".equals(primary.model.type) && !"ramfb".equals(primary.model.type)
                    && unassigned(primary.address)) {
                int[] at = buses.get(0).get(2) ? nextSlot(Integer.MAX_VALUE) : new int[] {0, 2};
                buses.get(at[0]).set(at[1]);
                if (set) {
                    primary.address = pci(at[0], at[1], 0);
                }
            }
        }
    }

    private static void check(DeviceAddress addr, int function, String error) {
        if (!unassigned(addr) && "pci".equals(addr.type)
                && (parse(addr.slot) != 1 || parse(addr.function) != function || parse(addr.bus) != 0)) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU, error);
        }
    }

    private void addBus() {
        BitSet slots = new BitSet(SLOTS);
        slots.set(0);
        buses.add(slots);
    }

    private boolean hasFreeSlot() {
        for (BitSet b : buses) {
            if (b.nextClearBit(1) < SLOTS) {
                return true;
            }
        }
        return false;
    }

    /**
     * The next free slot after the last one given out, on buses up to {@code maxBus}, then from the first bus
     * again (virDomainPCIAddressGetNextAddr); taken. A first pass grows a bridge when none is free.
     */
    private int[] nextSlot(int maxBus) {
        int last = Math.min(maxBus, buses.size() - 1);
        for (int bus = lastBus, slot = lastSlot + 1; bus <= last; bus++, slot = 1) {
            int free = buses.get(bus).nextClearBit(slot);
            if (free < SLOTS) {
                return take(bus, free);
            }
        }
        for (int bus = 0; bus <= Math.min(lastBus, last); bus++) {
            int free = buses.get(bus).nextClearBit(1);
            if (free < SLOTS) {
                return take(bus, free);
            }
        }
        if (dryRun) {
            addBus();
            return take(buses.size() - 1, 1);
        }
        throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU,
                "No more available PCI slots");
    }

    private int[] take(int bus, int slot) {
        buses.get(bus).set(slot);
        lastBus = bus;
        lastSlot = slot;
        return new int[] {bus, slot};
    }

    /** No address, or {@code <address type='pci'/>} without a slot: libvirt picks one. */
    static boolean unassigned(DeviceAddress a) {
        return a == null || "pci".equals(a.type) && (a.slot == null || a.slot.isEmpty());
    }

    static DeviceAddress pci(int bus, int slot, int function) {
        DeviceAddress a = new DeviceAddress();
        a.type = "pci";
        a.domain = "0x0000";
        a.bus = String.format("0x%02x", bus);
        a.slot = String.format("0x%02x", slot);
        a.function = "0x" + Integer.toHexString(function);
        return a;
    }

    static int parse(String v) {
        if (v == null || v.isEmpty()) {
            return 0;
        }
        return v.startsWith("0x") || v.startsWith("0X") ? Integer.parseInt(v.substring(2), 16) : Integer.parseInt(v);
    }
}
