package org.jvirt.api.event;

import org.jvirt.api.Domain;

/** A guest suspended itself to disk (VIR_DOMAIN_EVENT_ID_PMSUSPEND_DISK); the reason is 0 for now. */
public record DomainPMSuspendDiskEvent(Domain domain, int reason) implements DomainEvent {
    @Override
    public DomainEventId id() {
        return DomainEventId.PMSUSPEND_DISK;
    }
}
