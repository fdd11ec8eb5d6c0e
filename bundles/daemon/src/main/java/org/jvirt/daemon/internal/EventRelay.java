package org.jvirt.daemon.internal;

import static org.jvirt.rpc.remote.RemoteProtocol.*;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jvirt.api.Connect;
import org.jvirt.api.Domain;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.Network;
import org.jvirt.api.NodeDevice;
import org.jvirt.api.Secret;
import org.jvirt.api.StoragePool;
import org.jvirt.api.VirFlag;
import org.jvirt.api.VirtException;
import org.jvirt.api.event.DomainEventId;
import org.jvirt.api.event.EventSubscription;
import org.jvirt.api.event.NetworkEventId;
import org.jvirt.api.event.NetworkLifecycleEvent;
import org.jvirt.api.event.NodeDeviceEventId;
import org.jvirt.api.event.NodeDeviceLifecycleEvent;
import org.jvirt.api.event.NodeDeviceUpdateEvent;
import org.jvirt.api.event.SecretEventId;
import org.jvirt.api.event.SecretLifecycleEvent;
import org.jvirt.api.event.SecretValueChangedEvent;
import org.jvirt.api.event.StoragePoolEventId;
import org.jvirt.api.event.StoragePoolLifecycleEvent;
import org.jvirt.api.event.StoragePoolRefreshEvent;
import org.jvirt.api.qemu.QemuMonitorEventRegisterFlag;
import org.jvirt.rpc.qemu.QemuProtocol;
import org.jvirt.rpc.transport.ServerClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client's event callbacks: each is a subscription on its connection, relayed as MESSAGE packets as the API
 * delivers them (in order, from the connection's event thread). Callback ids are the API's, as libvirtd returns the
 * ids of its own connection. All of them end when the client goes.
 */
final class EventRelay {
    private static final Logger LOG = LoggerFactory.getLogger(EventRelay.class);

    /** A domain callback: its event id, the domain it is for (null: all), how registered, its subscription. */
    private record DomainCallback(DomainEventId id, java.util.UUID domain, boolean legacy,
            EventSubscription subscription) {
    }

    private final ClientSession session;
    private final List<DomainCallback> domain = new CopyOnWriteArrayList<>();
    private final Map<Integer, EventSubscription> network = new ConcurrentHashMap<>();
    private final Map<Integer, EventSubscription> pool = new ConcurrentHashMap<>();
    private final Map<Integer, EventSubscription> nodeDevice = new ConcurrentHashMap<>();
    private final Map<Integer, EventSubscription> secret = new ConcurrentHashMap<>();
    private final Map<Integer, EventSubscription> qemu = new ConcurrentHashMap<>();
    private volatile EventSubscription close;
    // domain events written to the client so far, and the thread waiting for the next (see awaitDomainEvent)
    private final java.util.concurrent.atomic.AtomicLong domainEventsSent = new java.util.concurrent.atomic.AtomicLong();
    private volatile Thread waiter;

    EventRelay(ClientSession session) {
        this.session = session;
    }

    private ServerClient client() {
        return session.client();
    }

    private void sent(Runnable send) {
        try {
            send.run();
        } catch (VirtException e) {
            // the client went away; its session releases the subscriptions
            LOG.debug("{}: event not sent: {}", client().name(), e.getMessage());
        }
    }

    // ---- domains

    /** DOMAIN_EVENT_CALLBACK_REGISTER_ANY, or the legacy registrations with {@code legacy}. */
    int domain(Connect conn, Domain filter, int eventId, boolean legacy) {
        int last = legacy ? DomainEventMessages.LEGACY_LAST_ID : DomainEventId.values().length - 1;
        DomainEventId id = eventId < 0 || eventId > last ? null : DomainEventId.fromValue(eventId);
        if (id == null) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC, "unsupported event ID " + eventId);
        }
        int[] callbackId = new int[1];
        EventSubscription s = conn.domainEventRegisterAny(filter, id, e -> sent(() -> {
            if (DomainEventMessages.send(client(), e, callbackId[0], legacy)) {
                domainEventsSent.incrementAndGet();
                Thread w = waiter;
                if (w != null) {
                    java.util.concurrent.locks.LockSupport.unpark(w);
                }
            }
        }));
        callbackId[0] = s.callbackId();
        domain.add(new DomainCallback(id, filter == null ? null : filter.getUUID(), legacy, s));
        return s.callbackId();
    }

    /** DOMAIN_EVENT_CALLBACK_DEREGISTER_ANY. */
    void domainDeregister(int callbackId) {
        for (DomainCallback c : domain) {
            if (c.subscription().callbackId() == callbackId) {
                c.subscription().close();
                domain.remove(c);
                return;
            }
        }
        throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC,
                "domain event callback " + callbackId + " not registered");
    }

    /** The legacy deregistrations: the first callback of that event id. */
    void domainDeregisterLegacy(int eventId) {
        if (eventId < 0 || eventId > DomainEventMessages.LEGACY_LAST_ID) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC, "unsupported event ID " + eventId);
        }
        for (DomainCallback c : domain) {
            if (c.id().value() == eventId) {
                c.subscription().close();
                domain.remove(c);
                return;
            }
        }
        throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC, "domain event " + eventId
                + " not registered");
    }

    /** How many domain events went to the client so far. */
    long domainEventsSent() {
        return domainEventsSent.get();
    }

    /** Whether the client has a callback for events {@code id} of {@code uuid} (null: of a domain not known yet). */
    boolean expects(DomainEventId id, java.util.UUID uuid) {
        for (DomainCallback c : domain) {
            if (c.id() == id && (c.domain() == null || c.domain().equals(uuid))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Waits, at most {@code timeoutNanos}, until a domain event goes to the client after the {@code since}-th: a call
     * whose event the client waits for gets its reply after that event, not before.
     */
    void awaitDomainEvent(long since, long timeoutNanos) {
        long deadline = System.nanoTime() + timeoutNanos;
        waiter = Thread.currentThread();
        try {
            while (domainEventsSent.get() == since) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                java.util.concurrent.locks.LockSupport.parkNanos(this, left);
            }
        } finally {
            waiter = null;
        }
    }

    // ---- networks, pools, node devices, secrets

    int network(Connect conn, Network filter, int eventId) {
        NetworkEventId id = NetworkEventId.fromValue(eventId);
        if (id == null) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC, "unsupported network event ID "
                    + eventId);
        }
        int[] cb = new int[1];
        EventSubscription s = conn.networkEventRegisterAny(filter, id, e -> sent(() -> {
            if (e instanceof NetworkLifecycleEvent l) {
                client().sendEvent(NETWORK_EVENT_LIFECYCLE, new NetworkEventLifecycleMsg(cb[0],
                        Wire.net(l.network()), l.type().value(), l.detail()));
            }
        }));
        cb[0] = s.callbackId();
        network.put(cb[0], s);
        return cb[0];
    }

    int pool(Connect conn, StoragePool filter, int eventId) {
        StoragePoolEventId id = StoragePoolEventId.fromValue(eventId);
        if (id == null) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC, "unsupported storage pool event ID "
                    + eventId);
        }
        int[] cb = new int[1];
        EventSubscription s = conn.storagePoolEventRegisterAny(filter, id, e -> sent(() -> {
            if (e instanceof StoragePoolLifecycleEvent l) {
                client().sendEvent(STORAGE_POOL_EVENT_LIFECYCLE, new StoragePoolEventLifecycleMsg(cb[0],
                        Wire.pool(l.pool()), l.type().value(), l.detail()));
            } else if (e instanceof StoragePoolRefreshEvent r) {
                client().sendEvent(STORAGE_POOL_EVENT_REFRESH, new StoragePoolEventRefreshMsg(cb[0],
                        Wire.pool(r.pool())));
            }
        }));
        cb[0] = s.callbackId();
        pool.put(cb[0], s);
        return cb[0];
    }

    int nodeDevice(Connect conn, NodeDevice filter, int eventId) {
        NodeDeviceEventId id = NodeDeviceEventId.fromValue(eventId);
        if (id == null) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC, "unsupported node device event ID "
                    + eventId);
        }
        int[] cb = new int[1];
        EventSubscription s = conn.nodeDeviceEventRegisterAny(filter, id, e -> sent(() -> {
            if (e instanceof NodeDeviceLifecycleEvent l) {
                client().sendEvent(NODE_DEVICE_EVENT_LIFECYCLE, new NodeDeviceEventLifecycleMsg(cb[0],
                        Wire.dev(l.device()), l.type().value(), l.detail()));
            } else if (e instanceof NodeDeviceUpdateEvent u) {
                client().sendEvent(NODE_DEVICE_EVENT_UPDATE, new NodeDeviceEventUpdateMsg(cb[0],
                        Wire.dev(u.device())));
            }
        }));
        cb[0] = s.callbackId();
        nodeDevice.put(cb[0], s);
        return cb[0];
    }

    int secret(Connect conn, Secret filter, int eventId) {
        SecretEventId id = SecretEventId.fromValue(eventId);
        if (id == null) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC, "unsupported secret event ID "
                    + eventId);
        }
        int[] cb = new int[1];
        EventSubscription s = conn.secretEventRegisterAny(filter, id, e -> sent(() -> {
            if (e instanceof SecretLifecycleEvent l) {
                client().sendEvent(SECRET_EVENT_LIFECYCLE, new SecretEventLifecycleMsg(cb[0],
                        Wire.secret(l.secret()), l.type().value(), l.detail()));
            } else if (e instanceof SecretValueChangedEvent v) {
                client().sendEvent(SECRET_EVENT_VALUE_CHANGED, new SecretEventValueChangedMsg(cb[0],
                        Wire.secret(v.secret())));
            }
        }));
        cb[0] = s.callbackId();
        secret.put(cb[0], s);
        return cb[0];
    }

    /** The deregistrations of the four kinds above; the kind's word names it in the error. */
    void deregister(String kind, int callbackId) {
        Map<Integer, EventSubscription> map = switch (kind) {
            case "network" -> network;
            case "storage pool" -> pool;
            case "node device" -> nodeDevice;
            case "secret" -> secret;
            default -> throw new IllegalArgumentException(kind);
        };
        EventSubscription s = map.get(callbackId);
        if (s == null) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC,
                    kind + " event callback " + callbackId + " not registered");
        }
        s.close();
        map.remove(callbackId);
    }

    // ---- QEMU monitor events

    int qemu(Connect conn, Domain filter, String event, int flags) {
        java.util.Set<QemuMonitorEventRegisterFlag> set = VirFlag.fromBits(QemuMonitorEventRegisterFlag.class, flags);
        int[] cb = new int[1];
        EventSubscription s = conn.domainQemuMonitorEventRegister(filter, event, e -> sent(() ->
                client().sendEvent(QemuProtocol.DOMAIN_MONITOR_EVENT, new QemuProtocol.DomainMonitorEventMsg(cb[0],
                        Wire.dom(e.domain()), e.event(), e.seconds(), e.micros(), e.details()))), set);
        cb[0] = s.callbackId();
        qemu.put(cb[0], s);
        return cb[0];
    }

    void qemuDeregister(int callbackId) {
        EventSubscription s = qemu.get(callbackId);
        if (s == null) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC,
                    "qemu monitor event callback " + callbackId + " not registered");
        }
        s.close();
        qemu.remove(callbackId);
    }

    // ---- the connection's own close

    void closeCallback(Connect conn) {
        synchronized (this) {
            if (close != null) {
                return;
            }
            close = conn.registerCloseCallback(reason -> sent(() -> client().sendEvent(
                    CONNECT_EVENT_CONNECTION_CLOSED, new ConnectEventConnectionClosedMsg(reason.value()))));
        }
    }

    void closeCallbackRemove() {
        EventSubscription c;
        synchronized (this) {
            c = close;
            close = null;
        }
        if (c != null) {
            c.close();
        }
    }

    /** The client went away: every subscription ends. */
    void closeAll() {
        for (DomainCallback c : domain) {
            quietly(c.subscription());
        }
        domain.clear();
        for (Map<Integer, EventSubscription> m : List.of(network, pool, nodeDevice, secret, qemu)) {
            m.values().forEach(EventRelay::quietly);
            m.clear();
        }
        closeCallbackRemove();
    }

    private static void quietly(EventSubscription s) {
        try {
            s.close();
        } catch (RuntimeException e) {
            LOG.debug("closing a subscription: {}", e.toString());
        }
    }

    /** How many callbacks the client has (for tests of release). */
    int count() {
        return domain.size() + network.size() + pool.size() + nodeDevice.size() + secret.size() + qemu.size()
                + (close == null ? 0 : 1);
    }
}
