package org.jvirt.api.event;

import org.jvirt.api.Domain;

/** A device was added to a domain (VIR_DOMAIN_EVENT_ID_DEVICE_ADDED). */
public record DomainDeviceAddedEvent(Domain domain, String devAlias) implements DomainEvent {
    @Override
    public DomainEventId id() {
        return DomainEventId.DEVICE_ADDED;
    }
}
