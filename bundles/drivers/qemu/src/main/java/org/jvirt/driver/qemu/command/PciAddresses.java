package org.jvirt.driver.qemu.command;

import java.util.ArrayList;
import java.util.List;

import org.jvirt.conf.domain.DeviceAddress;
import org.jvirt.conf.domain.Devices;
import org.jvirt.conf.domain.DomainDef;

/**
 * The PCI addresses libvirt's QEMU driver gives a domain's devices (qemuDomainAssignPCIAddresses): on an i440fx or
 * q35 machine through {@link PciAddressSet}; an isapc machine has no PCI bus. Also the helpers the address code
 * shares: the addresses a definition gives, and how an address is written and read.
 */
final class PciAddresses {
    private PciAddresses() {
    }

    static void assign(DomainDef def) {
        if ("isapc".equals(def.os.type.machine)) {
            return; // an ISA-only PC has no PCI bus to give slots on
        }
        PciAddressSet.assign(def.devices());
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
