package org.jvirt.api.driver;

/**
 * A secondary driver for storage pools and volumes (virStorageDriver). Hypervisor drivers without their own use the shared one, found as a service.
 * Its operations are added with the issue that builds the storage driver; until then it is declared so that
 * bundles can already provide and look for it.
 */
public interface StorageDriver {
    /** The driver's name, e.g. "storage". */
    String name();
}
