package org.jvirt.driver.qemu.command;

import java.util.List;
import java.util.Locale;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.conf.domain.ControllerDef;
import org.jvirt.conf.domain.CpuDef;
import org.jvirt.conf.domain.Devices;
import org.jvirt.conf.domain.DiskDef;
import org.jvirt.conf.domain.DomainDef;
import org.jvirt.conf.domain.MemballoonDef;
import org.jvirt.conf.domain.NetDef;
import org.jvirt.driver.qemu.caps.QemuCaps;

/**
 * What libvirt's QEMU driver adds to a domain after the generic parse (qemuDomainDefPostParse and the device
 * post-parse callbacks): the machine type, the emulator, the default CPU model, the implicit controllers of the
 * machine, NIC model, memory balloon, and — through {@link PciAddresses} — the PCI slots. Checks what QEMU cannot
 * do with libvirt's errors. Supports i440fx (pc) machines on x86; other machines fail, saying so.
 */
public final class QemuDefaults {
    private QemuDefaults() {
    }

    /**
     * Fills in the defaults.
     *
     * @param abiUpdate a new definition (define, create): an alias machine type becomes its versioned name, as
     *                  libvirt does with VIR_DOMAIN_DEF_PARSE_ABI_UPDATE
     */
    public static void apply(DomainDef def, QemuCaps caps, boolean abiUpdate) {
        if (!"qemu".equals(def.type) && !"kvm".equals(def.type)) {
            throw new VirtException(ErrorCode.NO_SUPPORT, ErrorDomain.QEMU,
                    "virtualization type '" + def.type + "' is not supported by the QEMU driver");
        }
        if (def.os == null || def.os.type == null || !"hvm".equals(def.os.type.value)) {
            throw new VirtException(ErrorCode.OS_TYPE, ErrorDomain.QEMU,
                    "no support found for os <type> '" + (def.os == null || def.os.type == null ? "" : def.os.type.value)
                            + "'");
        }
        String arch = def.os.type.arch;
        if (!caps.arch().equals(arch) && !("i686".equals(arch) && "x86_64".equals(caps.arch()))) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                    "Emulator '" + caps.emulator() + "' does not support arch '" + arch + "'");
        }
        Devices d = def.devices();
        if (d.emulator == null) {
            d.emulator = caps.emulator();
        }
        if (def.os.type.machine == null) {
            QemuCaps.Machine m = caps.defaultMachine();
            if (m == null) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU,
                        "no default machine type for emulator '" + caps.emulator() + "'");
            }
            // the default machine by its alias, as libvirt's preferred machine; ABI update versions it below
            def.os.type.machine = m.alias() != null ? m.alias() : m.name();
        }
        QemuCaps.Machine machine = caps.machine(def.os.type.machine).orElseThrow(() -> new VirtException(
                ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU, "Emulator '" + caps.emulator()
                        + "' does not support machine type '" + def.os.type.machine + "'"));
        if (abiUpdate) {
            def.os.type.machine = machine.name();
        }
        if ("kvm".equals(def.type) && !caps.kvm()) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                    "Emulator '" + caps.emulator() + "' does not support virt type 'kvm'");
        }
        if (!isI440fx(machine.name())) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                    "machine type '" + def.os.type.machine + "' is not supported by jvirt's QEMU driver yet "
                            + "(only pc/i440fx machines are)");
        }
        if (def.maxVcpus() > machine.maxCpus() && machine.maxCpus() > 0) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                    "Maximum CPUs greater than specified machine type limit " + machine.maxCpus());
        }
        defaultCpu(def, machine);
        controllers(def, d, caps);
        for (NetDef n : d.interfaces) {
            if (n.model == null) {
                n.model = new NetDef.Model();
                n.model.type = caps.hasType("rtl8139") ? "rtl8139" : "e1000";
            }
        }
        if (d.memballoon == null) {
            d.memballoon = new MemballoonDef();
            d.memballoon.model = "virtio";
        }
        for (var v : d.videos) {
            if (v.model != null && "default".equals(v.model.type)) {
                v.model.type = caps.hasType("cirrus-vga") ? "cirrus" : "vga";
            }
        }
        PciAddresses.assign(def);
    }

    static boolean isI440fx(String machine) {
        return machine.equals("pc") || machine.startsWith("pc-i440fx-") || machine.startsWith("pc-0.")
                || machine.startsWith("pc-1.");
    }

    /** x86 guests without a CPU model get their machine's default CPU, spelled out (qemuDomainDefSetDefaultCPU). */
    private static void defaultCpu(DomainDef def, QemuCaps.Machine machine) {
        if (machine.defaultCpuType() == null) {
            return;
        }
        CpuDef cpu = def.cpu;
        if (cpu != null && ("host-passthrough".equals(cpu.mode) || "maximum".equals(cpu.mode))
                && cpu.migratable == null) {
            cpu.migratable = "on"; // QEMU's own default, written out as libvirt does
        }
        if (cpu != null && (cpu.model != null && cpu.model.name != null
                || cpu.mode != null && !"custom".equals(cpu.mode))) {
            return;
        }
        String type = machine.defaultCpuType();
        String suffix = "-" + def.os.type.arch.replace("i686", "i386") + "-cpu";
        String model = type.endsWith("-x86_64-cpu") ? type.substring(0, type.length() - "-x86_64-cpu".length())
                : type.endsWith(suffix) ? type.substring(0, type.length() - suffix.length()) : type;
        if (cpu == null) {
            cpu = new CpuDef();
            def.cpu = cpu;
        }
        cpu.mode = "custom";
        cpu.match = "exact";
        if (cpu.check == null) {
            cpu.check = "none";
        }
        cpu.model = new CpuDef.Model();
        cpu.model.fallback = "forbid";
        cpu.model.name = model;
    }

    /** The controllers an i440fx machine has built in or needs for the disks given (qemuDomainDefAddDefaultDevices). */
    private static void controllers(DomainDef def, Devices d, QemuCaps caps) {
        ensure(d.controllers, "usb", 0);
        ensure(d.controllers, "ide", 0);
        ensure(d.controllers, "pci", 0);
        for (DiskDef disk : d.disks) {
            if (disk.target != null && "scsi".equals(disk.target.bus)) {
                int ctl = disk.address != null && disk.address.controller != null
                        ? Integer.parseInt(disk.address.controller) : 0;
                ensure(d.controllers, "scsi", ctl);
            }
        }
        for (ControllerDef c : d.controllers) {
            switch (c.type) {
                case "usb" -> {
                    if (c.model == null) {
                        c.model = "piix3-uhci";
                    }
                }
                case "pci" -> {
                    if (c.index() == 0 && c.model == null) {
                        c.model = "pci-root";
                    }
                }
                case "scsi" -> {
                    if (c.model == null) {
                        c.model = caps.hasType("lsi53c895a") || caps.hasType("lsi") ? "lsilogic" : "virtio-scsi";
                    }
                }
                default -> {
                }
            }
        }
        for (ControllerDef c : d.controllers) {
            if ("pci".equals(c.type) && c.index() != 0) {
                throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU, "PCI controllers other "
                        + "than the root bus (model '" + c.model + "') are not supported by jvirt's QEMU driver yet");
            }
            if ("pci".equals(c.type) && c.index() == 0 && !"pci-root".equals(c.model)) {
                throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                        "The PCI controller with index='0' must be model='pci-root' for this machine type, but "
                                + "model='" + c.model + "' was found instead");
            }
        }
    }

    /** Adds a controller after the last one of its type (or at the end) when none of that type and index exists. */
    static void ensure(List<ControllerDef> list, String type, int index) {
        int after = -1;
        for (int i = 0; i < list.size(); i++) {
            ControllerDef c = list.get(i);
            if (c.type.equals(type)) {
                if (c.index() == index) {
                    return;
                }
                if (c.index() < index) {
                    after = i;
                }
            }
        }
        ControllerDef c = ControllerDef.of(type, index);
        if (after >= 0) {
            list.add(after + 1, c);
        } else {
            list.add(c);
        }
    }

    static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
