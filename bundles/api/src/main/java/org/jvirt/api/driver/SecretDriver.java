package org.jvirt.api.driver;

/**
 * A secondary driver for secrets (virSecretDriver). Hypervisor drivers without their own use the shared one, found as a service.
 * Its operations are added with the issue that builds the secret driver; until then it is declared so that
 * bundles can already provide and look for it.
 */
public interface SecretDriver {
    /** The driver's name, e.g. "secret". */
    String name();
}
