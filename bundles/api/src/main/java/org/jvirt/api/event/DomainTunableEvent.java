package org.jvirt.api.event;

import org.jvirt.api.Domain;
import org.jvirt.api.TypedParameters;

/**
 * A domain's tunables changed (VIR_DOMAIN_EVENT_ID_TUNABLE): the {@code TypedParamFields.DOMAIN_TUNABLE_*} fields
 * that did.
 */
public record DomainTunableEvent(Domain domain, TypedParameters params) implements DomainEvent {
    @Override
    public DomainEventId id() {
        return DomainEventId.TUNABLE;
    }
}
