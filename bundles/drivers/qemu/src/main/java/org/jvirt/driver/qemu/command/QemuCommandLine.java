package org.jvirt.driver.qemu.command;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.conf.domain.ChrDef;
import org.jvirt.conf.domain.ChrSource;
import org.jvirt.conf.domain.ControllerDef;
import org.jvirt.conf.domain.DeviceAddress;
import org.jvirt.conf.domain.Devices;
import org.jvirt.conf.domain.DiskDef;
import org.jvirt.conf.domain.DomainDef;
import org.jvirt.conf.domain.GraphicsDef;
import org.jvirt.conf.domain.InputDef;
import org.jvirt.conf.domain.NetDef;
import org.jvirt.conf.domain.VideoDef;
import org.jvirt.driver.qemu.caps.QemuCaps;
import org.jvirt.driver.qemu.firmware.FirmwareArgs;

/**
 * A domain (with its QEMU defaults, PCI addresses and aliases) as QEMU's argument array, in the order and the
 * spelling libvirt's qemuBuildCommandLine uses: devices as JSON, disks as {@code -blockdev} nodes, paused at start
 * ({@code -S}), the monitor on a unix socket. What it cannot express fails with CONFIG_UNSUPPORTED naming it.
 */
public final class QemuCommandLine {
    private static final JsonNodeFactory J = JsonNodeFactory.instance;

    private final DomainDef def;
    private final QemuCaps caps;
    private final LaunchPaths paths;
    private final List<String> args = new ArrayList<>();
    private int usbPort;

    /** A q35 machine: its root bus is "pcie.0", its chipset the ICH9 (power management, SATA, watchdog). */
    private final boolean q35;

    private QemuCommandLine(DomainDef def, QemuCaps caps, LaunchPaths paths) {
        this.def = def;
        this.caps = caps;
        this.paths = paths;
        this.q35 = QemuDefaults.isQ35(def.os.type.machine);
    }

    public static List<String> build(DomainDef def, QemuCaps caps, LaunchPaths paths) {
        return new QemuCommandLine(def, caps, paths).build();
    }

    private List<String> build() {
        SupportedSettings.check(def);
        Devices d = def.devices();
        args.add(d.emulator);
        add("-name", "guest=" + def.name.replace(",", ",,") + ",debug-threads=on");
        args.add("-S");
        if (paths.masterKey() != null) {
            ObjectNode key = J.objectNode().put("qom-type", "secret").put("id", "masterKey0").put("format", "raw")
                    .put("file", paths.masterKey().toString());
            add("-object", key.toString());
        }
        FirmwareArgs firmware = FirmwareArgs.of(def);
        args.addAll(firmware.blockdevs());
        machine(firmware.machineOptions());
        add("-accel", "kvm".equals(def.type) ? "kvm" : "tcg");
        cpu();
        // the loader's own arguments follow the CPU's, as libvirt's qemuBuildDomainLoaderCommandLine comes there
        args.addAll(firmware.globals());
        args.addAll(firmware.bios());
        memory();
        args.add("-overcommit");
        args.add("mem-lock=off");
        smp();
        add("-uuid", def.uuid.toString());
        if (d.graphics.isEmpty()) {
            add("-display", "none");
        }
        args.add("-no-user-config");
        args.add("-nodefaults");
        add("-chardev", "socket,id=charmonitor,path=" + paths.monitor() + ",server=on,wait=off");
        add("-mon", "chardev=charmonitor,id=monitor,mode=control");
        clock();
        args.add("-no-shutdown");
        pm();
        boot();
        iommu(d);
        // libvirt adds controllers type by type, in this order, each type in the definition's order
        for (String type : List.of("pci", "usb", "scsi", "ide", "sata", "fdc", "ccid", "virtio-serial")) {
            for (ControllerDef c : d.controllers) {
                if (type.equals(c.type)) {
                    controller(c);
                }
            }
        }
        for (ControllerDef c : d.controllers) {
            if (!List.of("pci", "usb", "scsi", "ide", "sata", "fdc", "ccid", "virtio-serial").contains(c.type)) {
                throw unsupported("controllers of type '" + c.type + "'");
            }
        }
        disks(d);
        for (int i = 0; i < d.interfaces.size(); i++) {
            net(d.interfaces.get(i), i);
        }
        for (int i = 0; i < d.serials.size(); i++) {
            serial(d.serials.get(i), i);
        }
        if (!d.parallels.isEmpty() || !d.channels.isEmpty()) {
            throw unsupported(!d.parallels.isEmpty() ? "parallel ports" : "channels");
        }
        for (int i = 0; i < d.consoles.size(); i++) {
            ChrDef c = d.consoles.get(i);
            if (!(i == 0 && (c.target == null || c.target.type == null || "serial".equals(c.target.type)))) {
                throw unsupported("consoles of target type '" + c.target.type + "'");
            }
        }
        checkUsbPorts(d);
        for (InputDef in : d.inputs) {
            input(in);
        }
        audio(d);
        for (GraphicsDef g : d.graphics) {
            graphics(g);
        }
        for (int i = 0; i < d.videos.size(); i++) {
            video(d.videos.get(i), i == 0);
        }
        if (!d.sounds.isEmpty()) {
            throw unsupported("sound devices");
        }
        watchdog(d);
        if (d.memballoon != null && "virtio".equals(d.memballoon.model)) {
            ObjectNode b = J.objectNode().put("driver", "virtio-balloon-pci").put("id", "balloon0");
            if (d.memballoon.autodeflate != null) {
                b.put("deflate-on-oom", "on".equals(d.memballoon.autodeflate));
            }
            if (d.memballoon.freePageReporting != null) {
                b.put("free-page-reporting", "on".equals(d.memballoon.freePageReporting));
            }
            pciAddr(b, d.memballoon.address);
            add("-device", b.toString());
        } else if (d.memballoon != null && !"none".equals(d.memballoon.model)) {
            throw unsupported("memory balloon model '" + d.memballoon.model + "'");
        }
        if (paths != null && paths.incoming() != null) {
            add("-incoming", paths.incoming());
        }
        if (paths != null && paths.loadvm() != null) {
            add("-loadvm", paths.loadvm());
        }
        add("-sandbox", "on,obsolete=deny,elevateprivileges=deny,spawn=deny,resourcecontrol=deny");
        add("-msg", "timestamp=on");
        return List.copyOf(args);
    }

