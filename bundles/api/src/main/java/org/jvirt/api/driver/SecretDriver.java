package org.jvirt.api.driver;

import org.jvirt.api.ConnectSecrets;

/**
 * The shared secondary driver for secrets (virSecretDriver): it serves the {@link ConnectSecrets} part of connections
 * whose hypervisor driver has none of its own.
 */
public interface SecretDriver extends SecondaryDriver<ConnectSecrets> {
}
