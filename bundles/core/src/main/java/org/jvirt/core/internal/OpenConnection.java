package org.jvirt.core.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.CloseReason;
import org.jvirt.api.Connect;
import org.jvirt.api.Domain;
import org.jvirt.api.event.ConnectCloseListener;
import org.jvirt.api.event.DomainEventId;
import org.jvirt.api.event.DomainEventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open connection: the {@link Connect} users hold is a proxy over the driver's, with this as its handler.
 * Objects the driver returns (domains) are wrapped the same way, so a connection closed by its user or by its
 * driver's departure refuses every further call with INVALID_CONN, whatever handle it comes through.
 */
final class OpenConnection implements InvocationHandler {
    private static final Logger LOG = LoggerFactory.getLogger(OpenConnection.class);
    private static final Method CLOSE = method(Connect.class, "close");
    private static final Method IS_ALIVE = method(Connect.class, "isAlive");
    private static final Method SUBSCRIBE = method(Connect.class, "domainEventRegisterAny", Domain.class,
            DomainEventId.class, DomainEventListener.class);
    private static final Method ON_CLOSE = method(Connect.class, "registerCloseCallback",
            ConnectCloseListener.class);

    private final Hub.DriverEntry driver;
    private final Connect target;
    private final String uri;
    private final boolean readOnly;
    private final ConnectionEvents events;
    private final Connect proxy;
    private volatile boolean closed;

    OpenConnection(Hub.DriverEntry driver, Connect target, String uri, boolean readOnly, ConnectionEvents events) {
        this.driver = driver;
        this.target = target;
        this.uri = uri;
        this.readOnly = readOnly;
        this.events = events;
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
        check(facts);
        if (method.equals(SUBSCRIBE)) {
            return events.subscribe((Domain) unwrap(args[0]), (DomainEventId) args[1], (DomainEventListener) args[2]);
        }
        if (method.equals(ON_CLOSE)) {
            return events.onClose((ConnectCloseListener) args[0]);
        }
        return wrap(Invocations.call(target, method, unwrapAll(args), facts, uri));
    }

    void check(Invocations.MethodFacts facts) {
        if (closed) {
            throw Invocations.closed(facts);
        }
        Invocations.checkWritable(facts, readOnly);
    }

    // ---- wrapping what crosses the boundary

    Domain wrapDomain(Domain domain) {
        if (domain == null || Proxy.isProxyClass(domain.getClass())
                && Proxy.getInvocationHandler(domain) instanceof ObjectHandle) {
            return domain;
        }
        return (Domain) Proxy.newProxyInstance(Domain.class.getClassLoader(), new Class<?>[] {Domain.class},
                new ObjectHandle(this, domain));
    }

    Object wrap(Object result) {
        if (result instanceof Domain d) {
            return wrapDomain(d);
        }
        if (result instanceof Connect) {
            return proxy;
        }
        if (result instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Domain) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object o : list) {
                out.add(wrap(o));
            }
            return List.copyOf(out);
        }
        return result;
    }

    static Object unwrap(Object arg) {
        if (arg != null && Proxy.isProxyClass(arg.getClass())
                && Proxy.getInvocationHandler(arg) instanceof ObjectHandle h) {
            return h.target();
        }
        return arg;
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
        try {
            target.close();
        } catch (RuntimeException e) {
            LOG.warn("closing the {} driver's connection to {} failed: {}", driver.name(), uri, e.toString(), e);
        }
    }

    private static Method method(Class<?> type, String name, Class<?>... params) {
        try {
            return type.getMethod(name, params);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
