package org.jvirt.conf.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.conf.nodedev.NodeDeviceDef;
import org.jvirt.conf.nodedev.NodeDeviceDef.Capability;
import org.jvirt.conf.nodedev.NodeDeviceDef.Capability.NestedCapability;

/**
 * Node devices ({@code <device>}) as libvirt's node_device_conf: what an existing device's document gives (the
 * driver, counts and addresses read from sysfs are not taken from it), the numbers in libvirt's bases, and the
 * format, capability type by capability type.
 */
public final class NodeDeviceDocument {
    private static final List<String> CAP_TYPES = List.of("system", "pci", "usb_device", "usb", "net", "scsi_host",
            "scsi_target", "scsi", "storage", "fc_host", "vports", "scsi_generic", "drm", "mdev_types", "mdev", "ccw",
            "css", "vdpa", "ap_card", "ap_queue", "ap_matrix", "vpd");
    private static final List<String> PARSED_TYPES = List.of("system", "pci", "usb_device", "usb", "net",
            "scsi_host", "scsi_target", "scsi", "storage", "drm", "mdev", "ccw", "css", "ap_card", "ap_queue",
            "ap_matrix");
    private static final List<String> NET_FEATURES = List.of("rx", "tx", "sg", "tso", "gso", "gro", "lro", "rxvlan",
            "txvlan", "ntuple", "rxhash", "rdma", "txudptnl", "switchdev");
    private static final List<String> DRM_TYPES = List.of("primary", "control", "render");
    private static final List<String> PCI_HEADER_TYPES = List.of("endpoint", "pci-bridge", "cardbus-bridge");
    private static final List<String> PCIE_SPEEDS = List.of("", "2.5", "5", "8", "16", "32", "64");

    private NodeDeviceDocument() {
    }

    // ---- reading

    /** virNodeDeviceDefParseXML for an existing device. */
    public static void check(NodeDeviceDef def) {
        if (def.name == null && DefinitionScope.whole()) {
            // a device to create (virNodeDeviceCreateXML) is named when it exists
            throw new VirtException(ErrorCode.NO_NAME, ErrorDomain.NODEDEV, null);
        }
        for (NodeDeviceDef.Devnode d : def.devnodes) {
            XmlValues.requiredEnum(d.type, "type", "devnode", List.of("dev", "link"));
        }
        // the driver comes from sysfs, never from the document
        def.driver = null;
        if (def.capabilities.isEmpty()) {
            throw error(ErrorCode.XML_ERROR, "no device capabilities for '" + def.name + "'");
        }
        for (Capability c : def.capabilities) {
            capability(def, c);
        }
    }

