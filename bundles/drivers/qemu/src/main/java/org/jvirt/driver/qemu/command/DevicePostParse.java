package org.jvirt.driver.qemu.command;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.conf.domain.ChrDef;
import org.jvirt.conf.domain.ControllerDef;
import org.jvirt.conf.domain.Devices;
import org.jvirt.conf.domain.DiskDef;
import org.jvirt.conf.domain.DomainDef;
import org.jvirt.conf.domain.NetDef;
import org.jvirt.conf.domain.VideoDef;
import org.jvirt.driver.qemu.caps.QemuCaps;

/**
 * The QEMU driver's defaults for single devices of an x86 guest (libvirt's qemuDomainDeviceDefPostParse): disk
 * drivers and formats, NIC models, video models, controller models, serial port targets, TPM and panic models;
 * first, the domain-wide parts libvirt's QEMU parser settles with them: its {@code qemu:} namespace
 * ({@link QemuNamespace}), a security label without model ({@link SecurityLabels}) and the vCPUs of a NUMA
 * topology that leaves some out ({@link NumaCpus}).
 */
final class DevicePostParse {
    /** QEMU's default VGA memory of a QXL card, in KiB. */
    private static final String QXL_VGAMEM = "16384";

    private DevicePostParse() {
    }

    static void apply(DomainDef def, QemuCaps caps) {
        QemuNamespace.apply(def);
        SecurityLabels.apply(def);
        NumaCpus.rectify(def);
        Devices d = def.devices();
        for (DiskDef disk : d.disks) {
            disk(disk);
        }
        for (NetDef n : d.interfaces) {
            if (n.model == null && !"hostdev".equals(n.type)) {
                n.model = new NetDef.Model();
                n.model.type = "vdpa".equals(n.type) || "vhostuser".equals(n.type) ? "virtio"
                        : caps.hasType("rtl8139") ? "rtl8139" : caps.hasType("e1000") ? "e1000" : "virtio";
            }
        }
        for (VideoDef v : d.videos) {
            video(v, caps);
        }
        for (ControllerDef c : d.controllers) {
            controller(c, caps);
        }
        for (ChrDef s : d.serials) {
            serial(s);
        }
        for (var t : d.tpms) {
            if (t.model == null) {
                t.model = "tpm-tis";
            }
            if (t.backend != null && "emulator".equals(t.backend.type) && t.backend.version == null) {
                // tpm-tis on x86 stays at TPM 1.2 as it always was; anything else is 2.0
                t.backend.version = "tpm-tis".equals(t.model) ? "1.2" : "2.0";
            }
        }
        for (var p : d.panics) {
            if (p.model == null) {
                p.model = "isa";
            }
        }
        if (d.vsock != null && d.vsock.model == null) {
            d.vsock.model = "virtio";
        }
        for (var shm : d.shmems) {
            shmem(shm);
        }
        for (var h : d.hostdevs) {
            // vfio-pci mediated devices stay without a display unless asked (qemuDomainHostdevDefMdevPostParse)
            if ("mdev".equals(h.type) && "vfio-pci".equals(h.model) && h.display == null) {
                h.display = "off";
            }
        }
    }

    /** A shared memory device's size and MSI (qemuDomainShmemDefPostParse). */
    private static void shmem(org.jvirt.conf.domain.ShmemDef shm) {
        String model = shm.model == null ? null : shm.model.type;
        if (!"ivshmem-doorbell".equals(model) && shm.size == null) {
            shm.size = new org.jvirt.conf.domain.MemorySize();
            shm.size.unit = "M";
            shm.size.text = "4";
            shm.size.kib = 4096;
        }
        if ("ivshmem".equals(model) || shm.server == null) {
            return;
        }
        if (shm.msi == null) {
            shm.msi = new org.jvirt.conf.domain.ShmemDef.Msi();
        }
        if (shm.msi.ioeventfd == null) {
            shm.msi.ioeventfd = "on";
        }
    }

    private static void disk(DiskDef disk) {
        if (disk.driver == null) {
            disk.driver = new DiskDef.Driver();
        }
        if (disk.driver.name == null) {
            disk.driver.name = "qemu";
        }
        if (disk.driver.type == null && !"volume".equals(disk.type)) {
            disk.driver.type = "raw";
        }
        encryptionEngine(disk.encryption);
        if (disk.source != null) {
            encryptionEngine(disk.source.encryption);
        }
        for (var b = disk.backingStore; b != null; b = b.backingStore) {
            if (b.source != null) {
                encryptionEngine(b.source.encryption);
            }
        }
    }

    private static void encryptionEngine(org.jvirt.conf.domain.StorageEncryption e) {
        if (e != null && e.engine == null) {
            e.engine = "qemu";
        }
    }

    /** The model of a video device the definition leaves to the hypervisor (qemuDomainDefaultVideoDevice). */
    static String defaultVideo(QemuCaps caps) {
        return caps.hasType("cirrus-vga") ? "cirrus" : caps.hasType("VGA") ? "vga" : "default";
    }

    private static void video(VideoDef v, QemuCaps caps) {
        if (v.model == null) {
            return;
        }
        if ("default".equals(v.model.type)) {
            v.model.type = defaultVideo(caps);
            if (v.model.vram == null && !"default".equals(v.model.type)) {
                v.model.vram = "16384";
            }
        }
        if ("qxl".equals(v.model.type) && v.model.vgamem == null) {
            v.model.vgamem = QXL_VGAMEM;
        }
    }

    private static void controller(ControllerDef c, QemuCaps caps) {
        switch (c.type) {
            case "scsi" -> {
                if (c.model == null || "auto".equals(c.model)) {
                    c.model = defaultScsiModel(caps);
                }
            }
            case "usb" -> {
                if (c.model == null && caps.hasType("piix3-usb-uhci")) {
                    c.model = "piix3-uhci";
                }
                if ("qusb1".equals(c.model) || "qusb2".equals(c.model)) {
                    throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                            "USB controller model type 'qusb1' or 'qusb2' is not supported in qemu");
                }
            }
            default -> {
            }
        }
    }

    /** A SCSI controller without a model (qemuDomainDefaultSCSIControllerModel, x86). */
    static String defaultScsiModel(QemuCaps caps) {
        if (caps.hasType("lsi53c895a") || caps.hasType("lsi")) {
            return "lsilogic";
        }
        if (caps.hasType("virtio-scsi-pci")) {
            return "virtio-scsi";
        }
        throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU,
                "Unable to determine model for SCSI controller");
    }

    /** An x86 serial port is an ISA one unless it says otherwise (qemuDomainChrDefPostParse). */
    private static void serial(ChrDef s) {
        if (s.target == null) {
            s.target = new ChrDef.Target();
        }
        if (s.target.type == null || "isa-serial".equals(s.target.type)) {
            s.target.type = "isa-serial";
        }
        if (s.target.model == null) {
            String model = switch (s.target.type) {
                case "isa-serial" -> "isa-serial";
                case "usb-serial" -> "usb-serial";
                case "pci-serial" -> "pci-serial";
                case "isa-debug" -> "isa-debugcon";
                default -> null;
            };
            if (model != null) {
                s.target.model = new ChrDef.Target.Model();
                s.target.model.name = model;
            }
        }
    }
}
