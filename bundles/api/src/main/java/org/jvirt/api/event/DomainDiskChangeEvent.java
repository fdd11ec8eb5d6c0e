package org.jvirt.api.event;

import org.jvirt.api.Domain;

/** A disk's medium changed (VIR_DOMAIN_EVENT_ID_DISK_CHANGE); a path is null when there was or is no medium. */
public record DomainDiskChangeEvent(Domain domain, String oldSrcPath, String newSrcPath, String devAlias,
        DiskChangeReason reason) implements DomainEvent {
    @Override
    public DomainEventId id() {
        return DomainEventId.DISK_CHANGE;
    }
}
