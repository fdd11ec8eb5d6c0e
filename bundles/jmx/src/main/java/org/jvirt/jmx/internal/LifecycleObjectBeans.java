package org.jvirt.jmx.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.management.openmbean.CompositeData;

import org.jvirt.api.Connect;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.api.event.EventSubscription;
import org.jvirt.api.event.ObjectEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MBeans of one kind of object of one connection (networks, storage pools), kept in step with the kind's
 * lifecycle events as {@link DomainBeans} keeps domains: defined or started adds, undefined while stopped or a
 * transient object stopping removes. Each event is a typed notification of the object's MBean and of the
 * connection's, and a start or stop an AttributeChangeNotification on the MBean's state attribute.
 *
 * <p>A driver that does not support the kind (listing it fails with NO_SUPPORT) gets no MBeans and no subscription;
 * the kind is then left out of the connection's object counts.
 *
 * @param <T> the API's handle
 */
final class LifecycleObjectBeans<T> implements ObjectBeans {
    private static final Logger LOG = LoggerFactory.getLogger(LifecycleObjectBeans.class);

    private final ObjectKind<T> kind;
    private final Connect connect;
    private final String uri;
    private final MBeanRegistry registry;
    private final EventRelay relay;
    private final Map<String, ObjectBean> byName = new HashMap<>(); // guarded by this
    private final List<EventSubscription> subscriptions = new ArrayList<>(); // guarded by this
    private Set<String> touchedWhileListing; // guarded by this
    private boolean supported = true; // guarded by this
    private boolean closed; // guarded by this

    LifecycleObjectBeans(ObjectKind<T> kind, Connect connect, String uri, MBeanRegistry registry, EventRelay relay) {
        this.kind = kind;
        this.connect = connect;
        this.uri = uri;
        this.registry = registry;
        this.relay = relay;
    }

    @Override
    public String type() {
        return kind.type();
    }

    @Override
    public synchronized int count() {
        return byName.size();
    }

    @Override
    public synchronized boolean supported() {
        return supported;
    }

    @Override
    public void start() {
        synchronized (this) {
            touchedWhileListing = new HashSet<>();
        }
        // subscribe first: an object that comes or goes while we list is then caught by its event
        List<EventSubscription> subs;
        try {
            subs = kind.subscribe(connect, this::onEvent);
        } catch (VirtException e) {
            if (e.code() != ErrorCode.NO_SUPPORT) {
                throw e;
            }
            unsupported();
            return;
        }
        synchronized (this) {
            if (closed) {
                subs.forEach(EventSubscription::close);
                return;
            }
            subscriptions.addAll(subs);
        }
        List<T> objects;
        try {
            objects = kind.list(connect);
        } catch (VirtException e) {
            if (e.code() != ErrorCode.NO_SUPPORT) {
                throw e;
            }
            LOG.debug("{}: the driver has no {} objects: {}", uri, kind.type(), e.getMessage());
            unsupported();
            return;
        }
        synchronized (this) {
            Set<String> touched = touchedWhileListing;
            touchedWhileListing = null;
            for (T o : objects) {
                if (closed) {
                    return;
                }
                if (!touched.contains(kind.name(o)) || kind.exists(connect, o)) {
                    register(o);
                }
            }
        }
        LOG.info("{}: {} {} MBeans registered", uri, count(), kind.type());
    }

    private void unsupported() {
        List<EventSubscription> subs;
        synchronized (this) {
            supported = false;
            subs = List.copyOf(subscriptions);
            subscriptions.clear();
        }
        subs.forEach(EventSubscription::close);
    }

    @Override
    public void close() {
        List<ObjectBean> beans;
        List<EventSubscription> subs;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            subs = List.copyOf(subscriptions);
            subscriptions.clear();
            beans = List.copyOf(byName.values());
            byName.clear();
        }
        subs.forEach(EventSubscription::close);
        beans.forEach(b -> registry.unregister(b.objectName()));
    }

    // ---- events

    private record Outcome(ObjectBean bean, Object newState, CompositeData data, String message, boolean unregister) {
    }

    private void onEvent(ObjectEvent event) {
        EventType type = kind.typeOf(event);
        if (type == null) {
            return;
        }
        Outcome outcome;
        try {
            outcome = handle(event, type);
        } catch (VirtException | IllegalStateException e) {
            LOG.warn("{}: {} event not applied: {}", uri, type, e.getMessage());
            return;
        }
        if (outcome == null) {
            return;
        }
        ObjectBean bean = outcome.bean();
        if (bean != null) {
            if (outcome.newState() != null) {
                bean.stateChanged(outcome.newState());
            }
            bean.event(type, outcome.message(), outcome.data());
        }
        relay.relay(type, outcome.message(), outcome.data());
        if (outcome.unregister()) {
            registry.unregister(bean.objectName());
        }
    }

    private synchronized Outcome handle(ObjectEvent event, EventType type) {
        if (closed || !supported) {
            return null;
        }
        T object = kind.subject(event);
        String name = kind.name(object);
        if (touchedWhileListing != null) {
            touchedWhileListing.add(name);
        }
        boolean unregister = switch (kind.change(event)) {
            case ADDED -> {
                register(object);
                yield false;
            }
            // a running object that loses its configuration goes on as transient, and keeps its MBean
            case UNDEFINED -> !kind.isRunning(connect, object);
            // a transient object is gone once stopped
            case STOPPED -> !kind.exists(connect, object);
            case NONE -> false;
        };
        ObjectBean bean = unregister ? byName.remove(name) : byName.get(name);
        CompositeData data = type.data(uri, name, kind.uuid(object), event);
        return new Outcome(bean, kind.stateAfter(event), data, type.message(name, event), unregister && bean != null);
    }

    // ---- the set (callers hold the lock)

    private void register(T object) {
        String name = kind.name(object);
        if (byName.containsKey(name)) {
            return;
        }
        try {
            ObjectBean bean = kind.bean(object, kind.objectName(uri, object), kind.infos());
            registry.register(mxbean(bean), bean.objectName());
            byName.put(name, bean);
        } catch (VirtException e) {
            LOG.debug("{}: {} {} not registered: {}", uri, kind.type(), name, e.getMessage());
        } catch (IllegalStateException e) {
            LOG.warn("{}: {}", uri, e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private Object mxbean(ObjectBean bean) {
        return new DescribedEmitterMXBean(bean, (Class<Object>) kind.mxbean(), bean);
    }
}
