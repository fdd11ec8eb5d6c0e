package org.jvirt.api.driver;

import org.jvirt.api.ConnectNodeDevices;

/**
 * The shared secondary driver for the host's devices (virNodeDeviceDriver): it serves the {@link ConnectNodeDevices} part of connections
 * whose hypervisor driver has none of its own.
 */
public interface NodeDeviceDriver extends SecondaryDriver<ConnectNodeDevices> {
}