    private void cpu() {
        var cpu = def.cpu;
        if (cpu == null || (cpu.model == null || cpu.model.name == null) && !"host-passthrough".equals(cpu.mode)
                && !"maximum".equals(cpu.mode)) {
            if (timerPresent("kvmclock") != null || def.features != null && def.features.apic != null
                    && def.features.apic.eoi != null) {
                throw unsupported("kvmclock and the APIC's EOI without a CPU model");
            }
        }
        if (cpu == null) {
            return;
        }
        if ("host-model".equals(cpu.mode) || "minimum".equals(cpu.match)) {
            throw unsupported("CPU mode host-model (and match minimum), which needs the host CPU's model,");
        }
        StringBuilder b = new StringBuilder();
        if ("host-passthrough".equals(cpu.mode) || "maximum".equals(cpu.mode)) {
            b.append("host-passthrough".equals(cpu.mode) ? "host" : "max");
            if (cpu.migratable != null) {
                b.append(",migratable=").append(cpu.migratable);
            }
        } else if (cpu.model != null && cpu.model.name != null) {
            b.append(cpu.model.name);
        } else {
            return;
        }
        // qemuBuildCpuModelArgStr: each feature on or off by its policy; "optional" leaves QEMU's default
        for (var f : cpu.features) {
            if ("optional".equals(f.policy)) {
                throw unsupported("CPU features with policy 'optional', which depend on the host CPU,");
            }
            String state = switch (f.policy == null ? "require" : f.policy) {
                case "force", "require" -> "on";
                case "disable", "forbid" -> "off";
                default -> null;
            };
            if (state != null) {
                b.append(',').append(CpuFeatureNames.toQemu(f.name)).append('=').append(state);
            }
        }
        String kvmclock = timerPresent("kvmclock");
        if (kvmclock != null) {
            b.append(",kvmclock=").append("yes".equals(kvmclock) ? "on" : "off");
        }
        if (def.features != null && def.features.apic != null && def.features.apic.eoi != null) {
            b.append(",kvm-pv-eoi=").append("on".equals(def.features.apic.eoi) ? "on" : "off");
        }
        add("-cpu", b.toString());
    }

    /** One -audiodev per {@code <audio>}; a domain without one gets libvirt's silent backend. */
    private void audio(Devices d) {
        if (d.audios.isEmpty()) {
            add("-audiodev", J.objectNode().put("id", "audio1").put("driver", "none").toString());
            return;
        }
        for (var a : d.audios) {
            String driver = switch (a.type) {
                case "none", "alsa", "coreaudio", "jack", "oss", "pipewire", "sdl", "dbus", "spice" -> a.type;
                case "pulseaudio" -> "pa";
                case "file" -> "wav";
                default -> throw unsupported("audio backends of type '" + a.type + "'");
            };
            ObjectNode dev = J.objectNode().put("id", "audio" + a.id).put("driver", driver);
            if (a.timerPeriod != null) {
                dev.put("timer-period", Long.parseLong(a.timerPeriod));
            }
            if ("file".equals(a.type) && a.path != null) {
                dev.put("path", a.path);
            }
            if (a.input != null) {
                dev.set("in", audioDirection(a.type, a.input.mixingEngine, a.input.fixedSettings, a.input.voices,
                        a.input.bufferLength, a.input.settings == null ? null : new String[] {a.input.settings.frequency,
                            a.input.settings.channels, a.input.settings.format}, a.input.dev, a.input.bufferCount,
                        a.input.name, a.input.streamName, a.input.latency));
            }
            if (a.output != null) {
                dev.set("out", audioDirection(a.type, a.output.mixingEngine, a.output.fixedSettings,
                        a.output.voices, a.output.bufferLength, a.output.settings == null ? null : new String[] {
                            a.output.settings.frequency, a.output.settings.channels, a.output.settings.format},
                        a.output.dev, a.output.bufferCount, a.output.name, a.output.streamName, a.output.latency));
            }
            add("-audiodev", dev.toString());
        }
    }

