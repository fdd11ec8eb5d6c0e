package org.jvirt.api.event;

import java.util.Set;

import org.jvirt.api.Domain;

/** Memory of the host or guest failed (VIR_DOMAIN_EVENT_ID_MEMORY_FAILURE). */
public record DomainMemoryFailureEvent(Domain domain, MemoryFailureRecipientType recipient,
        MemoryFailureActionType action, Set<MemoryFailureFlag> flags) implements DomainEvent {
    public DomainMemoryFailureEvent {
        flags = Set.copyOf(flags);
    }

    @Override
    public DomainEventId id() {
        return DomainEventId.MEMORY_FAILURE;
    }
}
