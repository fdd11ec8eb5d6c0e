package org.jvirt.driver.qemu.command;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.conf.domain.ControllerDef;
import org.jvirt.conf.domain.DeviceAddress;
import org.jvirt.conf.domain.Devices;
import org.jvirt.conf.domain.DiskDef;
import org.jvirt.conf.domain.DomainDef;
import org.jvirt.conf.domain.NetDef;
import org.jvirt.conf.domain.VideoDef;

/**
 * PCI slots for an i440fx machine's devices on its one root bus, as libvirt assigns them
 * (qemuDomainAssignDevicePCISlots): slot 0 is the host bridge, slot 1 the PIIX3 (IDE at function 1, USB at
 * function 2), slot 2 the primary video card; then, in this order, each device without an address takes the next
 * free slot: network interfaces, sound, controllers, virtio disks, the balloon, the watchdog, other video cards.
 * Addresses already given are kept and their slots taken.
 */
final class PciAddresses {
    private static final int SLOTS = 32;

    private final BitSet slotsTaken = new BitSet(SLOTS);
    private final Map<Integer, BitSet> functions = new HashMap<>();

    private PciAddresses() {
    }

    static void assign(DomainDef def) {
        PciAddresses a = new PciAddresses();
        Devices d = def.devices();
        a.collect(d);
        a.piix3(d);
        for (var fs : d.filesystems) {
            // an MTP filesystem is a USB device
            if (unassigned(fs.address) && !(fs.driver != null && "mtp".equals(fs.driver.type))) {
                fs.address = a.next();
            }
        }
        for (NetDef n : d.interfaces) {
            // a hostdev interface is a host device, placed with them; usb-net is a USB device
            boolean usb = n.model != null && "usb-net".equals(n.model.type);
            if (!"hostdev".equals(n.type) && !usb && unassigned(n.address)) {
                n.address = a.next();
            }
        }
        for (var s : d.sounds) {
            if (unassigned(s.address) && s.model != null && !s.model.equals("sb16") && !s.model.equals("pcspk")
                    && !s.model.equals("usb")) {
                s.address = a.next();
            }
        }
        for (ControllerDef c : d.controllers) {
            if (c.type.equals("pci") || c.type.equals("fdc") || c.type.equals("ccid")
                    || c.type.equals("ide") && c.index() == 0 || c.type.equals("usb") && "none".equals(c.model)
                    || !unassigned(c.address)) {
                continue;
            }
            c.address = usb2Function(c) >= 0 ? a.usb2(c, d) : a.next();
        }
        for (DiskDef disk : d.disks) {
            if (disk.target != null && "virtio".equals(disk.target.bus)) {
                if (unassigned(disk.address)) {
                    disk.address = a.next();
                } else if (!"pci".equals(disk.address.type)) {
                    throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                            "virtio disk cannot have an address of type '" + disk.address.type + "'");
                }
            }
        }
        // libvirt lists an interface of type hostdev among the host devices, before those of <hostdev>
        for (NetDef n : d.interfaces) {
            if ("hostdev".equals(n.type) && unassigned(n.address)) {
                n.address = a.next();
            }
        }
        for (var h : d.hostdevs) {
            if (unassigned(h.address) && isPciHostdev(h)) {
                h.address = a.next();
            }
        }
        if (d.memballoon != null && "virtio".equals(d.memballoon.model) && unassigned(d.memballoon.address)) {
            d.memballoon.address = a.next();
        }
        for (var rng : d.rngs) {
            if ("virtio".equals(rng.model) && unassigned(rng.address)) {
                rng.address = a.next();
            }
        }
        if (d.watchdog != null && "i6300esb".equals(d.watchdog.model) && unassigned(d.watchdog.address)) {
            d.watchdog.address = a.next();
        }
        for (int i = 1; i < d.videos.size(); i++) {
            VideoDef v = d.videos.get(i);
            if (unassigned(v.address) && v.model != null && !"none".equals(v.model.type)
                    && !"ramfb".equals(v.model.type)) {
                v.address = a.next();
            }
        }
        for (var shm : d.shmems) {
            if (unassigned(shm.address)) {
                shm.address = a.next();
            }
        }
        for (var in : d.inputs) {
            if ("virtio".equals(in.bus) && unassigned(in.address)) {
                in.address = a.next();
            }
        }
        for (var s : d.serials) {
            if (s.target != null && "pci-serial".equals(s.target.type) && unassigned(s.address)) {
                s.address = a.next();
            }
        }
        if (d.vsock != null && unassigned(d.vsock.address)) {
            d.vsock.address = a.next();
        }
        for (var c : d.cryptos) {
            if (unassigned(c.address)) {
                c.address = a.next();
            }
        }
    }

    /** PCI host devices, mediated devices that are vfio-pci ones, and vhost-scsi (SCSI host) devices. */
    private static boolean isPciHostdev(org.jvirt.conf.domain.HostdevDef h) {
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

    /** A USB2 controller's parts (EHCI and its UHCI companions, one index) share a slot, one function each. */
    private DeviceAddress usb2(ControllerDef c, Devices d) {
        int slot = -1;
        for (ControllerDef o : d.controllers) {
            if (o != c && usb2Function(o) >= 0 && o.index() == c.index() && !unassigned(o.address)
                    && "pci".equals(o.address.type)) {
                slot = parse(o.address.slot);
                break;
            }
        }
        if (slot < 0) {
            slot = nextFreeSlot();
        }
        int function = usb2Function(c);
        DeviceAddress addr = take(slot, function);
        if ("ich9-uhci1".equals(c.model)) {
            addr.multifunction = "on";
        }
        return addr;
    }

    /** Takes the slots of the addresses the definition already gives. */
    private void collect(Devices d) {
        java.util.List<DeviceAddress> given = new java.util.ArrayList<>();
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
        for (DeviceAddress addr : given) {
            if (!unassigned(addr) && "pci".equals(addr.type)) {
                int bus = parse(addr.bus);
                if (bus != 0) {
                    throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                            "PCI bus " + bus + " is not supported by jvirt's QEMU driver yet: only bus 0");
                }
                reserve(parse(addr.slot), parse(addr.function));
            }
        }
    }

    private void piix3(Devices d) {
        for (ControllerDef c : d.controllers) {
            if (c.type.equals("ide") && c.index() == 0) {
                c.address = fixed(c.address, 1, 1, "Primary IDE controller must have PCI address 0:0:1.1");
            } else if (c.type.equals("usb") && c.index() == 0
                    && (c.model == null || c.model.equals("piix3-uhci"))) {
                c.address = fixed(c.address, 1, 2, "PIIX3 USB controller at index 0 must have PCI address 0:0:1.2");
            }
        }
        reserve(1, 0);
        reserve(1, 3);
        if (!d.videos.isEmpty()) {
            VideoDef primary = d.videos.get(0);
            if (primary.model != null && !"none".equals(primary.model.type) && !"ramfb".equals(primary.model.type)
                    && unassigned(primary.address)) {
                primary.address = slotsTaken.get(2) ? next() : take(2, 0);
            }
        }
    }

    private DeviceAddress fixed(DeviceAddress addr, int slot, int function, String error) {
        if (!unassigned(addr) && "pci".equals(addr.type)) {
            if (parse(addr.slot) != slot || parse(addr.function) != function || parse(addr.bus) != 0) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU, error);
            }
            return addr;
        }
        return take(slot, function);
    }

    private void reserve(int slot, int function) {
        slotsTaken.set(slot);
        functions.computeIfAbsent(slot, k -> new BitSet(8)).set(function);
    }

    private DeviceAddress take(int slot, int function) {
        reserve(slot, function);
        return pci(slot, function);
    }

    /** The first slot nobody uses, from slot 1 (0 is the host bridge). */
    private DeviceAddress next() {
        return take(nextFreeSlot(), 0);
    }

    private int nextFreeSlot() {
        for (int slot = 1; slot < SLOTS; slot++) {
            if (!slotsTaken.get(slot)) {
                return slot;
            }
        }
        // libvirt adds a pci-bridge here; jvirt has none yet
        throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU, "more PCI devices than the root "
                + "bus has slots: PCI bridges are not supported by jvirt's QEMU driver yet");
    }

    /** No address, or {@code <address type='pci'/>} without a slot: libvirt picks one. */
    static boolean unassigned(DeviceAddress a) {
        return a == null || "pci".equals(a.type) && (a.slot == null || a.slot.isEmpty());
    }

    static DeviceAddress pci(int slot, int function) {
        DeviceAddress a = new DeviceAddress();
        a.type = "pci";
        a.domain = "0x0000";
        a.bus = "0x00";
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
