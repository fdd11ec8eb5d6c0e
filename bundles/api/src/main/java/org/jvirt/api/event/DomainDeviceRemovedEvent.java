package org.jvirt.api.event;

import org.jvirt.api.Domain;

/** A device was removed from a domain (VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED). */
public record DomainDeviceRemovedEvent(Domain domain, String devAlias) implements DomainEvent {
    @Override
    public DomainEventId id() {
        return DomainEventId.DEVICE_REMOVED;
    }
}
