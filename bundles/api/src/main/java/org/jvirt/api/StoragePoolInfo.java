package org.jvirt.api;

/**
 * What virStoragePoolGetInfo reports of a pool; sizes in bytes.
 */
public record StoragePoolInfo(StoragePoolState state, long capacity, long allocation, long available) {
}
