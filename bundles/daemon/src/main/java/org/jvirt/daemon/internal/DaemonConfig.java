package org.jvirt.daemon.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jvirt.rpc.Limits;

/**
 * The daemon's configuration (PID {@code org.jvirt.daemon}, {@code etc/org.jvirt.daemon.cfg}), with libvirtd.conf's
 * names and defaults where libvirtd has the setting. Unix sockets are on by default when the platform runs headless
 * ({@code jvirt.mode=daemon}); TCP and TLS only when configured; nothing listens in a platform started for one
 * command ({@code jvirt.mode=command}); TCP asks for SASL unless {@code auth_tcp = none} says
 * otherwise in so many words.
 */
record DaemonConfig(
        boolean listenUnix, Path unixSockDir, String unixSockRwPerms, String unixSockRoPerms, String unixSockGroup,
        boolean listenTcp, boolean listenTls, String listenAddr, int tcpPort, int tlsPort,
        Service.Auth authUnixRw, Service.Auth authUnixRo, Service.Auth authTcp, Service.Auth authTls,
        Path keyFile, Path certFile, Path caFile, Path crlFile, boolean tlsNoVerifyCertificate,
        List<String> tlsAllowedDnList, List<String> saslAllowedUsernameList, List<String> saslMechanisms,
        Path saslUsers, int maxClients, int maxWorkers, int prioWorkers, int maxClientRequests, int maxMessage,
        int keepaliveInterval, int keepaliveCount, int busyPollMicros) {

    /** The unix sockets' names, under {@link #unixSockDir()}. */
    static final String RW_SOCKET = "jvirt-sock";
    static final String RO_SOCKET = "jvirt-sock-ro";
    /** How long a client's reader looks for the next call before it sleeps (jvirt's own setting; 0: never). */
    static final int DEFAULT_BUSY_POLL_MICROS = 200;

    /** The configuration from ConfigAdmin's properties, for a platform in {@code mode} with its home. */
    static DaemonConfig from(Map<String, ?> p, String mode, Path home) {
        Path pki = home.resolve("etc").resolve("pki");
        // a platform started for one command (bin/jvirt CMD) never listens, whatever the daemon's settings say: it
        // would only take the ports and sockets of a running daemon for a moment
        boolean serves = !"command".equals(mode);
        return new DaemonConfig(
                serves && bool(p, "listen_unix", "daemon".equals(mode)),
                path(p, "unix_sock_dir", home.resolve("run"), home),
                perms(p, "unix_sock_rw_perms", "0700"),
                perms(p, "unix_sock_ro_perms", "0777"),
                string(p, "unix_sock_group", ""),
                serves && bool(p, "listen_tcp", false),
                serves && bool(p, "listen_tls", false),
                string(p, "listen_addr", "127.0.0.1"),
                port(p, "tcp_port", 16509),
                port(p, "tls_port", 16514),
                Service.Auth.parse(string(p, "auth_unix_rw", "none"), "auth_unix_rw"),
                Service.Auth.parse(string(p, "auth_unix_ro", "none"), "auth_unix_ro"),
                Service.Auth.parse(string(p, "auth_tcp", "sasl"), "auth_tcp"),
                Service.Auth.parse(string(p, "auth_tls", "none"), "auth_tls"),
                path(p, "key_file", pki.resolve("libvirt/private/serverkey.pem"), home),
                path(p, "cert_file", pki.resolve("libvirt/servercert.pem"), home),
                path(p, "ca_file", pki.resolve("CA/cacert.pem"), home),
                path(p, "crl_file", pki.resolve("CA/cacrl.pem"), home),
                bool(p, "tls_no_verify_certificate", false),
                list(p, "tls_allowed_dn_list"),
                list(p, "sasl_allowed_username_list"),
                upper(list(p, "sasl_mech_list", List.of("SCRAM-SHA-256", "DIGEST-MD5"))),
                path(p, "sasl_users_file", home.resolve("etc").resolve("sasl-users"), home),
                positive(p, "max_clients", 5000),
                positive(p, "max_workers", 20),
                positive(p, "prio_workers", 5),
                positive(p, "max_client_requests", 5),
                Math.min(positive(p, "max_message_size", Limits.MESSAGE_MAX), Limits.MESSAGE_MAX),
                integer(p, "keepalive_interval", 5),
                integer(p, "keepalive_count", 5),
                nonNegative(p, "busy_poll_us", DEFAULT_BUSY_POLL_MICROS));
    }

    // ---- parsing, with the key named in every complaint

    private static Object raw(Map<String, ?> p, String key) {
        Object v = p.get(key);
        if (v instanceof String s) {
            String t = s.trim();
            // libvirtd.conf quotes its strings; a .cfg file need not, but may
            if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
                t = t.substring(1, t.length() - 1);
            }
            return t.isEmpty() ? null : t;
        }
        return v;
    }

    static String string(Map<String, ?> p, String key, String dflt) {
        Object v = raw(p, key);
        return v == null ? dflt : v.toString();
    }

    static boolean bool(Map<String, ?> p, String key, boolean dflt) {
        Object v = raw(p, key);
        if (v == null) {
            return dflt;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        return switch (v.toString().toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes", "on" -> true;
            case "0", "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException(key + ": '" + v + "' is not a boolean (1 or 0)");
        };
    }

    static int integer(Map<String, ?> p, String key, int dflt) {
        Object v = raw(p, key);
        if (v == null) {
            return dflt;
        }
        if (v instanceof Number n) {
            return n.intValue();
        }
        try {
            return Integer.parseInt(v.toString());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": '" + v + "' is not a number");
        }
    }

    private static int positive(Map<String, ?> p, String key, int dflt) {
        int n = integer(p, key, dflt);
        if (n < 1) {
            throw new IllegalArgumentException(key + ": must be at least 1, not " + n);
        }
        return n;
    }

    private static int nonNegative(Map<String, ?> p, String key, int dflt) {
        int n = integer(p, key, dflt);
        if (n < 0) {
            throw new IllegalArgumentException(key + ": must be 0 or more, not " + n);
        }
        return n;
    }

    private static int port(Map<String, ?> p, String key, int dflt) {
        int n = integer(p, key, dflt);
        if (n < 0 || n > 65535) {
            throw new IllegalArgumentException(key + ": " + n + " is not a port");
        }
        return n;
    }

    private static String perms(Map<String, ?> p, String key, String dflt) {
        String s = string(p, key, dflt);
        if (!s.matches("0?[0-7]{3}")) {
            throw new IllegalArgumentException(key + ": '" + s + "' is not an octal mode like 0700");
        }
        return s;
    }

    private static Path path(Map<String, ?> p, String key, Path dflt, Path home) {
        String s = string(p, key, null);
        if (s == null) {
            return dflt;
        }
        // relative paths are the home's, as the other files of etc/ are
        Path given = Path.of(s);
        return given.isAbsolute() ? given : home.resolve(given);
    }

    static List<String> list(Map<String, ?> p, String key) {
        return list(p, key, List.of());
    }

    private static List<String> list(Map<String, ?> p, String key, List<String> dflt) {
        Object v = raw(p, key);
        if (v == null) {
            return dflt;
        }
        Collection<?> items;
        if (v instanceof Object[] a) {
            items = Arrays.asList(a);
        } else if (v instanceof Collection<?> c) {
            items = c;
        } else {
            // libvirtd.conf's ["a", "b"] (quoted items may hold commas: DNs do), or a .cfg's a, b
            String s = v.toString().trim();
            if (s.startsWith("[") && s.endsWith("]")) {
                s = s.substring(1, s.length() - 1);
            }
            if (s.contains("\"")) {
                List<String> quoted = new ArrayList<>();
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"([^\"]*)\"").matcher(s);
                while (m.find()) {
                    quoted.add(m.group(1));
                }
                items = quoted;
            } else {
                items = Arrays.asList(s.split(","));
            }
        }
        List<String> out = new ArrayList<>();
        for (Object o : items) {
            String t = o.toString().trim();
            if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
                t = t.substring(1, t.length() - 1);
            }
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return List.copyOf(out);
    }

    private static List<String> upper(List<String> l) {
        return l.stream().map(s -> s.toUpperCase(Locale.ROOT)).toList();
    }
}
