package org.jvirt.api.event;

import org.jvirt.api.Domain;
import org.jvirt.api.TypedParameters;

/**
 * A domain job ended (VIR_DOMAIN_EVENT_ID_JOB_COMPLETED), with its final {@code TypedParamFields.DOMAIN_JOB_*}
 * statistics.
 */
public record DomainJobCompletedEvent(Domain domain, TypedParameters params) implements DomainEvent {
    @Override
    public DomainEventId id() {
        return DomainEventId.JOB_COMPLETED;
    }
}
