package org.jvirt.api.event;

import org.jvirt.api.StoragePool;

/** A storage pool was refreshed (VIR_STORAGE_POOL_EVENT_ID_REFRESH). */
public record StoragePoolRefreshEvent(StoragePool pool) implements StoragePoolEvent {
    @Override
    public StoragePoolEventId id() {
        return StoragePoolEventId.REFRESH;
    }
}
