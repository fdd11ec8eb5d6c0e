package org.jvirt.api.driver;

import org.jvirt.api.ConnectInterfaces;

/**
 * The shared secondary driver for the host's network interfaces (virInterfaceDriver): it serves the {@link ConnectInterfaces} part of connections
 * whose hypervisor driver has none of its own.
 */
public interface InterfaceDriver extends SecondaryDriver<ConnectInterfaces> {
}
