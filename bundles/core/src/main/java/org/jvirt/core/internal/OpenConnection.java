package org.jvirt.core.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import org.jvirt.api.CloseReason;
import org.jvirt.api.Connect;
import org.jvirt.api.Stream;
import org.jvirt.api.StreamFlag;
import org.jvirt.api.VirEnum;
import org.jvirt.api.VirtException;
import org.jvirt.api.driver.ConnectRequest;
import org.jvirt.api.event.ConnectCloseListener;
import org.jvirt.api.event.DomainEventId;
import org.jvirt.api.event.DomainEventListener;
import org.jvirt.api.event.DomainLifecycleEvent;
import org.jvirt.api.event.EventSubscription;
import org.jvirt.api.event.NetworkEventListener;
import org.jvirt.api.event.NetworkEvent;
import org.jvirt.api.event.NodeDeviceEvent;
import org.jvirt.api.event.NodeDeviceEventListener;
import org.jvirt.api.event.SecretEvent;
import org.jvirt.api.event.SecretEventListener;
import org.jvirt.api.event.StoragePoolEvent;
import org.jvirt.api.event.StoragePoolEventListener;
import org.jvirt.api.event.DomainEvent;
import org.jvirt.api.qemu.QemuMonitorEvent;
import org.jvirt.api.qemu.QemuMonitorEventListener;
import org.jvirt.api.qemu.QemuMonitorEventRegisterFlag;
import org.jvirt.core.internal.ConnectionEvents.Family;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open connection: the {@link Connect} users hold is a proxy over the driver's, with this as its handler.
 * Objects the drivers return are wrapped the same way, so a connection closed by its user or by its driver's
 * departure refuses every further call with INVALID_CONN, whatever handle it comes through. Calls to a part of the
 * connection its hypervisor driver does not serve (networks, storage, …) go to the shared secondary driver's part,
 * opened the first time it is needed.
 */
final class OpenConnection implements InvocationHandler {
    private static final Logger LOG = LoggerFactory.getLogger(OpenConnection.class);
    private static final Method CLOSE = PlatformMethods.method(Connect.class, "close");
    private static final Method IS_ALIVE = PlatformMethods.method(Connect.class, "isAlive");

    private final Hub hub;
    private final Hub.DriverEntry driver;
    private final Connect target;
    private final String uri;
    private final boolean readOnly;
    private final ConnectionEvents events;
    private final ConnectRequest request;
    private final Connect proxy;
    private final Map<SecondaryPart, OpenPart> parts = new EnumMap<>(SecondaryPart.class);
    private volatile boolean closed;

    /** A secondary driver's part of this connection. */
    private record OpenPart(Hub.SecondaryEntry entry, Object part) {
    }

    OpenConnection(Hub hub, Hub.DriverEntry driver, Connect target, String uri, boolean readOnly,
            ConnectionEvents events, ConnectRequest request) {
        this.hub = hub;
        this.driver = driver;
        this.target = target;
        this.uri = uri;
        this.readOnly = readOnly;
        this.events = events;
        this.request = request;
        this.proxy = (Connect) Proxy.newProxyInstance(Connect.class.getClassLoader(), new Class<?>[] {Connect.class},
                this);
        events.bind(this);
    }

    Connect proxy() {
        return proxy;
    }

    String uri() {
        return uri;
    }

    boolean isClosed() {
        return closed;
    }

    boolean isReadOnly() {
        return readOnly;
    }

    ConnectionEvents events() {
        return events;
    }

    @Override
    public Object invoke(Object self, Method method, Object[] args) {
        if (method.getDeclaringClass() == Object.class) {
            return objectMethod(self, method, args);
        }
        if (method.equals(CLOSE)) {
            closeByUser();
            return null;
        }
        if (method.equals(IS_ALIVE) && closed) {
            return false;
        }
        Invocations.MethodFacts facts = Invocations.facts(method);
        check(facts, args);
        ArgChecks.check(method, args, facts);
        if (PlatformMethods.isPlatform(method)) {
            return platform(method, args, facts);
        }
        SecondaryPart part = SecondaryPart.of(method);
        Object implementation = part == null ? target : route(part);
        return wrap(Invocations.call(implementation, self, method, args, unwrapAll(args), facts, uri));
    }

