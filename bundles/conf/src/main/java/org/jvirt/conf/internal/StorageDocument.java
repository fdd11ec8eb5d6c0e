package org.jvirt.conf.internal;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.conf.domain.MemorySize;
import org.jvirt.conf.storage.StoragePermissions;
import org.jvirt.conf.storage.StoragePoolDef;
import org.jvirt.conf.storage.StorageVolDef;
import org.jvirt.util.ScaledSizes;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Storage pools and volumes as libvirt's storage_conf: each pool type's options (which parts of the source it
 * reads and requires, its formats, whether it has a target), paths cleaned up, sizes in bytes, permissions, the
 * filesystem and RBD namespaces, and the format of both.
 */
public final class StorageDocument {
    /** The namespace of a filesystem pool's mount options. */
    public static final String FS_NS = "http://libvirt.org/schemas/storagepool/fs/1.0";
    /** The namespace of an RBD pool's configuration options. */
    public static final String RBD_NS = "http://libvirt.org/schemas/storagepool/rbd/1.0";

    private static final int HOST = 1;
    private static final int DEVICE = 2;
    private static final int DIR = 4;
    private static final int ADAPTER = 8;
    private static final int NAME = 16;
    private static final int IQN = 32;
    private static final int NETWORK = 64;

    private static final List<String> FILE_FORMATS = MomentDocument.FILE_FORMATS;
    private static final List<String> DISK_VOL_FORMATS = List.of("none", "linux", "fat16", "fat32", "linux-swap",
            "linux-lvm", "linux-raid", "extended");
    private static final List<String> VOL_TYPES = List.of("file", "block", "dir", "network", "netdir", "ploop");

    /** A pool type's options: source parts (flags), pool formats and their default, volume formats and theirs. */
    private record PoolType(int flags, List<String> formats, String defaultFormat, List<String> volFormats,
            String defaultVolFormat) {
    }

    private static final Map<String, PoolType> TYPES = Map.ofEntries(
            Map.entry("logical", new PoolType(NAME | DEVICE, List.of("unknown", "lvm2"), "lvm2", null, null)),
            Map.entry("dir", new PoolType(0, null, null, FILE_FORMATS, "raw")),
            Map.entry("fs", new PoolType(DEVICE, List.of("auto", "ext2", "ext3", "ext4", "ufs", "iso9660", "udf",
                    "gfs", "gfs2", "vfat", "hfs+", "xfs", "ocfs2", "vmfs"), "auto", FILE_FORMATS, "raw")),
            Map.entry("netfs", new PoolType(HOST | DIR, List.of("auto", "nfs", "glusterfs", "cifs"), "auto",
                    FILE_FORMATS, "raw")),
            Map.entry("iscsi", new PoolType(HOST | DEVICE | IQN, null, null, null, null)),
            Map.entry("iscsi-direct", new PoolType(HOST | DEVICE | NETWORK | IQN, null, null, null, null)),
            Map.entry("scsi", new PoolType(ADAPTER, null, null, null, null)),
            Map.entry("rbd", new PoolType(HOST | NETWORK | NAME, null, null, FILE_FORMATS, "raw")),
            Map.entry("sheepdog", new PoolType(HOST | NETWORK | NAME, null, null, null, null)),
            Map.entry("gluster", new PoolType(HOST | NETWORK | NAME | DIR, null, null, FILE_FORMATS, "raw")),
            Map.entry("mpath", new PoolType(0, null, null, null, null)),
            Map.entry("disk", new PoolType(DEVICE, List.of("unknown", "dos", "dvh", "gpt", "mac", "bsd", "pc98",
                    "sun", "lvm2"), "unknown", DISK_VOL_FORMATS, "none")),
            Map.entry("zfs", new PoolType(NAME | DEVICE, null, null, null, null)),
            Map.entry("vstorage", new PoolType(NAME, null, null, FILE_FORMATS, "raw")));
    private static final List<String> POOL_TYPES = List.of("dir", "fs", "netfs", "logical", "disk", "iscsi",
            "iscsi-direct", "scsi", "mpath", "rbd", "sheepdog", "gluster", "zfs", "vstorage");

    private StorageDocument() {
    }

