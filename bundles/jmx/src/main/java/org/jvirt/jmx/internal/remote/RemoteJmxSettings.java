package org.jvirt.jmx.internal.remote;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The remote connector's configuration (PID {@code org.jvirt.jmx.remote}), checked. Paths that are not absolute are
 * taken from the platform's etc/ folder.
 *
 * @param enabled      whether anything listens at all (false unless configured)
 * @param host         the address both ports are bound to; loopback unless configured
 * @param rmiHostname  the host name the connector's stubs tell clients to call back (java.rmi.server.hostname);
 *                     by default the bound address, or the JVM's choice when bound to every address
 * @param registryPort the RMI registry's port, where clients look the connector up ({@code host:port} in JConsole)
 * @param serverPort   the connector's own port (0: any free port)
 * @param passwordFile "user password" lines, used unless a JAAS entry is named
 * @param accessFile   "name readonly|readwrite" lines
 * @param jaasEntry    the JAAS login configuration entry that checks passwords, or null for the password file
 * @param jaasConfig   the JAAS configuration file, or null for the JVM's
 * @param tls          TLS, or null for none
 */
record RemoteJmxSettings(boolean enabled, String host, String rmiHostname, int registryPort, int serverPort,
        Path passwordFile, Path accessFile, String jaasEntry, Path jaasConfig, TlsSettings tls) {

    static final String ENABLED = "enabled";
    static final String HOST = "host";
    static final String RMI_HOSTNAME = "rmi.hostname";
    static final String REGISTRY_PORT = "registry.port";
    static final String SERVER_PORT = "server.port";
    static final String PASSWORD_FILE = "password.file";
    static final String ACCESS_FILE = "access.file";
    static final String JAAS_ENTRY = "jaas.entry";
    static final String JAAS_CONFIG = "jaas.config";
    static final String TLS = "tls";
    static final String TLS_KEYSTORE = "tls.keystore";
    static final String TLS_KEYSTORE_TYPE = "tls.keystore.type";
    static final String TLS_KEYSTORE_PASSWORD = "tls.keystore.password";
    static final String TLS_KEY_PASSWORD = "tls.key.password";
    static final String TLS_TRUSTSTORE = "tls.truststore";
    static final String TLS_TRUSTSTORE_TYPE = "tls.truststore.type";
    static final String TLS_TRUSTSTORE_PASSWORD = "tls.truststore.password";
    static final String TLS_NEED_CLIENT_AUTH = "tls.need.client.auth";
    static final String TLS_REGISTRY = "tls.registry";
    static final String TLS_PROTOCOLS = "tls.protocols";
    static final String TLS_CIPHERS = "tls.ciphers";

    static final String DEFAULT_HOST = "127.0.0.1";
    static final int DEFAULT_REGISTRY_PORT = 1099;
    static final int DEFAULT_SERVER_PORT = 44444;

    /** The settings a configuration gives; IllegalArgumentException naming the property when one is wrong. */
    static RemoteJmxSettings from(Map<String, ?> config, Path etc) {
        boolean enabled = bool(config, ENABLED, false);
        String host = text(config, HOST, DEFAULT_HOST);
        String rmiHostname = text(config, RMI_HOSTNAME, isWildcard(host) ? null : host);
        int registryPort = port(config, REGISTRY_PORT, DEFAULT_REGISTRY_PORT, false);
        int serverPort = port(config, SERVER_PORT, DEFAULT_SERVER_PORT, true);
        Path passwordFile = path(etc, text(config, PASSWORD_FILE, "jmx.password"));
        Path accessFile = path(etc, text(config, ACCESS_FILE, "jmx.access"));
        String jaasEntry = text(config, JAAS_ENTRY, null);
        String jaasConfigText = text(config, JAAS_CONFIG, null);
        Path jaasConfig = jaasConfigText == null ? null : path(etc, jaasConfigText);
        TlsSettings tls = null;
        if (bool(config, TLS, false)) {
            String keystore = text(config, TLS_KEYSTORE, null);
            if (keystore == null) {
                throw new IllegalArgumentException(TLS_KEYSTORE + " is required with " + TLS + " = true");
            }
            char[] keystorePassword = chars(text(config, TLS_KEYSTORE_PASSWORD, ""));
            String truststore = text(config, TLS_TRUSTSTORE, null);
            tls = new TlsSettings(path(etc, keystore), text(config, TLS_KEYSTORE_TYPE, "PKCS12"), keystorePassword,
                    chars(text(config, TLS_KEY_PASSWORD, new String(keystorePassword))),
                    truststore == null ? null : path(etc, truststore), text(config, TLS_TRUSTSTORE_TYPE, "PKCS12"),
                    chars(text(config, TLS_TRUSTSTORE_PASSWORD, "")), bool(config, TLS_NEED_CLIENT_AUTH, false),
                    bool(config, TLS_REGISTRY, true), list(config, TLS_PROTOCOLS, List.of("TLSv1.3", "TLSv1.2")),
                    list(config, TLS_CIPHERS, List.of()));
        }
        return new RemoteJmxSettings(enabled, host, rmiHostname, registryPort, serverPort, passwordFile, accessFile,
                jaasEntry, jaasConfig, tls);
    }

    /** What clients give JMXConnectorFactory: {@code service:jmx:rmi:///jndi/rmi://host:port/jmxrmi}. */
    String clientUrl() {
        String name = rmiHostname != null ? rmiHostname : host;
        String shown = name.indexOf(':') >= 0 && !name.startsWith("[") ? "[" + name + "]" : name;
        return "service:jmx:rmi:///jndi/rmi://" + shown + ":" + registryPort + "/jmxrmi";
    }

    static boolean isWildcard(String host) {
        return host.equals("0.0.0.0") || host.equals("::") || host.equals("*");
    }

    private static String text(Map<String, ?> config, String key, String fallback) {
        Object v = config.get(key);
        if (v == null) {
            return fallback;
        }
        String s = v.toString().strip();
        return s.isEmpty() ? fallback : s;
    }

    private static boolean bool(Map<String, ?> config, String key, boolean fallback) {
        String s = text(config, key, null);
        if (s == null) {
            return fallback;
        }
        return switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException(key + " must be true or false, not " + s);
        };
    }

    private static int port(Map<String, ?> config, String key, int fallback, boolean anyAllowed) {
        String s = text(config, key, null);
        if (s == null) {
            return fallback;
        }
        try {
            int p = Integer.parseInt(s);
            if (p >= (anyAllowed ? 0 : 1) && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException e) {
            // told below
        }
        throw new IllegalArgumentException(key + " must be a port number" + (anyAllowed ? " (0: any)" : "")
                + ", not " + s);
    }

    private static List<String> list(Map<String, ?> config, String key, List<String> fallback) {
        Object v = config.get(key);
        if (v instanceof String[] array) {
            return Arrays.stream(array).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
        String s = text(config, key, null);
        if (s == null) {
            return fallback;
        }
        return Arrays.stream(s.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }

    private static Path path(Path etc, String text) {
        Path p = Path.of(text);
        return p.isAbsolute() ? p : etc.resolve(p);
    }

    private static char[] chars(String s) {
        return s.toCharArray();
    }
}
