package org.jvirt.driver.qemu.domcaps;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.jvirt.conf.caps.DomainCapabilitiesDef;
import org.jvirt.conf.caps.DomainCapabilitiesDef.Cpu;
import org.jvirt.conf.caps.DomainCapabilitiesDef.Devices;
import org.jvirt.conf.caps.DomainCapabilitiesDef.Features;
import org.jvirt.driver.qemu.caps.QemuCaps;
import org.jvirt.driver.qemu.command.QemuDefaults;

/**
 * What one QEMU binary offers a guest of one machine type and accelerator ({@code virsh domcapabilities}), as
 * libvirt 9.0's QEMU driver derives it from the same probe: each enumeration lists the values in libvirt's order
 * that this QEMU's devices, commands and schema support.
 *
 * <p>The host-model CPU is reported as not supported: libvirt computes it from QEMU's expansion of the host CPU
 * against its CPU map, which jvirt does not do yet.
 */
public final class QemuDomainCapabilities {
    private QemuDomainCapabilities() {
    }

    /**
     * @param caps    the emulator's probed capabilities
     * @param arch    the guest architecture, libvirt's name (x86_64, i686)
     * @param machine the machine type's canonical name
     * @param kvm     whether the accelerator is KVM (else TCG)
     * @param host    what the host decides
     */
    public static DomainCapabilitiesDef build(QemuCaps caps, String arch, String machine, boolean kvm,
            HostSupport host) {
        DomainCapabilitiesDef d = new DomainCapabilitiesDef();
        d.path = caps.emulator();
        d.domain = kvm ? "kvm" : "qemu";
        d.machine = machine;
        d.arch = arch;
        d.vcpu = new DomainCapabilitiesDef.Vcpu();
        d.vcpu.max = Integer.toString(caps.machine(machine).map(QemuCaps.Machine::maxCpus).orElse(1));
        d.iothreads = new DomainCapabilitiesDef.Iothreads();
        d.iothreads.supported = yesNo(caps.hasType("iothread"));
        d.os = os(host);
        d.cpu = cpu(caps, arch, kvm);
        d.memoryBacking = memoryBacking(caps);
        d.devices = devices(caps, machine, host);
        d.features = features(caps);
        return d;
    }

    private static DomainCapabilitiesDef.Os os(HostSupport host) {
        DomainCapabilitiesDef.Os os = new DomainCapabilitiesDef.Os();
        os.supported = "yes";
        os.enumDef = new DomainCapabilitiesDef.Os.Enum();
        os.enumDef.name = "firmware";
        os.enumDef.values.addAll(host.firmwares());
        os.loader = new DomainCapabilitiesDef.Os.Loader();
        os.loader.supported = "yes";
        os.loader.values.addAll(host.loaders());
        os.loader.enums.add(enumOf(DomainCapabilitiesDef.Os.Loader.Enum::new, "type", "rom", "pflash"));
        os.loader.enums.add(enumOf(DomainCapabilitiesDef.Os.Loader.Enum::new, "readonly", "yes", "no"));
        os.loader.enums.add(host.secureLoader()
                ? enumOf(DomainCapabilitiesDef.Os.Loader.Enum::new, "secure", "yes", "no")
                : enumOf(DomainCapabilitiesDef.Os.Loader.Enum::new, "secure", "no"));
        return os;
    }

    private static Cpu cpu(QemuCaps caps, String arch, boolean kvm) {
        Cpu cpu = new Cpu();
        Cpu.Mode passthrough = mode("host-passthrough", kvm);
        if (kvm) {
            passthrough.enumDef = cpuEnum("hostPassthroughMigratable", "on", "off");
        }
        cpu.modes.add(passthrough);
        boolean max = caps.cpuModels(kvm).stream().anyMatch(m -> m.name().equals("max"));
        Cpu.Mode maximum = mode("maximum", max);
        if (max) {
            maximum.enumDef = cpuEnum("maximumMigratable", "on", "off");
        }
        cpu.modes.add(maximum);
        cpu.modes.add(mode("host-model", false));
        Cpu.Mode custom = mode("custom", true);
        boolean x86 = arch.equals("x86_64") || arch.equals("i686");
        for (QemuCaps.CpuModel m : caps.cpuModels(kvm)) {
            String vendor = x86 ? X86CpuModels.vendor(m.name()) : null;
            if (vendor == null) {
                continue; // libvirt offers only models its CPU map defines
            }
            Cpu.Mode.Model model = new Cpu.Mode.Model();
            model.usable = yesNo(m.usable());
            model.vendor = vendor;
            model.value = m.name();
            custom.models.add(model);
        }
        custom.supported = yesNo(!custom.models.isEmpty());
        cpu.modes.add(custom);
        return cpu;
    }

