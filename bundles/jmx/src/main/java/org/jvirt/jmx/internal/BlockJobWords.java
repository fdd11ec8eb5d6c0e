package org.jvirt.jmx.internal;

import org.jvirt.api.DomainBlockJobType;

/** A block job's type in the words virsh blockjob prints (tools/virsh-domain.c). */
final class BlockJobWords {
    private BlockJobWords() {
    }

    static String type(DomainBlockJobType type) {
        if (type == null) {
            return "Unknown job";
        }
        return switch (type) {
            case UNKNOWN -> "Unknown job";
            case PULL -> "Block Pull";
            case COPY -> "Block Copy";
            case COMMIT -> "Block Commit";
            case ACTIVE_COMMIT -> "Active Block Commit";
            case BACKUP -> "Backup";
        };
    }
}
