package org.jvirt.conf.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.conf.XmlSchemas;
import org.jvirt.conf.domain.DiskDef;
import org.jvirt.conf.domain.DomainDef;
import org.jvirt.conf.domain.StorageSource;
import org.jvirt.conf.snapshot.DomainBackupDef;

/** Backups as libvirt's backup_conf: reading, disk alignment with the domain, format. */
public final class BackupDocument {
    private static final List<String> MODES = List.of("default", "push", "pull");
    private static final List<String> DISK_STATES = List.of("", "running", "complete", "failed", "cancelling",
            "cancelled");
    private static final List<String> BACKUP_MODES = List.of("", "full", "incremental");
    private static final List<String> TRANSPORTS = List.of("tcp", "unix", "rdma");

    private BackupDocument() {
    }

    /** virDomainBackupDefParse's reading and checks. */
    public static void check(DomainBackupDef def, String xml, boolean internal) {
        if (!internal && XmlSchemas.folder() != null) {
            XmlSchemas.check(xml, "domainbackup");
        }
        if (def.mode == null) {
            def.mode = "push";
        } else if (MODES.indexOf(def.mode) <= 0) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.DOMAIN,
                    "unknown backup mode '" + def.mode + "'");
        }
        boolean push = def.mode.equals("push");
        if (def.server != null) {
            server(def);
        }
        if (def.disks != null) {
            for (DomainBackupDef.Disks.Disk d : def.disks.disks) {
                disk(d, push, internal);
            }
        }
        if (!internal) {
            def.privateData = null;
        }
    }

    private static void server(DomainBackupDef def) {
        DomainBackupDef.Server s = def.server;
        if (!def.mode.equals("pull")) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.DOMAIN,
                    "use of <server> requires pull mode backup");
        }
        String transport = s.transport == null ? "tcp" : XmlValues.propEnum(s.transport, "transport", "server",
                TRANSPORTS);
        if (transport.equals("rdma")) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.DOMAIN,
                    "transport rdma is not supported for <server>");
        }
        if (transport.equals("unix")) {
            if (s.socket == null) {
                throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN,
                        "missing socket for unix transport");
            }
            if (!s.socket.startsWith("/")) {
                throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN,
                        "backup socket path '" + s.socket + "' must be absolute");
            }
            s.name = null;
            s.port = null;
        } else {
            if (s.name == null) {
                throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN,
                        "missing name for host");
            }
            Long port = XmlValues.propUInt(s.port, "port", "server");
            s.port = port == null || port == 0 ? null : port.toString();
            s.socket = null;
        }
        s.transport = transport;
        XmlValues.propYesNo(s.tls, "tls", "server");
    }

    private static void disk(DomainBackupDef.Disks.Disk d, boolean push, boolean internal) {
        if (d.name == null) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN, "missing name from disk backup element");
        }
        String backup = XmlValues.propYesNo(d.backup, "backup", "disk");
        d.backup = backup == null ? "yes" : backup;
        if (d.backup.equals("no")) {
            // nothing else is read of a disk left out
            d.state = null;
            d.type = null;
            d.backupmode = null;
            d.incremental = null;
            d.exportname = null;
            d.exportbitmap = null;
            d.index = null;
            d.driver = null;
            d.scratch = null;
            d.target = null;
            return;
        }
        if (push) {
            d.exportname = null;
            d.exportbitmap = null;
        }
        XmlValues.propEnum(d.backupmode, "backupmode", "disk", BACKUP_MODES);
        if (d.backupmode != null && d.backupmode.isEmpty()) {
            d.backupmode = null;
        }
        if (internal) {
            XmlValues.requiredEnum(d.state, "state", "disk", DISK_STATES);
        } else {
            d.state = null;
            d.index = null;
        }
        String type = d.type == null ? "file" : d.type;
        if (MomentDocument.STORAGE_TYPES.indexOf(type) < 0) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN, "unknown disk type '" + type + "'");
        }
        if (!type.equals("file") && !type.equals("block")) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN,
                    "unsupported disk backup type '" + type + "'");
        }
        d.type = type;
        if (d.driver != null && d.driver.type != null && MomentDocument.FILE_FORMATS.indexOf(d.driver.type) < 0) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN,
                    "unknown disk format '" + d.driver.type + "'");
        }
        if (d.driver != null && (d.driver.type == null || d.driver.type.equals("none"))) {
            d.driver = null;
        }
        if (push) {
            d.scratch = null;
            d.target = store(d.target, type);
        } else {
            d.target = null;
            d.scratch = store(d.scratch, type);
        }
    }

    /** The source a backup writes to, keeping only what its type reads. */
    private static StorageSource store(StorageSource s, String type) {
        if (s == null) {
            return null;
        }
        if (!type.equals("file")) {
            s.file = null;
        }
        if (!type.equals("block")) {
            s.dev = null;
        }
        s.dir = null;
        s.protocol = null;
        s.name = null;
        s.hosts.clear();
        s.startupPolicy = null;
        s.index = null;
        return s;
    }

    /** virDomainBackupAlignDisks. */
    public static void alignDisks(DomainBackupDef def, DomainDef dom, String suffix) {
        List<DiskDef> domDisks = dom.devices == null ? List.of() : dom.devices.disks;
        if (domDisks.isEmpty()) {
            throw unsupported("domain must have at least one disk to perform backup");
        }
        if (def.disks == null) {
            def.disks = new DomainBackupDef.Disks();
        }
        List<DomainBackupDef.Disks.Disk> disks = def.disks.disks;
        Set<String> seen = new HashSet<>();
        for (DomainBackupDef.Disks.Disk d : disks) {
            DiskDef domdisk = byTarget(domDisks, d.name);
            if (domdisk == null) {
                throw unsupported("no disk named '" + d.name + "'");
            }
            if (!seen.add(d.name)) {
                throw unsupported("disk '" + d.name + "' specified twice");
            }
            if ("incremental".equals(d.backupmode) && d.incremental == null && def.incremental == null) {
                throw unsupported("'incremental' backup mode of disk '" + d.name
                        + "' requires setting 'incremental' field for disk or backup");
            }
            if ("yes".equals(d.backup)) {
                StorageSource store = def.mode.equals("push") ? d.target : d.scratch;
                if (empty(domdisk) && store != null) {
                    throw unsupported("disk '" + d.name + "' has no media");
                }
                if (store == null) {
                    assignStore(d, domdisk, suffix, def.mode.equals("push"));
                }
            }
        }
        boolean all = disks.isEmpty();
        for (DiskDef domdisk : domDisks) {
            String dst = domdisk.target == null ? null : domdisk.target.dev;
            if (seen.contains(dst)) {
                continue;
            }
            DomainBackupDef.Disks.Disk d = new DomainBackupDef.Disks.Disk();
            d.name = dst;
            if (all && !empty(domdisk) && domdisk.readonly == null) {
                d.backup = "yes";
                d.type = "file";
                assignStore(d, domdisk, suffix, def.mode.equals("push"));
            } else {
                d.backup = "no";
            }
            disks.add(d);
        }
        for (DomainBackupDef.Disks.Disk d : disks) {
            if (!"yes".equals(d.backup)) {
                continue;
            }
            if (d.backupmode == null) {
                d.backupmode = def.incremental != null || d.incremental != null ? "incremental" : "full";
            }
            if (d.incremental == null && d.backupmode.equals("incremental")) {
                d.incremental = def.incremental;
            }
        }
    }

    /** A store named after the disk's image, for a disk the document did not name. */
    private static void assignStore(DomainBackupDef.Disks.Disk d, DiskDef domdisk, String suffix, boolean push) {
        if (!empty(domdisk)) {
            if (!"file".equals(domdisk.type == null ? "file" : domdisk.type)) {
                throw unsupported("refusing to generate file name for disk '" + d.name + "'");
            }
            StorageSource s = new StorageSource();
            s.file = domdisk.source.file + "." + suffix;
            if (push) {
                d.target = s;
            } else {
                d.scratch = s;
            }
        }
    }

    private static boolean empty(DiskDef d) {
        return d.source == null || d.source.file == null && d.source.dev == null && d.source.dir == null
                && d.source.name == null && d.source.volume == null && d.source.path == null;
    }

    private static DiskDef byTarget(List<DiskDef> disks, String name) {
        for (DiskDef d : disks) {
            if (d.target != null && name != null && name.equals(d.target.dev)) {
                return d;
            }
        }
        return null;
    }

    private static VirtException unsupported(String detail) {
        return new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.DOMAIN, detail);
    }

    /** Writes a backup as virDomainBackupDefFormat. */
    public static String format(DomainBackupDef def, boolean internal) {
        XmlBuffer b = new XmlBuffer();
        XmlWriter w = new XmlWriter(b, false, true, DomainFormat.formats());
        b.open("domainbackup").attr("mode", def.mode == null ? "default" : def.mode).endOpen();
        b.textElement("incremental", def.incremental);
        if (def.server != null) {
            b.open("server").attr("transport", def.server.transport).attr("tls", def.server.tls)
                    .attr("name", def.server.name).attr("port", def.server.port).attr("socket", def.server.socket)
                    .endEmpty();
        }
        boolean push = "push".equals(def.mode);
        if (def.disks != null && !def.disks.disks.isEmpty()) {
            b.open("disks").endOpen();
            for (DomainBackupDef.Disks.Disk d : def.disks.disks) {
                disk(b, w, d, push, internal);
            }
            b.close("disks");
        }
        if (internal && def.privateData != null && def.privateData.objects != null) {
            DomainBackupDef.PrivateData.Objects o = def.privateData.objects;
            String secret = o.secret != null && "tlskey".equals(o.secret.type) ? o.secret.alias : null;
            String tls = o.TLSx509 == null ? null : o.TLSx509.alias;
            if (secret != null || tls != null) {
                b.open("privateData").endOpen();
                b.open("objects").endOpen();
                if (secret != null) {
                    b.open("secret").attr("type", "tlskey").attr("alias", secret).endEmpty();
                }
                if (tls != null) {
                    b.open("TLSx509").attr("alias", tls).endEmpty();
                }
                b.close("objects");
                b.close("privateData");
            }
        }
        b.close("domainbackup");
        return b.toString();
    }

    private static void disk(XmlBuffer b, XmlWriter w, DomainBackupDef.Disks.Disk d, boolean push,
            boolean internal) {
        b.open("disk").attr("name", d.name).attr("backup", d.backup);
        if (internal) {
            b.attr("state", d.state);
        }
        if (!"yes".equals(d.backup)) {
            b.endEmpty();
            return;
        }
        b.attr("type", d.type).attr("backupmode", d.backupmode).attr("incremental", d.incremental)
                .attr("exportname", d.exportname).attr("exportbitmap", d.exportbitmap);
        if (internal && d.index != null && !d.index.equals("0")) {
            b.attr("index", d.index);
        }
        StorageSource store = push ? d.target : d.scratch;
        boolean source = store != null && (store.file != null || store.dev != null || w.hasChildren(store));
        if (d.driver == null && !source) {
            b.endEmpty();
            return;
        }
        b.endOpen();
        if (d.driver != null) {
            b.open("driver").attr("type", d.driver.type).endEmpty();
        }
        if (source) {
            w.element(push ? "target" : "scratch", store);
        }
        b.close("disk");
    }
}
