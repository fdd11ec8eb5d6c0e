package org.jvirt.driver.remote.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

/**
 * The {@code tls_priority} URI parameter: a GnuTLS priority string (libvirt hands it to gnutls_priority_set_direct),
 * read as far as Java's TLS can follow it, which is the protocol versions. A base keyword (NORMAL, SECURE128, …, or
 * a system policy {@code @NAME}) stands for Java's own defaults; {@code +VERS-…}, {@code -VERS-…} and
 * {@code !VERS-…} add or remove versions ({@code VERS-ALL} all of them; DTLS versions do not concern a stream).
 * Anything else (ciphers, key exchanges, MACs, groups, signature algorithms, {@code %} flags) Java cannot be told,
 * and it is refused rather than ignored; a string GnuTLS itself would reject fails with libvirt's words.
 */
final class TlsPriority {
    /** GnuTLS's versions and Java's names for them. */
    private static final Map<String, String> VERSIONS = Map.of("VERS-TLS1.3", "TLSv1.3", "VERS-TLS1.2", "TLSv1.2",
            "VERS-TLS1.1", "TLSv1.1", "VERS-TLS1.0", "TLSv1", "VERS-SSL3.0", "SSLv3");
    private static final List<String> ALL = List.of("TLSv1.3", "TLSv1.2", "TLSv1.1", "TLSv1", "SSLv3");
    private static final Set<String> BASES = Set.of("NORMAL", "PFS", "SECURE128", "SECURE192", "SECURE256",
            "SUITEB128", "SUITEB192", "LEGACY", "PERFORMANCE", "NONE");
    /** GnuTLS's groups of the other kinds of element: what Java's TLS cannot be configured with. */
    private static final List<String> OTHER_KINDS = List.of("CIPHER-", "MAC-", "KX-", "GROUP-", "SIGN-", "CURVE-",
            "CTYPE-", "COMP-", "AES", "CHACHA", "CAMELLIA", "3DES", "ARCFOUR", "GOST", "ECDHE", "DHE", "RSA", "PSK",
            "SRP", "ANON", "SHA", "MD5", "AEAD", "UMAC", "SECP", "X25519", "X448", "FFDHE");

    private TlsPriority() {
    }

    /**
     * The protocols to enable, in Java's names, for {@code priority} over Java's {@code defaults}; {@code null}
     * priority leaves Java's defaults.
     */
    static List<String> protocols(String priority, List<String> defaults) {
        if (priority == null) {
            return defaults;
        }
        String[] parts = priority.split(":", -1);
        String base = parts[0].strip();
        Set<String> enabled = new LinkedHashSet<>();
        if (base.startsWith("@")) {
            // a system-wide policy: Java's own policy (java.security) stands for it
            enabled.addAll(defaults);
        } else if (BASES.contains(base.toUpperCase(Locale.ROOT))) {
            if (!base.equalsIgnoreCase("NONE")) {
                enabled.addAll(defaults);
            }
        } else {
            throw invalid(priority);
        }
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].strip();
            if (p.isEmpty()) {
                throw invalid(priority);
            }
            char op = p.charAt(0);
            if (op == '%') {
                throw unmapped(priority, p);
            }
            if (op != '+' && op != '-' && op != '!') {
                throw invalid(priority);
            }
            String name = p.substring(1).toUpperCase(Locale.ROOT);
            List<String> affected;
            if (name.equals("VERS-ALL") || name.equals("VERS-TLS-ALL")) {
                affected = ALL;
            } else if (VERSIONS.containsKey(name)) {
                affected = List.of(VERSIONS.get(name));
            } else if (name.startsWith("VERS-DTLS")) {
                continue;
            } else if (name.startsWith("VERS-")) {
                throw invalid(priority);
            } else {
                throw unmapped(priority, p);
            }
            if (op == '+') {
                enabled.addAll(affected);
            } else {
                enabled.removeAll(affected);
            }
        }
        if (enabled.isEmpty()) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.RPC,
                    "tls_priority '" + priority + "' leaves no TLS protocol version enabled");
        }
        // newest first, as Java lists them
        return ALL.stream().filter(enabled::contains).toList();
    }

    private static VirtException invalid(String priority) {
        return new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.RPC,
                "Failed to set TLS session priority to " + priority + ": The request is invalid.");
    }

    private static VirtException unmapped(String priority, String element) {
        boolean known = element.startsWith("%") || OTHER_KINDS.stream()
                .anyMatch(k -> element.substring(1).toUpperCase(Locale.ROOT).startsWith(k));
        if (!known) {
            return invalid(priority);
        }
        return new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.RPC, "tls_priority element '" + element
                + "' cannot be applied: Java's TLS takes only the protocol versions of a GnuTLS priority string");
    }
}
