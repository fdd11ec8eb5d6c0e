package org.jvirt.conf;

import org.jvirt.conf.domain.DomainDef;
import org.jvirt.conf.internal.BackupDocument;
import org.jvirt.conf.snapshot.DomainBackupDef;

/**
 * Domain backups ({@code <domainbackup>}) as libvirt's backup_conf: parse (the user's form, or with
 * {@code internal} the driver's own status form with disk states and private data), the alignment of the backup's
 * disks with the domain's, and the format.
 */
public final class BackupXml {
    private BackupXml() {
    }

    /** Parses a backup document; the user's form is checked against libvirt's schema where it is installed. */
    public static DomainBackupDef parse(String xml, boolean internal) {
        DomainBackupDef def = XmlDocuments.read(xml, XmlDocuments.Kind.BACKUP.docName, XmlDocuments.Kind.BACKUP);
        BackupDocument.check(def, xml, internal);
        return def;
    }

    /**
     * virDomainBackupAlignDisks: every disk of {@code dom} gets an entry (disks not asked for are left out of the
     * backup, or all are backed up when none is named), stores named after the disk's image with {@code suffix},
     * and each disk's backup mode.
     */
    public static void alignDisks(DomainBackupDef def, DomainDef dom, String suffix) {
        BackupDocument.alignDisks(def, dom, suffix);
    }

    /** Formats a backup; {@code internal} writes the driver's status form. */
    public static String format(DomainBackupDef def, boolean internal) {
        return BackupDocument.format(def, internal);
    }
}