    /**
     * One direction of an audio backend (qemuBuildAudioCommonProps and the backend's own): the mixing and fixed
     * settings first, then what the backend takes (a device, a buffer count, a stream's name …).
     */
    private ObjectNode audioDirection(String type, String mixing, String fixed, String voices, String bufferLength,
            String[] settings, String dev, String bufferCount, String name, String streamName, String latency) {
        ObjectNode o = J.objectNode();
        if (mixing != null) {
            o.put("mixing-engine", "yes".equals(mixing));
        }
        if (fixed != null) {
            o.put("fixed-settings", "yes".equals(fixed));
        }
        if (voices != null) {
            o.put("voices", Long.parseLong(voices));
        }
        if (bufferLength != null) {
            o.put("buffer-length", Long.parseLong(bufferLength));
        }
        if ("yes".equals(fixed) && settings != null) {
            if (settings[0] != null) {
                o.put("frequency", Long.parseLong(settings[0]));
            }
            if (settings[1] != null) {
                o.put("channels", Long.parseLong(settings[1]));
            }
            if (settings[2] != null) {
                o.put("format", settings[2]);
            }
        }
        boolean alsa = "alsa".equals(type);
        boolean coreaudio = "coreaudio".equals(type);
        boolean streams = "pipewire".equals(type) || "pulseaudio".equals(type);
        if (dev != null && !alsa || bufferCount != null && !coreaudio
                || (name != null || streamName != null || latency != null) && !streams) {
            throw unsupported("these settings of audio backends of type '" + type + "'");
        }
        if (dev != null) {
            o.put("dev", dev);
        }
        if (bufferCount != null) {
            o.put("buffer-count", Long.parseLong(bufferCount));
        }
        if (name != null) {
            o.put("name", name);
        }
        if (streamName != null) {
            o.put("stream-name", streamName);
        }
        if (latency != null) {
            o.put("latency", Long.parseLong(latency));
        }
        return o;
    }

    private void machine(String firmwareOptions) {
        QemuCaps.Machine m = caps.machine(def.os.type.machine).orElse(null);
        StringBuilder b = new StringBuilder(def.os.type.machine);
        b.append(",usb=off");
        machineFeatures(b);
        b.append(",dump-guest-core=off");
        if (m != null && m.defaultRamId() != null) {
            b.append(",memory-backend=").append(m.defaultRamId());
        }
        b.append(firmwareOptions);
        String hpet = timerPresent("hpet");
        if (hpet != null) {
            b.append(",hpet=").append("yes".equals(hpet) ? "on" : "off");
        }
        b.append(",acpi=").append(def.features != null && def.features.acpi != null ? "on" : "off");
        add("-machine", b.toString());
    }

    /** The machine's own switches the {@code <features>} set: VMware's I/O port, SMM, the IOAPIC, the i8042. */
    private void machineFeatures(StringBuilder b) {
        var f = def.features;
        if (f == null) {
            return;
        }
        if (f.vmport != null && f.vmport.state != null) {
            b.append(",vmport=").append(f.vmport.state);
        }
        if (f.smm != null) {
            if (f.smm.tseg != null) {
                throw unsupported("<features/smm/tseg>");
            }
            b.append(",smm=").append(f.smm.state == null ? "on" : f.smm.state);
        }
        if (f.ioapic != null && f.ioapic.driver != null) {
            b.append(",kernel_irqchip=").append("qemu".equals(f.ioapic.driver) ? "split" : "on");
        }
        if (f.ps2 != null && f.ps2.state != null) {
            b.append(",i8042=").append(f.ps2.state);
        }
    }

    private void memory() {
        long kib = alignedKiB(def.memoryKiB());
        add("-m", "size=" + kib + "k");
        QemuCaps.Machine m = caps.machine(def.os.type.machine).orElse(null);
        if (m != null && m.defaultRamId() != null) {
            ObjectNode o = J.objectNode().put("qom-type", "memory-backend-ram").put("id", m.defaultRamId())
                    .put("size", kib * 1024);
            add("-object", o.toString());
        }
    }

    /** x86 guests get their memory rounded up to a whole MiB, as libvirt does for QEMU. */
    static long alignedKiB(long kib) {
        return (kib + 1023) / 1024 * 1024;
    }

