package org.jvirt.conf.internal;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import org.jvirt.conf.DomainParseOptions;
import org.jvirt.conf.domain.BackingStore;
import org.jvirt.conf.domain.ChrSource;
import org.jvirt.conf.domain.DeviceSecLabel;
import org.jvirt.conf.domain.Devices;
import org.jvirt.conf.domain.DiskDef;
import org.jvirt.conf.domain.FilesystemDef;
import org.jvirt.conf.domain.MemorySize;
import org.jvirt.conf.domain.NetDef;
import org.jvirt.conf.domain.NetIp;
import org.jvirt.conf.domain.RedirdevDef;
import org.jvirt.conf.domain.RngDef;
import org.jvirt.conf.domain.SecLabel;
import org.jvirt.conf.domain.SoundDef;
import org.jvirt.conf.domain.StorageFormat;
import org.jvirt.conf.domain.StorageSource;
import org.jvirt.conf.domain.VideoDef;
import org.jvirt.util.ScaledSizes;

/**
 * What libvirt's device parsers and its generic device post-parse (virDomainDeviceDefPostParseCommon) do to single
 * devices whatever the driver: values kept in libvirt's internal form (enums, sizes in bytes, octal modes), parts
 * libvirt reads only for some types or only from live status, and the defaults it fills in.
 */
final class DeviceDefaults {
    /** libvirt's NIC models (virDomainNetModel), matched without regard to case; others stay as written. */
    private static final List<String> NET_MODELS = List.of("netfront", "rtl8139", "virtio", "e1000", "e1000e",
            "igb", "virtio-transitional", "virtio-non-transitional", "usb-net", "spapr-vlan", "lan9118",
            "scm91c111", "vlance", "vmxnet", "vmxnet2", "vmxnet3", "Am79C970A", "Am79C973", "82540EM", "82545EM",
            "82543GC");

    private DeviceDefaults() {
    }

    static void apply(Devices d, DomainParseOptions opts) {
        for (DiskDef disk : d.disks) {
            disk(disk, opts);
        }
        for (NetDef n : d.interfaces) {
            net(n);
            ipFamilies(n.ips);
            if (n.source != null) {
                ipFamilies(n.source.ips);
            }
        }
        for (var h : d.hostdevs) {
            ipFamilies(h.ips);
        }
        for (FilesystemDef fs : d.filesystems) {
            filesystem(fs);
        }
        for (SoundDef s : d.sounds) {
            if ("virtio".equals(s.model) && s.streams == null) {
                s.streams = "2";
            }
        }
        for (RngDef r : d.rngs) {
            if (r.backend != null && "random".equals(r.backend.model)
                    && (r.backend.value == null || r.backend.value.isBlank())) {
                r.backend.value = "/dev/random";
            }
        }
        for (RedirdevDef r : d.redirdevs) {
            if ("dbus".equals(r.type)) {
                if (r.source == null) {
                    r.source = new ChrSource();
                }
                if (r.source.channel == null) {
                    // QEMU's usbredir channel name on the D-Bus display
                    r.source.channel = "org.qemu.usbredir";
                }
            }
        }
        for (VideoDef v : d.videos) {
            if (v.model != null && !"yes".equals(v.model.primary)) {
                // libvirt keeps a flag that only 'yes' sets, and writes it only when set
                v.model.primary = null;
            }
        }
    }

    // ---- disks

    private static void disk(DiskDef disk, DomainParseOptions opts) {
        if (disk.target != null && "closed".equals(disk.target.tray)) {
            disk.target.tray = null;  // a closed tray is the default, which libvirt does not write
        }
        if (disk.driver != null) {
            if ("default".equals(disk.driver.cache)) {
                disk.driver.cache = null;
            }
            if (disk.driver.metadataCache != null) {
                inBytes(disk.driver.metadataCache.maxSize);
            }
        }
        boolean readonly = disk.readonly != null;
        if (disk.snapshot == null && "vhostuser".equals(disk.type)) {
            disk.snapshot = "no";  // vhost-user storage cannot be snapshotted
        } else if (readonly && "no".equals(disk.snapshot)) {
            disk.snapshot = null;  // libvirt's default for a read-only disk, and not written for one
        }
        if (disk.source != null) {
            deviceLabels(disk.source.seclabels, opts);
            if ("network".equals(disk.type) && "iscsi".equals(disk.source.protocol) && disk.source.name != null
                    && disk.source.name.indexOf('/') < 0) {
                disk.source.name = disk.source.name + "/0";  // LUN 0 of a target named without one
            }
            source(disk.source, disk.type);
        }
        for (BackingStore b = disk.backingStore; b != null; b = b.backingStore) {
            if (opts.inactive()) {
                b.index = null;  // the index of a chain element is read from live status only
            }
            if (b.source != null) {
                deviceLabels(b.source.seclabels, opts);
                source(b.source, b.type);
            }
            if (b.format != null) {
                metadataCache(b.format);
            }
        }
    }

