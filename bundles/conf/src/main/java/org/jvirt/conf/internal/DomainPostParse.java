package org.jvirt.conf.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.Uuids;
import org.jvirt.api.VirtException;
import org.jvirt.conf.DomainParseOptions;
import org.jvirt.conf.domain.ChrDef;
import org.jvirt.conf.domain.ChrSource;
import org.jvirt.conf.domain.ControllerDef;
import org.jvirt.conf.domain.CpuDef;
import org.jvirt.conf.domain.DeviceAddress;
import org.jvirt.conf.domain.Devices;
import org.jvirt.conf.domain.DiskDef;
import org.jvirt.conf.domain.DomainDef;
import org.jvirt.conf.domain.Empty;
import org.jvirt.conf.domain.GraphicsDef;
import org.jvirt.conf.domain.MemorySize;
import org.jvirt.conf.domain.NetDef;
import org.jvirt.conf.domain.OsDef;
import org.jvirt.conf.domain.StorageSource;
import org.jvirt.conf.domain.Vcpu;
import org.jvirt.conf.domain.VideoDef;
import org.jvirt.util.ScaledSizes;

/**
 * Checks a bound domain and fills in what libvirt fills in after parsing (virDomainDefPostParse and the parse
 * functions' own defaults): memory in KiB, vCPU placement, the OS architecture and boot device, lifecycle actions,
 * disk buses and drive addresses, implicit controllers, console and serial pairing, video for graphics, MACs.
 * Errors carry libvirt's codes and sentences.
 */
public final class DomainPostParse {
    static final List<String> VIRT_TYPES = List.of("none", "qemu", "kqemu", "kvm", "xen", "lxc", "uml", "openvz",
            "test", "vmware", "hyperv", "vbox", "phyp", "parallels", "bhyve", "vz", "ch");
    static final List<String> OS_TYPES = List.of("hvm", "xen", "linux", "exe", "uml");
    static final List<String> LIFECYCLE = List.of("destroy", "restart", "rename-restart", "preserve");
    static final List<String> CRASH = List.of("destroy", "restart", "rename-restart", "preserve",
            "coredump-destroy", "coredump-restart");
    static final List<String> BOOT_DEVS = List.of("fd", "cdrom", "hd", "network");
    static final List<String> CLOCK_OFFSETS = List.of("utc", "localtime", "timezone", "variable", "absolute");
    static final List<String> DISK_TYPES = List.of("block", "file", "dir", "network", "volume", "nvme",
            "vhostuser", "vhostvdpa");
    static final List<String> DISK_DEVICES = List.of("disk", "cdrom", "floppy", "lun");
    static final List<String> DISK_BUSES = List.of("ide", "fdc", "scsi", "virtio", "xen", "usb", "uml", "sata",
            "sd");
    static final List<String> CONTROLLER_TYPES = List.of("ide", "fdc", "scsi", "sata", "virtio-serial", "ccid",
            "usb", "pci", "xenbus", "isa");
    static final List<String> NET_TYPES = List.of("user", "ethernet", "vhostuser", "server", "client", "mcast",
            "network", "bridge", "internal", "direct", "hostdev", "udp", "vdpa", "null", "vds");
    static final List<String> CHR_TYPES = List.of("null", "vc", "pty", "dev", "file", "pipe", "stdio", "udp", "tcp",
            "unix", "spicevmc", "spiceport", "nmdm", "qemu-vdagent", "dbus");
    static final List<String> GRAPHICS_TYPES = List.of("sdl", "vnc", "rdp", "desktop", "spice", "egl-headless",
            "dbus");
    static final List<String> INPUT_TYPES = List.of("mouse", "tablet", "keyboard", "passthrough", "evdev");
    static final List<String> VIDEO_TYPES = List.of("default", "vga", "cirrus", "vmvga", "xen", "vbox", "qxl",
            "parallels", "virtio", "gop", "none", "bochs", "ramfb");
    static final List<String> ADDRESS_TYPES = List.of("none", "pci", "drive", "virtio-serial", "ccid", "usb",
            "spapr-vio", "virtio-s390", "ccw", "virtio-mmio", "isa", "dimm", "unassigned");

    private DomainPostParse() {
    }

    public static void apply(DomainDef def, DomainParseOptions opts) {
        checkType(def);
        AttributeRules.DOMAIN.check(def);
        DomainChecks.beforeDefaults(def);
        def.id = -1;
        if (!opts.inactive() && def.idText != null) {
            def.id = parseIntOr(def.idText, -1);
        }
        checkName(def);
        parseUuid(def, opts);
        parseMemory(def);
        parseVcpu(def);
        parseOs(def, opts);
        parseLifecycle(def);
        if (def.clock == null) {
            def.clock = new org.jvirt.conf.domain.ClockDef();
        }
        if (def.clock.offset == null) {
            def.clock.offset = "utc";
        } else if (!CLOCK_OFFSETS.contains(def.clock.offset)) {
            throw unsupported("unknown clock offset '" + def.clock.offset + "'");
        }
        parseCpu(def);
        Devices d = def.devices();
        parseDisks(def, d, opts);
        parseControllers(d);
        parseInterfaces(d, opts);
        parseChrs(def, d, opts);
        ChrSourcePostParse.others(d);
        SmartcardPostParse.apply(d);
        HostdevPostParse.apply(d);
        CputunePostParse.apply(def);
        FeaturesPostParse.apply(def.features);
        if (def.numatune != null && def.numatune.memory != null && "auto".equals(def.numatune.memory.placement)) {
            // an automatic placement has no node set of its own
            def.numatune.memory.nodeset = null;
        }
        if (def.numatune != null) {
            numatuneNodesets(def.numatune);
        }
        redirFilterAnyValues(d);
        parseInputs(def, d);
        parseGraphics(d);
        addImplicitControllers(d);
        parseVideos(def, d, opts);
        DeviceDefaults.apply(d, opts);
        DeviceDefaults.domainLabels(def.seclabels, opts);
        TuningPostParse.apply(def);
        checkAddresses(d);
        DomainChecks.afterPostParse(def);
    }

