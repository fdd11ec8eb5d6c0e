package org.jvirt.api.event;

import java.util.List;

import org.jvirt.api.Domain;

/** A graphics client connected, authenticated or disconnected (VIR_DOMAIN_EVENT_ID_GRAPHICS). */
public record DomainGraphicsEvent(Domain domain, GraphicsPhase phase, GraphicsAddress local, GraphicsAddress remote,
        String authScheme, List<GraphicsSubjectIdentity> subject) implements DomainEvent {
    public DomainGraphicsEvent {
        subject = List.copyOf(subject);
    }

    @Override
    public DomainEventId id() {
        return DomainEventId.GRAPHICS;
    }
}