    /**
     * A device's security labels as a definition keeps them: labelskip is live state, a label makes relabelling
     * explicit, and one that would only repeat the defaults (relabel, no label) is not kept.
     */
    private static void deviceLabels(List<DeviceSecLabel> labels, DomainParseOptions opts) {
        if (!opts.inactive()) {
            return;
        }
        for (Iterator<DeviceSecLabel> i = labels.iterator(); i.hasNext();) {
            DeviceSecLabel l = i.next();
            l.labelskip = null;
            if ("no".equals(l.relabel)) {
                continue;
            }
            if (l.label == null) {
                i.remove();
            } else {
                l.relabel = "yes";
            }
        }
    }

    /**
     * The domain's security labels read as a definition: a label only for a static one (a dynamic one's is made at
     * start), no image label, a base label only for a dynamic one (virSecurityLabelDefParseXML).
     */
    static void domainLabels(List<SecLabel> labels, DomainParseOptions opts) {
        if (!opts.inactive()) {
            return;
        }
        for (SecLabel l : labels) {
            if (!"static".equals(l.type)) {
                l.label = null;
            }
            l.imagelabel = null;
            if (!"dynamic".equals(l.type)) {
                l.baselabel = null;
            }
        }
    }

    private static void metadataCache(StorageFormat f) {
        if (f.metadataCache != null) {
            inBytes(f.metadataCache.maxSize);
        }
    }

    /** A network source's hosts get their protocol's default port (virStorageSourceNetworkAssignDefaultPorts). */
    private static void source(StorageSource s, String type) {
        if (!"network".equals(type) || s.protocol == null) {
            return;
        }
        String port = defaultPort(s.protocol);
        if (port == null) {
            return;
        }
        for (StorageSource.Host h : s.hosts) {
            if ((h.transport == null || "tcp".equals(h.transport)) && (h.port == null || isZero(h.port))) {
                h.port = port;
            }
        }
    }

    private static String defaultPort(String protocol) {
        return switch (protocol) {
            case "http" -> "80";
            case "https" -> "443";
            case "ftp" -> "21";
            case "ftps" -> "990";
            case "tftp" -> "69";
            case "sheepdog" -> "7000";
            case "nbd" -> "10809";
            case "ssh" -> "22";
            case "iscsi" -> "3260";
            case "gluster" -> "24007";
            case "vxhs" -> "9999";
            default -> null;
        };
    }

    private static boolean isZero(String port) {
        try {
            return Long.parseLong(port.strip()) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** A size libvirt keeps in bytes and writes with unit='bytes'. */
    private static void inBytes(MemorySize m) {
        if (m == null || m.text == null) {
            return;
        }
        Long v = XmlValues.parseLong(m.text.strip(), 10);
        if (v == null || v < 0) {
            return;  // a malformed size is refused by the attribute rules
        }
        m.text = Long.toString(ScaledSizes.toBytes(v, m.unit, 1, Long.MAX_VALUE));
        m.unit = "bytes";
    }

    // ---- interfaces

    private static void net(NetDef n) {
        if (n.model != null && n.model.type != null) {
            for (String known : NET_MODELS) {
                if (known.equalsIgnoreCase(n.model.type)) {
                    n.model.type = known;
                    break;
                }
            }
        }
        if ("hostdev".equals(n.type) && n.driver != null) {
            // a host device NIC's driver names its assignment backend; virtio tuning means nothing to it
            String name = n.driver.name;
            n.driver = name == null ? null : new NetDef.Driver();
            if (n.driver != null) {
                n.driver.name = name;
            }
        }
        if (n.filterref != null && !List.of("ethernet", "network", "bridge").contains(n.type)) {
            n.filterref = null;  // libvirt reads a traffic filter only for the types it can apply one to
        }
        if (n.coalesce != null) {
            NetDef.Coalesce.Rx rx = n.coalesce.rx;
            if (rx == null || rx.frames == null || rx.frames.max == null || isZero(rx.frames.max)) {
                n.coalesce = null;  // only a non-zero frame count is kept
            }
        }
    }

    /** libvirt keeps an address, whose family it always writes. */
    private static void ipFamilies(List<NetIp> ips) {
        for (NetIp ip : ips) {
            if (ip.family == null && ip.address != null) {
                ip.family = ip.address.indexOf(':') >= 0 ? "ipv6" : "ipv4";
            }
        }
    }

    // ---- filesystems

    private static void filesystem(FilesystemDef fs) {
        if (fs.accessmode == null && (fs.source == null || fs.source.socket == null)) {
            fs.accessmode = "passthrough";
        }
        fs.fmode = octalMode(fs.fmode);
        fs.dmode = octalMode(fs.dmode);
    }

    /** libvirt keeps a file mode as a number and writes it in four octal digits. */
    private static String octalMode(String mode) {
        if (mode == null) {
            return null;
        }
        try {
            return String.format(Locale.ROOT, "%04o", Integer.parseInt(mode.strip(), 8));
        } catch (NumberFormatException e) {
            return mode;  // refused by the attribute rules
        }
    }
}