    private static void capability(NodeDeviceDef def, Capability c) {
        String type = XmlValues.requiredEnum(c.type, "type", "capability", CAP_TYPES);
        if (!PARSED_TYPES.contains(type)) {
            throw error(ErrorCode.INTERNAL_ERROR, "unknown capability type '" + CAP_TYPES.indexOf(type) + "' for '"
                    + def.name + "'");
        }
        String n = def.name;
        switch (type) {
            case "system" -> {
                if (c.hardware == null || c.hardware.uuid == null) {
                    throw internal("no system UUID supplied for '" + n + "'");
                }
                try {
                    c.hardware.uuid = UUID.fromString(c.hardware.uuid.strip()).toString();
                } catch (IllegalArgumentException e) {
                    throw internal("malformed uuid element for '" + n + "'");
                }
            }
            case "pci" -> pci(n, c);
            case "usb_device" -> {
                c.bus = ulong(c.bus, "no USB bus number supplied for '" + n + "'",
                        "invalid USB bus number supplied for '" + n + "'");
                c.device = ulong(c.device, "no USB device number supplied for '" + n + "'",
                        "invalid USB device number supplied for '" + n + "'");
                hexId(c.vendor == null ? null : c.vendor.id, "no USB vendor ID supplied for '" + n + "'",
                        "invalid USB vendor ID supplied for '" + n + "'");
                hexId(c.product == null ? null : c.product.id, "no USB product ID supplied for '" + n + "'",
                        "invalid USB product ID supplied for '" + n + "'");
            }
            case "usb" -> {
                c.number = ulong(c.number, "no USB interface number supplied for '" + n + "'",
                        "invalid USB interface number supplied for '" + n + "'");
                c.classDef = ulong(c.classDef, "no USB interface class supplied for '" + n + "'",
                        "invalid USB interface class supplied for '" + n + "'");
                c.subclass = ulong(c.subclass, "no USB interface subclass supplied for '" + n + "'",
                        "invalid USB interface subclass supplied for '" + n + "'");
                c.protocol = ulong(c.protocol, "no USB interface protocol supplied for '" + n + "'",
                        "invalid USB interface protocol supplied for '" + n + "'");
            }
            case "net" -> net(n, c);
            case "scsi_host" -> scsiHost(n, c);
            case "scsi_target" -> {
                if (c.target == null) {
                    throw internal("no target name supplied for '" + n + "'");
                }
                for (NestedCapability nc : c.capabilities) {
                    if (nc.type == null) {
                        throw internal("missing type for SCSI target capability for '" + n + "'");
                    }
                    if (!nc.type.equals("fc_remote_port")) {
                        throw internal("unknown SCSI target capability type '" + nc.type + "' for '" + n + "'");
                    }
                    if (nc.rport == null) {
                        throw internal("missing rport name for '" + n + "'");
                    }
                    if (nc.wwpn == null) {
                        throw internal("missing wwpn identifier for '" + n + "'");
                    }
                }
            }
            case "scsi" -> {
                c.host = ulong(c.host, "no SCSI host ID supplied for '" + n + "'",
                        "invalid SCSI host ID supplied for '" + n + "'");
                c.bus = ulong(c.bus, "no SCSI bus ID supplied for '" + n + "'",
                        "invalid SCSI bus ID supplied for '" + n + "'");
                c.target = ulong(c.target, "no SCSI target ID supplied for '" + n + "'",
                        "invalid SCSI target ID supplied for '" + n + "'");
                c.lun = ulong(c.lun, "no SCSI LUN ID supplied for '" + n + "'",
                        "invalid SCSI LUN ID supplied for '" + n + "'");
            }
            case "storage" -> storage(n, c);
            case "drm" -> {
                String t = c.typeElement == null ? null : c.typeElement.value;
                if (t == null || !DRM_TYPES.contains(t)) {
                    throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.NODEDEV,
                            "unknown drm type '" + t + "' for '" + n + "'");
                }
            }
            case "mdev" -> mdev(n, c);
            case "ccw" -> ccw(n, c);
            case "css" -> {
                ccw(n, c);
                mdevTypes(c, "css");
                if (c.channelDevAddr != null) {
                    ccwAddress(n, c.channelDevAddr);
                }
            }
            case "ap_card" -> c.apAdapter = apNumber(c.apAdapter, "ap-adapter", n);
            case "ap_queue" -> {
                c.apAdapter = apNumber(c.apAdapter, "ap-adapter", n);
                c.apDomain = apNumber(c.apDomain, "ap-domain", n);
                if (Long.parseLong(c.apDomain) > 255) {
                    throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.NODEDEV,
                            "ap-domain value '" + c.apDomain + "' is out of range for '" + n + "'");
                }
            }
            case "ap_matrix" -> mdevTypes(c, "ap_matrix");
            default -> {
                // no other type is read from a document
            }
        }
    }

    private static void pci(String n, Capability c) {
        if (c.classDef != null) {
            Long k = XmlValues.parseLong(c.classDef, 16);
            if (k == null || k < 0 || k > 0xffffff) {
                throw internal("invalid PCI class supplied for '" + n + "'");
            }
            c.classDef = k.toString();
        }
        c.domain = ulong(c.domain, "no PCI domain ID supplied for '" + n + "'",
                "invalid PCI domain ID supplied for '" + n + "'");
        c.bus = ulong(c.bus, "no PCI bus ID supplied for '" + n + "'", "invalid PCI bus ID supplied for '" + n + "'");
        c.slot = ulong(c.slot, "no PCI slot ID supplied for '" + n + "'",
                "invalid PCI slot ID supplied for '" + n + "'");
        c.function = ulong(c.function, "no PCI function ID supplied for '" + n + "'",
                "invalid PCI function ID supplied for '" + n + "'");
        hexId(c.vendor == null ? null : c.vendor.id, "no PCI vendor ID supplied for '" + n + "'",
                "invalid PCI vendor ID supplied for '" + n + "'");
        hexId(c.product == null ? null : c.product.id, "no PCI product ID supplied for '" + n + "'",
                "invalid PCI product ID supplied for '" + n + "'");
        String header = null;
        List<NestedCapability> kept = new ArrayList<>();
        for (NestedCapability nc : c.capabilities) {
            if (nc.type == null) {
                throw error(ErrorCode.XML_ERROR, "Missing capability type");
            }
            switch (nc.type) {
                case "phys_function" -> {
                    if (nc.addresses.isEmpty()) {
                        throw error(ErrorCode.XML_ERROR, "Missing address in 'phys_function' capability");
                    }
                    nc.addresses.subList(1, nc.addresses.size()).clear();
                    pciAddress(nc.addresses.get(0));
                    kept.add(nc);
                }
                case "virt_functions" -> {
                    if (nc.maxCount != null) {
                        Long max = XmlValues.parseUInt(nc.maxCount, 10);
                        if (max == null) {
                            throw error(ErrorCode.XML_ERROR, "Malformed 'maxCount' parameter");
                        }
                        nc.maxCount = max == 0 ? null : max.toString();
                    }
                    nc.addresses.forEach(NodeDeviceDocument::pciAddress);
                    kept.add(nc);
                }
                case "mdev_types", "vpd" -> kept.add(nc);
                default -> {
                    int h = PCI_HEADER_TYPES.indexOf(nc.type);
                    if (h > 0 && header == null) {
                        header = nc.type;
                        kept.add(nc);
                    }
                }
            }
        }
        c.capabilities = kept;
        mdevTypes(c, "pci");
        for (NestedCapability nc : c.capabilities) {
            if (nc.type.equals("vpd")) {
                vpd(nc);
            }
        }
        if (c.iommuGroup != null) {
            Long g = XmlValues.propUInt(c.iommuGroup.number, "number", "iommuGroup");
            if (g == null) {
                throw XmlValues.missing("number", "iommuGroup");
            }
            c.iommuGroup.number = g.toString();
            for (Capability.IommuGroup.Address a : c.iommuGroup.addresses) {
                a.domain = hex(a.domain, 4);
                a.bus = hex(a.bus, 2);
                a.slot = hex(a.slot, 2);
                a.function = "0x" + XmlValues.parseLong(a.function, 0);
            }
        }
        if (c.numa != null) {
            Integer node = c.numa.node == null ? null : XmlValues.parseInt(c.numa.node, 10);
            if (c.numa.node != null && node == null) {
                throw internal("invalid NUMA node ID supplied for '" + n + "'");
            }
            c.numa.node = node == null || node < 0 ? null : node.toString();
            if (c.numa.node == null) {
                c.numa = null;
            }
        }
        if (c.pciExpress != null) {
            List<Capability.PciExpress.Link> links = new ArrayList<>();
            for (String validity : List.of("cap", "sta")) {
                for (Capability.PciExpress.Link l : c.pciExpress.links) {
                    if (validity.equals(l.validity)) {
                        Long w = XmlValues.propUInt(l.width, 0, "width", "link");
                        if (w == null) {
                            throw XmlValues.missing("width", "link");
                        }
                        l.width = w.toString();
                        XmlValues.propEnum(l.speed, "speed", "link", PCIE_SPEEDS);
                        Integer port = XmlValues.propInt(l.port, "port", "link");
                        l.port = port == null || port < 0 ? null : port.toString();
                        links.add(l);
                        break;
                    }
                }
            }
            c.pciExpress.links = links;
        }
    }

    private static void pciAddress(NestedCapability.Address a) {
        a.domain = hex(a.domain, 4);
        a.bus = hex(a.bus, 2);
        a.slot = hex(a.slot, 2);
        a.function = "0x" + XmlValues.parseLong(a.function, 0);
    }

    private static String hex(String v, int digits) {
        Long n = v == null ? 0L : XmlValues.parseLong(v, 0);
        if (n == null) {
            throw error(ErrorCode.XML_ERROR, "Cannot parse <address> attribute '" + v + "'");
        }
        return String.format(Locale.ROOT, "0x%0" + digits + "x", n);
    }

    private static void mdevTypes(Capability c, String owner) {
        for (NestedCapability nc : c.capabilities) {
            if (!"mdev_types".equals(nc.type)) {
                continue;
            }
            for (NestedCapability.Type t : nc.types) {
                if (t.id == null) {
                    throw error(ErrorCode.XML_ERROR, "missing 'id' attribute for mediated device's <type> element");
                }
                if (t.deviceAPI == null) {
                    throw error(ErrorCode.XML_ERROR, "missing device API for mediated device type '" + t.id + "'");
                }
                Long avail = t.availableInstances == null ? null
                        : XmlValues.parseUInt(t.availableInstances.strip(), 10);
                if (avail == null) {
                    throw error(ErrorCode.XML_ERROR, "missing number of available instances for mediated device "
                            + "type '" + t.id + "'");
                }
                t.availableInstances = avail.toString();
            }
        }
        if (!owner.equals("pci")) {
            c.capabilities.removeIf(nc -> !"mdev_types".equals(nc.type));
        }
    }

    private static void vpd(NestedCapability nc) {
        if (nc.name == null) {
            throw error(ErrorCode.XML_ERROR, "Could not read a device name from the <name> element");
        }
        NestedCapability.Fields ro = null;
        NestedCapability.Fields rw = null;
        for (NestedCapability.Fields f : nc.fieldses) {
            if (f.access == null) {
                continue;
            }
            switch (f.access) {
                case "readonly" -> ro = merge(ro, f);
                case "readwrite" -> rw = merge(rw, f);
                default -> throw error(ErrorCode.XML_ERROR, "Unsupported VPD field access type specified "
                        + f.access);
            }
        }
        nc.fieldses.clear();
        if (ro != null) {
            ro.assetTag = null;
            ro.systemFields.clear();
            nc.fieldses.add(ro);
        }
        if (rw != null) {
            rw.changeLevel = null;
            rw.manufactureId = null;
            rw.partNumber = null;
            rw.serialNumber = null;
            nc.fieldses.add(rw);
        }
    }

    /** A later set of the same access replaces the earlier one's fields (libvirt keeps updating one resource). */
    private static NestedCapability.Fields merge(NestedCapability.Fields into, NestedCapability.Fields f) {
        if (into == null) {
            return f;
        }
        into.changeLevel = f.changeLevel != null ? f.changeLevel : into.changeLevel;
        into.manufactureId = f.manufactureId != null ? f.manufactureId : into.manufactureId;
        into.partNumber = f.partNumber != null ? f.partNumber : into.partNumber;
        into.serialNumber = f.serialNumber != null ? f.serialNumber : into.serialNumber;
        into.assetTag = f.assetTag != null ? f.assetTag : into.assetTag;
        into.vendorFields.addAll(f.vendorFields);
        into.systemFields.addAll(f.systemFields);
        return into;
    }

    private static void net(String n, Capability c) {
        if (c.interfaceDef == null) {
            throw internal("no network interface supplied for '" + n + "'");
        }
        boolean[] set = new boolean[NET_FEATURES.size()];
        for (Capability.Feature f : c.features) {
            if (f.name == null) {
                throw error(ErrorCode.XML_ERROR, "missing network device feature name");
            }
            int i = NET_FEATURES.indexOf(f.name);
            if (i < 0) {
                throw error(ErrorCode.XML_ERROR, "unknown network device feature '" + f.name + "'");
            }
            set[i] = true;
        }
        // a feature set, written in libvirt's order
        c.features.clear();
        for (int i = 0; i < set.length; i++) {
            if (set[i]) {
                Capability.Feature f = new Capability.Feature();
                f.name = NET_FEATURES.get(i);
                c.features.add(f);
            }
        }
        if (!c.capabilities.isEmpty()) {
            String sub = c.capabilities.get(0).type;
            if (sub != null && !sub.equals("80203") && !sub.equals("80211")) {
                throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.NODEDEV,
                        "invalid network type supplied for '" + n + "'");
            }
            c.capabilities.subList(1, c.capabilities.size()).clear();
            if (sub == null) {
                c.capabilities.clear();
            }
        }
        if (c.link != null) {
            XmlValues.propEnum(c.link.state, "state", "link", List.of("unknown", "notpresent", "down",
                    "lowerlayerdown", "testing", "dormant", "up"));
            Long speed = XmlValues.propUInt(c.link.speed, "speed", "link");
            c.link.speed = speed == null || speed == 0 ? null : speed.toString();
        }
    }

    private static void scsiHost(String n, Capability c) {
        // a vHBA to create (virNodeDeviceCreateXML) gets its host number when it exists
        if (c.host != null || DefinitionScope.whole()) {
            c.host = ulong(c.host, "no SCSI host ID supplied for '" + n + "'",
                    "invalid SCSI host ID supplied for '" + n + "'");
        }
        if (c.uniqueId != null) {
            Integer u = XmlValues.parseInt(c.uniqueId.strip(), 10);
            if (u == null) {
                throw internal("invalid unique_id supplied for '" + n + "'");
            }
            c.uniqueId = u == -1 ? null : u.toString();
        }
        for (NestedCapability nc : c.capabilities) {
            if (nc.type == null) {
                throw internal("missing SCSI host capability type for '" + n + "'");
            }
            switch (nc.type) {
                case "vport_ops" -> {
                    // the counts are the host's, read from sysfs
                    nc.maxVports = "0";
                    nc.vports = "0";
                }
                case "fc_host" -> {
                    // libvirt makes up a WWN that is not given
                    nc.wwnn = nc.wwnn != null ? nc.wwnn : randomWwn();
                    nc.wwpn = nc.wwpn != null ? nc.wwpn : randomWwn();
                }
                default -> throw internal("unknown SCSI host capability type '" + nc.type + "' for '" + n + "'");
            }
        }
    }

    private static String randomWwn() {
        long r = java.util.concurrent.ThreadLocalRandom.current().nextLong() & 0xFFFFFFFFFL;
        return String.format(Locale.ROOT, "5001a4a%09x", r);
    }

    private static void storage(String n, Capability c) {
        if (c.block == null) {
            throw internal("no block device path supplied for '" + n + "'");
        }
        boolean removable = false;
        for (NestedCapability nc : c.capabilities) {
            if (nc.type == null) {
                throw internal("missing storage capability type for '" + n + "'");
            }
            switch (nc.type) {
                case "hotpluggable" -> {
                    // nothing inside
                }
                case "removable" -> {
                    removable = true;
                    nc.mediaAvailable = "1".equals(nc.mediaAvailable == null ? null : nc.mediaAvailable.strip())
                            ? "1" : "0";
                    nc.mediaSize = ulonglong(nc.mediaSize, "no removable media size supplied for '" + n + "'",
                            "invalid removable media size supplied for '" + n + "'");
                    // computed from the media, never read
                    nc.logicalBlockSize = null;
                    nc.numBlocks = null;
                }
                default -> throw internal("unknown storage capability type '" + nc.type + "' for '" + n + "'");
            }
        }
        if (removable) {
            c.size = null;
        } else {
            c.size = ulonglong(c.size, "no size supplied for '" + n + "'", "invalid size supplied for '" + n + "'");
        }
        c.logicalBlockSize = null;
        c.numBlocks = null;
    }

    private static void mdev(String n, Capability c) {
        if (c.typeElement == null || c.typeElement.id == null) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.NODEDEV,
                    "missing type id attribute for '" + n + "'");
        }
        if (c.uuid != null) {
            try {
                c.uuid = UUID.fromString(c.uuid.strip()).toString();
            } catch (IllegalArgumentException e) {
                throw internal("Invalid uuid '" + c.uuid + "' for new mdev device");
            }
        }
        long group = 0;
        if (c.iommuGroup != null && c.iommuGroup.number != null) {
            Long g = XmlValues.parseUInt(c.iommuGroup.number.strip(), 10);
            if (g == null) {
                throw internal("invalid iommuGroup number attribute for '" + n + "'");
            }
            group = g;
        }
        c.iommuGroup = new Capability.IommuGroup();
        c.iommuGroup.number = Long.toString(group);
        // the parent's address is the host's, read from sysfs
        c.parentAddr = null;
        for (Capability.Attr a : c.attrs) {
            if (a.name == null || a.value == null) {
                throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.NODEDEV,
                        "mdev attribute missing name or value");
            }
        }
    }

    private static void ccw(String n, Capability c) {
        Capability.ChannelDevAddr a = new Capability.ChannelDevAddr();
        a.cssid = c.cssid;
        a.ssid = c.ssid;
        a.devno = c.devno;
        ccwAddress(n, a);
        c.cssid = a.cssid;
        c.ssid = a.ssid;
        c.devno = a.devno;
    }

    private static void ccwAddress(String n, Capability.ChannelDevAddr a) {
        Long cssid = ccwPart(a.cssid, "cssid", 0, n);
        Long ssid = ccwPart(a.ssid, "ssid", 0, n);
        Long devno = ccwPart(a.devno, "devno", 16, n);
        if (cssid > 0xfe || ssid > 3 || devno > 0xffff) {
            throw error(ErrorCode.XML_ERROR, String.format(Locale.ROOT,
                    "the CCW device address '%x.%x.%04x' is invalid for '%s'", cssid, ssid, devno, n));
        }
        a.cssid = cssid.toString();
        a.ssid = ssid.toString();
        a.devno = devno.toString();
    }

    private static Long ccwPart(String v, String what, int base, String n) {
        if (v == null) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.NODEDEV,
                    "missing " + what + " value for '" + n + "'");
        }
        Long x = XmlValues.parseUInt(v, base);
        if (x == null) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.NODEDEV,
                    "invalid " + what + " value '" + v + "' for '" + n + "'");
        }
        return x;
    }

    private static String apNumber(String v, String what, String n) {
        return ccwPart(v, what, 0, n).toString();
    }

    /** virXPathULong of number(): missing and invalid are told apart. */
    private static String ulong(String v, String missing, String invalid) {
        if (v == null) {
            throw internal(missing);
        }
        Long x = number(v);
        if (x == null || x < 0) {
            throw internal(invalid);
        }
        return x.toString();
    }

    private static String ulonglong(String v, String missing, String invalid) {
        return ulong(v, missing, invalid);
    }

    /** XPath's number() of an element's text, as an integer (a fraction is cut). */
    private static Long number(String v) {
        String s = v.strip();
        try {
            double d = Double.parseDouble(s);
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return null;
            }
            return (long) d;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void hexId(String v, String missing, String invalid) {
        if (v == null) {
            throw internal(missing);
        }
        if (XmlValues.parseUInt(v, 16) == null) {
            throw internal(invalid);
        }
    }

    private static VirtException internal(String detail) {
        return new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.NODEDEV, detail);
    }

    private static VirtException error(ErrorCode code, String detail) {
        return new VirtException(code, ErrorDomain.NODEDEV, detail);
    }

    // ---- format

    /** virNodeDeviceDefFormat; {@code inactive} leaves out what only a device present on the host has. */
    public static String format(NodeDeviceDef def, boolean inactive) {
        XmlBuffer b = new XmlBuffer();
        b.open("device").endOpen();
        b.textElement("name", def.name);
        if (!inactive) {
            b.textElement("path", def.path);
        }
        for (NodeDeviceDef.Devnode d : def.devnodes) {
            if ("dev".equals(d.type)) {
                b.open("devnode").attr("type", "dev").endText("devnode", text(d.value));
            }
        }
        for (NodeDeviceDef.Devnode d : def.devnodes) {
            if ("link".equals(d.type)) {
                b.open("devnode").attr("type", "link").endText("devnode", text(d.value));
            }
        }
        b.textElement("parent", def.parent);
        if (def.driver != null && def.driver.name != null) {
            b.open("driver").endOpen();
            b.textElement("name", def.driver.name);
            b.close("driver");
        }
        for (Capability c : def.capabilities) {
            b.open("capability").attr("type", c.type).endOpen();
            switch (c.type) {
                case "system" -> system(b, c);
                case "pci" -> pciFormat(b, c);
                case "usb_device" -> {
                    b.textElement("bus", c.bus);
                    b.textElement("device", c.device);
                    idText(b, "product", c.product == null ? null : c.product.id, c.product == null ? null
                            : c.product.value, " />");
                    idText(b, "vendor", c.vendor == null ? null : c.vendor.id, c.vendor == null ? null
                            : c.vendor.value, " />");
                }
                case "usb" -> {
                    b.textElement("number", c.number);
                    b.textElement("class", c.classDef);
                    b.textElement("subclass", c.subclass);
                    b.textElement("protocol", c.protocol);
                    b.textElement("description", c.description);
                }
                case "net" -> netFormat(b, c);
                case "scsi_host" -> scsiHostFormat(b, c);
                case "scsi_target" -> {
                    b.textElement("target", c.target);
                    for (NestedCapability nc : c.capabilities) {
                        b.open("capability").attr("type", "fc_remote_port").endOpen();
                        b.textElement("rport", nc.rport);
                        b.textElement("wwpn", nc.wwpn);
                        b.close("capability");
                    }
                }
                case "scsi" -> {
                    b.textElement("host", c.host);
                    b.textElement("bus", c.bus);
                    b.textElement("target", c.target);
                    b.textElement("lun", c.lun);
                    b.textElement("type", c.typeElement == null ? null : c.typeElement.value);
                }
                case "storage" -> storageFormat(b, c);
                case "scsi_generic" -> b.textElement("char", c.charDevice);
                case "drm" -> b.textElement("type", c.typeElement.value);
                case "mdev" -> {
                    b.open("type").attr("id", c.typeElement.id).endEmpty();
                    b.textElement("uuid", c.uuid);
                    b.textElement("parent_addr", c.parentAddr);
                    b.open("iommuGroup").attr("number", c.iommuGroup == null ? "0" : c.iommuGroup.number)
                            .endEmpty();
                    for (Capability.Attr a : c.attrs) {
                        b.open("attr").attr("name", a.name).attr("value", a.value).endEmpty();
                    }
                }
                case "ccw" -> ccwFormat(b, c.cssid, c.ssid, c.devno);
                case "css" -> {
                    ccwFormat(b, c.cssid, c.ssid, c.devno);
                    if (c.channelDevAddr != null) {
                        b.open("channel_dev_addr").endOpen();
                        ccwFormat(b, c.channelDevAddr.cssid, c.channelDevAddr.ssid, c.channelDevAddr.devno);
                        b.close("channel_dev_addr");
                    }
                    mdevTypesFormat(b, c);
                }
                case "vdpa" -> b.textElement("chardev", c.chardev);
                case "ap_card" -> b.textElement("ap-adapter", String.format(Locale.ROOT, "0x%02x",
                        Long.parseLong(c.apAdapter)));
                case "ap_queue" -> {
                    b.textElement("ap-adapter", String.format(Locale.ROOT, "0x%02x", Long.parseLong(c.apAdapter)));
                    b.textElement("ap-domain", String.format(Locale.ROOT, "0x%04x", Long.parseLong(c.apDomain)));
                }
                case "ap_matrix" -> mdevTypesFormat(b, c);
                default -> {
                    // the other types have nothing inside
                }
            }
            b.close("capability");
        }
        b.close("device");
        return b.toString();
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static void system(XmlBuffer b, Capability c) {
        b.textElement("product", c.product == null ? null : c.product.value);
        b.open("hardware").endOpen();
        Capability.Hardware h = c.hardware;
        b.textElement("vendor", h.vendor);
        b.textElement("version", h.version);
        b.textElement("serial", h.serial);
        b.textElement("uuid", h.uuid);
        b.close("hardware");
        b.open("firmware").endOpen();
        if (c.firmware != null) {
            b.textElement("vendor", c.firmware.vendor);
            b.textElement("version", c.firmware.version);
            b.textElement("release_date", c.firmware.releaseDate);
        }
        b.close("firmware");
    }

    private static void idText(XmlBuffer b, String name, String id, String text, String emptyEnd) {
        Long v = XmlValues.parseUInt(id, 16);
        b.open(name).attr("id", String.format(Locale.ROOT, "0x%04x", v));
        if (text != null) {
            b.endText(name, text);
        } else {
            b.raw(emptyEnd + "\n");
        }
    }

    private static void pciFormat(XmlBuffer b, Capability c) {
        if (c.classDef != null) {
            b.textElement("class", String.format(Locale.ROOT, "0x%06x", Long.parseLong(c.classDef)));
        }
        b.textElement("domain", c.domain);
        b.textElement("bus", c.bus);
        b.textElement("slot", c.slot);
        b.textElement("function", c.function);
        idText(b, "product", c.product.id, c.product.value, "/>");
        idText(b, "vendor", c.vendor.id, c.vendor.value, "/>");
        for (NestedCapability nc : c.capabilities) {
            if (nc.type.equals("phys_function")) {
                b.open("capability").attr("type", "phys_function").endOpen();
                address(b, nc.addresses.get(0));
                b.close("capability");
            }
        }
        for (NestedCapability nc : c.capabilities) {
            if (nc.type.equals("virt_functions")) {
                b.open("capability").attr("type", "virt_functions").attr("maxCount", nc.maxCount);
                if (nc.addresses.isEmpty()) {
                    b.endEmpty();
                } else {
                    b.endOpen();
                    nc.addresses.forEach(a -> address(b, a));
                    b.close("capability");
                }
            }
        }
        for (NestedCapability nc : c.capabilities) {
            if (PCI_HEADER_TYPES.indexOf(nc.type) > 0) {
                b.open("capability").attr("type", nc.type).endEmpty();
            }
        }
        mdevTypesFormat(b, c);
        for (NestedCapability nc : c.capabilities) {
            if (nc.type.equals("vpd")) {
                vpdFormat(b, nc);
            }
        }
        if (c.iommuGroup != null && !c.iommuGroup.addresses.isEmpty()) {
            b.open("iommuGroup").attr("number", c.iommuGroup.number).endOpen();
            for (Capability.IommuGroup.Address a : c.iommuGroup.addresses) {
                b.open("address").attr("domain", a.domain).attr("bus", a.bus).attr("slot", a.slot)
                        .attr("function", a.function).endEmpty();
            }
            b.close("iommuGroup");
        }
        if (c.numa != null) {
            b.open("numa").attr("node", c.numa.node).endEmpty();
        }
        if (c.pciExpress != null) {
            if (c.pciExpress.links.isEmpty()) {
                b.empty("pci-express");
            } else {
                b.open("pci-express").endOpen();
                for (Capability.PciExpress.Link l : c.pciExpress.links) {
                    b.open("link").attr("validity", l.validity).attr("port", l.port)
                            .attr("speed", l.speed == null || l.speed.isEmpty() ? null : l.speed)
                            .attr("width", l.width).endEmpty();
                }
                b.close("pci-express");
            }
        }
    }

    private static void address(XmlBuffer b, NestedCapability.Address a) {
        b.open("address").attr("domain", a.domain).attr("bus", a.bus).attr("slot", a.slot)
                .attr("function", a.function).endEmpty();
    }

    private static void mdevTypesFormat(XmlBuffer b, Capability c) {
        for (NestedCapability nc : c.capabilities) {
            if (!nc.type.equals("mdev_types") || nc.types.isEmpty()) {
                continue;
            }
            b.open("capability").attr("type", "mdev_types").endOpen();
            for (NestedCapability.Type t : nc.types) {
                b.open("type").attr("id", t.id).endOpen();
                b.textElement("name", t.name);
                b.textElement("deviceAPI", t.deviceAPI);
                b.textElement("availableInstances", t.availableInstances);
                b.close("type");
            }
            b.close("capability");
        }
    }

    private static void vpdFormat(XmlBuffer b, NestedCapability nc) {
        b.open("capability").attr("type", "vpd").endOpen();
        b.textElement("name", nc.name);
        for (NestedCapability.Fields f : nc.fieldses) {
            b.open("fields").attr("access", f.access).endOpen();
            if (f.access.equals("readonly")) {
                b.textElement("change_level", f.changeLevel);
                b.textElement("manufacture_id", f.manufactureId);
                b.textElement("part_number", f.partNumber);
                b.textElement("serial_number", f.serialNumber);
                customFields(b, "vendor_field", f.vendorFields.stream().map(v -> new String[] {v.index, v.value})
                        .toList());
            } else {
                b.textElement("asset_tag", f.assetTag);
                customFields(b, "vendor_field", f.vendorFields.stream().map(v -> new String[] {v.index, v.value})
                        .toList());
                customFields(b, "system_field", f.systemFields.stream().map(v -> new String[] {v.index, v.value})
                        .toList());
            }
            b.close("fields");
        }
        b.close("capability");
    }

    private static void customFields(XmlBuffer b, String name, List<String[]> fields) {
        for (String[] f : fields) {
            if (f[0] != null && f[0].length() == 1 && f[1] != null) {
                b.open(name).attr("index", f[0]).endText(name, f[1]);
            }
        }
    }

    private static void netFormat(XmlBuffer b, Capability c) {
        b.textElement("interface", c.interfaceDef);
        b.textElement("address", c.address);
        if (c.link != null && (c.link.speed != null || c.link.state != null)) {
            b.open("link").attr("speed", c.link.speed).attr("state", c.link.state).endEmpty();
        }
        for (Capability.Feature f : c.features) {
            b.open("feature").attr("name", f.name).endEmpty();
        }
        for (NestedCapability nc : c.capabilities) {
            b.open("capability").attr("type", nc.type).endEmpty();
        }
    }

    private static void scsiHostFormat(XmlBuffer b, Capability c) {
        b.textElement("host", c.host);
        b.textElement("unique_id", c.uniqueId);
        for (NestedCapability nc : c.capabilities) {
            if (nc.type.equals("fc_host")) {
                b.open("capability").attr("type", "fc_host").endOpen();
                b.textElement("wwnn", nc.wwnn);
                b.textElement("wwpn", nc.wwpn);
                b.textElement("fabric_wwn", nc.fabricWwn);
                b.close("capability");
            }
        }
        for (NestedCapability nc : c.capabilities) {
            if (nc.type.equals("vport_ops")) {
                b.open("capability").attr("type", "vport_ops").endOpen();
                b.textElement("max_vports", nc.maxVports);
                b.textElement("vports", nc.vports);
                b.close("capability");
            }
        }
    }

    private static void storageFormat(XmlBuffer b, Capability c) {
        b.textElement("block", c.block);
        b.textElement("bus", c.bus);
        b.textElement("drive_type", c.driveType);
        b.textElement("model", c.model);
        b.textElement("vendor", c.vendor == null ? null : c.vendor.value);
        b.textElement("serial", c.serial);
        NestedCapability removable = null;
        boolean hotpluggable = false;
        for (NestedCapability nc : c.capabilities) {
            if (nc.type.equals("removable")) {
                removable = nc;
            } else if (nc.type.equals("hotpluggable")) {
                hotpluggable = true;
            }
        }
        if (removable != null) {
            b.open("capability").attr("type", "removable").endOpen();
            b.textElement("media_available", removable.mediaAvailable);
            b.textElement("media_size", removable.mediaSize);
            b.textElement("media_label", removable.mediaLabel);
            positive(b, "logical_block_size", removable.logicalBlockSize);
            positive(b, "num_blocks", removable.numBlocks);
            b.close("capability");
        } else {
            b.textElement("size", c.size);
            positive(b, "logical_block_size", c.logicalBlockSize);
            positive(b, "num_blocks", c.numBlocks);
        }
        if (hotpluggable) {
            b.open("capability").attr("type", "hotpluggable").endEmpty();
        }
    }

    private static void positive(XmlBuffer b, String name, String v) {
        if (v != null && !v.equals("0")) {
            b.textElement(name, v);
        }
    }

    private static void ccwFormat(XmlBuffer b, String cssid, String ssid, String devno) {
        b.textElement("cssid", "0x" + Long.toHexString(Long.parseLong(cssid)));
        b.textElement("ssid", "0x" + Long.toHexString(Long.parseLong(ssid)));
        b.textElement("devno", String.format(Locale.ROOT, "0x%04x", Long.parseLong(devno)));
    }
}