    /** The checks libvirt makes before any driver call: an open connection, and write access for changes. */
    void check(Invocations.MethodFacts facts, Object[] args) {
        if (closed) {
            throw Invocations.closed(facts);
        }
        Invocations.checkWritable(facts, readOnly, args);
        if (facts.modifies() && facts.when().isEmpty() && args != null) {
            // a destination connection must be writable too (virDomainMigrate checks dconn)
            for (Object a : args) {
                if (a instanceof Connect c && Proxy.isProxyClass(c.getClass())
                        && Proxy.getInvocationHandler(c) instanceof OpenConnection other && other.readOnly) {
                    Invocations.checkWritable(facts, true, args);
                }
            }
        }
    }

    // ---- secondary drivers

    /** What serves {@code part} of this connection: the hypervisor driver, or a shared secondary driver's part. */
    private Object route(SecondaryPart part) {
        if (part.servedBy(target.getClass())) {
            return target;
        }
        synchronized (parts) {
            OpenPart open = parts.get(part);
            if (open != null) {
                return open.part;
            }
            Hub.SecondaryEntry entry = hub.secondary(part);
            if (entry == null) {
                return null;
            }
            Object opened = entry.open(request);
            if (opened == null) {
                return null;
            }
            parts.put(part, new OpenPart(entry, opened));
            LOG.debug("connection {}: {} served by the {} driver", uri, part, entry.name());
            return opened;
        }
    }

    /** A secondary driver is leaving: its parts of this connection close; later calls find another, or none. */
    void secondaryLeaving(Hub.SecondaryEntry entry) {
        OpenPart gone = null;
        synchronized (parts) {
            for (Map.Entry<SecondaryPart, OpenPart> e : parts.entrySet()) {
                if (e.getValue().entry == entry) {
                    gone = e.getValue();
                    parts.remove(e.getKey());
                    break;
                }
            }
        }
        if (gone != null) {
            closePart(gone);
        }
    }

