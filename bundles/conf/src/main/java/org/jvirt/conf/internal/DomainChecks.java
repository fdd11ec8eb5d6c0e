package org.jvirt.conf.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.conf.domain.Alias;
import org.jvirt.conf.domain.AudioDef;
import org.jvirt.conf.domain.BootOrder;
import org.jvirt.conf.domain.ChrDef;
import org.jvirt.conf.domain.ControllerDef;
import org.jvirt.conf.domain.CpuDef;
import org.jvirt.conf.domain.Devices;
import org.jvirt.conf.domain.DiskDef;
import org.jvirt.conf.domain.DomainDef;
import org.jvirt.conf.domain.FilesystemDef;
import org.jvirt.conf.domain.LeaseDef;
import org.jvirt.conf.domain.MemoryDeviceDef;
import org.jvirt.conf.domain.NetDef;
import org.jvirt.conf.domain.PanicDef;
import org.jvirt.conf.domain.SecLabel;
import org.jvirt.conf.domain.ShmemDef;
import org.jvirt.conf.domain.TpmDef;
import org.jvirt.conf.domain.VideoDef;

/**
 * libvirt's checks of a domain as a whole and of single devices that are more than one attribute's value (its
 * parse functions' required parts, and virDomainDefValidate's duplicates and ranges), each failing with libvirt's
 * sentence. {@link #beforeDefaults} runs on the document as given, {@link #afterPostParse} once defaults are filled,
 * as libvirt validates after its post-parse.
 */
final class DomainChecks {
    private DomainChecks() {
    }

