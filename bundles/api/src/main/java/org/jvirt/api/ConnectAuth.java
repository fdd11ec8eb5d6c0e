package org.jvirt.api;

import java.util.List;
import java.util.Set;

/** Answers a driver's requests for credentials while a connection opens (virConnectAuth). */
public interface ConnectAuth {
    /** The kinds of credential this callback can answer. */
    Set<CredentialType> supportedTypes();

    /**
     * Fills in the result of each credential, or throws {@link VirtException} (AUTH_CANCELLED when the user
     * declined).
     */
    void request(List<Credential> credentials);
}
