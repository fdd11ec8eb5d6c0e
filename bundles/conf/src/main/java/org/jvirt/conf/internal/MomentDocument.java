package org.jvirt.conf.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.jvirt.api.DomainXMLFlag;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.conf.DomainParseOptions;
import org.jvirt.conf.MomentOptions;
import org.jvirt.conf.MomentXml.CheckpointFormat;
import org.jvirt.conf.MomentXml.SnapshotFormat;
import org.jvirt.conf.XmlSchemas;
import org.jvirt.conf.domain.DomainDef;
import org.jvirt.conf.domain.StorageSource;
import org.jvirt.conf.snapshot.DomainCheckpointDef;
import org.jvirt.conf.snapshot.DomainSnapshotDef;
import org.jvirt.util.ScaledSizes;

/**
 * Snapshots and checkpoints as libvirt's snapshot_conf and checkpoint_conf: a new moment takes its creation time
 * (and, without one, its name) from the clock, and only a redefined one keeps the creation time, parent, state
 * and domain it gives; the disks' defaults; the format.
 */
public final class MomentDocument {
    static final List<String> SNAPSHOT_STATES = List.of("nostate", "running", "blocked", "paused", "shutdown",
            "shutoff", "crashed", "pmsuspended", "disk-snapshot");
    static final List<String> LOCATIONS = List.of("default", "no", "internal", "external", "manual");
    static final List<String> STORAGE_TYPES = List.of("none", "file", "block", "dir", "network", "volume", "nvme",
            "vhostuser", "vhostvdpa");
    static final List<String> FILE_FORMATS = List.of("none", "raw", "dir", "bochs", "cloop", "dmg", "iso", "vpc",
            "vdi", "fat", "vhd", "ploop", "cow", "qcow", "qcow2", "qed", "vmdk");
    private static final Pattern CHECKPOINT_NAME = Pattern.compile("[a-zA-Z0-9_\\-][a-zA-Z0-9_\\-.]*");

    private MomentDocument() {
    }

    // ---- snapshots

