package org.jvirt.api.event;

import org.jvirt.api.Domain;

/**
 * A disk was written past the threshold set with {@code Domain.setBlockThreshold}
 * (VIR_DOMAIN_EVENT_ID_BLOCK_THRESHOLD): the device, its host path, the threshold and by how many bytes it was
 * passed.
 */
public record DomainBlockThresholdEvent(Domain domain, String dev, String path, long threshold,
        long excess) implements DomainEvent {
    @Override
    public DomainEventId id() {
        return DomainEventId.BLOCK_THRESHOLD;
    }
}
