package org.jvirt.api.driver;

import org.jvirt.api.ConnectNWFilters;

/**
 * The shared secondary driver for network filters and their bindings (virNWFilterDriver): it serves the {@link ConnectNWFilters} part of connections
 * whose hypervisor driver has none of its own.
 */
public interface NWFilterDriver extends SecondaryDriver<ConnectNWFilters> {
}
