package org.jvirt.api.event;

import org.jvirt.api.StoragePool;

/** Something that happened to a storage pool. */
public interface StoragePoolEvent extends ObjectEvent {
    StoragePool pool();

    StoragePoolEventId id();

    @Override
    default Object subject() {
        return pool();
    }
}