    private void smp() {
        int max = def.maxVcpus();
        int cur = def.vcpus();
        var topo = def.cpu == null ? null : def.cpu.topology;
        StringBuilder b = new StringBuilder().append(cur);
        if (cur != max) {
            b.append(",maxcpus=").append(max);
        }
        if (topo != null) {
            b.append(",sockets=").append(topo.sockets).append(",dies=").append(topo.dies == null ? "1" : topo.dies)
                    .append(",clusters=1,cores=").append(topo.cores).append(",threads=").append(topo.threads);
        } else {
            b.append(",sockets=").append(max).append(",cores=1,threads=1");
        }
        add("-smp", b.toString());
    }

    /**
     * qemuBuildClockCommandLine: -rtc with the RTC timer's catch-up and clock, then the PIT's lost-tick policy;
     * the HPET goes on -machine and kvmclock on -cpu. Timers QEMU gets nothing for here are refused.
     */
    private void clock() {
        StringBuilder rtc = new StringBuilder("base=").append("localtime".equals(def.clock.offset) ? "localtime"
                : "utc");
        String pit = null;
        for (var t : def.clock.timers) {
            switch (t.name) {
                case "rtc" -> {
                    if (t.track != null) {
                        rtc.append(",clock=").append(switch (t.track) {
                            case "guest" -> "vm";
                            case "wall" -> "host";
                            case "realtime" -> "rt";
                            default -> throw unsupported("RTC timer track '" + t.track + "'");
                        });
                    }
                    if ("catchup".equals(t.tickpolicy)) {
                        rtc.append(",driftfix=slew");
                    } else if (t.tickpolicy != null && !"delay".equals(t.tickpolicy)) {
                        throw unsupported("RTC timer tickpolicy '" + t.tickpolicy + "'");
                    }
                }
                case "pit" -> {
                    if ("delay".equals(t.tickpolicy) || "discard".equals(t.tickpolicy)) {
                        pit = t.tickpolicy;
                    } else if (t.tickpolicy != null && !"catchup".equals(t.tickpolicy)) {
                        throw unsupported("PIT timer tickpolicy '" + t.tickpolicy + "'");
                    }
                }
                case "hpet", "kvmclock" -> {
                    // carried by -machine and -cpu
                }
                default -> throw unsupported("timers named '" + t.name + "'");
            }
        }
        add("-rtc", rtc.toString());
        if (pit != null) {
            add("-global", "kvm-pit.lost_tick_policy=" + pit);
        }
    }

    /** A timer's presence ("yes", "no"), or null when the definition does not say. */
    private String timerPresent(String name) {
        if (def.clock == null) {
            return null;
        }
        for (var t : def.clock.timers) {
            if (name.equals(t.name)) {
                return t.present;
            }
        }
        return null;
    }

    private void pm() {
        if (def.pm == null) {
            return;
        }
        // the power management device: the PIIX4's on i440fx, the ICH9's LPC bridge on q35
        String pmDevice = q35 ? "ICH9-LPC" : "PIIX4_PM";
        if (def.pm.suspendToMem != null && def.pm.suspendToMem.enabled != null) {
            add("-global", pmDevice + ".disable_s3=" + ("yes".equals(def.pm.suspendToMem.enabled) ? 0 : 1));
        }
        if (def.pm.suspendToDisk != null && def.pm.suspendToDisk.enabled != null) {
            add("-global", pmDevice + ".disable_s4=" + ("yes".equals(def.pm.suspendToDisk.enabled) ? 0 : 1));
        }
    }

    private void boot() {
        StringBuilder b = new StringBuilder();
        if (def.os.bootmenu != null && "yes".equals(def.os.bootmenu.enable)) {
            b.append("menu=on,");
            if (def.os.bootmenu.timeout != null) {
                b.append("splash-time=").append(def.os.bootmenu.timeout).append(',');
            }
        } else if (def.os.bootmenu != null && "no".equals(def.os.bootmenu.enable)) {
            b.append("menu=off,");
        }
        b.append("strict=on");
        add("-boot", b.toString());
    }

    /** The IOMMU (qemuBuildIOMMUCommandLine): Intel's with its driver's switches, or virtio's on the root bus. */
    private void iommu(Devices d) {
        if (d.iommu == null) {
            return;
        }
        var drv = d.iommu.driver;
        ObjectNode o = J.objectNode();
        switch (d.iommu.model) {
            case "intel" -> {
                o.put("driver", "intel-iommu").put("id", "iommu0");
                if (drv != null) {
                    if (drv.intremap != null) {
                        o.put("intremap", drv.intremap);
                    }
                    if (drv.cachingMode != null) {
                        o.put("caching-mode", "on".equals(drv.cachingMode));
                    }
                    if (drv.iotlb != null) {
                        o.put("device-iotlb", "on".equals(drv.iotlb));
                    }
                    if (drv.awBits != null) {
                        o.put("aw-bits", Integer.parseInt(drv.awBits));
                    }
                    if (drv.dmaTranslation != null) {
                        o.put("dma-translation", "on".equals(drv.dmaTranslation));
                    }
                }
            }
            case "virtio" -> {
                if (drv != null) {
                    throw unsupported("<devices/iommu/driver> of a virtio IOMMU");
                }
                o.put("driver", "virtio-iommu").put("id", "iommu0");
                pciAddr(o, d.iommu.address);
            }
            default -> throw unsupported("IOMMU model '" + d.iommu.model + "'");
        }
        add("-device", o.toString());
    }

