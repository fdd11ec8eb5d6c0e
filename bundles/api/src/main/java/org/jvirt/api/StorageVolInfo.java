package org.jvirt.api;

/**
 * What virStorageVolGetInfo reports of a volume; sizes in bytes (allocation is the physical size when asked with
 * GET_PHYSICAL).
 */
public record StorageVolInfo(StorageVolType type, long capacity, long allocation) {
}