    // ---- identity

    private static void checkType(DomainDef def) {
        if (def.type == null) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.DOMAIN, "missing domain type attribute");
        }
        if (!VIRT_TYPES.contains(def.type)) {
            throw unsupported("invalid domain type " + def.type);
        }
    }

    private static void checkName(DomainDef def) {
        if (def.name == null || def.name.isEmpty()) {
            throw new VirtException(ErrorCode.NO_NAME, ErrorDomain.DOMAIN, null);
        }
        if (def.name.indexOf('/') >= 0) {
            throw xmlError("name " + def.name + " cannot contain '/'");
        }
    }

    private static void parseUuid(DomainDef def, DomainParseOptions opts) {
        if (def.uuidText == null) {
            byte[] b = new byte[16];
            opts.random().nextBytes(b);
            b[6] = (byte) ((b[6] & 0x0f) | 0x40);
            b[8] = (byte) ((b[8] & 0x3f) | 0x80);
            long hi = 0;
            long lo = 0;
            for (int i = 0; i < 8; i++) {
                hi = (hi << 8) | (b[i] & 0xff);
                lo = (lo << 8) | (b[i + 8] & 0xff);
            }
            def.uuid = new UUID(hi, lo);
        } else {
            try {
                def.uuid = Uuids.parse(def.uuidText);
            } catch (VirtException e) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.DOMAIN, "malformed uuid element");
            }
        }
        def.uuidText = def.uuid.toString();
    }

    // ---- memory and vCPUs

    private static void parseMemory(DomainDef def) {
        if (def.maxMemory != null) {
            def.maxMemory.kib = kib(def.maxMemory, "./maxMemory[1]");
        }
        if (def.memory != null) {
            def.memory.kib = kib(def.memory, "./memory[1]");
        }
        long numaKiB = numaMemoryKiB(def);
        long hotplugKiB = memoryDevicesKiB(def.devices());
        long totalKiB = def.memory == null ? 0 : def.memory.kib;
        // without ABI_UPDATE the NUMA sum replaces only a missing total (virDomainDefPostParseMemory)
        if (totalKiB == 0 && numaKiB > 0) {
            totalKiB = numaKiB + hotplugKiB;
            def.memory = MemorySize.ofKiB(totalKiB);
        } else if (hotplugKiB > totalKiB) {
            throw xmlError("Total size of memory devices exceeds the total memory size");
        }
        long initialKiB = numaKiB > 0 ? numaKiB : totalKiB - hotplugKiB;
        if (def.memory == null || initialKiB == 0) {
            throw xmlError("Memory size must be specified via <memory> or in the <numa> configuration");
        }
        if (def.currentMemory != null) {
            def.currentMemory.kib = kib(def.currentMemory, "./currentMemory[1]");
        }
        if (def.currentMemory == null || def.currentMemory.kib == 0
                || def.currentMemory.kib > def.memory.kib) {
            def.currentMemory = MemorySize.ofKiB(def.memory.kib);
        }
    }

    /** The sizes of the memory devices, which libvirt counts in the domain's total. */
    private static long memoryDevicesKiB(Devices d) {
        long total = 0;
        for (var m : d.memories) {
            if (m.target == null || m.target.size == null) {
                continue;
            }
            MemorySize copy = new MemorySize();
            copy.text = m.target.size.text;
            copy.unit = m.target.size.unit;
            total += kib(copy, "./target/size[1]");
        }
        return total;
    }

    private static long numaMemoryKiB(DomainDef def) {
        if (def.cpu == null || def.cpu.numa == null) {
            return 0;
        }
        orderNumaCells(def.cpu.numa);
        long total = 0;
        for (var cell : def.cpu.numa.cells) {
            if (cell.memory == null) {
                continue;
            }
            MemorySize m = new MemorySize();
            m.text = cell.memory;
            m.unit = cell.unit;
            long k = kib(m, "./cpu/numa/cell/@memory");
            cell.memory = Long.toString(k);
            cell.unit = "KiB";
            total += k;
        }
        return total;
    }

    /**
     * libvirt keeps each cell in the slot its id names (its position when it names none) and writes every cell
     * with that id, in id order.
     */
    private static void orderNumaCells(CpuDef.Numa numa) {
        int n = numa.cells.size();
        CpuDef.Numa.Cell[] slots = new CpuDef.Numa.Cell[n];
        for (int i = 0; i < n; i++) {
            CpuDef.Numa.Cell cell = numa.cells.get(i);
            long id = i;
            if (cell.id != null) {
                try {
                    id = Long.parseLong(cell.id.strip());
                } catch (NumberFormatException e) {
                    return;  // a malformed id is refused by the attribute rules
                }
            }
            if (id < 0 || id >= n) {
                throw xmlError("Exactly one 'cell' element per guest NUMA cell allowed, non-contiguous ranges "
                        + "or ranges not starting from 0 are not allowed");
            }
            if (slots[(int) id] != null) {
                throw xmlError("Duplicate NUMA cell info for cell id '" + id + "'");
            }
            slots[(int) id] = cell;
        }
        numa.cells.clear();
        for (int i = 0; i < n; i++) {
            slots[i].id = Integer.toString(i);
            numa.cells.add(slots[i]);
        }
    }

    private static long kib(MemorySize m, String xpath) {
        String t = m.text == null ? "" : m.text.strip();
        long v;
        try {
            if (t.isEmpty() || t.startsWith("-") || t.startsWith("+")) {
                throw new NumberFormatException(t);
            }
            v = Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.XML,
                    "Invalid value '" + t + "' for element or attribute '" + xpath + "'");
        }
        long bytes = ScaledSizes.toBytes(v, m.unit, 1024, Long.MAX_VALUE);
        long kib = ScaledSizes.bytesToKiBRoundUp(bytes);
        m.kib = kib;
        m.unit = "KiB";
        m.text = Long.toString(kib);
        return kib;
    }

    private static void parseVcpu(DomainDef def) {
        if (def.vcpu == null) {
            def.vcpu = new Vcpu();
            def.vcpu.text = "1";
        }
        Vcpu v = def.vcpu;
        int max;
        try {
            max = Integer.parseInt(v.text == null ? "" : v.text.strip());
        } catch (NumberFormatException e) {
            throw xmlError("maximum vcpus count must be an integer");
        }
        if (max <= 0) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.DOMAIN,
                    "CPU IDs in <numa> exceed the <vcpu> count");
        }
        int cur = max;
        if (v.currentText != null) {
            try {
                cur = Integer.parseInt(v.currentText.strip());
            } catch (NumberFormatException e) {
                throw xmlError("current vcpus count must be an integer");
            }
            if (max < cur) {
                throw unsupported("maximum vCPU count must not be less than current vCPU count");
            }
        }
        v.count = max;
        v.current = cur == max ? 0 : cur;
        v.text = Integer.toString(max);
        v.currentText = v.current == 0 ? null : Integer.toString(cur);
        if (v.placement == null) {
            v.placement = "static";
        } else if (!v.placement.equals("static") && !v.placement.equals("auto")) {
            throw unsupported("Unsupported CPU placement mode '" + v.placement + "'");
        }
    }

    // ---- os, lifecycle, cpu

    private static void parseOs(DomainDef def, DomainParseOptions opts) {
        if (def.os == null || def.os.type == null || def.os.type.value == null || def.os.type.value.isBlank()) {
            throw xmlError("an os <type> must be specified");
        }
        OsDef os = def.os;
        os.type.value = os.type.value.strip();
        if (!OS_TYPES.contains(os.type.value)) {
            throw unsupported("unknown OS type '" + os.type.value + "'");
        }
        if (os.type.arch == null) {
            os.type.arch = opts.defaultArch();
        }
        for (OsDef.Boot b : os.boots) {
            if (b.dev == null) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.DOMAIN, "missing boot device");
            }
            if (!BOOT_DEVS.contains(b.dev)) {
                throw unsupported("unknown boot device '" + b.dev + "'");
            }
        }
        boolean deviceBoot = def.devices != null && (def.devices.disks.stream().anyMatch(x -> x.boot != null)
                || def.devices.interfaces.stream().anyMatch(x -> x.boot != null)
                || def.devices.hostdevs.stream().anyMatch(x -> x.boot != null)
                || def.devices.redirdevs.stream().anyMatch(x -> x.boot != null || x.bootElement != null)
                || def.devices.filesystems.stream().anyMatch(x -> x.boot != null));
        if (os.type.value.equals("hvm") && os.boots.isEmpty() && !deviceBoot) {
            os.boots.add(new OsDef.Boot("hd"));
        }
        if (os.loader != null && os.loader.path != null && os.loader.type == null) {
            os.loader.type = "rom";
        }
    }

    private static void parseLifecycle(DomainDef def) {
        def.onPoweroff = action("on_poweroff", def.onPoweroff, "destroy", LIFECYCLE);
        def.onReboot = action("on_reboot", def.onReboot, "restart", LIFECYCLE);
        def.onCrash = action("on_crash", def.onCrash, "destroy", CRASH);
    }

    private static String action(String what, String value, String dflt, List<String> allowed) {
        if (value == null) {
            return dflt;
        }
        String v = value.strip();
        if (!allowed.contains(v)) {
            throw unsupported("unknown " + what + " action: " + v);
        }
        return v;
    }

    private static void parseCpu(DomainDef def) {
        CpuDef cpu = def.cpu;
        if (cpu == null) {
            return;
        }
        if (cpu.mode == null) {
            cpu.mode = "custom";
        }
        if (cpu.mode.equals("custom")) {
            if (cpu.model == null && !cpu.features.isEmpty()) {
                throw xmlError("Non-empty feature list specified without CPU model");
            }
            if (cpu.model != null) {
                if (cpu.match == null) {
                    cpu.match = "exact";
                }
                if (cpu.model.fallback == null) {
                    cpu.model.fallback = "allow";
                }
            }
        }
        if (cpu.mode.equals("host-model") && cpu.model != null
                && (cpu.model.name == null || cpu.model.name.isBlank()) && cpu.model.vendorId == null) {
            // a host-model CPU's model is the host's, filled at start: a fallback alone is not kept
            cpu.model = null;
        }
        for (CpuDef.Feature f : cpu.features) {
            if (f.policy == null) {
                f.policy = "require";
            }
        }
        if (cpu.topology != null && cpu.topology.dies == null) {
            cpu.topology.dies = "1";
        }
    }

    // ---- disks and controllers

    private static void parseDisks(DomainDef def, Devices d, DomainParseOptions opts) {
        List<DiskDef> sorted = new ArrayList<>();
        for (DiskDef disk : d.disks) {
            if (disk.type == null) {
                disk.type = "file";
            }
            checkEnum("type", "disk", disk.type, DISK_TYPES);
            if (disk.source == null) {
                // libvirt's virDomainDiskDefParseSourceXML: a disk without <source> is an empty file, whatever its type
                disk.type = "file";
            } else {
                dropEmptyPath(disk);
                if (opts.inactive()) {
                    // the index of a live source is read from live status only
                    disk.source.index = null;
                }
                if (writesNothing(disk.source)) {
                    // libvirt writes <source> only with something in it (virXMLFormatElement)
                    disk.source = null;
                }
            }
            if (disk.device == null) {
                disk.device = "disk";
            }
            checkEnum("device", "disk", disk.device, DISK_DEVICES);
            if (disk.target == null || disk.target.dev == null) {
                String src = disk.source == null ? null
                        : first(disk.source.file, disk.source.dev, disk.source.dir, disk.source.name);
                throw new VirtException(ErrorCode.NO_TARGET, ErrorDomain.DOMAIN, src);
            }
            if (disk.target.bus != null) {
                checkEnum("bus", "target", disk.target.bus, DISK_BUSES);
            }
            insertDisk(sorted, disk);
        }
        d.disks.clear();
        d.disks.addAll(sorted);
        for (DiskDef disk : d.disks) {
            if (disk.target.bus == null) {
                disk.target.bus = defaultBus(disk);
            }
            if (disk.device.equals("cdrom") && disk.readonly == null) {
                disk.readonly = new Empty();
            }
            if (disk.address == null && disk.target.bus != null) {
                disk.address = driveAddress(disk.target.bus, diskIndex(disk.target.dev));
            }
        }
    }

    /**
     * libvirt reads a local disk's path from the attribute of its type and takes an empty one for none (a cdrom
     * without medium written as {@code <source file=''/>}).
     */
    private static void dropEmptyPath(DiskDef disk) {
        StorageSource s = disk.source;
        switch (disk.type) {
            case "file" -> s.file = s.file == null || s.file.isEmpty() ? null : s.file;
            case "block" -> s.dev = s.dev == null || s.dev.isEmpty() ? null : s.dev;
            case "dir" -> s.dir = s.dir == null || s.dir.isEmpty() ? null : s.dir;
            default -> {
            }
        }
    }

    /** Whether {@code value} has no attribute, text or child element set. */
    private static boolean writesNothing(Object value) {
        XmlClassModel m = XmlClassModel.of(value.getClass());
        for (XmlProperty p : m.attributes) {
            if (p.get(value) != null) {
                return false;
            }
        }
        for (XmlProperty p : m.elements) {
            Object v = p.get(value);
            if (v != null && !(p.list && ((List<?>) v).isEmpty())) {
                return false;
            }
        }
        for (XmlProperty p : java.util.Arrays.asList(m.value, m.any, m.mixed)) {
            Object v = p == null ? null : p.get(value);
            if (v != null && !(v instanceof List<?> l && l.isEmpty()) && !"".equals(v)) {
                return false;
            }
        }
        return true;
    }

    /** libvirt keeps disks on one bus ordered by their target's index, the others in document order. */
    private static void insertDisk(List<DiskDef> list, DiskDef disk) {
        int insertAt = -1;
        int idx = diskIndex(disk.target.dev);
        for (int i = list.size() - 1; i >= 0; i--) {
            DiskDef cur = list.get(i);
            if (java.util.Objects.equals(cur.target.bus, disk.target.bus)) {
                if (diskIndex(cur.target.dev) > idx) {
                    insertAt = i;
                } else if (insertAt == -1) {
                    insertAt = i + 1;
                }
            }
        }
        if (insertAt == -1 || insertAt >= list.size()) {
            list.add(disk);
        } else {
            list.add(insertAt, disk);
        }
    }

    private static String defaultBus(DiskDef disk) {
        String dev = disk.target.dev;
        if (disk.device.equals("floppy") || dev.startsWith("fd")) {
            return "fdc";
        }
        if (dev.startsWith("hd")) {
            return "ide";
        }
        if (dev.startsWith("sd")) {
            return "scsi";
        }
        if (dev.startsWith("vd")) {
            return "virtio";
        }
        if (dev.startsWith("xvd")) {
            return "xen";
        }
        if (dev.startsWith("ubd")) {
            return "uml";
        }
        return null;
    }

    /** The index a disk's target name stands for (virDiskNameToIndex): "sda" 0, "hdc" 2, "vdaa" 26; -1 if none. */
    public static int diskIndex(String name) {
        if (name == null) {
            return -1;
        }
        String rest = null;
        for (String p : new String[] {"fd", "hd", "vd", "sd", "xvd", "ubd"}) {
            if (name.startsWith(p)) {
                rest = name.substring(p.length());
                break;
            }
        }
        if (rest == null) {
            return -1;
        }
        int idx = 0;
        int i = 0;
        while (i < rest.length() && rest.charAt(i) >= 'a' && rest.charAt(i) <= 'z') {
            idx = (idx + (i == 0 ? 0 : 1)) * 26 + (rest.charAt(i) - 'a');
            i++;
        }
        if (i == 0) {
            return -1;
        }
        for (; i < rest.length(); i++) {
            if (!Character.isDigit(rest.charAt(i))) {
                return -1;
            }
        }
        return idx;
    }

    private static DeviceAddress driveAddress(String bus, int idx) {
        if (idx < 0) {
            return null;
        }
        return switch (bus) {
            case "ide" -> DeviceAddress.drive(idx / 4, (idx % 4) / 2, 0, idx % 2);
            case "fdc" -> DeviceAddress.drive(idx / 2, 0, 0, idx % 2);
            case "scsi" -> DeviceAddress.drive(idx / 7, 0, 0, idx % 7);
            case "sata" -> DeviceAddress.drive(idx / 6, 0, 0, idx % 6);
            default -> null;
        };
    }

    private static void parseControllers(Devices d) {
        List<ControllerDef> sorted = new ArrayList<>();
        for (ControllerDef c : d.controllers) {
            if (c.type == null) {
                c.type = "ide";
            }
            checkEnum("type", "controller", c.type, CONTROLLER_TYPES);
            if (c.index != null) {
                try {
                    if (Integer.parseInt(c.index.strip()) < 0) {
                        throw new NumberFormatException();
                    }
                    c.index = Integer.toString(Integer.parseInt(c.index.strip()));
                } catch (NumberFormatException e) {
                    throw xmlError("Cannot parse controller index " + c.index);
                }
            }
            companionMaster(c);
            insertController(sorted, c);
        }
        for (ControllerDef c : sorted) {
            if (c.index == null) {
                c.index = Integer.toString(unusedIndex(sorted, c.type));
            }
        }
        d.controllers.clear();
        d.controllers.addAll(sorted);
    }

    /** An ICH9 UHCI companion without a master takes its fixed ports on the EHCI controller (0, 2 or 4). */
    private static void companionMaster(ControllerDef c) {
        if (!"usb".equals(c.type) || c.master != null || c.model == null) {
            return;
        }
        String port = switch (c.model) {
            case "ich9-uhci1" -> "0";
            case "ich9-uhci2" -> "2";
            case "ich9-uhci3" -> "4";
            default -> null;
        };
        if (port != null) {
            c.master = new ControllerDef.Master();
            c.master.startport = port;
        }
    }

    /**
     * libvirt keeps controllers of one type ordered by index, the types in order of appearance; of one index, a
     * controller without a master goes before the companions (virDomainControllerInsertPreAlloced).
     */
    private static void insertController(List<ControllerDef> list, ControllerDef c) {
        int insertAt = -1;
        int idx = c.index();
        for (int i = list.size() - 1; i >= 0; i--) {
            ControllerDef cur = list.get(i);
            if (cur.type.equals(c.type)) {
                if (idx == -1) {
                    insertAt = i + 1;
                    break;
                }
                if (cur.index() > idx) {
                    insertAt = i;
                } else if (c.master == null && cur.master != null && cur.index() == idx) {
                    insertAt = i;
                } else if (insertAt == -1) {
                    insertAt = i + 1;
                }
            }
        }
        if (insertAt == -1 || insertAt >= list.size()) {
            list.add(c);
        } else {
            list.add(insertAt, c);
        }
    }

    private static int unusedIndex(List<ControllerDef> list, String type) {
        Set<Integer> used = new HashSet<>();
        for (ControllerDef c : list) {
            if (c.type.equals(type) && c.index != null) {
                used.add(c.index());
            }
        }
        int i = 0;
        while (used.contains(i)) {
            i++;
        }
        return i;
    }

    private static void addImplicitControllers(Devices d) {
        for (String[] pair : new String[][] {{"scsi", "scsi"}, {"fdc", "fdc"}, {"ide", "ide"}, {"sata", "sata"}}) {
            int max = -1;
            for (DiskDef disk : d.disks) {
                if (pair[1].equals(disk.target.bus) && disk.address != null && "drive".equals(disk.address.type)) {
                    max = Math.max(max, parseIntOr(disk.address.controller, 0));
                }
            }
            for (int i = 0; i <= max; i++) {
                ensureController(d, pair[0], i);
            }
        }
        boolean virtioSerial = false;
        for (ChrDef c : d.channels) {
            if (c.target != null && "virtio".equals(c.target.type)) {
                virtioSerial = true;
            }
        }
        for (ChrDef c : d.consoles) {
            if (c.target != null && "virtio".equals(c.target.type)) {
                virtioSerial = true;
            }
        }
        if (virtioSerial) {
            ensureController(d, "virtio-serial", 0);
        }
        hostdevScsiControllers(d);
    }

    /**
     * The SCSI controllers up to the highest one a SCSI host device names; a new one takes the model of the
     * controller of the host device that raised the highest index so far, so that they all stay of one model
     * (virDomainDefMaybeAddHostdevSCSIcontroller).
     */
    private static void hostdevScsiControllers(Devices d) {
        int max = -1;
        String model = null;
        for (var h : d.hostdevs) {
            if (!"scsi".equals(h.type) || h.address == null || !"drive".equals(h.address.type)) {
                continue;
            }
            int c = parseIntOr(h.address.controller, 0);
            if (c > max) {
                max = c;
                for (ControllerDef cont : d.controllers) {
                    if ("scsi".equals(cont.type) && cont.index() == c && cont.model != null) {
                        model = cont.model;
                    }
                }
            }
        }
        for (int i = 0; i <= max; i++) {
            boolean present = false;
            for (ControllerDef c : d.controllers) {
                present |= "scsi".equals(c.type) && c.index() == i;
            }
            if (!present) {
                ControllerDef c = ControllerDef.of("scsi", i);
                c.model = model;
                insertController(d.controllers, c);
            }
        }
    }

    private static void ensureController(Devices d, String type, int index) {
        for (ControllerDef c : d.controllers) {
            if (c.type.equals(type) && c.index() == index) {
                return;
            }
        }
        insertController(d.controllers, ControllerDef.of(type, index));
    }

    // ---- interfaces

    private static void parseInterfaces(Devices d, DomainParseOptions opts) {
        for (NetDef n : d.interfaces) {
            if (n.type == null) {
                n.type = "user";
            }
            checkEnum("type", "interface", n.type, NET_TYPES);
            if (n.mac == null) {
                n.mac = new NetDef.Mac();
            }
            if (n.mac.address != null) {
                n.mac.address = parseMac(n.mac.address);
            }
            // libvirt (since the corpus's 10.x, not 9.0) takes an all-zero address for no address at all
            if (n.mac.address == null || n.mac.address.equals(ALL_CLEAR_MAC)) {
                n.mac.address = generatedMac(opts);
                n.mac.generated = true;
            }
            keepSourceAttributesOfType(n);
            if (n.type.equals("direct") && n.source != null && n.source.mode == null) {
                n.source.mode = "vepa";
            }
        }
    }

    /** libvirt reads only the source attributes of the interface's type (virDomainNetDefParseXML). */
    private static void keepSourceAttributesOfType(NetDef n) {
        NetDef.Source s = n.source;
        if (s == null) {
            return;
        }
        java.util.Set<String> keep = switch (n.type) {
            case "network" -> java.util.Set.of("network", "portgroup", "portid");
            case "bridge" -> java.util.Set.of("bridge");
            case "direct" -> java.util.Set.of("dev", "mode");
            case "server", "client", "mcast", "udp" -> java.util.Set.of("address", "port");
            case "internal" -> java.util.Set.of("name");
            case "vhostuser" -> java.util.Set.of("type", "path", "mode");
            case "vdpa" -> java.util.Set.of("dev");
            case "null", "vds" -> java.util.Set.of("switchid", "portid", "portgroupid", "connectionid");
            default -> null;
        };
        if (keep == null) {
            return;
        }
        for (java.lang.reflect.Field f : NetDef.Source.class.getFields()) {
            jakarta.xml.bind.annotation.XmlAttribute at = f.getAnnotation(jakarta.xml.bind.annotation.XmlAttribute.class);
            if (at == null) {
                continue;
            }
            String name = "##default".equals(at.name()) ? f.getName() : at.name();
            if (!keep.contains(name)) {
                try {
                    f.set(s, null);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private static final String ALL_CLEAR_MAC = "00:00:00:00:00:00";

    /** libvirt's default prefix (52:54:00, QEMU's) and three bytes from the options' source of randomness. */
    private static String generatedMac(DomainParseOptions opts) {
        byte[] b = new byte[3];
        opts.random().nextBytes(b);
        return String.format(Locale.ROOT, "52:54:00:%02x:%02x:%02x", b[0] & 0xff, b[1] & 0xff, b[2] & 0xff);
    }

    private static String parseMac(String text) {
        String[] parts = text.strip().split(":", -1);
        if (parts.length != 6) {
            throw xmlError("unable to parse mac address '" + text + "'");
        }
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            int v;
            try {
                if (p.isEmpty() || p.length() > 2) {
                    throw new NumberFormatException();
                }
                v = Integer.parseInt(p, 16);
            } catch (NumberFormatException e) {
                throw xmlError("unable to parse mac address '" + text + "'");
            }
            if (sb.length() > 0) {
                sb.append(':');
            }
            sb.append(String.format(Locale.ROOT, "%02x", v));
        }
        return sb.toString();
    }

    // ---- character devices

    private static void parseChrs(DomainDef def, Devices d, DomainParseOptions opts) {
        int port = 0;
        for (ChrDef c : d.serials) {
            chrCommon(c, "serial", opts);
            if (c.target.port == null) {
                c.target.port = Integer.toString(port);
            }
            port = parseIntOr(c.target.port, port) + 1;
        }
        port = 0;
        for (ChrDef c : d.parallels) {
            chrCommon(c, "parallel", opts);
            if (c.target.port == null) {
                c.target.port = Integer.toString(port);
            }
            port = parseIntOr(c.target.port, port) + 1;
        }
        for (int i = 0; i < d.consoles.size(); i++) {
            ChrDef c = d.consoles.get(i);
            chrCommon(c, "console", opts);
            if (c.target.type == null) {
                c.target.type = "serial";
            }
            if (c.target.port == null) {
                c.target.port = Integer.toString(i);
            }
        }
        for (ChrDef c : d.channels) {
            chrCommon(c, "channel", opts);
        }
        consoleCompat(def, d);
    }

    private static void chrCommon(ChrDef c, String kind, DomainParseOptions opts) {
        if (c.type == null) {
            c.type = "pty";
        }
        checkEnum("type", kind, c.type, CHR_TYPES);
        ChrSourcePostParse.apply(c.type, c.sources);
        if (opts.inactive()) {
            c.tty = null;
        }
        if (c.target == null) {
            c.target = new ChrDef.Target();
        }
        if (c.type.equals("udp")) {
            // libvirt keeps one bind and one connect end, and writes the bind end first
            ChrSource bind = null;
            ChrSource connect = null;
            for (ChrSource s : c.sources) {
                if ("bind".equals(s.mode)) {
                    bind = bind == null ? s : bind;
                } else if (connect == null) {
                    connect = s;
                    s.mode = "connect";
                }
            }
            if (connect == null || connect.service == null) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.DOMAIN,
                        "Missing source service attribute for char device");
            }
            c.sources.clear();
            if (bind != null) {
                c.sources.add(bind);
            }
            if (connect != null) {
                c.sources.add(connect);
            }
        }
        if (c.type.equals("tcp")) {
            if (c.sources.isEmpty()) {
                c.sources.add(new ChrSource());
            }
            ChrSource s = c.sources.get(0);
            if (s.mode == null) {
                s.mode = "connect";
            }
            if (c.type.equals("tcp") && s.service == null) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.DOMAIN,
                        "Missing source service attribute for char device");
            }
        }
        c.protocol = ChrSourcePostParse.protocol(c.type, c.protocol);
    }

    /** A HVM guest's first serial console and its first serial port are one device (virDomainDefAddConsoleCompat). */
    private static void consoleCompat(DomainDef def, Devices d) {
        if (!"hvm".equals(def.os.type.value)) {
            return;
        }
        ChrDef console = d.consoles.isEmpty() ? null : d.consoles.get(0);
        if (console == null || !"serial".equals(console.target.type)) {
            // an ISA serial port is also the first console, in front of any other
            ChrDef serial = d.serials.isEmpty() ? null : d.serials.get(0);
            if (serial != null && (serial.target.type == null || "isa-serial".equals(serial.target.type))) {
                d.consoles.add(0, serialConsole(serial));
            }
            return;
        }
        if (d.serials.isEmpty()) {
            ChrDef serial = XmlCopy.of(console);
            serial.target = new ChrDef.Target();
            serial.target.port = "0";
            d.serials.add(serial);
        } else {
            d.consoles.set(0, serialConsole(d.serials.get(0)));
        }
    }

    /** The console that stands for a serial port: the port itself with a serial console target. */
    private static ChrDef serialConsole(ChrDef serial) {
        ChrDef copy = XmlCopy.of(serial);
        copy.target = new ChrDef.Target();
        copy.target.type = "serial";
        copy.target.port = serial.target.port;
        return copy;
    }

    /** Node sets are bitmaps to libvirt, written back in its canonical form ("0-2,^1" is "0,2"). */
    private static void numatuneNodesets(org.jvirt.conf.domain.Numatune numatune) {
        if (numatune.memory != null) {
            numatune.memory.nodeset = canonicalSet(numatune.memory.nodeset);
        }
        for (var memnode : numatune.memnodes) {
            memnode.nodeset = canonicalSet(memnode.nodeset);
        }
    }

    private static String canonicalSet(String text) {
        if (text == null) {
            return null;
        }
        try {
            var ids = CpuSets.parse(text, "nodeset");
            return ids.isEmpty() ? text : CpuSets.format(ids);
        } catch (RuntimeException e) {
            return text;  // a malformed set is refused by the checks that read it
        }
    }

    /** A USB redirection filter rule's -1 means any value, which libvirt leaves out of the XML. */
    private static void redirFilterAnyValues(Devices d) {
        if (d.redirfilter == null) {
            return;
        }
        for (var u : d.redirfilter.usbdevs) {
            u.classAttr = anyIsNull(u.classAttr);
            u.vendor = anyIsNull(u.vendor);
            u.product = anyIsNull(u.product);
            u.version = anyIsNull(u.version);
        }
    }

    private static String anyIsNull(String value) {
        return value != null && value.strip().equals("-1") ? null : value;
    }

    // ---- input, graphics, video

    private static void parseInputs(DomainDef def, Devices d) {
        for (var in : d.inputs) {
            if (in.type == null) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.DOMAIN, "missing input device type");
            }
            checkEnum("type", "input", in.type, INPUT_TYPES);
            boolean pointer = in.type.equals("mouse") || in.type.equals("keyboard") || in.type.equals("tablet");
            if (in.bus == null && pointer) {
                String os = def.os.type.value;
                if (in.type.equals("tablet")) {
                    in.bus = "usb";
                } else if (os.equals("hvm")) {
                    in.bus = "ps2";
                } else if (os.equals("xen") || os.equals("linux")) {
                    in.bus = "xen";
                }
            }
        }
    }

    private static void parseGraphics(Devices d) {
        for (GraphicsDef g : d.graphics) {
            if (g.type == null) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.DOMAIN,
                        "missing graphics device type");
            }
            checkEnum("type", "graphics", g.type, GRAPHICS_TYPES);
            if (!g.type.equals("vnc") && !g.type.equals("spice") && !g.type.equals("rdp")) {
                continue;
            }
            if (g.type.equals("vnc") && g.socket != null) {
                if (!g.listens.isEmpty() && "socket".equals(g.listens.get(0).type)
                        && g.listens.get(0).socket != null && !g.socket.equals(g.listens.get(0).socket)) {
                    throw xmlError("graphics 'socket' attribute '" + g.socket + "' does not match 'socket' "
                            + "attribute of first listen element (found '" + g.listens.get(0).socket + "')");
                }
                GraphicsDef.Listen l = new GraphicsDef.Listen();
                l.type = "socket";
                l.socket = g.socket;
                g.listens.clear();
                g.listens.add(l);
                g.port = null;
                g.autoport = null;
                g.listen = null;
                continue;
            }
            if ("yes".equals(g.autoport)) {
                g.port = g.type.equals("vnc") ? "-1" : g.port;
            } else if (g.port == null && g.autoport == null) {
                if (g.type.equals("vnc")) {
                    g.port = "-1";
                    g.autoport = "yes";
                }
            } else if (g.port != null && g.autoport == null) {
                g.autoport = "-1".equals(g.port) ? "yes" : "no";
            }
            if (g.listens.isEmpty()) {
                GraphicsDef.Listen l = new GraphicsDef.Listen();
                l.type = "address";
                l.address = g.listen;
                g.listens.add(l);
            } else {
                GraphicsDef.Listen first = g.listens.get(0);
                if (first.type == null) {
                    first.type = first.network != null ? "network" : first.socket != null ? "socket" : "address";
                }
                if ("address".equals(first.type)) {
                    if (first.address != null && g.listen != null && !first.address.equals(g.listen)) {
                        throw xmlError("graphics 'listen' attribute '" + g.listen + "' must match 'address' "
                                + "attribute of first listen element (found '" + first.address + "')");
                    }
                    if (first.address == null && g.listen != null) {
                        first.address = g.listen;
                    }
                    g.listen = first.address;
                } else {
                    g.listen = null;
                }
            }
            spiceListensNowhere(g);
        }
    }

    /**
     * A SPICE display with no port, no TLS port and no automatic port listens nowhere: libvirt says so with a
     * listen of type none (virDomainDefPostParseGraphics).
     */
    private static void spiceListensNowhere(GraphicsDef g) {
        GraphicsDef.Listen first = g.listens.get(0);
        if (g.type.equals("spice") && "address".equals(first.type) && isZeroPort(g.port) && isZeroPort(g.tlsPort)
                && !"yes".equals(g.autoport)) {
            first.type = "none";
            first.address = null;
            g.listen = null;
        }
    }

    private static boolean isZeroPort(String port) {
        return port == null || port.strip().equals("0");
    }

    private static void parseVideos(DomainDef def, Devices d, DomainParseOptions opts) {
        if (d.videos.isEmpty() && !d.graphics.isEmpty()) {
            d.videos.add(new VideoDef());
        }
        boolean primary = false;
        for (VideoDef v : d.videos) {
            if (v.model == null) {
                v.model = new VideoDef.Model();
            }
            VideoDef.Model m = v.model;
            if (m.type == null || m.type.equals("default")) {
                String t = opts.defaultVideoType().apply(def);
                m.type = t == null ? "default" : t;
            }
            if (!VIDEO_TYPES.contains(m.type)) {
                throw unsupported("unknown video model '" + m.type + "'");
            }
            if (m.vram == null) {
                int vram = defaultVram(def, m.type);
                if (vram > 0) {
                    m.vram = Integer.toString(vram);
                }
            }
            if (m.type.equals("qxl") && m.ram == null) {
                m.ram = "65536";
            }
            if (m.heads == null && !m.type.equals("none")) {
                m.heads = "1";
            }
            if ("yes".equals(m.primary)) {
                primary = true;
            }
        }
        if (!primary && !d.videos.isEmpty() && !"none".equals(d.videos.get(0).model.type)) {
            d.videos.get(0).model.primary = "yes";
        }
    }

    private static int defaultVram(DomainDef def, String type) {
        return switch (type) {
            case "vga", "cirrus", "vmvga" -> "vbox".equals(def.type) ? 8 * 1024
                    : "vmware".equals(def.type) ? 4 * 1024 : 16 * 1024;
            case "bochs" -> 16 * 1024;
            case "xen" -> 4 * 1024;
            case "qxl" -> 64 * 1024;
            default -> 0;
        };
    }

    private static void checkAddresses(Devices d) {
        List<DeviceAddress> all = new ArrayList<>();
        d.disks.forEach(x -> all.add(x.address));
        d.controllers.forEach(x -> all.add(x.address));
        d.interfaces.forEach(x -> all.add(x.address));
        d.inputs.forEach(x -> all.add(x.address));
        d.videos.forEach(x -> all.add(x.address));
        d.sounds.forEach(x -> all.add(x.address));
        if (d.memballoon != null) {
            all.add(d.memballoon.address);
        }
        if (d.watchdog != null) {
            all.add(d.watchdog.address);
        }
        for (DeviceAddress a : all) {
            if (a == null) {
                continue;
            }
            if (a.type == null) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.DOMAIN, "No type specified for device address");
            }
            if (!ADDRESS_TYPES.contains(a.type)) {
                throw unsupported("unknown address type '" + a.type + "'");
            }
            if (a.type.equals("pci")) {
                pciField(a.domain, "domain", 0xffff);
                pciField(a.bus, "bus", 0xff);
                pciField(a.slot, "slot", 0x1f);
                pciField(a.function, "function", 7);
            }
        }
    }

    private static void pciField(String v, String what, int max) {
        if (v == null) {
            return;
        }
        long n = parseNumber(v, "Cannot parse <address> '" + what + "' attribute");
        if (n < 0 || n > max) {
            // libvirt's virPCIDeviceAddressIsValid words the function differently from the others
            throw xmlError(what.equals("function")
                    ? "Invalid PCI address function=0x" + Long.toHexString(n) + ", must be <= " + max
                    : "Invalid PCI address " + what + "='0x" + Long.toHexString(n) + "', must be <= 0x"
                            + Integer.toHexString(max).toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** Numbers as libvirt's address attributes take them: decimal, or hex with 0x, or octal with a leading 0. */
    public static long parseNumber(String v, String error) {
        String s = v.strip();
        try {
            if (s.startsWith("0x") || s.startsWith("0X")) {
                return Long.parseLong(s.substring(2), 16);
            }
            if (s.length() > 1 && s.startsWith("0")) {
                return Long.parseLong(s.substring(1), 8);
            }
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw xmlError(error);
        }
    }

    // ---- errors

    private static void checkEnum(String attr, String element, String value, List<String> allowed) {
        if (!allowed.contains(value)) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.XML, "Invalid value for attribute '" + attr
                    + "' in element '" + element + "': '" + value + "'.");
        }
    }

    static VirtException xmlError(String detail) {
        return new VirtException(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN, detail);
    }

    static VirtException unsupported(String detail) {
        return new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.DOMAIN, detail);
    }

    static int parseIntOr(String s, int dflt) {
        if (s == null) {
            return dflt;
        }
        try {
            return (int) parseNumber(s, "");
        } catch (VirtException e) {
            return dflt;
        }
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