    private void controller(ControllerDef c) {
        if ("pci".equals(c.type)) {
            if ("pci-root".equals(c.model) && c.target != null && c.target.hotplug != null) {
                // the root bus is the machine's; hotplug into it is the PIIX4's ACPI setting
                add("-global", "PIIX4_PM.acpi-root-pci-hotplug=" + c.target.hotplug);
            }
            ObjectNode o = PciControllers.props(c);
            if (o != null) {
                pciAddr(o, c.address);
                add("-device", o.toString());
            }
            return;
        }
        String driver = switch (c.type) {
            case "usb" -> switch (c.model == null ? "piix3-uhci" : c.model) {
                case "piix3-uhci" -> "piix3-usb-uhci";
                case "piix4-uhci" -> "piix4-usb-uhci";
                case "qemu-xhci" -> "qemu-xhci";
                case "nec-xhci" -> "nec-usb-xhci";
                case "ich9-ehci1" -> "ich9-usb-ehci1";
                case "ich9-uhci1", "ich9-uhci2", "ich9-uhci3" -> "ich9-usb-" + c.model.substring(5);
                case "none" -> null;
                default -> throw unsupported("USB controller model '" + c.model + "'");
            };
            case "scsi" -> switch (c.model) {
                case "lsilogic" -> "lsi";
                case "virtio-scsi" -> "virtio-scsi-pci";
                default -> throw unsupported("SCSI controller model '" + c.model + "'");
            };
            case "virtio-serial" -> "virtio-serial-pci";
            case "ide" -> {
                if (c.index() != 0 || q35) {
                    throw unsupported(q35 ? "IDE controllers on a q35 machine" : "a second IDE controller");
                }
                yield null;
            }
            // q35's own AHCI controller is the first; more are ICH9 AHCI devices
            case "sata" -> q35 && c.index() == 0 ? null : "ahci";
            case "fdc" -> null;
            default -> throw unsupported("controllers of type '" + c.type + "'");
        };
        if (driver == null) {
            return;
        }
        ObjectNode o = J.objectNode().put("driver", driver);
        if (driver.startsWith("ich9-usb-uhci")) {
            // a USB1 companion of the EHCI controller with its index: no id of its own
            ControllerDef master = controller("usb", c.index());
            // the companions share the EHCI's six ports two by two, as libvirt's parse numbers them
            int first = c.master == null || c.master.startport == null ? 2 * (c.model.charAt(c.model.length() - 1)
                    - '1') : Integer.parseInt(c.master.startport);
            o.put("masterbus", master.alias.name + ".0").put("firstport", first);
        } else {
            if (c.ports != null && driver.endsWith("xhci")) {
                // as many USB2 as USB3 ports
                o.put("p2", Integer.parseInt(c.ports)).put("p3", Integer.parseInt(c.ports));
            }
            o.put("id", c.alias.name);
        }
        pciAddr(o, c.address);
        add("-device", o.toString());
    }

    /** The disks: their images' block nodes (numbered as libvirt numbers them), then the device. */
    private void disks(Devices d) {
        boolean indexed = d.disks.stream().anyMatch(x -> BlockNodes.hasSource(x) && x.source.index != null);
        if (!indexed) {
            BlockNodes.assignIndexes(def, 1);
        }
        for (DiskDef disk : d.disks) {
            if ("lun".equals(disk.device) || "floppy".equals(disk.device)) {
                throw unsupported("disks of device type '" + disk.device + "'");
            }
            String drive = null;
            if (BlockNodes.hasSource(disk)) {
                for (ObjectNode n : BlockNodes.blockdevs(disk, paths.hostCdroms())) {
                    add("-blockdev", n.toString());
                }
                String cache = disk.driver == null ? null : disk.driver.cache;
                drive = BlockNodes.chain(disk).get(0).topNode(cache);
            }
            diskDevice(disk, drive);
        }
    }

    private static Boolean writeCache(String cache) {
        if (cache == null || cache.equals("default")) {
            return null;
        }
        return cache.equals("writeback") || cache.equals("none") || cache.equals("unsafe");
    }

    private void diskDevice(DiskDef disk, String drive) {
        add("-device", diskDeviceProps(disk, drive).toString());
    }

