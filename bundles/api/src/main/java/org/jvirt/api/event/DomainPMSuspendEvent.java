package org.jvirt.api.event;

import org.jvirt.api.Domain;

/** A guest suspended itself to memory (VIR_DOMAIN_EVENT_ID_PMSUSPEND); the reason is 0 for now. */
public record DomainPMSuspendEvent(Domain domain, int reason) implements DomainEvent {
    @Override
    public DomainEventId id() {
        return DomainEventId.PMSUSPEND;
    }
}