    private static DomainCapabilitiesDef.MemoryBacking memoryBacking(QemuCaps caps) {
        DomainCapabilitiesDef.MemoryBacking mb = new DomainCapabilitiesDef.MemoryBacking();
        mb.supported = "yes";
        mb.enumDef = enumOf(DomainCapabilitiesDef.MemoryBacking.Enum::new, "sourceType",
                when(caps.hasType("memory-backend-file"), "file"), when(caps.hasType("memory-backend-ram"),
                        "anonymous"), when(caps.hasType("memory-backend-memfd"), "memfd"));
        return mb;
    }

    private static Devices devices(QemuCaps caps, String machine, HostSupport host) {
        Devices dev = new Devices();
        boolean builtinIde = QemuDefaults.isI440fx(machine); // isapc has IDE too, but libvirt does not list it

        dev.disk = new Devices.Disk();
        dev.disk.supported = "yes";
        dev.disk.enums.add(enumOf(Devices.Disk.Enum::new, "diskDevice", "disk", "cdrom", "floppy", "lun"));
        dev.disk.enums.add(enumOf(Devices.Disk.Enum::new, "bus", when(builtinIde, "ide"), "fdc", "scsi", "virtio",
                when(caps.hasType("usb-storage"), "usb"), when(caps.hasType("ich9-ahci"), "sata")));
        dev.disk.enums.add(enumOf(Devices.Disk.Enum::new, "model", "virtio", "virtio-transitional",
                "virtio-non-transitional"));

        dev.graphics = new Devices.Graphics();
        dev.graphics.supported = "yes";
        dev.graphics.enumDef = enumOf(Devices.Graphics.Enum::new, "type", when(caps.hasFlag("sdl"), "sdl"),
                when(caps.hasCommand("query-vnc"), "vnc"), when(caps.hasCommand("query-spice"), "spice"),
                when(caps.hasFlag("egl-headless"), "egl-headless"), when(caps.hasFlag("display-dbus"), "dbus"));

        dev.video = new Devices.Video();
        dev.video.supported = "yes";
        dev.video.enumDef = enumOf(Devices.Video.Enum::new, "modelType", when(caps.hasType("VGA"), "vga"),
                when(caps.hasType("cirrus-vga"), "cirrus"), when(caps.hasType("vmware-svga"), "vmvga"),
                when(caps.hasType("qxl"), "qxl"), when(caps.hasType("virtio-gpu-pci")
                        || caps.hasType("virtio-gpu-ccw"), "virtio"), "none",
                when(caps.hasType("bochs-display"), "bochs"), when(caps.hasType("ramfb"), "ramfb"));

        dev.hostdev = new Devices.Hostdev();
        dev.hostdev.supported = "yes";
        dev.hostdev.enums.add(enumOf(Devices.Hostdev.Enum::new, "mode", "subsystem"));
        dev.hostdev.enums.add(enumOf(Devices.Hostdev.Enum::new, "startupPolicy", "default", "mandatory",
                "requisite", "optional"));
        dev.hostdev.enums.add(enumOf(Devices.Hostdev.Enum::new, "subsysType", "usb", "pci",
                when(caps.hasType("scsi-generic"), "scsi")));
        dev.hostdev.enums.add(enumOf(Devices.Hostdev.Enum::new, "capsType"));
        boolean vfio = host.vfio() && caps.hasType("vfio-pci");
        dev.hostdev.enums.add(enumOf(Devices.Hostdev.Enum::new, "pciBackend", when(vfio, "default"),
                when(vfio, "vfio")));

        dev.rng = new Devices.Rng();
        boolean virtioRng = caps.hasType("virtio-rng-pci") || caps.hasType("virtio-rng-ccw");
        dev.rng.supported = yesNo(virtioRng);
        dev.rng.enums.add(enumOf(Devices.Rng.Enum::new, "model", when(virtioRng, "virtio"),
                when(virtioRng, "virtio-transitional"), when(virtioRng, "virtio-non-transitional")));
        dev.rng.enums.add(enumOf(Devices.Rng.Enum::new, "backendModel", when(caps.hasType("rng-random"), "random"),
                when(caps.hasType("rng-egd"), "egd"), when(caps.hasType("rng-builtin"), "builtin")));

        dev.filesystem = new Devices.Filesystem();
        dev.filesystem.supported = "yes";
        dev.filesystem.enumDef = enumOf(Devices.Filesystem.Enum::new, "driverType", "path", "handle",
                when(caps.hasType("vhost-user-fs-device"), "virtiofs"));

        dev.tpm = tpm(caps, host);

        dev.redirdev = new Devices.Redirdev();
        dev.redirdev.supported = yesNo(caps.hasType("usb-redir"));
        if (caps.hasType("usb-redir")) {
            dev.redirdev.enumDef = new Devices.Redirdev.Enum();
            dev.redirdev.enumDef.name = "bus";
            dev.redirdev.enumDef.value = "usb";
        }

        dev.channel = new Devices.Channel();
        dev.channel.supported = "yes";
        dev.channel.enumDef = enumOf(Devices.Channel.Enum::new, "type", "pty", "unix",
                when(caps.hasCommand("query-spice"), "spicevmc"));
        return dev;
    }