    private ObjectNode diskDeviceProps(DiskDef disk, String drive) {
        String bus = disk.target.bus;
        boolean cdrom = "cdrom".equals(disk.device);
        ObjectNode o = J.objectNode();
        DeviceAddress a = disk.address;
        switch (bus) {
            case "ide" -> {
                o.put("driver", cdrom ? "ide-cd" : "ide-hd").put("bus", "ide." + a.bus)
                        .put("unit", Integer.parseInt(a.unit));
            }
            case "sata" -> {
                // each SATA port is a bus of its own; q35's built-in controller's buses are named "ide"
                int index = Integer.parseInt(a.controller);
                String ctl = q35 && index == 0 ? "ide" : controller("sata", index).alias.name;
                o.put("driver", cdrom ? "ide-cd" : "ide-hd").put("bus", ctl + "." + Integer.parseInt(a.unit));
            }
            case "virtio" -> {
                if (cdrom) {
                    throw unsupported("virtio cdroms");
                }
                // a transitional or non-transitional model is a device of its own (virtio 0.9 and 1.0, or 1.0 only)
                o.put("driver", "virtio-blk-pci" + (disk.model == null || "virtio".equals(disk.model) ? ""
                        : disk.model.substring("virtio".length())));
                pciAddr(o, a);
            }
            case "scsi" -> {
                ControllerDef ctl = controller("scsi", Integer.parseInt(a.controller));
                o.put("driver", cdrom ? "scsi-cd" : "scsi-hd");
                if ("lsilogic".equals(ctl.model)) {
                    o.put("bus", "scsi" + a.controller + ".0").put("scsi-id", Integer.parseInt(a.unit));
                } else {
                    o.put("bus", "scsi" + a.controller + ".0").put("channel", Integer.parseInt(a.bus))
                            .put("scsi-id", Integer.parseInt(a.target)).put("lun", Integer.parseInt(a.unit));
                }
                o.put("device_id", "drive-" + disk.alias.name);
            }
            case "usb" -> {
                if (cdrom) {
                    throw unsupported("USB cdroms");
                }
                o.put("driver", "usb-storage").put("bus", "usb.0").put("port", Integer.toString(++usbPort));
            }
            default -> throw unsupported("disks on bus '" + bus + "'");
        }
        if (drive != null) {
            o.put("drive", drive);
        }
        o.put("id", disk.alias.name);
        int bootIndex = bootIndex(disk);
        if (bootIndex > 0) {
            o.put("bootindex", bootIndex);
        }
        if ("usb".equals(bus)) {
            o.put("removable", "on".equals(disk.target.removable));
        }
        Boolean wc = writeCache(disk.driver == null ? null : disk.driver.cache);
        if (wc != null) {
            o.put("write-cache", wc ? "on" : "off");
        }
        return o;
    }

