package org.jvirt.api.driver;

/**
 * A secondary driver for the host's devices (virNodeDeviceDriver). Hypervisor drivers without their own use the shared one, found as a service.
 * Its operations are added with the issue that builds the nodedev driver; until then it is declared so that
 * bundles can already provide and look for it.
 */
public interface NodeDeviceDriver {
    /** The driver's name, e.g. "nodedev". */
    String name();
}
