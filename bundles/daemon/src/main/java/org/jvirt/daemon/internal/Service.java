package org.jvirt.daemon.internal;

import java.util.List;

/**
 * What a listener gives its clients: a read-only socket or not, the authentication it asks for, whether the channel
 * is secure by itself (a unix socket, or TLS), and the SASL mechanisms it offers.
 */
record Service(String name, boolean readOnly, Auth auth, boolean secure, boolean tls, List<String> saslMechanisms) {

    /** libvirt's auth_* settings that jvirt implements. */
    enum Auth {
        NONE, SASL;

        static Auth parse(String text, String key) {
            return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "none" -> NONE;
                case "sasl" -> SASL;
                default -> throw new IllegalArgumentException(key + ": unsupported authentication '" + text
                        + "' (none or sasl)");
            };
        }
    }
}
