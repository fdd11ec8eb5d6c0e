package org.jvirt.daemon.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One listener the configuration asks for: a unix socket (with its mode and group), or TCP, or TLS, and the service
 * its clients get. Two equal specs are the same listener, so a configuration change restarts only what changed.
 */
record ListenerSpec(Kind kind, String host, int port, Path socket, String perms, String group, Service service,
        TlsSettings tls) {

    enum Kind {
        UNIX, TCP, TLS
    }

    /** The x509 files and checks of a TLS listener (libvirtd's key_file, cert_file, ca_file, crl_file …). */
    record TlsSettings(Path key, Path cert, Path ca, Path crl, boolean noVerifyCertificate,
            List<String> allowedDnList) {
    }

    String describe() {
        return switch (kind) {
            case UNIX -> socket.toString();
            case TCP -> "tcp " + host + ":" + port;
            case TLS -> "tls " + host + ":" + port;
        };
    }

    /** The listeners of a configuration. */
    static List<ListenerSpec> of(DaemonConfig c) {
        List<ListenerSpec> out = new ArrayList<>();
        if (c.listenUnix()) {
            out.add(new ListenerSpec(Kind.UNIX, null, 0, c.unixSockDir().resolve(DaemonConfig.RW_SOCKET),
                    c.unixSockRwPerms(), c.unixSockGroup(), new Service("unix-rw", false, c.authUnixRw(), true,
                            false, c.saslMechanisms()), null));
            out.add(new ListenerSpec(Kind.UNIX, null, 0, c.unixSockDir().resolve(DaemonConfig.RO_SOCKET),
                    c.unixSockRoPerms(), c.unixSockGroup(), new Service("unix-ro", true, c.authUnixRo(), true,
                            false, c.saslMechanisms()), null));
        }
        if (c.listenTcp()) {
            out.add(new ListenerSpec(Kind.TCP, c.listenAddr(), c.tcpPort(), null, null, null,
                    new Service("tcp", false, c.authTcp(), false, false, c.saslMechanisms()), null));
        }
        if (c.listenTls()) {
            out.add(new ListenerSpec(Kind.TLS, c.listenAddr(), c.tlsPort(), null, null, null,
                    new Service("tls", false, c.authTls(), true, true, c.saslMechanisms()),
                    new TlsSettings(c.keyFile(), c.certFile(), c.caFile(), c.crlFile(), c.tlsNoVerifyCertificate(),
                            c.tlsAllowedDnList())));
        }
        return out;
    }
}
