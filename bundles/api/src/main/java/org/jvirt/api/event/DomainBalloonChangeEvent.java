package org.jvirt.api.event;

import org.jvirt.api.Domain;

/** A guest's memory balloon changed size (VIR_DOMAIN_EVENT_ID_BALLOON_CHANGE); {@code actualKiB} is its new size. */
public record DomainBalloonChangeEvent(Domain domain, long actualKiB) implements DomainEvent {
    @Override
    public DomainEventId id() {
        return DomainEventId.BALLOON_CHANGE;
    }
}
