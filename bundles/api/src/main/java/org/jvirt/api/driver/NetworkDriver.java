package org.jvirt.api.driver;

/**
 * A secondary driver for virtual networks and their ports (virNetworkDriver). Hypervisor drivers without their own use the shared one, found as a service.
 * Its operations are added with the issue that builds the network driver; until then it is declared so that
 * bundles can already provide and look for it.
 */
public interface NetworkDriver {
    /** The driver's name, e.g. "network". */
    String name();
}
