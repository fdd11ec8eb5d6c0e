package org.jvirt.api.event;

import org.jvirt.api.Domain;

/** The channel to the domain's hypervisor process failed (VIR_DOMAIN_EVENT_ID_CONTROL_ERROR). */
public record DomainControlErrorEvent(Domain domain) implements DomainEvent {
    @Override
    public DomainEventId id() {
        return DomainEventId.CONTROL_ERROR;
    }
}
