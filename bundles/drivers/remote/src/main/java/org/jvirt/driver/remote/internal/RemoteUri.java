package org.jvirt.driver.remote.internal;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

/**
 * A URI as libvirt's remote driver reads it: {@code driver[+transport]://[user@][host][:port]/path?params}. The
 * parameters the client knows are taken out; the rest travel to the server inside the name it opens, which is the
 * URI without transport, user, host and port (or the {@code name} parameter).
 */
public record RemoteUri(String driver, Transport transport, String user, String host, int port, String path,
        String name, String command, String socket, String auth, String netcat, String keyfile, String pkipath,
        String knownHosts, String knownHostsVerify, String sshauth, Mode mode, Proxy proxy, boolean noVerify,
        boolean noTty, String tlsPriority) {

    /** The transports of libvirt's remote driver. */
    public enum Transport {
        TLS, UNIX, SSH, LIBSSH2, EXT, TCP, LIBSSH;

        static Transport parse(String text) {
            for (Transport t : values()) {
                if (t.name().toLowerCase(Locale.ROOT).equals(text)) {
                    return t;
                }
            }
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.REMOTE,
                    "remote_open: transport in URL not recognised (should be tls|unix|ssh|ext|tcp|libssh2|libssh)");
        }
    }

    /** Which daemon a unix socket reaches: the monolithic libvirtd (legacy) or the per-driver one (direct). */
    public enum Mode {
        AUTO, LEGACY, DIRECT
    }

    /** What the SSH end runs to reach the daemon's socket. */
    public enum Proxy {
        AUTO, NETCAT, NATIVE
    }

    /** Parses a URI the remote driver was handed. */
    public static RemoteUri parse(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme();
        String driver = scheme;
        Transport transport = null;
        int plus = scheme.indexOf('+');
        if (plus >= 0) {
            driver = scheme.substring(0, plus);
            transport = Transport.parse(scheme.substring(plus + 1).toLowerCase(Locale.ROOT));
        }
        String host = uri.getHost();
        if (host == null && uri.getRawAuthority() != null) {
            // an authority java.net.URI could not split (e.g. a bare name with odd characters): take it whole
            String a = uri.getRawAuthority();
            int at = a.lastIndexOf('@');
            host = at >= 0 ? a.substring(at + 1) : a;
        }
        if (host != null && host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host != null && host.isEmpty()) {
            host = null;
        }
        if (transport == Transport.UNIX && host != null) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.REMOTE,
                    "using unix socket and remote server '" + host + "' is not supported.");
        }
        if (transport == null) {
            // libvirt: a server means TLS, none means the local unix socket
            transport = host != null ? Transport.TLS : Transport.UNIX;
        }
        Map<String, String> known = new LinkedHashMap<>();
        List<String[]> passOn = new ArrayList<>();
        for (String[] p : params(uri.getRawQuery())) {
            // libvirt matches its parameter names without regard to case
            switch (p[0].toLowerCase(Locale.ROOT)) {
                case "name", "command", "socket", "auth", "sshauth", "netcat", "keyfile", "pkipath", "known_hosts",
                        "known_hosts_verify", "tls_priority", "mode", "proxy", "no_sanity", "no_verify", "no_tty" ->
                        known.put(p[0].toLowerCase(Locale.ROOT), p[1]);
                case "authfile" -> {
                    // read by the credential callback's side, never passed on
                }
                default -> passOn.add(p);
            }
        }
        String name = known.get("name");
        if (name == null) {
            if (scheme.equals("remote") || scheme.startsWith("remote+")) {
                name = ""; // the server picks its default
            } else {
                name = serverName(driver, uri, passOn);
            }
        }
        return new RemoteUri(driver, transport, uri.getUserInfo(), host, uri.getPort(), uri.getPath(), name,
                known.get("command"), known.get("socket"), known.get("auth"), known.get("netcat"),
                known.get("keyfile"), known.get("pkipath"), known.get("known_hosts"), known.get("known_hosts_verify"),
                known.get("sshauth"), mode(known.get("mode")),
                proxy(known.get("proxy"), known.get("socket"), known.get("netcat")),
                flag(known.get("no_verify")), flag(known.get("no_tty")), known.get("tls_priority"));
    }

    /** The URI the server opens: the driver's scheme, the path, the parameters left and the fragment. */
    private static String serverName(String driver, URI uri, List<String[]> passOn) {
        StringBuilder b = new StringBuilder(driver).append("://");
        if (uri.getRawPath() != null) {
            b.append(uri.getRawPath());
        }
        if (!passOn.isEmpty()) {
            b.append('?');
            for (int i = 0; i < passOn.size(); i++) {
                if (i > 0) {
                    b.append('&');
                }
                b.append(encode(passOn.get(i)[0])).append('=').append(encode(passOn.get(i)[1]));
            }
        }
        if (uri.getRawFragment() != null) {
            b.append('#').append(uri.getRawFragment());
        }
        return b.toString();
    }

    private static String encode(String s) {
        // a space as %20: libvirt reads a + as itself
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("%2F", "/");
    }

    static List<String[]> params(String rawQuery) {
        List<String[]> out = new ArrayList<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String part : rawQuery.split("[&;]")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String k = eq < 0 ? part : part.substring(0, eq);
            String v = eq < 0 ? "" : part.substring(eq + 1);
            out.add(new String[] {unescape(k), unescape(v)});
        }
        return out;
    }

    /** %XX escapes undone, as libxml2's unescaping does for libvirt; a '+' stays a '+' (tls_priority has them). */
    private static String unescape(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static boolean flag(String v) {
        if (v == null) {
            return false;
        }
        try {
            return Integer.parseInt(v.trim()) != 0;
        } catch (NumberFormatException e) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.REMOTE,
                    "Failed to parse value of URI component " + v);
        }
    }

    private static Mode mode(String v) {
        if (v == null) {
            return Mode.AUTO;
        }
        return switch (v) {
            case "auto" -> Mode.AUTO;
            case "legacy" -> Mode.LEGACY;
            case "direct" -> Mode.DIRECT;
            default -> throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.REMOTE,
                    "Unknown remote mode '" + v + "'");
        };
    }

    /** The proxy asked for; by default netcat when a socket or netcat is named (virt-ssh-helper cannot take one). */
    private static Proxy proxy(String v, String socket, String netcat) {
        if (v == null) {
            return socket != null || netcat != null ? Proxy.NETCAT : Proxy.AUTO;
        }
        Proxy p = switch (v) {
            case "auto" -> Proxy.AUTO;
            case "netcat" -> Proxy.NETCAT;
            case "native" -> Proxy.NATIVE;
            // libvirt 9.0's own spelling of this message
            default -> throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.REMOTE,
                    "Unnkown proxy type '" + v + "'");
        };
        if (p == Proxy.NATIVE && netcat != null) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.REMOTE,
                    "netcat path not valid with native proxy mode");
        }
        return p;
    }

    /** The host to reach, "localhost" when the URI names none (libvirt's default). */
    public String hostOrLocal() {
        return host == null ? "localhost" : host;
    }

    /** The port: the URI's, or libvirt's default for TLS (16514) and TCP (16509); -1 for the others. */
    public int portOrDefault() {
        if (port > 0) {
            return port;
        }
        return switch (transport) {
            case TLS -> 16514;
            case TCP -> 16509;
            default -> -1;
        };
    }

    /**
     * The daemon's unix socket for this URI: the {@code socket} parameter, else libvirt's path for root by mode.
     * Direct mode is the driver's own daemon ({@code virtqemud-sock}), legacy libvirtd's ({@code libvirt-sock});
     * auto takes the direct socket when it exists, else the legacy one (and legacy for the transports that reach
     * another host); {@code -ro} for read-only.
     */
    public String socketPath(boolean readOnly) {
        if (socket != null) {
            return socket;
        }
        boolean named = !driver.isEmpty() && !driver.equals("remote");
        String direct = socketFile(named ? "virt" + driver + "d" : "libvirt", readOnly);
        String legacy = socketFile("libvirt", readOnly);
        Mode m = mode;
        if (m == Mode.AUTO) {
            if (transport == Transport.UNIX) {
                m = java.nio.file.Files.exists(java.nio.file.Path.of(direct)) ? Mode.DIRECT : Mode.LEGACY;
            } else {
                m = Mode.LEGACY;
            }
        }
        if (m == Mode.DIRECT) {
            if (transport != Transport.UNIX) {
                throw new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.REMOTE,
                        "Cannot use direct socket mode for "
                                + transport.name().toLowerCase(Locale.ROOT) + " transport");
            }
            return direct;
        }
        return legacy;
    }

    /** libvirt builds these under $LOCALSTATEDIR/run, which works on a far host with or without /run. */
    private static String socketFile(String prefix, boolean readOnly) {
        return "/var/run/libvirt/" + prefix + (readOnly ? "-sock-ro" : "-sock");
    }
}
