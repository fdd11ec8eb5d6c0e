package org.jvirt.jmx.internal.remote;

import java.io.IOException;
import java.net.InetAddress;
import java.rmi.AlreadyBoundException;
import java.rmi.NoSuchObjectException;
import java.rmi.registry.LocateRegistry;
import java.rmi.registry.Registry;
import java.rmi.server.RMIClientSocketFactory;
import java.rmi.server.RMIServerSocketFactory;
import java.rmi.server.UnicastRemoteObject;
import java.util.HashMap;
import java.util.Map;

import javax.management.MBeanServer;
import javax.management.Notification;
import javax.management.NotificationListener;
import javax.management.remote.JMXConnectionNotification;
import javax.management.remote.JMXConnectorServer;
import javax.management.remote.JMXServiceURL;
import javax.management.remote.rmi.RMIConnectorServer;
import javax.management.remote.rmi.RMIJRMPServerImpl;
import javax.net.ssl.SSLContext;
import javax.rmi.ssl.SslRMIClientSocketFactory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running RMI connector for the platform MBeanServer: an RMI registry on the registry port holding the connector's
 * stub as {@code jmxrmi} (the name JConsole's {@code host:port} looks up), the connector on the server port, both
 * bound to the configured address, TLS when configured. Every client authenticates and each request passes the
 * {@link RoleCheckingForwarder}. {@link #close()} stops both and frees the ports.
 */
final class RemoteConnector implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteConnector.class);

    static final String BINDING = "jmxrmi";
    /** Credentials are a String[] of a user and a password; nothing else is deserialized for them. */
    static final String CREDENTIALS_FILTER = "java.lang.String;!*";
    /**
     * What a request's parameters may hold: the JDK's value and JMX classes, nothing that could be a gadget. A
     * delegation Subject (arrays of them, null, travel with every listener request) cannot get in with its principals.
     */
    static final String SERIAL_FILTER = "java.lang.*;java.math.*;java.util.*;java.rmi.MarshalledObject;"
            + "javax.management.**;javax.security.auth.Subject;!*";

    /** How long {@link #close()} waits for RMI to close its listening sockets, which it does a moment later. */
    private static final long CLOSE_BOUND_MILLIS = 5_000;

    private final RemoteJmxSettings settings;
    private final InetAddress address;
    private final Registry registry;
    private final RMIConnectorServer server;

    private RemoteConnector(RemoteJmxSettings settings, InetAddress address, Registry registry,
            RMIConnectorServer server) {
        this.settings = settings;
        this.address = address;
        this.registry = registry;
        this.server = server;
    }

    /** Starts the connector; on failure nothing stays exported or listening. */
    static RemoteConnector start(RemoteJmxSettings settings, MBeanServer mbeanServer) throws IOException {
        RoleAuthenticator authenticator = authenticator(settings);
        InetAddress address = RemoteJmxSettings.isWildcard(settings.host()) ? null
                : InetAddress.getByName(settings.host());
        TlsSettings tls = settings.tls();
        SSLContext context = tls == null ? null : tls.context();
        RMIServerSocketFactory plain = new BoundServerSocketFactory(address);
        RMIServerSocketFactory secure = context == null ? plain
                : new BoundServerSocketFactory(address, context, tls.needClientAuth(), tls.protocols(),
                        tls.ciphers());
        RMIClientSocketFactory clientSockets = context == null ? null : new SslRMIClientSocketFactory();
        boolean tlsRegistry = tls != null && tls.registry();

        RmiHostname.claim(settings.rmiHostname());
        Registry registry = null;
        RMIConnectorServer server = null;
        try {
            Map<String, Object> env = new HashMap<>();
            env.put(JMXConnectorServer.AUTHENTICATOR, authenticator);
            env.put(RMIConnectorServer.CREDENTIALS_FILTER_PATTERN, CREDENTIALS_FILTER);
            env.put(RMIConnectorServer.SERIAL_FILTER_PATTERN, SERIAL_FILTER);
            if (clientSockets != null) {
                env.put(RMIConnectorServer.RMI_CLIENT_SOCKET_FACTORY_ATTRIBUTE, clientSockets);
            }
            env.put(RMIConnectorServer.RMI_SERVER_SOCKET_FACTORY_ATTRIBUTE, secure);
            RMIJRMPServerImpl rmiServer = new RMIJRMPServerImpl(settings.serverPort(), clientSockets, secure, env);
            JMXServiceURL address0 = new JMXServiceURL("rmi", settings.host(), settings.serverPort());
            server = new RMIConnectorServer(address0, env, rmiServer, mbeanServer);
            server.setMBeanServerForwarder(new RoleCheckingForwarder());
            server.addNotificationListener(new ConnectionLog(), null, null);
            server.start();
            // the registry last, with the stub at once: a client that finds the registry finds the connector
            registry = LocateRegistry.createRegistry(settings.registryPort(), tlsRegistry ? clientSockets : null,
                    tlsRegistry ? secure : plain);
            registry.bind(BINDING, rmiServer.toStub());
        } catch (IOException | AlreadyBoundException | RuntimeException e) {
            stop(server, registry);
            RmiHostname.release();
            awaitClosed(address, settings.registryPort());
            if (settings.serverPort() != 0) {
                awaitClosed(address, settings.serverPort());
            }
            throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        }
        RemoteConnector connector = new RemoteConnector(settings, address, registry, server);
        LOG.info("remote JMX listening at {} ({}, {}{})", settings.clientUrl(), authenticatorName(settings),
                tls == null ? "no TLS" : "TLS", tls != null && tls.needClientAuth() ? " with client certificates" : "");
        return connector;
    }

    private static RoleAuthenticator authenticator(RemoteJmxSettings settings) throws IOException {
        AccessFile access = new AccessFile(settings.accessFile());
        try {
            access.check();
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException("the access file " + settings.accessFile() + " is missing");
        }
        CredentialCheck check;
        if (settings.jaasEntry() != null) {
            check = new JaasLogin(settings.jaasEntry(), settings.jaasConfig());
        } else {
            PasswordFile passwords = new PasswordFile(settings.passwordFile());
            try {
                passwords.check();
            } catch (java.nio.file.NoSuchFileException e) {
                throw new IllegalArgumentException("the password file " + settings.passwordFile() + " is missing");
            }
            check = passwords;
        }
        return new RoleAuthenticator(check, access);
    }

    private static String authenticatorName(RemoteJmxSettings settings) {
        return settings.jaasEntry() != null ? "JAAS entry " + settings.jaasEntry()
                : "password file " + settings.passwordFile();
    }

    /** What clients connect to: {@code service:jmx:rmi:///jndi/rmi://host:port/jmxrmi}. */
    JMXServiceURL address() {
        try {
            return new JMXServiceURL(settings.clientUrl());
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    RemoteJmxSettings settings() {
        return settings;
    }

    /** Stops the connector and the registry; returns once their ports are free, so they can be bound again. */
    @Override
    public void close() {
        stop(server, registry);
        RmiHostname.release();
        awaitClosed(address, settings.registryPort());
        if (settings.serverPort() != 0) {
            awaitClosed(address, settings.serverPort());
        }
        LOG.info("remote JMX at {} stopped", settings.clientUrl());
    }

    /** Waits, within a bound, until nothing accepts connections on the port RMI was told to close. */
    private static void awaitClosed(InetAddress address, int port) {
        InetAddress target = address != null ? address : InetAddress.getLoopbackAddress();
        long deadline = System.nanoTime() + CLOSE_BOUND_MILLIS * 1_000_000;
        while (System.nanoTime() < deadline) {
            try (java.net.Socket probe = new java.net.Socket()) {
                probe.connect(new java.net.InetSocketAddress(target, port), 200);
            } catch (IOException refused) {
                return;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        LOG.warn("remote JMX: port {} still accepts connections after the connector stopped", port);
    }

    private static void stop(RMIConnectorServer server, Registry registry) {
        if (server != null) {
            try {
                server.stop();
            } catch (IOException e) {
                LOG.warn("remote JMX: stopping the connector: {}", e.toString());
            }
        }
        if (registry != null) {
            try {
                UnicastRemoteObject.unexportObject(registry, true);
            } catch (NoSuchObjectException e) {
                // not exported: nothing to free
            }
        }
    }

    /** Logs who connects and leaves: a remote session is worth a line. */
    private static final class ConnectionLog implements NotificationListener {
        @Override
        public void handleNotification(Notification n, Object handback) {
            if (n instanceof JMXConnectionNotification c) {
                switch (c.getType()) {
                    case JMXConnectionNotification.OPENED -> LOG.info("remote JMX: connection {} opened",
                            c.getConnectionId());
                    case JMXConnectionNotification.CLOSED -> LOG.info("remote JMX: connection {} closed",
                            c.getConnectionId());
                    default -> LOG.info("remote JMX: connection {}: {}", c.getConnectionId(), c.getType());
                }
            }
        }
    }
}
