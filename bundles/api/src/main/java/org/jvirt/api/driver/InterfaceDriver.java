package org.jvirt.api.driver;

/**
 * A secondary driver for the host's network interfaces (virInterfaceDriver). Hypervisor drivers without their own use the shared one, found as a service.
 * Its operations are added with the issue that builds the interface driver; until then it is declared so that
 * bundles can already provide and look for it.
 */
public interface InterfaceDriver {
    /** The driver's name, e.g. "interface". */
    String name();
}
