package org.jvirt.api.event;

import org.jvirt.api.Domain;

/** The guest refused to give up a device (VIR_DOMAIN_EVENT_ID_DEVICE_REMOVAL_FAILED). */
public record DomainDeviceRemovalFailedEvent(Domain domain, String devAlias) implements DomainEvent {
    @Override
    public DomainEventId id() {
        return DomainEventId.DEVICE_REMOVAL_FAILED;
    }
}