    private static Devices.Tpm tpm(QemuCaps caps, HostSupport host) {
        Devices.Tpm tpm = new Devices.Tpm();
        boolean passthrough = caps.hasFlag("tpm-passthrough");
        // an emulated TPM is swtpm's: libvirt offers it only where swtpm is installed
        boolean emulator = caps.hasFlag("tpm-emulator") && host.swtpm();
        tpm.supported = yesNo(passthrough || emulator);
        if (passthrough || emulator) {
            tpm.enums.add(enumOf(Devices.Tpm.Enum::new, "model", when(caps.hasFlag("tpm-tis"), "tpm-tis"),
                    when(caps.hasFlag("tpm-crb"), "tpm-crb"), when(caps.hasFlag("tpm-spapr"), "tpm-spapr")));
            tpm.enums.add(enumOf(Devices.Tpm.Enum::new, "backendModel", when(passthrough, "passthrough"),
                    when(emulator, "emulator")));
        }
        return tpm;
    }

    private static Features features(QemuCaps caps) {
        Features f = new Features();
        f.gic = new Features.Gic();
        f.gic.supported = "no"; // an ARM interrupt controller
        f.vmcoreinfo = new Features.Vmcoreinfo();
        f.vmcoreinfo.supported = yesNo(caps.hasType("vmcoreinfo"));
        f.genid = new Features.Genid();
        f.genid.supported = yesNo(caps.hasType("vmgenid"));
        f.backingStoreInput = new Features.BackingStoreInput();
        f.backingStoreInput.supported = yesNo(caps.hasCommand("blockdev-add"));
        f.backup = new Features.Backup();
        f.backup.supported = yesNo(caps.hasCommand("blockdev-backup") && caps.hasCommand("block-dirty-bitmap-merge"));
        f.sev = new Features.Sev();
        f.sev.supported = "no"; // SEV guests are not started by jvirt
        f.sgx = new Features.Sgx();
        f.sgx.supported = "no"; // nor SGX enclaves
        f.hyperv = new Features.Hyperv();
        f.hyperv.supported = "yes";
        // the Hyper-V enlightenments that need nothing from the host CPU; KVM's others come from its expansion
        f.hyperv.enumDef = new Features.Hyperv.Enum();
        f.hyperv.enumDef.name = "features";
        f.hyperv.enumDef.values.addAll(List.of("spinlocks", "vendor_id"));
        return f;
    }

    private static Cpu.Mode mode(String name, boolean supported) {
        Cpu.Mode m = new Cpu.Mode();
        m.name = name;
        m.supported = yesNo(supported);
        return m;
    }

    private static Cpu.Mode.Enum cpuEnum(String name, String... values) {
        Cpu.Mode.Enum e = new Cpu.Mode.Enum();
        e.name = name;
        e.values.addAll(List.of(values));
        return e;
    }

    /**
     * An enumeration of the values not null, in the order given (libvirt's enum order). conf binds each element's
     * {@code <enum>} to a class of its own with the same two public fields, hence the reflection.
     */
    private static <E> E enumOf(Supplier<E> create, String name, String... values) {
        E e = create.get();
        List<String> present = new ArrayList<>();
        for (String v : values) {
            if (v != null) {
                present.add(v);
            }
        }
        try {
            e.getClass().getField("name").set(e, name);
            @SuppressWarnings("unchecked")
            List<String> list = (List<String>) e.getClass().getField("values").get(e);
            list.addAll(present);
        } catch (ReflectiveOperationException ex) {
            throw new IllegalStateException(ex);
        }
        return e;
    }

    private static String when(boolean condition, String value) {
        return condition ? value : null;
    }

    private static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }
}