    /** virDomainSnapshotDefParse's reading and checks. */
    public static void checkSnapshot(DomainSnapshotDef def, String xml, MomentOptions o) {
        if (o.validate()) {
            XmlSchemas.check(xml, "domainsnapshot");
        }
        if (def.name == null && o.redefine()) {
            throw xmlError(ErrorDomain.DOMAIN_SNAPSHOT, "a redefined snapshot must have a name");
        }
        boolean offline = false;
        if (o.redefine()) {
            def.creationTime = creationTime(def.creationTime, ErrorDomain.DOMAIN_SNAPSHOT,
                    "missing creationTime from existing snapshot");
            if (def.parent != null && def.parent.name == null) {
                def.parent = null;
            }
            if (def.state == null) {
                throw xmlError(ErrorDomain.DOMAIN_SNAPSHOT, "missing state from existing snapshot");
            }
            if (SNAPSHOT_STATES.indexOf(def.state) <= 0) {
                throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.DOMAIN_SNAPSHOT,
                        "Invalid state '" + def.state + "' in domain snapshot XML");
            }
            offline = def.state.equals("shutoff") || def.state.equals("disk-snapshot");
            // older snapshots carry only <domain><uuid>: without a type there is no domain to keep
            if (def.domain != null && def.domain.type == null) {
                def.domain = null;
            }
            embeddedDomain(def.domain);
            embeddedDomain(def.inactiveDomain);
        } else {
            def.state = null;
            def.parent = null;
            def.domain = null;
            def.inactiveDomain = null;
            def.creationTime = null;
            newMoment(def, o);
        }
        memory(def, o, offline);
        if (def.disks != null) {
            for (DomainSnapshotDef.Disks.Disk d : def.disks.disks) {
                snapshotDisk(d);
            }
            if (def.disks.disks.isEmpty()) {
                def.disks = null;
            }
        }
        if (o.internal()) {
            Integer active = XmlValues.parseInt(def.active == null ? null : def.active.strip(), 10);
            if (active == null) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.DOMAIN_SNAPSHOT,
                        "Could not find 'active' element");
            }
            def.active = active != 0 ? "1" : "0";
        } else {
            def.active = null;
        }
        if (offline) {
            def.cookie = null;
        }
    }

    /** A new moment is timed now (virDomainMomentDefPostParse); a clock giving 0 leaves it untimed. */
    private static void newMoment(Object def, MomentOptions o) {
        long now = o.clock() == null ? 0 : o.clock().getAsLong();
        if (now == 0) {
            return;
        }
        String t = Long.toString(now);
        if (def instanceof DomainSnapshotDef s) {
            s.creationTime = t;
            s.name = s.name == null ? t : s.name;
        } else if (def instanceof DomainCheckpointDef c) {
            c.creationTime = t;
            c.name = c.name == null ? t : c.name;
        }
    }

    private static void memory(DomainSnapshotDef def, MomentOptions o, boolean offline) {
        String file = def.memory == null ? null : def.memory.file;
        String mode = "default";
        if (def.memory != null && def.memory.snapshot != null) {
            mode = nonZeroEnum(def.memory.snapshot, "snapshot", "memory", LOCATIONS);
            if (mode.equals("manual")) {
                throw xmlError(ErrorDomain.DOMAIN_SNAPSHOT, "'manual' memory snapshot mode not supported");
            }
        }
        if (mode.equals("default")) {
            if (file != null) {
                mode = "external";
            } else if (o.redefine()) {
                mode = offline ? "no" : "internal";
            }
        }
        if (file != null && !mode.equals("external")) {
            throw xmlError(ErrorDomain.DOMAIN_SNAPSHOT, "memory filename '" + file
                    + "' requires external snapshot");
        }
        if (file == null && mode.equals("external")) {
            throw xmlError(ErrorDomain.DOMAIN_SNAPSHOT, "external memory snapshots require a filename");
        }
        if (offline && !mode.equals("default") && !mode.equals("no")) {
            throw xmlError(ErrorDomain.DOMAIN_SNAPSHOT,
                    "memory state cannot be saved with offline or disk-only snapshot");
        }
        if (file != null && !file.startsWith("/")) {
            throw xmlError(ErrorDomain.DOMAIN_SNAPSHOT, "memory snapshot file path (" + file
                    + ") must be absolute");
        }
        if (mode.equals("default")) {
            def.memory = null;
        } else {
            if (def.memory == null) {
                def.memory = new DomainSnapshotDef.Memory();
            }
            def.memory.snapshot = mode;
        }
    }

    private static void snapshotDisk(DomainSnapshotDef.Disks.Disk d) {
        if (d.name == null) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.DOMAIN_SNAPSHOT,
                    "missing name from disk snapshot element");
        }
        String location = d.snapshot == null ? "default" : nonZeroEnum(d.snapshot, "snapshot", "disk", LOCATIONS);
        String type = d.type == null ? "file" : nonZeroEnum(d.type, "type", "disk", STORAGE_TYPES);
        if (type.equals("volume") || type.equals("dir")) {
            throw xmlError(ErrorDomain.DOMAIN_SNAPSHOT, "unsupported disk snapshot type '" + type + "'");
        }
        StorageSource src = d.source;
        String path = src == null ? null : path(src, type);
        String format = null;
        if (d.driver != null && d.driver.type != null) {
            if (FILE_FORMATS.indexOf(d.driver.type) <= 0) {
                throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.DOMAIN_SNAPSHOT,
                        "unknown disk snapshot driver '" + d.driver.type + "'");
            }
            format = d.driver.type;
        }
        Long cache = null;
        if (d.driver != null && d.driver.metadataCache != null && d.driver.metadataCache.maxSize != null) {
            cache = scaledBytes(d.driver.metadataCache.maxSize, "./driver/metadata_cache/max_size");
        }
        if ((type.equals("file") || type.equals("block")) && path != null && !path.startsWith("/")) {
            throw xmlError(ErrorDomain.DOMAIN_SNAPSHOT, "disk snapshot image path '" + path + "' must be absolute");
        }
        if (location.equals("default") && (path != null || format != null)) {
            location = "external";
        }
        d.snapshot = location.equals("default") ? null : location;
        if (path != null || format != null) {
            d.type = type;
            DomainSnapshotDef.Disks.Disk.Driver driver = new DomainSnapshotDef.Disks.Disk.Driver();
            driver.type = format;
            if (cache != null && cache > 0) {
                driver.metadataCache = new DomainSnapshotDef.Disks.Disk.Driver.MetadataCache();
                driver.metadataCache.maxSize = org.jvirt.conf.domain.MemorySize.ofKiB(0);
                driver.metadataCache.maxSize.unit = "bytes";
                driver.metadataCache.maxSize.text = Long.toString(cache);
            }
            d.driver = driver.type == null && driver.metadataCache == null ? null : driver;
            d.source = src == null ? null : sourceOfType(src, type);
        } else {
            d.type = null;
            d.driver = null;
            d.source = null;
        }
    }

    /** The path of a source as its type reads it (libvirt keeps one path whatever attribute gave it). */
    private static String path(StorageSource s, String type) {
        return switch (type) {
            case "file" -> s.file;
            case "block" -> s.dev;
            case "dir" -> s.dir;
            case "network" -> s.name;
            case "nvme", "vhostuser", "vhostvdpa" -> s.path;
            default -> null;
        };
    }

    /** Only what the type of a source reads is kept of it. */
    private static StorageSource sourceOfType(StorageSource s, String type) {
        if (!type.equals("file")) {
            s.file = null;
        }
        if (!type.equals("block")) {
            s.dev = null;
        }
        s.dir = null;
        s.startupPolicy = null;
        s.index = null;
        if (!type.equals("network")) {
            s.protocol = null;
            s.name = null;
            s.hosts.clear();
        }
        return s;
    }

    /** virParseScaledValue: a size in bytes from a value and its unit. */
    static long scaledBytes(org.jvirt.conf.domain.MemorySize m, String xpath) {
        Long v = m.text == null ? null : XmlValues.parseLong(m.text.strip(), 10);
        if (v == null || v < 0) {
            throw xmlError(ErrorDomain.DOMAIN_SNAPSHOT, "could not parse element " + xpath);
        }
        return ScaledSizes.toBytes(v, m.unit, 1, Long.MAX_VALUE);
    }

    /** Writes a snapshot as virDomainSnapshotDefFormat. */
    public static String formatSnapshot(DomainSnapshotDef def, String uuid, Set<SnapshotFormat> flags) {
        XmlBuffer b = new XmlBuffer();
        Set<DomainXMLFlag> domainFlags = domainFlags(flags.contains(SnapshotFormat.SECURE));
        XmlWriter w = new XmlWriter(b, true, flags.contains(SnapshotFormat.SECURE), DomainFormat.formats());
        b.open("domainsnapshot").endOpen();
        b.textElement("name", def.name);
        b.textElement("description", def.description);
        b.textElement("state", def.state);
        parent(b, def.parent == null ? null : def.parent.name);
        creationTime(b, def.creationTime);
        if (def.memory != null && def.memory.snapshot != null) {
            b.open("memory").attr("snapshot", def.memory.snapshot).attr("file", def.memory.file).endEmpty();
        }
        if (def.disks != null && !def.disks.disks.isEmpty()) {
            b.open("disks").endOpen();
            for (DomainSnapshotDef.Disks.Disk d : def.disks.disks) {
                snapshotDisk(b, w, d);
            }
            b.close("disks");
        }
        if (def.domain != null) {
            DomainFormat.write(b, def.domain, domainFlags);
        } else if (uuid != null) {
            b.open("domain").endOpen();
            b.textElement("uuid", uuid);
            b.close("domain");
        }
        if (def.inactiveDomain != null) {
            DomainFormat.write(b, def.inactiveDomain, domainFlags, "inactiveDomain");
        }
        w.element("cookie", def.cookie);
        if (flags.contains(SnapshotFormat.INTERNAL)) {
            b.textElement("active", flags.contains(SnapshotFormat.CURRENT) ? "1" : "0");
        }
        b.close("domainsnapshot");
        return b.toString();
    }

    private static void snapshotDisk(XmlBuffer b, XmlWriter w, DomainSnapshotDef.Disks.Disk d) {
        if (d.name == null) {
            return;
        }
        b.open("disk").attr("name", d.name).attr("snapshot", d.snapshot).attr("type", d.type);
        boolean driver = d.driver != null && (d.driver.type != null || d.driver.metadataCache != null);
        boolean source = d.source != null && (w.hasChildren(d.source) || hasAttributes(d.source));
        if (!driver && !source) {
            b.endEmpty();
            return;
        }
        b.endOpen();
        if (driver) {
            w.element("driver", d.driver);
        }
        if (source) {
            w.element("source", d.source);
        }
        b.close("disk");
    }

    private static boolean hasAttributes(StorageSource s) {
        return s.file != null || s.dev != null || s.protocol != null || s.name != null || s.path != null
                || s.type != null || s.pool != null || s.volume != null;
    }

    // ---- checkpoints

    /** virDomainCheckpointDefParse's reading and checks, with the schema libvirt always applies to checkpoints. */
    public static void checkCheckpoint(DomainCheckpointDef def, String xml, MomentOptions o) {
        if (XmlSchemas.folder() != null) {
            XmlSchemas.check(xml, "domaincheckpoint");
        } else {
            checkpointSchemaRules(def);
        }
        if (def.name == null && o.redefine()) {
            throw xmlError(ErrorDomain.DOMAIN_CHECKPOINT, "a redefined checkpoint must have a name");
        }
        if (o.redefine()) {
            def.creationTime = creationTime(def.creationTime, ErrorDomain.DOMAIN_CHECKPOINT,
                    "missing creationTime from existing checkpoint");
            if (def.parent != null && def.parent.name == null) {
                def.parent = null;
            }
            embeddedDomain(def.domain);
        } else {
            def.parent = null;
            def.domain = null;
            def.creationTime = null;
            newMoment(def, o);
        }
        def.active = null;
        if (def.disks != null) {
            for (DomainCheckpointDef.Disks.Disk d : def.disks.disks) {
                if (d.checkpoint == null) {
                    d.checkpoint = "bitmap";
                }
                // a size comes from the hypervisor, never from the document
                d.size = null;
            }
            if (def.disks.disks.isEmpty()) {
                def.disks = null;
            }
        }
    }

    /** What domaincheckpoint.rng guarantees, for when libvirt's schemas are not installed. */
    private static void checkpointSchemaRules(DomainCheckpointDef def) {
        if (def.active != null) {
            throw schemaError("element active is not allowed in a checkpoint");
        }
        if (def.name != null && !CHECKPOINT_NAME.matcher(def.name).matches()) {
            throw schemaError("invalid checkpoint name '" + def.name + "'");
        }
        if (def.disks != null) {
            for (DomainCheckpointDef.Disks.Disk d : def.disks.disks) {
                if (d.name == null) {
                    throw schemaError("a checkpoint disk has no name");
                }
                if (d.checkpoint != null && !d.checkpoint.equals("no") && !d.checkpoint.equals("bitmap")) {
                    throw schemaError("invalid checkpoint type '" + d.checkpoint + "'");
                }
            }
        }
    }

    private static VirtException schemaError(String detail) {
        return new VirtException(ErrorCode.XML_INVALID_SCHEMA, ErrorDomain.XML,
                "Unable to validate doc against domaincheckpoint.rng\n" + detail);
    }

    /** Writes a checkpoint as virDomainCheckpointDefFormat. */
    public static String formatCheckpoint(DomainCheckpointDef def, Set<CheckpointFormat> flags) {
        XmlBuffer b = new XmlBuffer();
        b.open("domaincheckpoint").endOpen();
        b.textElement("name", def.name);
        b.textElement("description", def.description);
        parent(b, def.parent == null ? null : def.parent.name);
        creationTime(b, def.creationTime);
        if (def.disks != null && !def.disks.disks.isEmpty()) {
            b.open("disks").endOpen();
            for (DomainCheckpointDef.Disks.Disk d : def.disks.disks) {
                if (d.name == null) {
                    continue;
                }
                b.open("disk").attr("name", d.name).attr("checkpoint", "default".equals(d.checkpoint) ? null
                        : d.checkpoint);
                if (d.bitmap != null) {
                    b.attr("bitmap", d.bitmap);
                    if (flags.contains(CheckpointFormat.SIZE)) {
                        b.attr("size", d.size);
                    }
                }
                b.endEmpty();
            }
            b.close("disks");
        }
        if (def.domain != null && !flags.contains(CheckpointFormat.NO_DOMAIN)) {
            DomainFormat.write(b, def.domain, domainFlags(flags.contains(CheckpointFormat.SECURE)));
        }
        b.close("domaincheckpoint");
        return b.toString();
    }

    // ---- shared

    private static String creationTime(String text, ErrorDomain domain, String missing) {
        Long t = text == null ? null : XmlValues.parseLong(text.strip(), 10);
        if (t == null) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, domain, missing);
        }
        return t == 0 ? null : t.toString();
    }

    private static void embeddedDomain(DomainDef d) {
        if (d != null) {
            // parsed as an inactive definition, without the checks a define makes
            DomainPostParse.apply(d, DomainParseOptions.generic());
        }
    }

    private static void parent(XmlBuffer b, String name) {
        if (name != null) {
            b.open("parent").endOpen();
            b.textElement("name", name);
            b.close("parent");
        }
    }

    private static void creationTime(XmlBuffer b, String t) {
        if (t != null && !t.equals("0")) {
            b.textElement("creationTime", t);
        }
    }

    private static Set<DomainXMLFlag> domainFlags(boolean secure) {
        return secure ? EnumSet.of(DomainXMLFlag.INACTIVE, DomainXMLFlag.SECURE) : EnumSet.of(DomainXMLFlag.INACTIVE);
    }

    private static String nonZeroEnum(String value, String attr, String element, List<String> values) {
        if (values.indexOf(value) <= 0) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.XML, "Invalid value for attribute '" + attr
                    + "' in element '" + element + "': '" + value + "'.");
        }
        return value;
    }

    private static VirtException xmlError(ErrorDomain domain, String detail) {
        return new VirtException(ErrorCode.XML_ERROR, domain, detail);
    }
}
