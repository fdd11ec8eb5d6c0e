package org.jvirt.api.event;

import org.jvirt.api.StoragePool;

/**
 * A storage pool was defined, undefined, started, stopped, built or deleted (VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE);
 * the detail is 0 for now.
 */
public record StoragePoolLifecycleEvent(StoragePool pool, StoragePoolLifecycleType type,
        int detail) implements StoragePoolEvent {
    @Override
    public StoragePoolEventId id() {
        return StoragePoolEventId.LIFECYCLE;
    }
}