    /** The checks that must see the document before jvirt fills libvirt's defaults. */
    static void beforeDefaults(DomainDef def) {
        if (def.title != null && (def.title.indexOf('\n') >= 0)) {
            throw xml("Domain title can't contain newlines");
        }
        if (def.genid != null && !def.genid.isEmpty() && !isUuid(def.genid)) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.DOMAIN, "malformed genid element");
        }
        if (def.onLockfailure != null && !Set.of("default", "poweroff", "restart", "pause", "ignore")
                .contains(def.onLockfailure)) {
            throw unsupported("unknown on_lockfailure action: " + def.onLockfailure);
        }
        if (def.iothreads != null && !isUnsigned(def.iothreads)) {
            throw xml("invalid iothreads count '" + def.iothreads + "'");
        }
        if (def.clock != null && "timezone".equals(def.clock.offset) && def.clock.timezone == null) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.DOMAIN,
                    "missing 'timezone' attribute for clock with offset='timezone'");
        }
        for (SecLabel s : def.seclabels) {
            if ("static".equals(s.type) && s.label == null && !"no".equals(s.relabel)) {
                throw xml("security label is missing");
            }
            if ("none".equals(s.type) && "yes".equals(s.relabel)) {
                throw unsupported("resource relabeling is not compatible with 'none' label type");
            }
        }
        if (def.cputune != null) {
            if (def.cputune.shares != null && !isUnsigned(def.cputune.shares)) {
                throw xml("can't parse cputune shares value");
            }
            range("period", def.cputune.period, 1000, 1000000);
            range("quota", def.cputune.quota, 1000, 17592186044415L);
        }
        if (def.cpu != null) {
            for (CpuDef.Feature f : def.cpu.features) {
                if (f.name == null) {
                    throw xml("Invalid CPU feature name");
                }
            }
            if (def.cpu.numa != null) {
                checkNuma(def.cpu.numa);
            }
        }
        if (def.cputune != null) {
            Set<String> pinned = new HashSet<>();
            for (var pin : def.cputune.vcpupins) {
                if (pin.vcpu != null && !pinned.add(pin.vcpu.strip())) {
                    throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.DOMAIN,
                            "duplicate vcpupin for vcpu '" + pin.vcpu.strip() + "'");
                }
                bitmap(pin.cpuset);
            }
            if (def.cputune.emulatorpin != null) {
                bitmap(def.cputune.emulatorpin.cpuset);
            }
            for (var pin : def.cputune.iothreadpins) {
                bitmap(pin.cpuset);
            }
        }
        if (def.numatune != null && def.numatune.memory != null) {
            bitmap(def.numatune.memory.nodeset);
        }
        if (def.features != null && def.features.hyperv != null && def.features.hyperv.spinlocks != null
                && "on".equals(def.features.hyperv.spinlocks.state)) {
            String r = def.features.hyperv.spinlocks.retries;
            if (r != null && isUnsigned(r) && Long.parseLong(r.strip()) < 4095) {
                throw xml("HyperV spinlock retry count must be at least 4095");
            }
        }
        for (var info : def.sysinfos) {
            if (info.bios != null) {
                for (var e : info.bios.entries) {
                    if ("date".equals(e.name) && e.value != null
                            && !e.value.matches("(0[1-9]|1[0-2])/(0[1-9]|[12][0-9]|3[01])/([0-9]{2}|[0-9]{4})")) {
                        throw detail("Invalid BIOS 'date' format");
                    }
                }
            }
            if (info.system != null) {
                for (var e : info.system.entries) {
                    if ("uuid".equals(e.name) && e.value != null && !isUuid(e.value.strip())) {
                        throw detail("malformed <sysinfo> uuid element");
                    }
                }
            }
        }
        if (def.memtune != null) {
            unit(def.memtune.hardLimit);
            unit(def.memtune.softLimit);
            unit(def.memtune.minGuarantee);
            unit(def.memtune.swapHardLimit);
        }
        if (def.features != null) {
            if (def.features.smm != null) {
                unit(def.features.smm.tseg);
            }
            if (def.features.tcg != null) {
                unit(def.features.tcg.tbCache);
            }
        }
        if (def.memoryBacking != null && def.memoryBacking.hugepages != null) {
            for (var page : def.memoryBacking.hugepages.pages) {
                if (page.size != null && !isUnsigned(page.size)) {
                    throw xml("Invalid value '" + page.size + "' for element or attribute './@size'");
                }
            }
        }
        if (def.idmap != null) {
            for (var id : def.idmap.uids) {
                idmap(id.start, id.target, id.count);
            }
            for (var id : def.idmap.gids) {
                idmap(id.start, id.target, id.count);
            }
        }
        if (def.cputune != null && !def.cputune.iothreadpins.isEmpty()) {
            Set<String> ids = new HashSet<>();
            if (def.iothreadids != null && !def.iothreadids.iothreads.isEmpty()) {
                def.iothreadids.iothreads.forEach(t -> ids.add(t.id == null ? "" : t.id.strip()));
            } else if (def.iothreads != null && isUnsigned(def.iothreads)) {
                for (long i = 1; i <= Long.parseLong(def.iothreads.strip()); i++) {
                    ids.add(Long.toString(i));
                }
            }
            for (var pin : def.cputune.iothreadpins) {
                if (pin.iothread != null && isUnsigned(pin.iothread) && !ids.contains(pin.iothread.strip())) {
                    throw unsupported("Cannot find 'iothread' : " + pin.iothread.strip());
                }
            }
        }
        if (def.keywrap != null) {
            Set<String> names = new HashSet<>();
            for (var c : def.keywrap.ciphers) {
                if (c.name != null && !names.add(c.name)) {
                    throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.DOMAIN,
                            "A domain definition can have no more than one cipher node with name " + c.name);
                }
            }
        }
        if (def.blkiotune != null) {
            Set<String> paths = new HashSet<>();
            for (var d : def.blkiotune.devices) {
                if (d.path != null && !paths.add(d.path)) {
                    throw unsupported("duplicate blkio device path '" + d.path + "'");
                }
            }
        }
        if (def.iothreadids != null) {
            Set<String> ids = new HashSet<>();
            for (var t : def.iothreadids.iothreads) {
                if (t.id != null && !ids.add(t.id.strip())) {
                    throw xml("duplicate iothread id '" + t.id.strip() + "' found");
                }
            }
        }
        Devices d = def.devices;
        if (d == null) {
            return;
        }
        boolean deviceBoot = false;
        for (Object dev : devices(d)) {
            if (property(dev, "boot") instanceof BootOrder) {
                deviceBoot = true;
            }
        }
        if (deviceBoot && def.os != null && !def.os.boots.isEmpty()) {
            throw unsupported("per-device boot elements cannot be used together with os/boot elements");
        }
        for (DiskDef disk : d.disks) {
            checkDisk(disk);
        }
        for (NetDef n : d.interfaces) {
            checkInterface(n);
        }
        for (FilesystemDef fs : d.filesystems) {
            if (fs.source == null && !"ram".equals(fs.type)) {
                throw new VirtException(ErrorCode.NO_SOURCE, ErrorDomain.DOMAIN,
                        fs.target == null ? null : fs.target.dir);
            }
            if (fs.target == null || fs.target.dir == null) {
                throw new VirtException(ErrorCode.NO_TARGET, ErrorDomain.DOMAIN,
                        fs.source == null ? null : fs.source.dir);
            }
        }
        for (TpmDef t : d.tpms) {
            if (t.backend == null) {
                throw xml("missing TPM device backend");
            }
        }
        for (ShmemDef s : d.shmems) {
            if (s.name == null) {
                throw xml("shmem element must contain 'name' attribute");
            }
        }
        for (LeaseDef l : d.leases) {
            if (l.key == null) {
                throw xml("Missing 'key' element for lease");
            }
        }
        for (MemoryDeviceDef m : d.memories) {
            if (m.target != null && m.target.size == null && !"sgx-epc".equals(m.model)
                    && !"virtio-pmem".equals(m.model)) {
                throw xml("missing element or attribute './size'");
            }
        }
        for (ChrDef c : d.serials) {
            checkChr(c, false);
        }
        for (ChrDef c : d.parallels) {
            checkChr(c, false);
        }
        for (ChrDef c : d.consoles) {
            checkChr(c, false);
        }
        for (ChrDef c : d.channels) {
            checkChr(c, true);
        }
        for (var g : d.graphics) {
            if ("vnc".equals(g.type) && g.port != null && !g.port.strip().matches("-?[0-9]+")) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.DOMAIN,
                        "cannot parse vnc port " + g.port);
            }
        }
        for (var in : d.inputs) {
            if ("ps2".equals(in.bus) && !"mouse".equals(in.type) && !"keyboard".equals(in.type)) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.DOMAIN,
                        "ps2 bus does not support " + in.type + " input device");
            }
        }
        for (var rng : d.rngs) {
            if (rng.rate != null && rng.rate.bytes != null && !isUnsigned(rng.rate.bytes)) {
                throw xml("invalid RNG rate bytes value");
            }
        }
        for (VideoDef v : d.videos) {
            if (v.model != null) {
                if (v.model.vram != null && !isUnsigned(v.model.vram)) {
                    throw xml("cannot parse video vram '" + v.model.vram + "'");
                }
                if (v.model.heads != null && !isUnsigned(v.model.heads)) {
                    throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.DOMAIN,
                            "cannot parse video heads '" + v.model.heads + "'");
                }
            }
        }
    }

    /** virDomainDefValidate's checks across devices, on the definition with its defaults. */
    static void afterPostParse(DomainDef def) {
        Devices d = def.devices;
        if (d == null) {
            return;
        }
        for (DiskDef disk : d.disks) {
            checkDiskSource(disk);
        }
        for (int i = 0; i < d.disks.size(); i++) {
            DiskDef a = d.disks.get(i);
            for (int j = i + 1; j < d.disks.size(); j++) {
                DiskDef b = d.disks.get(j);
                if (a.target != null && b.target != null && Objects.equals(a.target.dev, b.target.dev)) {
                    throw xml("target '" + a.target.dev + "' duplicated for disk sources '" + source(a) + "' and '"
                            + source(b) + "'");
                }
            }
        }
        if (def.maxMemory != null && def.memory != null && def.maxMemory.kib > 0
                && def.maxMemory.kib < def.memory.kib) {
            throw xml("maximum memory size must be equal or greater than the actual memory size");
        }
        if (def.vcpus != null && def.vcpu != null) {
            for (var v : def.vcpus.vcpus) {
                if (v.id != null && isUnsigned(v.id) && Long.parseLong(v.id.strip()) >= def.vcpu.count) {
                    throw xml("vcpu id '" + v.id.strip() + "' is out of range of maximum vcpu count");
                }
            }
        }
        if (def.cpu != null && def.cpu.numa != null && def.vcpu != null) {
            int cpus = 0;
            for (CpuDef.Numa.Cell cell : def.cpu.numa.cells) {
                try {
                    cpus += cell.cpus == null ? 0 : CpuSets.parse(cell.cpus, "cpus").size();
                } catch (RuntimeException e) {
                    // a malformed set is refused where the cell's cpus are read
                }
            }
            if (cpus > def.vcpu.count) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.DOMAIN,
                        "Number of CPUs in <numa> exceeds the <vcpu> count");
            }
        }
        Set<String> controllers = new HashSet<>();
        for (ControllerDef c : d.controllers) {
            // a USB companion controller (UHCI beside an EHCI) shares its master's index
            boolean companion = c.master != null || "usb".equals(c.type) && c.model != null
                    && c.model.startsWith("ich9-uhci");
            if (c.type != null && c.index != null && !companion && !controllers.add(c.type + "/" + c.index)) {
                throw xml("Multiple '" + c.type + "' controllers with index '" + c.index + "'");
            }
        }
        for (int i = 0; i < d.disks.size(); i++) {
            DiskDef a = d.disks.get(i);
            if (a.address == null || !"drive".equals(a.address.type)) {
                continue;
            }
            for (int j = i + 1; j < d.disks.size(); j++) {
                DiskDef b = d.disks.get(j);
                if (b.address != null && "drive".equals(b.address.type)
                        && Objects.equals(a.target.bus, b.target.bus) && sameDrive(a, b)) {
                    throw unsupported("Found duplicate drive address for disk with target name '" + a.target.dev
                            + "' controller='" + num(a.address.controller) + "' bus='" + num(a.address.bus)
                            + "' target='" + num(a.address.target) + "' unit='" + num(a.address.unit) + "'");
                }
            }
        }
        Set<String> panics = new HashSet<>();
        for (PanicDef p : d.panics) {
            String model = p.model == null ? "default" : p.model;
            if (!panics.add(model)) {
                throw xml("Multiple panic devices with model '" + model + "'");
            }
        }
        int primaries = 0;
        for (VideoDef v : d.videos) {
            if (v.model != null && "yes".equals(v.model.primary) && ++primaries > 1) {
                throw unsupported("Only one primary video device is supported");
            }
        }
        Set<String> audioIds = new HashSet<>();
        for (AudioDef a : d.audios) {
            if (a.id != null && !audioIds.add(a.id.strip())) {
                throw xml("audio ID " + a.id.strip() + " is used multiple times");
            }
        }
        Set<String> aliases = new HashSet<>();
        Map<String, Boolean> bootOrders = new HashMap<>();
        List<Object> all = devices(d);
        if (!d.serials.isEmpty() && !d.consoles.isEmpty() && "serial".equals(d.consoles.get(0).target.type)) {
            // the first console stands for the first serial port: one device, counted once (as libvirt iterates)
            all.remove(d.consoles.get(0));
        }
        for (Object dev : all) {
            if (property(dev, "alias") instanceof Alias a && a.name != null && !aliases.add(a.name)) {
                throw unsupported("non unique alias detected: " + a.name);
            }
            if (property(dev, "boot") instanceof BootOrder b && b.order != null
                    && bootOrders.put(b.order.strip(), Boolean.TRUE) != null) {
                throw unsupported("boot order '" + b.order.strip() + "' used for more than one device");
            }
        }
    }

    // ---- single devices

    private static void checkDisk(DiskDef disk) {
        if (disk.vendor != null && disk.vendor.length() > 8) {
            throw unsupported("disk vendor is more than 8 characters");
        }
        if (disk.product != null && disk.product.length() > 16) {
            throw unsupported("disk product is more than 16 characters");
        }
        if (disk.wwn != null && !disk.wwn.matches("(0x)?[0-9a-fA-F]{16}")) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.DOMAIN, "Malformed wwn: " + disk.wwn);
        }
        if (disk.target != null && disk.target.bus != null && disk.device != null) {
            boolean floppy = "floppy".equals(disk.device);
            if (floppy != "fdc".equals(disk.target.bus)) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.DOMAIN, "Invalid bus type '"
                        + disk.target.bus + "' for " + (floppy ? "floppy disk" : "disk"));
            }
        }
        if (disk.iotune != null) {
            checkIotune(disk.iotune);
        }
        if (disk.target != null && disk.target.dev != null && disk.address == null
                && DomainPostParse.diskIndex(disk.target.dev) < 0) {
            throw xml("Unknown disk name '" + disk.target.dev + "' and no address specified");
        }
    }

    /**
     * virDomainDiskDefValidate on the disk's source (its type already reset to file where it has none): a lun is a
     * block device, an iSCSI LUN or a pool's volume, and only cdroms, floppies and luns may have no medium.
     */
    private static void checkDiskSource(DiskDef disk) {
        if ("lun".equals(disk.device)) {
            if ("network".equals(disk.type)) {
                String protocol = disk.source == null || disk.source.protocol == null ? "none" : disk.source.protocol;
                if (!"iscsi".equals(protocol)) {
                    throw unsupported("disk device='lun' is not supported for protocol='" + protocol + "'");
                }
            } else if (!"block".equals(disk.type) && !"volume".equals(disk.type)) {
                throw unsupported("disk device='lun' is only valid for block type disk source");
            }
        }
        if ("disk".equals(disk.device) && emptySource(disk)) {
            throw new VirtException(ErrorCode.NO_SOURCE, ErrorDomain.DOMAIN, disk.target.dev);
        }
    }

    /** libvirt's virStorageSourceIsEmpty: local storage without a path, or a network source without protocol. */
    private static boolean emptySource(DiskDef disk) {
        var s = disk.source;
        return switch (disk.type) {
            case "file" -> s == null || s.file == null;
            case "block" -> s == null || s.dev == null;
            case "dir" -> s == null || s.dir == null;
            case "network" -> s == null || s.protocol == null;
            default -> false;
        };
    }

    /** virDomainDiskDefIotuneParse: every limit a number, a total never with its read/write pair. */
    private static void checkIotune(DiskDef.Iotune t) {
        for (XmlProperty p : XmlClassModel.of(DiskDef.Iotune.class).elements) {
            if (p.kind == XmlProperty.Kind.TEXT && !"group_name".equals(p.name)) {
                Object v = p.get(t);
                if (v != null && !isUnsigned((String) v)) {
                    throw xml("disk iotune field '" + p.name + "' must be an integer");
                }
            }
        }
        exclusive(t.totalBytesSec, t.readBytesSec, t.writeBytesSec, "bytes_sec");
        exclusive(t.totalIopsSec, t.readIopsSec, t.writeIopsSec, "iops_sec");
        exclusive(t.totalBytesSecMax, t.readBytesSecMax, t.writeBytesSecMax, "bytes_sec_max");
        exclusive(t.totalIopsSecMax, t.readIopsSecMax, t.writeIopsSecMax, "iops_sec_max");
    }

    private static void exclusive(String total, String read, String write, String what) {
        if (set(total) && (set(read) || set(write))) {
            throw xml("total and read/write " + what + " cannot be set at the same time");
        }
    }

    private static boolean set(String v) {
        return v != null && !v.strip().equals("0");
    }

    private static void checkInterface(NetDef n) {
        if (("network".equals(n.type) || "bridge".equals(n.type)) && n.source == null) {
            throw xml("interface type='" + n.type + "' requires a 'source' element");
        }
        if (n.mac != null && n.mac.address != null) {
            String first = n.mac.address.strip();
            if (first.length() >= 2 && first.matches("(?i)[0-9a-f]{1,2}([:-][0-9a-f]{1,2}){5}")) {
                int octet = Integer.parseInt(first.split("[:-]")[0], 16);
                if ((octet & 1) != 0) {
                    throw xml("expected unicast mac address, found multicast '" + n.mac.address + "'");
                }
            }
        }
        if (n.vlan != null) {
            for (var t : n.vlan.tags) {
                if (t.id != null && isUnsigned(t.id) && Long.parseLong(t.id.strip()) > 4095) {
                    throw xml("vlan tag id " + t.id.strip() + " too large (maximum 4095)");
                }
            }
        }
        if ("vhostuser".equals(n.type) && n.source != null && n.source.mode == null) {
            throw xml("Missing required attribute 'mode' in element 'source'");
        }
        if (n.bandwidth != null) {
            if (n.bandwidth.inbound != null) {
                rate(n.bandwidth.inbound.average);
            }
            if (n.bandwidth.outbound != null) {
                rate(n.bandwidth.outbound.average);
            }
        }
        for (var ip : n.ips) {
            if (ip.address == null || IpAddresses.parse(ip.address) == null) {
                throw xml("Invalid address '" + ip.address + "' in <ip>");
            }
        }
        for (var r : n.routes) {
            if (r.address == null) {
                throw xml("guest interface: Missing required address attribute in route definition");
            }
        }
        if (n.coalesce != null && n.coalesce.rx != null && n.coalesce.rx.frames != null
                && n.coalesce.rx.frames.max != null && !isUnsigned(n.coalesce.rx.frames.max)) {
            throw detail("cannot parse value '" + n.coalesce.rx.frames.max + "' for coalesce parameter");
        }
        if (n.mtu != null && n.mtu.size != null && !isUnsigned(n.mtu.size)) {
            throw xml("malformed mtu size");
        }
        if ("udp".equals(n.type) && n.source != null && n.source.port == null) {
            throw xml("Missing required attribute 'port' in element 'source'");
        }
    }

    private static void checkChr(ChrDef c, boolean channel) {
        if (channel && c.target != null && "guestfwd".equals(c.target.type)
                && c.target.address == null) {
            throw xml("guestfwd channel does not define a target address");
        }
        if (c.type != null && Set.of("file", "pipe", "dev").contains(c.type)
                && (c.sources.isEmpty() || c.sources.get(0).path == null)) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.DOMAIN,
                    "Missing source path attribute for char device");
        }
        if (c.target != null && c.target.port != null && !isUnsigned(c.target.port)) {
            throw xml("Invalid port number: " + c.target.port);
        }
    }

    // ---- pieces

    /** A size's unit must be one libvirt knows (fails with its INVALID_ARG "unknown suffix"). */
    private static void unit(org.jvirt.conf.domain.MemorySize size) {
        if (size != null && size.unit != null) {
            org.jvirt.util.ScaledSizes.toBytes(1, size.unit, 1024, Long.MAX_VALUE);
        }
    }

    private static void idmap(String start, String target, String count) {
        if (!isUnsigned(start) || !isUnsigned(target) || !isUnsigned(count)) {
            throw xml("invalid idmap start/target/count settings");
        }
    }

    private static void bitmap(String text) {
        if (text == null) {
            return;
        }
        try {
            CpuSets.parse(text, "cpuset");
        } catch (RuntimeException e) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.NONE, "Failed to parse bitmap '" + text + "'");
        }
    }

    private static void rate(String average) {
        if (average != null && !isUnsigned(average)) {
            throw unsupported("could not convert bandwidth average value '" + average + "'");
        }
    }

    private static void checkNuma(CpuDef.Numa numa) {
        Set<String> ids = new HashSet<>();
        for (CpuDef.Numa.Cell cell : numa.cells) {
            if (cell.id != null && !ids.add(cell.id.strip())) {
                throw xml("Duplicate NUMA cell info for cell id '" + cell.id.strip() + "'");
            }
            if (cell.memory == null) {
                throw xml("missing element or attribute './@memory'");
            }
        }
        List<Set<Integer>> sets = new ArrayList<>();
        for (CpuDef.Numa.Cell cell : numa.cells) {
            Set<Integer> cpus = new HashSet<>();
            if (cell.cpus != null) {
                try {
                    cpus.addAll(CpuSets.parse(cell.cpus, "cpus"));
                } catch (RuntimeException e) {
                    // a malformed set is refused where the cell's cpus are read
                }
            }
            for (int j = 0; j < sets.size(); j++) {
                for (Integer cpu : cpus) {
                    if (sets.get(j).contains(cpu)) {
                        throw unsupported("NUMA cells " + sets.size() + " and " + j + " have overlapping vCPU ids");
                    }
                }
            }
            sets.add(cpus);
        }
    }

    private static void range(String name, String value, long min, long max) {
        if (value == null) {
            return;
        }
        long v;
        try {
            v = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return;
        }
        if (v > 0 && (v < min || v > max)) {
            throw unsupported("Value of cputune '" + name + "' must be in range [" + min + ", " + max + "]");
        }
    }

    private static boolean sameDrive(DiskDef a, DiskDef b) {
        return num(a.address.controller) == num(b.address.controller) && num(a.address.bus) == num(b.address.bus)
                && num(a.address.target) == num(b.address.target) && num(a.address.unit) == num(b.address.unit);
    }

    private static long num(String v) {
        return v == null ? 0 : DomainPostParse.parseNumber(v, "");
    }

    private static String source(DiskDef disk) {
        var s = disk.source;
        String p = s == null ? null : s.file != null ? s.file : s.dev != null ? s.dev : s.dir != null ? s.dir
                : s.name;
        return p == null ? "<null>" : p;
    }

    /** Every device of {@code d}, in libvirt's order of device kinds. */
    private static List<Object> devices(Devices d) {
        List<Object> out = new ArrayList<>();
        for (XmlProperty p : XmlClassModel.of(Devices.class).elements) {
            if (p.kind != XmlProperty.Kind.OBJECT) {
                continue;
            }
            Object v = p.get(d);
            if (v instanceof List<?> l) {
                out.addAll(l);
            } else if (v != null) {
                out.add(v);
            }
        }
        return out;
    }

    private static Object property(Object device, String element) {
        XmlProperty p = XmlClassModel.of(device.getClass()).element(null, element);
        return p == null || p.list ? null : p.get(device);
    }

    static boolean isUnsigned(String v) {
        return v != null && v.strip().matches("\\+?[0-9]+");
    }

    private static boolean isUuid(String v) {
        String hex = v.replace("-", "").replace(" ", "");
        return hex.matches("[0-9a-fA-F]{32}");
    }

    private static VirtException xml(String detail) {
        return new VirtException(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN, detail);
    }

    private static VirtException detail(String message) {
        return new VirtException(ErrorCode.XML_DETAIL, ErrorDomain.DOMAIN, message);
    }

    private static VirtException unsupported(String detail) {
        return new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.DOMAIN, detail);
    }
}
