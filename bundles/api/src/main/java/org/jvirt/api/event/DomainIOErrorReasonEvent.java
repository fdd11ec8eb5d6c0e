package org.jvirt.api.event;

import org.jvirt.api.Domain;

/** A disk met an I/O error, with the reason, e.g. "enospc" (VIR_DOMAIN_EVENT_ID_IO_ERROR_REASON). */
public record DomainIOErrorReasonEvent(Domain domain, String srcPath, String devAlias, IOErrorAction action,
        String reason) implements DomainEvent {
    @Override
    public DomainEventId id() {
        return DomainEventId.IO_ERROR_REASON;
    }
}
