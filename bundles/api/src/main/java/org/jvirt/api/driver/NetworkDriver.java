package org.jvirt.api.driver;

import org.jvirt.api.ConnectNetworks;

/**
 * The shared secondary driver for virtual networks and their ports (virNetworkDriver): it serves the {@link ConnectNetworks} part of connections
 * whose hypervisor driver has none of its own.
 */
public interface NetworkDriver extends SecondaryDriver<ConnectNetworks> {
}
