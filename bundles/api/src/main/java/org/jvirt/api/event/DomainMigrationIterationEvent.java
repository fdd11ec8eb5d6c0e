package org.jvirt.api.event;

import org.jvirt.api.Domain;

/** A live migration began another pass over the guest's memory (VIR_DOMAIN_EVENT_ID_MIGRATION_ITERATION). */
public record DomainMigrationIterationEvent(Domain domain, int iteration) implements DomainEvent {
    @Override
    public DomainEventId id() {
        return DomainEventId.MIGRATION_ITERATION;
    }
}
