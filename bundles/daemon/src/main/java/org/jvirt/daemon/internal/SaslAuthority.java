package org.jvirt.daemon.internal;

import java.util.List;

/** The SASL users and mechanisms the daemon accepts, from the configuration. */
final class SaslAuthority {
    private final DaemonConfig config;

    private SaslAuthority(DaemonConfig config) {
        this.config = config;
    }

    static SaslAuthority of(DaemonConfig config) {
        return new SaslAuthority(config);
    }

    List<String> mechanisms() {
        return config.saslMechanisms();
    }
}
