package org.jvirt.api.event;

import org.jvirt.api.Domain;

/** A disk met an I/O error (VIR_DOMAIN_EVENT_ID_IO_ERROR): the host path, the device alias, and what was done. */
public record DomainIOErrorEvent(Domain domain, String srcPath, String devAlias,
        IOErrorAction action) implements DomainEvent {
    @Override
    public DomainEventId id() {
        return DomainEventId.IO_ERROR;
    }
}
