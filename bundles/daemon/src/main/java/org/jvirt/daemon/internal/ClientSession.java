package org.jvirt.daemon.internal;

import org.jvirt.api.Connect;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.transport.ServerClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the daemon keeps for one client (libvirtd's daemonClientPrivate): the service it came in by, whether it has
 * authenticated, its connection to the API, its event callbacks and streams. When the client goes away, for any
 * reason, everything it held is released.
 */
final class ClientSession {
    private static final Logger LOG = LoggerFactory.getLogger(ClientSession.class);
    private static final String KEY = ClientSession.class.getName();

    private final ServerClient client;
    private final Service service;
    private final EventRelay events;
    private final StreamRelays streams;
    private final Object lock = new Object();
    private volatile boolean authenticated;
    private volatile Connect conn;
    private volatile boolean readOnly;
    private volatile String driverPrefix = "";
    private volatile ErrorDomain driverDomain = ErrorDomain.NONE;
    private volatile boolean released;
    private Object authState; // guarded by lock
    // the domains this client's calls named lately: a handle names its domain by UUID, and each of its calls asks
    // the driver again (the API's contract), so a kept handle is as good as a new one and spares the lookup
    private final java.util.Map<java.util.UUID, org.jvirt.api.Domain> domains =
            new java.util.LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<java.util.UUID, org.jvirt.api.Domain> e) {
                    return size() > 256;
                }
            };

    private ClientSession(ServerClient client, Service service) {
        this.client = client;
        this.service = service;
        this.authenticated = service.auth() == Service.Auth.NONE;
        this.readOnly = service.readOnly();
        this.events = new EventRelay(this);
        this.streams = new StreamRelays(this);
    }

    /** A new client: its session, released when its connection closes. */
    static ClientSession attach(ServerClient client, Service service) {
        ClientSession s = new ClientSession(client, service);
        client.attributes().put(KEY, s);
        client.onClose(reason -> s.release());
        return s;
    }

    static ClientSession of(ServerClient client) {
        return (ClientSession) client.attributes().get(KEY);
    }

    ServerClient client() {
        return client;
    }

    Service service() {
        return service;
    }

    EventRelay events() {
        return events;
    }

    StreamRelays streams() {
        return streams;
    }

    Object lock() {
        return lock;
    }

    boolean authenticated() {
        return authenticated;
    }

    void authenticated(boolean done) {
        authenticated = done;
    }

    /** The authentication in progress (a SASL exchange), under {@link #lock()}. */
    Object authState() {
        return authState;
    }

    void authState(Object state) {
        authState = state;
    }

    boolean readOnly() {
        return readOnly;
    }

    /** The connection CONNECT_OPEN made, or libvirtd's error when there is none. */
    Connect conn() {
        Connect c = conn;
        if (c == null) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC, "hypervisor connection not open");
        }
        return c;
    }

    boolean isOpen() {
        return conn != null;
    }

    /** Keeps the connection CONNECT_OPEN made; a second open is libvirtd's error. */
    void opened(Connect c, boolean ro) {
        synchronized (lock) {
            if (released) {
                c.close();
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC, "client socket is closed");
            }
            conn = c;
            readOnly = ro;
            String type;
            try {
                type = c.getType();
            } catch (VirtException e) {
                type = "";
            }
            driverPrefix = type.toLowerCase(java.util.Locale.ROOT);
            ErrorDomain d = switch (type) {
                case "TEST" -> ErrorDomain.TEST;
                case "QEMU" -> ErrorDomain.QEMU;
                default -> ErrorDomain.NONE;
            };
            driverDomain = d;
        }
    }

    /** A handle of the domain with {@code uuid} this client's calls named lately, or {@code null}. */
    org.jvirt.api.Domain knownDomain(java.util.UUID uuid) {
        synchronized (domains) {
            return domains.get(uuid);
        }
    }

    void rememberDomain(java.util.UUID uuid, org.jvirt.api.Domain d) {
        synchronized (domains) {
            domains.put(uuid, d);
        }
    }

    /** "test", "qemu": how the driver's own function names begin (its flag errors name them). */
    String driverPrefix() {
        return driverPrefix;
    }

    ErrorDomain driverDomain() {
        return driverDomain;
    }

    /** Releases everything the client held: event callbacks, streams, its connection. Once. */
    void release() {
        Connect c;
        synchronized (lock) {
            if (released) {
                return;
            }
            released = true;
            c = conn;
            conn = null;
        }
        events.closeAll();
        streams.abortAll();
        if (c != null) {
            try {
                c.close();
            } catch (RuntimeException e) {
                LOG.warn("{}: closing its connection failed: {}", client.name(), e.toString());
            }
        }
        LOG.debug("{}: released", client.name());
    }
}
