package org.jvirt.api.event;

import org.jvirt.api.Domain;

/** A guest woke up from a power-management suspend (VIR_DOMAIN_EVENT_ID_PMWAKEUP); the reason is 0 for now. */
public record DomainPMWakeupEvent(Domain domain, int reason) implements DomainEvent {
    @Override
    public DomainEventId id() {
        return DomainEventId.PMWAKEUP;
    }
}
