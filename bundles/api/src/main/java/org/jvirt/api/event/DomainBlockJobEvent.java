package org.jvirt.api.event;

import org.jvirt.api.Domain;
import org.jvirt.api.DomainBlockJobType;

/**
 * A block job completed, failed, was cancelled or is ready (VIR_DOMAIN_EVENT_ID_BLOCK_JOB); {@code disk} is the
 * disk's host path.
 */
public record DomainBlockJobEvent(Domain domain, String disk, DomainBlockJobType type,
        BlockJobStatus status) implements DomainEvent {
    @Override
    public DomainEventId id() {
        return DomainEventId.BLOCK_JOB;
    }
}
