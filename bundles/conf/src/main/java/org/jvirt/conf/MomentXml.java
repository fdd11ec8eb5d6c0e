package org.jvirt.conf;

import java.util.EnumSet;
import java.util.Set;

import org.jvirt.conf.internal.MomentDocument;
import org.jvirt.conf.snapshot.DomainCheckpointDef;
import org.jvirt.conf.snapshot.DomainSnapshotDef;

/**
 * Domain snapshots and checkpoints in and out, as libvirt's snapshot_conf and checkpoint_conf: what is read
 * depends on whether the document describes a new moment or redefines an existing one ({@link MomentOptions}),
 * and the form written on libvirt's format flags.
 */
public final class MomentXml {
    /** libvirt's VIR_DOMAIN_SNAPSHOT_FORMAT_* flags. */
    public enum SnapshotFormat { SECURE, INTERNAL, CURRENT }

    /** libvirt's VIR_DOMAIN_CHECKPOINT_FORMAT_* flags. */
    public enum CheckpointFormat { SECURE, NO_DOMAIN, SIZE }

    private MomentXml() {
    }

    /** Parses a {@code <domainsnapshot>}; with INTERNAL, {@code <active>} says whether it is the current one. */
    public static DomainSnapshotDef parseSnapshot(String xml, MomentOptions options) {
        DomainSnapshotDef def = XmlDocuments.read(xml, XmlDocuments.Kind.SNAPSHOT.docName,
                XmlDocuments.Kind.SNAPSHOT);
        MomentDocument.checkSnapshot(def, xml, options);
        return def;
    }

    /**
     * Formats a snapshot; {@code domainUuid} is written as {@code <domain><uuid>} when the snapshot carries no
     * domain (may be null).
     */
    public static String formatSnapshot(DomainSnapshotDef def, String domainUuid, Set<SnapshotFormat> flags) {
        return MomentDocument.formatSnapshot(def, domainUuid, flags.isEmpty() ? EnumSet.noneOf(SnapshotFormat.class)
                : EnumSet.copyOf(flags));
    }

    /** Parses a {@code <domaincheckpoint>}. */
    public static DomainCheckpointDef parseCheckpoint(String xml, MomentOptions options) {
        DomainCheckpointDef def = XmlDocuments.read(xml, XmlDocuments.Kind.CHECKPOINT.docName,
                XmlDocuments.Kind.CHECKPOINT);
        MomentDocument.checkCheckpoint(def, xml, options);
        return def;
    }

    /** Formats a checkpoint. */
    public static String formatCheckpoint(DomainCheckpointDef def, Set<CheckpointFormat> flags) {
        return MomentDocument.formatCheckpoint(def, flags.isEmpty() ? EnumSet.noneOf(CheckpointFormat.class)
                : EnumSet.copyOf(flags));
    }
}