    private ControllerDef controller(String type, int index) {
        for (ControllerDef c : def.devices().controllers) {
            if (c.type.equals(type) && c.index() == index) {
                return c;
            }
        }
        throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU,
                "Could not find a suitable controller for " + type + " " + index);
    }

    /** Boot order from {@code <boot order=''/>}, else the first device of the first {@code <os><boot dev/>}. */
    private int bootIndex(DiskDef disk) {
        if (disk.boot != null && disk.boot.order != null) {
            return Integer.parseInt(disk.boot.order);
        }
        List<String> devs = def.os.boots.stream().map(b -> b.dev).toList();
        int index = 0;
        for (String dev : devs) {
            index++;
            String wanted = switch (dev) {
                case "hd" -> "disk";
                case "cdrom" -> "cdrom";
                case "fd" -> "floppy";
                default -> null;
            };
            if (wanted == null) {
                continue;
            }
            for (DiskDef d : def.devices().disks) {
                String device = d.device == null ? "disk" : d.device;
                if (device.equals(wanted)) {
                    return d == disk ? index : 0;
                }
            }
        }
        return 0;
    }

    private int bootIndex(NetDef net) {
        if (net.boot != null && net.boot.order != null) {
            return Integer.parseInt(net.boot.order);
        }
        int index = 0;
        for (var b : def.os.boots) {
            index++;
            if ("network".equals(b.dev)) {
                return def.devices().interfaces.get(0) == net ? index : 0;
            }
        }
        return 0;
    }

    private void net(NetDef n, int i) {
        List<ObjectNode> props = netProps(n);
        add("-netdev", props.get(0).toString());
        add("-device", props.get(1).toString());
    }

    /** The backend (-netdev, netdev_add) and the device of an interface; the backend is "host" + its alias. */
    private List<ObjectNode> netProps(NetDef n) {
        if (!"user".equals(n.type)) {
            throw unsupported("interface type '" + n.type + "'");
        }
        String hostnet = "host" + n.alias.name;
        ObjectNode netdev = J.objectNode().put("type", "user").put("id", hostnet);
        String driver = switch (n.model.type) {
            case "virtio" -> "virtio-net-pci";
            case "rtl8139", "e1000", "e1000e", "ne2k_pci", "pcnet", "vmxnet3" -> n.model.type;
            default -> throw unsupported("NIC model '" + n.model.type + "'");
        };
        ObjectNode o = J.objectNode().put("driver", driver).put("netdev", hostnet).put("id", n.alias.name)
                .put("mac", n.mac.address);
        pciAddr(o, n.address);
        int boot = bootIndex(n);
        if (boot > 0) {
            o.put("bootindex", boot);
        }
        return List.of(netdev, o);
    }

    /** Fails as a start would when {@code def} sets what the command line does not carry. */
    public static void checkSupported(DomainDef def) {
        SupportedSettings.check(def);
    }

    /** The device_add properties of a disk plugged into a running {@code def}, its image's node {@code drive}. */
    public static ObjectNode hotplugDisk(DomainDef def, QemuCaps caps, DiskDef disk, String drive) {
        return new QemuCommandLine(def, caps, null).diskDeviceProps(disk, drive);
    }

    /** The netdev_add and device_add arguments of an interface plugged into a running {@code def}. */
    public static List<ObjectNode> hotplugNet(DomainDef def, QemuCaps caps, NetDef n) {
        return new QemuCommandLine(def, caps, null).netProps(n);
    }

    private void serial(ChrDef c, int i) {
        String id = "charserial" + i;
        add("-chardev", chardev(c, id));
        String targetType = c.target == null || c.target.type == null ? "isa-serial" : c.target.type;
        if (!"isa-serial".equals(targetType)) {
            throw unsupported("serial ports of target type '" + targetType + "'");
        }
        if (c.target != null && c.target.model != null && !"isa-serial".equals(c.target.model.name)) {
            throw unsupported("serial ports of model '" + c.target.model.name + "'");
        }
        int port = c.target == null || c.target.port == null ? i : Integer.parseInt(c.target.port);
        add("-device", J.objectNode().put("driver", "isa-serial").put("chardev", id).put("id", c.alias.name)
                .put("index", port).toString());
    }

    private String chardev(ChrDef c, String id) {
        ChrSource src = c.sources.isEmpty() ? null : c.sources.get(0);
        return switch (c.type) {
            case "pty" -> "pty,id=" + id;
            case "null" -> "null,id=" + id;
            case "file" -> "file,id=" + id + ",path=" + src.path + ("on".equals(src.append) ? ",append=on" : "");
            case "unix" -> "socket,id=" + id + ",path=" + src.path
                    + ("connect".equals(src.mode) ? "" : ",server=on,wait=off");
            default -> throw unsupported("character devices of type '" + c.type + "'");
        };
    }

    /** libvirt adds a USB hub when the root ports run out; jvirt has none yet. */
    private static void checkUsbPorts(Devices d) {
        long devices = d.inputs.stream().filter(i -> "usb".equals(i.bus)).count()
                + d.disks.stream().filter(x -> x.target != null && "usb".equals(x.target.bus)).count();
        ControllerDef usb = d.controllers.stream().filter(c -> "usb".equals(c.type) && c.index() == 0).findFirst()
                .orElse(null);
        int ports = usb == null || usb.model == null ? 2 : usb.ports != null ? Integer.parseInt(usb.ports)
                : switch (usb.model) {
                    case "piix3-uhci", "piix4-uhci" -> 2;
                    case "nec-xhci" -> 4;
                    case "ich9-ehci1" -> 6;
                    case "qemu-xhci" -> 8;
                    default -> 0;
                };
        if (devices > ports) {
            throw unsupported("more USB devices than the USB controller has ports (USB hubs)");
        }
    }

    private void input(InputDef in) {
        if ("ps2".equals(in.bus)) {
            return; // built into the machine
        }
        if (!"usb".equals(in.bus)) {
            throw unsupported("input devices on bus '" + in.bus + "'");
        }
        String driver = switch (in.type) {
            case "tablet" -> "usb-tablet";
            case "mouse" -> "usb-mouse";
            case "keyboard" -> "usb-kbd";
            default -> throw unsupported("USB input devices of type '" + in.type + "'");
        };
        add("-device", J.objectNode().put("driver", driver).put("id", in.alias.name).put("bus", "usb.0")
                .put("port", Integer.toString(++usbPort)).toString());
    }

    private void graphics(GraphicsDef g) {
        if (!"vnc".equals(g.type)) {
            throw unsupported("graphics of type '" + g.type + "'");
        }
        GraphicsDef.Listen l = g.listens.isEmpty() ? null : g.listens.get(0);
        String type = l == null || l.type == null ? "address" : l.type;
        StringBuilder b = new StringBuilder();
        switch (type) {
            case "socket" -> b.append("vnc=unix:").append((l.socket != null ? l.socket
                    : paths.domainDir().resolve("vnc.sock").toString()).replace(",", ",,"));
            case "none" -> b.append("none");
            case "address" -> {
                String address = l != null && l.address != null ? l.address : g.listen != null ? g.listen
                        : "127.0.0.1";
                int port = g.port == null || g.port.equals("-1") || "yes".equals(g.autoport) ? paths.vncPort()
                        : Integer.parseInt(g.port);
                if (port < 5900 || port > 65535) {
                    throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                            "vnc port must be in range [5900,65535]");
                }
                b.append(address.contains(":") ? "[" + address + "]" : address).append(':').append(port - 5900);
            }
            default -> throw unsupported("VNC listen type '" + type + "'");
        }
        String audio = def.devices().audios.isEmpty() ? "1" : def.devices().audios.get(0).id;
        add("-vnc", b.append(",audiodev=audio").append(audio).toString());
    }

    private void video(VideoDef v, boolean primary) {
        String type = v.model.type;
        ObjectNode o = J.objectNode();
        if (!"qxl".equals(type) && (v.model.ram != null || v.model.vram64 != null || v.model.vgamem != null
                || v.model.resolution != null)) {
            throw unsupported("video memory sizes and resolutions of model '" + type + "'");
        }
        switch (type) {
            case "none" -> {
                return;
            }
            case "cirrus" -> o.put("driver", "cirrus-vga").put("id", v.alias.name);
            case "vga" -> {
                o.put("driver", "VGA").put("id", v.alias.name);
                if (v.model.vram != null) {
                    o.put("vgamem_mb", Integer.parseInt(v.model.vram) / 1024);
                }
            }
            case "virtio" -> o.put("driver", primary ? "virtio-vga" : "virtio-gpu-pci").put("id", v.alias.name)
                    .put("max_outputs", v.model.heads == null ? 1 : Integer.parseInt(v.model.heads));
            case "qxl" -> {
                // libvirt's QXL sizes (KiB in the XML): 64 MiB of RAM and VRAM, 16 MiB of VGA memory by default
                o.put("driver", primary ? "qxl-vga" : "qxl").put("id", v.alias.name)
                        .put("max_outputs", v.model.heads == null ? 1 : Integer.parseInt(v.model.heads))
                        .put("ram_size", kib(v.model.ram, 65536) * 1024)
                        .put("vram_size", kib(v.model.vram, 65536) * 1024)
                        .put("vram64_size_mb", kib(v.model.vram64, 0) / 1024)
                        .put("vgamem_mb", kib(v.model.vgamem, 16384) / 1024);
                if (v.model.resolution != null) {
                    o.put("xres", Long.parseLong(v.model.resolution.x)).put("yres", Long.parseLong(
                            v.model.resolution.y));
                }
            }
            case "bochs" -> {
                o.put("driver", "bochs-display").put("id", v.alias.name);
                if (v.model.vram != null) {
                    o.put("vgamem", Long.parseLong(v.model.vram) * 1024);
                }
            }
            default -> throw unsupported("video model '" + type + "'");
        }
        pciAddr(o, v.address);
        add("-device", o.toString());
    }

    private static long kib(String value, long fallback) {
        return value == null ? fallback : Long.parseLong(value);
    }

    private void watchdog(Devices d) {
        if (d.watchdog == null) {
            return;
        }
        String model = d.watchdog.model;
        if ("itco".equals(model)) {
            if (!q35) {
                throw unsupported("the iTCO watchdog on a machine other than q35");
            }
            // the ICH9's own TCO timer: its reboot is off until the guest arms it
            add("-global", "ICH9-LPC.noreboot=off");
        } else if ("i6300esb".equals(model) || "ib700".equals(model)) {
            ObjectNode o = J.objectNode().put("driver", model).put("id", d.watchdog.alias.name);
            if ("i6300esb".equals(model)) {
                pciAddr(o, d.watchdog.address);
            }
            add("-device", o.toString());
        } else {
            throw unsupported("watchdog model '" + model + "'");
        }
        String action = d.watchdog.action == null ? "reset" : d.watchdog.action;
        if (action.equals("dump")) {
            throw unsupported("watchdog action 'dump'");
        }
        add("-watchdog-action", action.equals("inject-nmi") ? "inject-nmi" : action);
    }

    /**
     * {@code "bus":"pci.0","addr":"0x3"} (or {@code 0x1.0x2} for a function other than 0); a q35's root bus is
     * {@code pcie.0}, every other bus the controller that provides it, {@code pci.N}.
     */
    private void pciAddr(ObjectNode o, DeviceAddress a) {
        if (a == null || !"pci".equals(a.type)) {
            return;
        }
        int slot = PciAddresses.parse(a.slot);
        int fn = PciAddresses.parse(a.function);
        int bus = PciAddresses.parse(a.bus);
        o.put("bus", (bus == 0 && q35 ? "pcie." : "pci.") + bus);
        if (a.multifunction != null) {
            o.put("multifunction", "on".equals(a.multifunction));
        }
        o.put("addr", "0x" + Integer.toHexString(slot) + (fn == 0 ? "" : ".0x" + Integer.toHexString(fn)));
    }

    private void add(String option, String value) {
        args.add(option);
        args.add(value);
    }

    static VirtException unsupported(String what) {
        return new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                what + " not supported by jvirt's QEMU driver yet");
    }
}