    // ---- pools

    /** virStoragePoolDefParseXML. */
    public static void checkPool(StoragePoolDef def) {
        String type = XmlValues.requiredEnum(def.type, "type", "pool", POOL_TYPES);
        PoolType t = TYPES.get(type);
        StoragePoolDef.Source src = def.source;
        if (src == null) {
            src = new StoragePoolDef.Source();
            def.source = src;
        } else {
            source(type, t, src);
        }
        if (src.format == null && t.formats != null) {
            src.format = new StoragePoolDef.Source.Format();
            src.format.type = t.defaultFormat;
        }
        if (def.name == null && (t.flags & NAME) != 0) {
            def.name = src.name;
        }
        if (def.name == null) {
            if (!DefinitionScope.whole()) {
                // a source alone wrapped in a pool (find-storage-pool-sources' specification) has no name
                return;
            }
            throw xml("missing pool source name element");
        }
        if (def.name.indexOf('/') >= 0) {
            throw xml("name " + def.name + " cannot contain '/'");
        }
        def.uuid = uuid(def.uuid);
        features(def, type);
        if ((t.flags & HOST) != 0 && src.hosts.isEmpty()) {
            throw xml("missing storage pool source host name");
        }
        if ((t.flags & DIR) != 0 && (src.dir == null || src.dir.path == null)) {
            throw xml("missing storage pool source path");
        }
        if ((t.flags & NAME) != 0 && src.name == null) {
            // the source name defaults to the pool's
            src.name = def.name;
        }
        if ((t.flags & ADAPTER) != 0) {
            adapterValidate(src.adapter);
        }
        if (t.flags == DEVICE && src.devices.isEmpty()) {
            throw xml("missing storage pool source device name");
        }
        if ((t.flags & NETWORK) == 0) {
            String path;
            if (type.equals("logical")) {
                path = "/dev/" + src.name;
            } else if (type.equals("zfs")) {
                path = "/dev/zvol/" + src.name;
            } else {
                path = def.target == null ? null : def.target.path;
                if (path == null) {
                    throw xml("missing storage pool target path");
                }
            }
            if (def.target == null) {
                def.target = new StoragePoolDef.Target();
            }
            def.target.path = sanitizePath(path);
            def.target.permissions = permissions(def.target.permissions);
        } else {
            def.target = null;
        }
        if (type.equals("iscsi-direct") && (src.initiator == null || src.initiator.iqn == null
                || src.initiator.iqn.name == null)) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.STORAGE, "missing initiator IQN");
        }
        if (def.refresh != null) {
            String a = def.refresh.volume == null ? null : def.refresh.volume.allocation;
            if (a == null) {
                def.refresh = null;
            } else if (!a.equals("default") && !a.equals("capacity")) {
                throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.STORAGE,
                        "unknown storage pool volume refresh allocation type " + a);
            }
        }
        // sizes come from the pool itself, never from a document
        def.capacity = null;
        def.allocation = null;
        def.available = null;
        namespaces(def, type);
    }

    private static void source(String type, PoolType t, StoragePoolDef.Source src) {
        if (type.equals("rbd") && src.name == null) {
            throw xml("element 'name' is mandatory for RBD pool");
        }
        if (t.formats != null) {
            if (src.format != null && src.format.type != null) {
                int f = t.formats.indexOf(src.format.type);
                if (f < 0) {
                    throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.STORAGE,
                            "unknown pool format type " + src.format.type);
                }
            } else {
                src.format = null;
            }
        } else {
            src.format = null;
        }
        for (StoragePoolDef.Source.Host h : src.hosts) {
            if (h.name == null) {
                throw xml("missing storage pool host name");
            }
            Integer port = XmlValues.propInt(h.port, "port", "host");
            h.port = port == null || port == 0 ? null : port.toString();
        }
        if (src.initiator != null && (src.initiator.iqn == null || src.initiator.iqn.name == null)) {
            src.initiator = null;
        }
        for (StoragePoolDef.Source.Device d : src.devices) {
            if (d.path == null) {
                throw xml("missing storage pool source device path");
            }
            XmlValues.propYesNo(d.partSeparator, "part_separator", "device");
            // free extents are the host's, never read
            d.freeExtents.clear();
        }
        if (src.dir != null && src.dir.path != null) {
            src.dir.path = sanitizePath(src.dir.path);
        } else {
            src.dir = null;
        }
        if (src.dir == null && type.equals("gluster")) {
            src.dir = new StoragePoolDef.Source.Dir();
            src.dir.path = "/";
        }
        if (src.adapter != null) {
            adapter(src.adapter);
        }
        if (src.auth != null) {
            auth(src.auth);
        }
        if (src.protocol != null && src.protocol.ver != null) {
            String format = src.format == null ? null : src.format.type;
            int f = format == null ? 0 : t.formats == null ? -1 : t.formats.indexOf(format);
            // libvirt compares the format's number with the NFS formats' (auto, nfs) whatever the pool type
            if (f != 0 && f != 1) {
                String name = f >= 0 && f < 4 ? List.of("auto", "nfs", "glusterfs", "cifs").get(f) : null;
                throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.STORAGE,
                        "storage pool protocol ver unsupported for pool type '" + name + "'");
            }
            Long ver = XmlValues.parseUInt(src.protocol.ver, 0);
            if (ver == null) {
                throw xml("storage pool protocol ver '" + src.protocol.ver + "' is malformed");
            }
            src.protocol.ver = ver == 0 ? null : ver.toString();
        }
        if (src.protocol != null && src.protocol.ver == null) {
            src.protocol = null;
        }
        if (src.vendor != null && src.vendor.name == null) {
            src.vendor = null;
        }
        if (src.product != null && src.product.name == null) {
            src.product = null;
        }
    }

    private static void adapter(StoragePoolDef.Source.Adapter a) {
        String type = a.type;
        if (type != null && !type.equals("scsi_host") && !type.equals("fc_host")) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.XML, "Invalid value for attribute 'type' in "
                    + "element 'adapter': '" + type + "'.");
        }
        if (type == null) {
            if (a.wwnn != null || a.wwpn != null || a.parent != null) {
                throw xml("Use of 'wwnn', 'wwpn', and 'parent' attributes requires use of the adapter 'type'");
            }
            if (a.parentaddr != null) {
                throw xml("Use of 'parentaddr' element requires use of the adapter 'type'");
            }
            if (a.name != null) {
                a.type = "scsi_host";
            }
            return;
        }
        if (type.equals("fc_host")) {
            XmlValues.propYesNo(a.managed, "managed", "adapter");
            a.name = null;
            a.parentaddr = null;
        } else {
            a.parent = null;
            a.parentWwnn = null;
            a.parentWwpn = null;
            a.parentFabricWwn = null;
            a.wwnn = null;
            a.wwpn = null;
            a.managed = null;
            if (a.parentaddr != null) {
                if (a.parentaddr.address == null) {
                    throw xml("Missing scsi_host PCI address element");
                }
                Integer id = a.parentaddr.uniqueId == null ? null : XmlValues.parseInt(a.parentaddr.uniqueId, 10);
                if (id == null || id < 0) {
                    throw xml("Missing or invalid scsi adapter 'unique_id' value");
                }
                a.parentaddr.uniqueId = id.toString();
                StoragePoolDef.Source.Adapter.Parentaddr.Address p = a.parentaddr.address;
                p.domain = hex(p.domain, 4);
                p.bus = hex(p.bus, 2);
                p.slot = hex(p.slot, 2);
                Long fn = p.function == null ? 0L : XmlValues.parseUInt(p.function, 0);
                if (fn == null) {
                    throw xml("Cannot parse <address> 'function' attribute");
                }
                p.function = "0x" + fn;
            }
        }
    }

    private static String hex(String v, int digits) {
        Long n = v == null ? 0L : XmlValues.parseUInt(v, 0);
        if (n == null) {
            throw xml("Cannot parse <address> attribute '" + v + "'");
        }
        return String.format(Locale.ROOT, "0x%0" + digits + "x", n);
    }

    private static void adapterValidate(StoragePoolDef.Source.Adapter a) {
        if (a == null || a.type == null) {
            throw xml("missing storage pool source adapter");
        }
        if (a.type.equals("fc_host")) {
            if (a.wwnn == null || a.wwpn == null) {
                throw xml("'wwnn' and 'wwpn' must be specified for adapter type 'fchost'");
            }
            wwn(a.wwnn);
            wwn(a.wwpn);
            if (a.parentWwnn != null && a.parentWwpn == null) {
                throw xml("when providing parent_wwnn='" + a.parentWwnn
                        + "', the parent_wwpn must also be provided");
            }
            if (a.parentWwnn == null && a.parentWwpn != null) {
                throw xml("when providing parent_wwpn='" + a.parentWwpn
                        + "', the parent_wwnn must also be provided");
            }
            for (String w : new String[] {a.parentWwnn, a.parentWwpn, a.parentFabricWwn}) {
                if (w != null) {
                    wwn(w);
                }
            }
        } else {
            if (a.name == null && a.parentaddr == null) {
                throw xml("Either 'name' or 'parent' must be specified for the 'scsi_host' adapter");
            }
            if (a.name != null && a.parentaddr != null) {
                throw xml("Both 'name' and 'parent' cannot be specified for the 'scsi_host' adapter");
            }
        }
    }

    /** virValidateWWN: sixteen hex digits, an optional "0x" first. */
    private static void wwn(String w) {
        String s = w.startsWith("0x") ? w.substring(2) : w;
        if (s.length() != 16 || !s.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.NONE, "Malformed wwn: " + w);
        }
    }

    private static void auth(StoragePoolDef.Source.Auth auth) {
        if (auth.username == null) {
            throw xml("missing username for auth");
        }
        if (auth.type == null) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.STORAGE,
                    "storage pool missing auth type");
        }
        if (!auth.type.equals("chap") && !auth.type.equals("ceph")) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.STORAGE,
                    "unknown auth type '" + auth.type + "'");
        }
        if (auth.secret == null) {
            throw xml("Missing <secret> element in auth");
        }
        if (auth.secret.uuid != null) {
            String u = uuid(auth.secret.uuid);
            auth.secret.uuid = u;
            auth.secret.usage = null;
        } else if (auth.secret.usage == null) {
            throw xml("either secret uuid or usage expected");
        }
    }

    private static void features(StoragePoolDef def, String type) {
        if (def.features == null || def.features.cow == null || def.features.cow.state == null) {
            def.features = null;
            return;
        }
        XmlValues.propYesNo(def.features.cow.state, "state", "cow");
        if (!type.equals("fs") && !type.equals("dir")) {
            throw new VirtException(ErrorCode.NO_SUPPORT, ErrorDomain.STORAGE,
                    "cow feature may only be used for 'fs' and 'dir' pools");
        }
    }

    /** A filesystem pool's mount options and an RBD pool's config, the namespaces libvirt's storage driver reads. */
    private static void namespaces(StoragePoolDef def, String type) {
        String ns = type.equals("fs") || type.equals("netfs") ? FS_NS : type.equals("rbd") ? RBD_NS : null;
        String list = ns == null ? null : ns.equals(FS_NS) ? "mount_opts" : "config_opts";
        boolean seen = false;
        for (Iterator<Element> i = def.namespaced.iterator(); i.hasNext();) {
            Element e = i.next();
            if (ns == null || !ns.equals(e.getNamespaceURI()) || !list.equals(e.getLocalName()) || seen) {
                i.remove();
                continue;
            }
            seen = true;
            for (Node k = e.getFirstChild(); k != null; k = k.getNextSibling()) {
                if (k instanceof Element o && ns.equals(o.getNamespaceURI()) && "option".equals(o.getLocalName())) {
                    if (!o.hasAttribute("name")) {
                        throw xml("no " + (ns.equals(FS_NS) ? "fs mount" : "rbd") + " option name specified");
                    }
                    if (ns.equals(RBD_NS) && !o.hasAttribute("value")) {
                        throw xml("no rbd option value specified for name '" + o.getAttribute("name") + "'");
                    }
                }
            }
        }
    }

    // ---- volumes

    /** virStorageVolDefParseXML for a volume of a pool of type {@code poolType}. */
    public static void checkVolume(StorageVolDef def, String poolType, boolean noCapacity) {
        PoolType t = TYPES.get(poolType);
        if (def.name == null) {
            throw xml("missing volume name element");
        }
        if (def.type != null && !VOL_TYPES.contains(def.type)) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.STORAGE,
                    "unknown volume type '" + def.type + "'");
        }
        if (def.type == null) {
            def.type = "file";
        }
        if (def.backingStore != null && def.backingStore.path != null) {
            StorageVolDef.Target b = def.backingStore;
            b.format = format(t, b.format);
            b.permissions = permissions(b.permissions);
            b.timestamps = null;
            b.encryption = null;
            b.compat = null;
            b.nocow = null;
            b.clusterSize = null;
            b.features = null;
        } else {
            def.backingStore = null;
        }
        if (def.capacity != null && def.capacity.text != null) {
            def.capacity = bytes(size(def.capacity));
        } else if (!noCapacity) {
            throw xml("missing capacity element");
        } else {
            def.capacity = null;
        }
        if (def.allocation != null && def.allocation.text != null) {
            def.allocation = bytes(size(def.allocation));
        } else {
            def.allocation = def.capacity == null ? null : bytes(def.capacity.kib);
        }
        // what a pool reports about a volume is never read from a document
        def.source = null;
        def.physical = null;
        StorageVolDef.Target tg = def.target == null ? new StorageVolDef.Target() : def.target;
        def.target = tg;
        tg.format = format(t, tg.format);
        tg.permissions = permissions(tg.permissions);
        tg.timestamps = null;
        if (tg.encryption != null) {
            encryption(tg.encryption);
        }
        if (tg.compat != null) {
            String[] v = tg.compat.split("\\.", 2);
            if (v.length < 2 || XmlValues.parseUInt(v[0], 10) == null || XmlValues.parseUInt(v[1], 10) == null) {
                throw xml("forbidden characters in 'compat' attribute");
            }
        }
        if (tg.clusterSize != null) {
            long c = MomentDocument.scaledBytes(tg.clusterSize, "./target/clusterSize");
            tg.clusterSize = c == 0 ? null : sized(c, "B");
        }
        if (tg.features != null && tg.compat == null) {
            tg.compat = "1.1";
        }
    }

    private static StorageVolDef.Target.Format format(PoolType t, StorageVolDef.Target.Format f) {
        if (t.volFormats == null) {
            return null;
        }
        String type = f == null ? null : f.type;
        if (type == null) {
            type = t.defaultVolFormat;
        } else {
            int i = t.volFormats.indexOf(type);
            // a file format of "none" is no format
            if (i < 0 || t.volFormats == FILE_FORMATS && i == 0) {
                throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.STORAGE,
                        "unknown volume format type " + type);
            }
        }
        StorageVolDef.Target.Format r = new StorageVolDef.Target.Format();
        r.type = type;
        return r;
    }

    private static void encryption(StorageVolDef.Target.Encryption e) {
        List<String> formats = List.of("default", "qcow", "luks", "luks2", "luks-any");
        if (e.format == null) {
            throw xml("unknown volume encryption format");
        }
        if (!formats.contains(e.format)) {
            throw xml("unknown volume encryption format type " + e.format);
        }
        for (StorageVolDef.Target.Encryption.Secret s : e.secrets) {
            if (s.type == null) {
                throw xml("unknown volume encryption secret type");
            }
            if (!s.type.equals("passphrase")) {
                throw xml("unknown volume encryption secret type " + s.type);
            }
            if (s.uuid != null) {
                s.uuid = uuid(s.uuid);
                s.usage = null;
            } else if (s.usage == null) {
                throw xml("either secret uuid or usage expected");
            }
        }
        if (e.cipher != null) {
            if (e.cipher.name == null) {
                throw xml("cipher element missing name attribute");
            }
            Long size = e.cipher.size == null ? null : XmlValues.parseUInt(e.cipher.size, 10);
            if (size == null) {
                throw xml("cannot parse cipher size: '" + e.cipher.size + "'");
            }
            e.cipher.size = size.toString();
        }
        if (e.ivgen != null && e.ivgen.name == null) {
            throw xml("missing ivgen element name");
        }
    }

    /** virStorageSize: a size with its unit, in bytes. */
    private static long size(MemorySize m) {
        Long v = XmlValues.parseUInt64(m.text);
        if (v == null) {
            throw xml("malformed capacity element");
        }
        return ScaledSizes.toBytes(v, m.unit, 1, Long.MAX_VALUE);
    }

    private static MemorySize bytes(long b) {
        return sized(b, "bytes");
    }

    private static MemorySize sized(long b, String unit) {
        MemorySize m = new MemorySize();
        m.unit = unit;
        m.text = Long.toString(b);
        m.kib = b;
        return m;
    }

    // ---- shared

    /** virStorageDefParsePerms: the mode in octal, owner and group as numbers (-1 is none), the label. */
    private static StoragePermissions permissions(StoragePermissions p) {
        if (p == null) {
            return null;
        }
        if (p.mode != null) {
            Integer m = XmlValues.parseInt(p.mode, 8);
            if (m == null || (m & ~0777) != 0) {
                throw xml("malformed octal mode");
            }
            p.mode = "0" + Integer.toOctalString(m);
        }
        p.owner = id(p.owner, "malformed owner element");
        p.group = id(p.group, "malformed group element");
        return p.mode == null && p.owner == null && p.group == null && p.label == null ? null : p;
    }

    /** An owner or group: a uid or gid, or -1 (none); 2^32-1 is -1 too. */
    private static String id(String v, String error) {
        if (v == null) {
            return null;
        }
        Long x;
        try {
            double d = Double.parseDouble(v.strip());
            x = Double.isNaN(d) ? null : (long) d;
        } catch (NumberFormatException e) {
            x = null;
        }
        if (x == null || (x < 0 || x > 0xFFFFFFFFL) && x != -1) {
            throw xml(error);
        }
        return x == -1 || x == 0xFFFFFFFFL ? null : Long.toString((int) (long) x);
    }

    private static String uuid(String v) {
        if (v == null) {
            return UUID.randomUUID().toString();
        }
        String u = v.strip().replace("-", "").replace(" ", "");
        if (u.length() != 32 || !u.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw xml("malformed uuid element");
        }
        u = u.toLowerCase(Locale.ROOT);
        return u.substring(0, 8) + "-" + u.substring(8, 12) + "-" + u.substring(12, 16) + "-" + u.substring(16, 20)
                + "-" + u.substring(20);
    }

    /** virFileSanitizePath: repeated slashes made one, no trailing slash; a leading "//" kept, URIs untouched. */
    public static String sanitizePath(String path) {
        int uri = path.indexOf("://");
        if (uri >= 0) {
            int slash = path.indexOf('/');
            if (slash > uri || slash < 0) {
                return path;
            }
        }
        StringBuilder sb = new StringBuilder();
        int i = 0;
        if (path.startsWith("//") && (path.length() == 2 || path.charAt(2) != '/')) {
            sb.append("//");
            i = 2;
        }
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c != '/') {
                sb.append(c);
                i++;
                continue;
            }
            while (i < path.length() && path.charAt(i) == '/') {
                i++;
            }
            if (sb.length() != 0 && i == path.length()) {
                break;
            }
            sb.append('/');
        }
        return sb.toString();
    }

    private static VirtException xml(String detail) {
        return new VirtException(ErrorCode.XML_ERROR, ErrorDomain.STORAGE, detail);
    }

    // ---- format

    /** virStoragePoolDefFormatBuf. */
    public static String formatPool(StoragePoolDef def, XmlWriter w) {
        XmlBuffer b = w.out();
        PoolType t = TYPES.get(def.type);
        String ns = nsOf(def);
        b.open("pool").attr("type", def.type);
        if (ns != null) {
            b.attr(ns.equals(FS_NS) ? "xmlns:fs" : "xmlns:rbd", ns);
        }
        b.endOpen();
        b.textElement("name", def.name);
        b.textElement("uuid", def.uuid);
        for (String[] s : new String[][] {{"capacity", text(def.capacity)}, {"allocation", text(def.allocation)},
            {"available", text(def.available)}}) {
            b.open(s[0]).attr("unit", "bytes").endText(s[0], s[1]);
        }
        if (def.features != null) {
            b.open("features").endOpen();
            b.open("cow").attr("state", def.features.cow.state).endEmpty();
            b.close("features");
        }
        poolSource(b, t, def.source);
        if (def.target != null && !List.of("rbd", "sheepdog", "gluster", "iscsi-direct").contains(def.type)) {
            b.open("target").endOpen();
            b.textElement("path", def.target.path);
            permissions(b, def.target.permissions);
            b.close("target");
        }
        if (def.refresh != null) {
            b.open("refresh").endOpen();
            b.open("volume").attr("allocation", def.refresh.volume.allocation).endEmpty();
            b.close("refresh");
        }
        if (ns != null) {
            Element e = def.namespaced.get(0);
            String prefix = ns.equals(FS_NS) ? "fs" : "rbd";
            String list = ns.equals(FS_NS) ? "mount_opts" : "config_opts";
            b.open(prefix + ":" + list).endOpen();
            for (Node k = e.getFirstChild(); k != null; k = k.getNextSibling()) {
                if (k instanceof Element o && ns.equals(o.getNamespaceURI()) && "option".equals(o.getLocalName())) {
                    b.open(prefix + ":option").attr("name", o.getAttribute("name"))
                            .attr("value", o.hasAttribute("value") && ns.equals(RBD_NS) ? o.getAttribute("value")
                                    : null).endEmpty();
                }
            }
            b.close(prefix + ":" + list);
        }
        b.close("pool");
        return b.toString();
    }

    private static String nsOf(StoragePoolDef def) {
        if (def.namespaced.isEmpty()) {
            return null;
        }
        return def.namespaced.get(0).getNamespaceURI();
    }

    private static String text(MemorySize m) {
        return m == null || m.text == null ? "0" : m.text;
    }

    private static void poolSource(XmlBuffer b, PoolType t, StoragePoolDef.Source s) {
        b.open("source").endOpen();
        if ((t.flags & HOST) != 0) {
            for (StoragePoolDef.Source.Host h : s.hosts) {
                b.open("host").attr("name", h.name).attr("port", h.port).endEmpty();
            }
        }
        if ((t.flags & DEVICE) != 0) {
            for (StoragePoolDef.Source.Device d : s.devices) {
                b.open("device").attr("path", d.path).attr("part_separator", d.partSeparator);
                if (d.freeExtents.isEmpty()) {
                    b.endEmpty();
                } else {
                    b.endOpen();
                    for (StoragePoolDef.Source.Device.FreeExtent e : d.freeExtents) {
                        b.open("freeExtent").attr("start", e.start).attr("end", e.end).endEmpty();
                    }
                    b.close("device");
                }
            }
        }
        if ((t.flags & DIR) != 0 && s.dir != null) {
            b.open("dir").attr("path", s.dir.path).endEmpty();
        }
        if ((t.flags & ADAPTER) != 0 && s.adapter != null && s.adapter.type != null) {
            adapter(b, s.adapter);
        }
        if ((t.flags & NAME) != 0) {
            b.textElement("name", s.name);
        }
        if ((t.flags & IQN) != 0 && s.initiator != null) {
            b.open("initiator").endOpen();
            b.open("iqn").attr("name", s.initiator.iqn.name).endEmpty();
            b.close("initiator");
        }
        if (t.formats != null && s.format != null) {
            b.open("format").attr("type", s.format.type).endEmpty();
        }
        if (s.auth != null) {
            b.open("auth").attr("type", s.auth.type).attr("username", s.auth.username).endOpen();
            b.open("secret").attr("type", s.auth.secret.type).attr("uuid", s.auth.secret.uuid)
                    .attr("usage", s.auth.secret.usage).endEmpty();
            b.close("auth");
        }
        if (s.protocol != null) {
            b.open("protocol").attr("ver", s.protocol.ver).endEmpty();
        }
        if (s.vendor != null) {
            b.open("vendor").attr("name", s.vendor.name).endEmpty();
        }
        if (s.product != null) {
            b.open("product").attr("name", s.product.name).endEmpty();
        }
        b.close("source");
    }

    private static void adapter(XmlBuffer b, StoragePoolDef.Source.Adapter a) {
        b.open("adapter").attr("type", a.type);
        if (a.type.equals("fc_host")) {
            b.attr("parent", a.parent).attr("parent_wwnn", a.parentWwnn).attr("parent_wwpn", a.parentWwpn)
                    .attr("parent_fabric_wwn", a.parentFabricWwn).attr("managed", a.managed)
                    .attr("wwnn", a.wwnn).attr("wwpn", a.wwpn).endEmpty();
        } else if (a.name != null) {
            b.attr("name", a.name).endEmpty();
        } else {
            b.endOpen();
            b.open("parentaddr").attr("unique_id", a.parentaddr.uniqueId).endOpen();
            StoragePoolDef.Source.Adapter.Parentaddr.Address p = a.parentaddr.address;
            b.open("address").attr("domain", p.domain).attr("bus", p.bus).attr("slot", p.slot)
                    .attr("function", p.function).endEmpty();
            b.close("parentaddr");
            b.close("adapter");
        }
    }

    private static void permissions(XmlBuffer b, StoragePermissions p) {
        if (p == null) {
            return;
        }
        b.open("permissions").endOpen();
        b.textElement("mode", p.mode);
        b.textElement("owner", p.owner);
        b.textElement("group", p.group);
        b.textElement("label", p.label);
        b.close("permissions");
    }

    /** virStorageVolDefFormat for a volume of a pool of type {@code poolType}. */
    public static String formatVolume(StorageVolDef def, String poolType, XmlWriter w) {
        XmlBuffer b = w.out();
        PoolType t = TYPES.get(poolType);
        b.open("volume").attr("type", def.type == null ? "file" : def.type).endOpen();
        b.textElement("name", def.name);
        b.textElement("key", def.key);
        if (def.source != null && !def.source.devices.isEmpty()) {
            b.open("source").endOpen();
            for (StorageVolDef.Source.Device d : def.source.devices) {
                b.open("device").attr("path", d.path).endOpen();
                for (StorageVolDef.Source.Device.Extent e : d.extents) {
                    b.open("extent").attr("start", e.start).attr("end", e.end).endEmpty();
                }
                b.close("device");
            }
            b.close("source");
        }
        b.open("capacity").attr("unit", "bytes").endText("capacity", text(def.capacity));
        b.open("allocation").attr("unit", "bytes").endText("allocation", text(def.allocation));
        if (def.physical != null && def.physical.text != null && !def.physical.text.equals("0")) {
            b.open("physical").attr("unit", "bytes").endText("physical", def.physical.text);
        }
        volTarget(b, w, t, def.target == null ? new StorageVolDef.Target() : def.target, "target");
        if (def.backingStore != null && def.backingStore.path != null) {
            volTarget(b, w, t, def.backingStore, "backingStore");
        }
        b.close("volume");
        return b.toString();
    }

    private static void volTarget(XmlBuffer b, XmlWriter w, PoolType t, StorageVolDef.Target tg, String name) {
        b.open(name).endOpen();
        b.textElement("path", tg.path);
        if (t.volFormats != null && tg.format != null) {
            b.open("format").attr("type", tg.format.type).endEmpty();
        }
        permissions(b, tg.permissions);
        if (tg.timestamps != null) {
            b.open("timestamps").endOpen();
            b.textElement("atime", tg.timestamps.atime);
            b.textElement("mtime", tg.timestamps.mtime);
            b.textElement("ctime", tg.timestamps.ctime);
            b.textElement("btime", tg.timestamps.btime);
            b.close("timestamps");
        }
        if (tg.encryption != null) {
            w.element("encryption", tg.encryption);
        }
        b.textElement("compat", tg.compat);
        if (tg.clusterSize != null) {
            b.open("clusterSize").attr("unit", "B").endText("clusterSize", tg.clusterSize.text);
        }
        if (tg.features != null) {
            if (tg.features.lazyRefcounts == null && tg.features.extendedL2 == null) {
                b.empty("features");
            } else {
                b.open("features").endOpen();
                if (tg.features.lazyRefcounts != null) {
                    b.empty("lazy_refcounts");
                }
                if (tg.features.extendedL2 != null) {
                    b.empty("extended_l2");
                }
                b.close("features");
            }
        }
        b.close(name);
    }
}
