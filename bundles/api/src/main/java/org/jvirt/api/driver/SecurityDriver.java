package org.jvirt.api.driver;

/**
 * A secondary driver for security labels of guests and their resources (SELinux, AppArmor, DAC). Hypervisor drivers without their own use the shared one, found as a service.
 * Its operations are added with the issue that builds the security driver; until then it is declared so that
 * bundles can already provide and look for it.
 */
public interface SecurityDriver {
    /** The driver's name, e.g. "security". */
    String name();
}
