package org.jvirt.jmx.internal.remote;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.rmi.server.RMIServerSocketFactory;
import java.util.List;
import java.util.Objects;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

/**
 * Server sockets for the RMI registry and the connector, bound to one address (the JDK's factories bind to every
 * address), speaking TLS when given an SSLContext. Equal factories let RMI share a port between the registry and
 * the connector.
 */
final class BoundServerSocketFactory implements RMIServerSocketFactory {
    private final InetAddress address;
    private final SSLContext tls;
    private final boolean needClientAuth;
    private final List<String> protocols;
    private final List<String> ciphers;

    /** Plain sockets on {@code address} (null: every address). */
    BoundServerSocketFactory(InetAddress address) {
        this(address, null, false, List.of(), List.of());
    }

    BoundServerSocketFactory(InetAddress address, SSLContext tls, boolean needClientAuth, List<String> protocols,
            List<String> ciphers) {
        this.address = address;
        this.tls = tls;
        this.needClientAuth = needClientAuth;
        this.protocols = List.copyOf(protocols);
        this.ciphers = List.copyOf(ciphers);
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
        ServerSocket socket = tls == null ? new ServerSocket() : tls.getServerSocketFactory().createServerSocket();
        try {
            if (socket instanceof SSLServerSocket ssl) {
                ssl.setNeedClientAuth(needClientAuth);
                if (!protocols.isEmpty()) {
                    ssl.setEnabledProtocols(protocols.toArray(String[]::new));
                }
                if (!ciphers.isEmpty()) {
                    ssl.setEnabledCipherSuites(ciphers.toArray(String[]::new));
                }
            }
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(address, port));
            return socket;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BoundServerSocketFactory f && Objects.equals(f.address, address) && f.tls == tls
                && f.needClientAuth == needClientAuth && f.protocols.equals(protocols) && f.ciphers.equals(ciphers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(address, protocols, needClientAuth);
    }

    @Override
    public String toString() {
        return (tls == null ? "plain" : "TLS") + " sockets on " + (address == null ? "every address" : address);
    }
}
