package org.jvirt.api.event;

import org.jvirt.api.Domain;

/** A memory device changed its size (VIR_DOMAIN_EVENT_ID_MEMORY_DEVICE_SIZE_CHANGE), e.g. a virtio-mem device. */
public record DomainMemoryDeviceSizeChangeEvent(Domain domain, String alias, long sizeKiB) implements DomainEvent {
    @Override
    public DomainEventId id() {
        return DomainEventId.MEMORY_DEVICE_SIZE_CHANGE;
    }
}
