package org.jvirt.api.driver;

/**
 * A secondary driver for CPU models: comparison, baselines, guest CPU definitions. Hypervisor drivers without their own use the shared one, found as a service.
 * Its operations are added with the issue that builds the cpu driver; until then it is declared so that
 * bundles can already provide and look for it.
 */
public interface CpuDriver {
    /** The driver's name, e.g. "cpu". */
    String name();
}