    private void closePart(OpenPart p) {
        if (p.part instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("closing the {} driver's part of {} failed: {}", p.entry.name(), uri, e.toString(), e);
            }
        }
    }

    // ---- what the platform implements for every driver

    private Object platform(Method m, Object[] args, Invocations.MethodFacts facts) {
        try {
            if (m.equals(PlatformMethods.NEW_STREAM)) {
                return newStream(args[0]);
            }
            if (m.equals(PlatformMethods.CLOSE_REGISTER)) {
                return events.onClose((ConnectCloseListener) args[0]);
            }
            if (m.equals(PlatformMethods.CLOSE_UNREGISTER)) {
                events.removeCloseListener((ConnectCloseListener) args[0]);
                return null;
            }
            if (m.equals(PlatformMethods.DOMAIN_REGISTER_ANY)) {
                DomainEventListener l = (DomainEventListener) args[2];
                return events.subscribe(Family.DOMAIN, own(args[0], "domain"), eventId(args[1]), l,
                        e -> l.onEvent((DomainEvent) e), false);
            }
            if (m.equals(PlatformMethods.DOMAIN_REGISTER)) {
                DomainEventListener l = (DomainEventListener) args[0];
                events.subscribe(Family.DOMAIN, null, DomainEventId.LIFECYCLE, l,
                        e -> l.onEvent((DomainLifecycleEvent) e), true);
                return null;
            }
            if (m.equals(PlatformMethods.DOMAIN_DEREGISTER)) {
                if (args[0] == null) {
                    throw VirtException.invalidArg("cb must not be NULL");
                }
                events.unsubscribeLegacy(args[0]);
                return null;
            }
            if (m.equals(PlatformMethods.NETWORK_REGISTER_ANY)) {
                requirePart(SecondaryPart.NETWORKS, facts);
                NetworkEventListener l = (NetworkEventListener) args[2];
                return events.subscribe(Family.NETWORK, own(args[0], "network"), eventId(args[1]), l,
                        e -> l.onEvent((NetworkEvent) e), false);
            }
            if (m.equals(PlatformMethods.POOL_REGISTER_ANY)) {
                requirePart(SecondaryPart.STORAGE, facts);
                StoragePoolEventListener l = (StoragePoolEventListener) args[2];
                return events.subscribe(Family.STORAGE_POOL, own(args[0], "storage pool"), eventId(args[1]), l,
                        e -> l.onEvent((StoragePoolEvent) e), false);
            }
            if (m.equals(PlatformMethods.DEVICE_REGISTER_ANY)) {
                requirePart(SecondaryPart.NODE_DEVICES, facts);
                NodeDeviceEventListener l = (NodeDeviceEventListener) args[2];
                return events.subscribe(Family.NODE_DEVICE, own(args[0], "node device"), eventId(args[1]), l,
                        e -> l.onEvent((NodeDeviceEvent) e), false);
            }
            if (m.equals(PlatformMethods.SECRET_REGISTER_ANY)) {
                requirePart(SecondaryPart.SECRETS, facts);
                SecretEventListener l = (SecretEventListener) args[2];
                return events.subscribe(Family.SECRET, own(args[0], "secret"), eventId(args[1]), l,
                        e -> l.onEvent((SecretEvent) e), false);
            }
            if (m.equals(PlatformMethods.QEMU_REGISTER)) {
                QemuMonitorEventListener l = (QemuMonitorEventListener) args[2];
                @SuppressWarnings("unchecked")
                Set<QemuMonitorEventRegisterFlag> flags = (Set<QemuMonitorEventRegisterFlag>) args[3];
                return events.subscribeQemu(own(args[0], "domain"), (String) args[1], l,
                        e -> l.onEvent((QemuMonitorEvent) e), flags);
            }
            Family family = deregisterFamily(m);
            if (family != null) {
                events.unsubscribe(family, (Integer) args[0]);
                return null;
            }
            throw new IllegalStateException("no platform implementation of " + m);
        } catch (VirtException e) {
            throw Invocations.translate(e, facts, uri);
        }
    }

    private static Family deregisterFamily(Method m) {
        if (m.equals(PlatformMethods.DOMAIN_DEREGISTER_ANY)) {
            return Family.DOMAIN;
        }
        if (m.equals(PlatformMethods.NETWORK_DEREGISTER_ANY)) {
            return Family.NETWORK;
        }
        if (m.equals(PlatformMethods.POOL_DEREGISTER_ANY)) {
            return Family.STORAGE_POOL;
        }
        if (m.equals(PlatformMethods.DEVICE_DEREGISTER_ANY)) {
            return Family.NODE_DEVICE;
        }
        if (m.equals(PlatformMethods.SECRET_DEREGISTER_ANY)) {
            return Family.SECRET;
        }
        if (m.equals(PlatformMethods.QEMU_DEREGISTER)) {
            return Family.QEMU_MONITOR;
        }
        return null;
    }

    /** Events of a part need someone serving it, whose events reach this connection: open it now. */
    private void requirePart(SecondaryPart part, Invocations.MethodFacts facts) {
        if (route(part) == null) {
            throw Invocations.noSupport(facts);
        }
    }

    private static VirEnum eventId(Object id) {
        if (id == null) {
            throw VirtException.invalidArg("eventID must not be NULL");
        }
        return (VirEnum) id;
    }

    /** A subscription's object filter: a handle of this connection, or null for all objects. */
    private Object own(Object handle, String what) {
        if (handle == null) {
            return null;
        }
        if (Proxy.isProxyClass(handle.getClass()) && Proxy.getInvocationHandler(handle) instanceof ObjectHandle h
                && h.connection() == this) {
            return handle;
        }
        String name;
        try {
            name = String.valueOf(handle.getClass().getMethod("getName").invoke(handle));
        } catch (ReflectiveOperationException | RuntimeException e) {
            name = String.valueOf(handle);
        }
        throw VirtException.invalidArg(what + " '" + name + "' must match connection");
    }

    private Stream newStream(Object flags) {
        @SuppressWarnings("unchecked")
        Set<StreamFlag> f = (Set<StreamFlag>) flags;
        PlatformStream stream = new PlatformStream(this, f);
        Stream handle = (Stream) wrapObject(stream);
        stream.handle(handle);
        return handle;
    }

    // ---- wrapping what crosses the boundary

    /** {@code result} with every driver object in it replaced by this connection's handle. */
    Object wrap(Object result) {
        return Boundary.map(result, this::wrapObject);
    }

    private Object wrapObject(Object o) {
        if (o instanceof Connect) {
            return Proxy.isProxyClass(o.getClass()) ? o : proxy;
        }
        ApiKinds.Kind kind = ApiKinds.kindOf(o);
        if (kind == null || Proxy.isProxyClass(o.getClass())
                && Proxy.getInvocationHandler(o) instanceof ObjectHandle) {
            return o;
        }
        return Proxy.newProxyInstance(kind.type().getClassLoader(), new Class<?>[] {kind.type()},
                new ObjectHandle(this, o, kind));
    }

    static Object unwrap(Object arg) {
        return Boundary.map(arg, OpenConnection::unwrapObject);
    }

    private static Object unwrapObject(Object o) {
        if (o != null && Proxy.isProxyClass(o.getClass())) {
            InvocationHandler h = Proxy.getInvocationHandler(o);
            if (h instanceof ObjectHandle oh) {
                return oh.target();
            }
            if (h instanceof OpenConnection c) {
                return c.target;
            }
        }
        return o;
    }

    static Object[] unwrapAll(Object[] args) {
        if (args == null) {
            return null;
        }
        Object[] out = args;
        for (int i = 0; i < args.length; i++) {
            Object u = unwrap(args[i]);
            if (u != args[i]) {
                if (out == args) {
                    out = args.clone();
                }
                out[i] = u;
            }
        }
        return out;
    }

    private Object objectMethod(Object self, Method method, Object[] args) {
        return switch (method.getName()) {
            case "equals" -> self == args[0];
            case "hashCode" -> System.identityHashCode(self);
            case "toString" -> "Connect[" + uri + (closed ? ", closed" : "") + "]";
            default -> throw new IllegalStateException(method.toString());
        };
    }

    // ---- closing

    private void closeByUser() {
        if (!markClosed()) {
            return;
        }
        events.dropAll();
        releaseDriverSide();
    }

    /** The driver said the connection ended (server gone, keepalive), or the driver itself is leaving. */
    void closedUnderneath(CloseReason reason) {
        if (!markClosed()) {
            return;
        }
        LOG.info("connection to {} closed: {}", uri, reason);
        events.announceClose(reason);
        releaseDriverSide();
    }

    private synchronized boolean markClosed() {
        if (closed) {
            return false;
        }
        closed = true;
        return true;
    }

    private void releaseDriverSide() {
        driver.forget(this);
        Map<SecondaryPart, OpenPart> open;
        synchronized (parts) {
            open = new EnumMap<>(parts);
            parts.clear();
        }
        open.values().forEach(this::closePart);
        try {
            target.close();
        } catch (RuntimeException e) {
            LOG.warn("closing the {} driver's connection to {} failed: {}", driver.name(), uri, e.toString(), e);
        }
    }
}
