package org.jvirt.api.driver;

import org.jvirt.api.ConnectStorage;

/**
 * The shared secondary driver for storage pools and volumes (virStorageDriver): it serves the {@link ConnectStorage} part of connections
 * whose hypervisor driver has none of its own.
 */
public interface StorageDriver extends SecondaryDriver<ConnectStorage> {
}
