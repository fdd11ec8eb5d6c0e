package org.jvirt.api.event;

import org.jvirt.api.Domain;

/** Something that happened to a domain. Each kind of event is a record implementing this. */
public interface DomainEvent {
    /** The domain it happened to. */
    Domain domain();

    /** The kind of event, as subscribed to. */
    DomainEventId id();

    /** The same event about another handle of the same domain (the platform hands out its own handles). */
    DomainEvent withDomain(Domain domain);
}
