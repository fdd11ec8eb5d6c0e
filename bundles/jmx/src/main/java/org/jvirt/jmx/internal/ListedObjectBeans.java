package org.jvirt.jmx.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.management.ObjectName;

import org.jvirt.api.Connect;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.api.event.EventSubscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MBeans of a kind of object that has no events of its own (storage volumes, host interfaces), kept in step by
 * listing: each listing registers the objects that are new and unregisters those that are gone. A driver that does
 * not support the kind (NO_SUPPORT) gets no MBeans and is left out of the counts.
 *
 * @param <T> the API's handle
 */
final class ListedObjectBeans<T> implements ObjectBeans {
    private static final Logger LOG = LoggerFactory.getLogger(ListedObjectBeans.class);

    private final ListedKind<T> kind;
    private final Connect connect;
    private final String uri;
    private final MBeanRegistry registry;
    private final Map<ObjectName, ObjectBean> beans = new HashMap<>(); // guarded by this
    private final List<EventSubscription> subscriptions = new ArrayList<>(); // guarded by this
    private boolean supported = true; // guarded by this
    private boolean closed; // guarded by this

    ListedObjectBeans(ListedKind<T> kind, Connect connect, String uri, MBeanRegistry registry) {
        this.kind = kind;
        this.connect = connect;
        this.uri = uri;
        this.registry = registry;
    }

    @Override
    public String type() {
        return kind.type();
    }

    @Override
    public synchronized int count() {
        return beans.size();
    }

    @Override
    public synchronized boolean supported() {
        return supported;
    }

    @Override
    public void start() {
        // subscribe first: a change while we list is then followed by another listing
        List<EventSubscription> subs;
        try {
            subs = kind.subscribe(connect, this::relistQuietly);
        } catch (VirtException e) {
            if (e.code() != ErrorCode.NO_SUPPORT) {
                throw e;
            }
            subs = List.of();
        }
        synchronized (this) {
            if (closed) {
                subs.forEach(EventSubscription::close);
                return;
            }
            subscriptions.addAll(subs);
        }
        relist();
        LOG.info("{}: {} {} MBeans registered", uri, count(), kind.type());
    }

    /** Lists the objects again and brings the MBeans in line: new ones registered, gone ones unregistered. */
    synchronized void relist() {
        if (closed || !supported) {
            return;
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
        Map<ObjectName, T> now = new LinkedHashMap<>();
        for (T o : objects) {
            now.put(kind.objectName(uri, o), o);
        }
        for (var it = beans.entrySet().iterator(); it.hasNext();) {
            var entry = it.next();
            if (!now.containsKey(entry.getKey())) {
                registry.unregister(entry.getKey());
                it.remove();
            }
        }
        now.forEach((name, object) -> {
            if (!beans.containsKey(name)) {
                register(name, object);
            }
        });
    }

    private void relistQuietly() {
        try {
            relist();
        } catch (VirtException e) {
            LOG.warn("{}: {} MBeans not listed again: {}", uri, kind.type(), e.getMessage());
        }
    }

    private void register(ObjectName name, T object) {
        try {
            ObjectBean bean = kind.bean(object, name, this::relistQuietly);
            registry.register(mxbean(bean), name);
            beans.put(name, bean);
        } catch (VirtException e) {
            LOG.debug("{}: {} not registered: {}", uri, name, e.getMessage());
        } catch (IllegalStateException e) {
            LOG.warn("{}: {}", uri, e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private Object mxbean(ObjectBean bean) {
        return new DescribedEmitterMXBean(bean, (Class<Object>) kind.mxbean(), bean);
    }

    private void unsupported() {
        supported = false;
        subscriptions.forEach(EventSubscription::close);
        subscriptions.clear();
    }

    @Override
    public void close() {
        List<ObjectName> names;
        List<EventSubscription> subs;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            subs = List.copyOf(subscriptions);
            subscriptions.clear();
            names = List.copyOf(beans.keySet());
            beans.clear();
        }
        subs.forEach(EventSubscription::close);
        names.forEach(registry::unregister);
    }
}
