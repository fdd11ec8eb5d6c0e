package org.jvirt.api.event;

import org.jvirt.api.Domain;

/** Something that happened to a domain. Each kind of event is a record implementing this. */
public interface DomainEvent extends ObjectEvent {
    /** The domain it happened to. */
    Domain domain();

    /** The kind of event, as subscribed to. */
    DomainEventId id();

    @Override
    default Object subject() {
        return domain();
    }
}
