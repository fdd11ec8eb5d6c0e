package org.jvirt.api.driver;

/**
 * A secondary driver for network filters and their bindings (virNWFilterDriver). Hypervisor drivers without their own use the shared one, found as a service.
 * Its operations are added with the issue that builds the nwfilter driver; until then it is declared so that
 * bundles can already provide and look for it.
 */
public interface NWFilterDriver {
    /** The driver's name, e.g. "nwfilter". */
    String name();
}
