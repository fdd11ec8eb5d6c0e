package org.jvirt.api.event;

/** Receives storage pool events of a connection, in order, one at a time, on a thread of the platform's. */
@FunctionalInterface
public interface StoragePoolEventListener {
    void onEvent(StoragePoolEvent event);
}
