package org.jvirt.api.event;

import org.jvirt.api.Domain;
import org.jvirt.api.DomainMetadataType;

/**
 * A domain's metadata changed (VIR_DOMAIN_EVENT_ID_METADATA_CHANGE); {@code nsuri} names the element's namespace
 * for ELEMENT, null otherwise.
 */
public record DomainMetadataChangeEvent(Domain domain, DomainMetadataType type, String nsuri) implements DomainEvent {
    @Override
    public DomainEventId id() {
        return DomainEventId.METADATA_CHANGE;
    }
}
