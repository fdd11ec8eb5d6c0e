package org.jvirt.jmx.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.management.ObjectName;

import org.jvirt.api.Connect;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainState;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.api.event.DomainEvent;
import org.jvirt.api.event.DomainEventId;
import org.jvirt.api.event.DomainLifecycleEvent;
import org.jvirt.api.event.EventSubscription;
import org.jvirt.api.event.LifecycleEventType;
import org.jvirt.api.event.UndefinedDetail;
import org.jvirt.jmx.DomainMXBean;
import org.jvirt.jmx.JvirtObjectNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The domain MBeans of one connection, kept in step with its lifecycle events (never by polling): a domain defined
 * or started gets an MBean; one undefined while not running, or a transient one that stops, loses it. Every
 * lifecycle change of a domain with an MBean is told as an AttributeChangeNotification on State.
 *
 * <p>All changes to the set of MBeans happen under this object's lock, and each one is checked against the API
 * there, so the first listing and the events racing with it leave the right set whatever their order.
 */
final class DomainBeans implements ObjectBeans {
    private static final Logger LOG = LoggerFactory.getLogger(DomainBeans.class);

    private final Connect connect;
    private final String uri;
    private final MBeanRegistry registry;
    private final Map<String, DomainBean> byName = new HashMap<>(); // guarded by this
    private EventSubscription subscription; // guarded by this
    private boolean closed; // guarded by this

    DomainBeans(Connect connect, String uri, MBeanRegistry registry) {
        this.connect = connect;
        this.uri = uri;
        this.registry = registry;
    }

    @Override
    public void start() {
        // subscribe first: a domain that comes or goes while we list is then caught by its event
        EventSubscription s = connect.domainEventRegisterAny(null, DomainEventId.LIFECYCLE, this::onEvent);
        synchronized (this) {
            if (closed) {
                s.close();
                return;
            }
            subscription = s;
        }
        List<Domain> domains = connect.listAllDomains(Set.of());
        for (Domain d : domains) {
            addListed(d);
        }
        LOG.info("{}: {} domain MBeans registered", uri, size());
    }

    @Override
    public void close() {
        List<DomainBean> beans;
        EventSubscription s;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            s = subscription;
            subscription = null;
            beans = List.copyOf(byName.values());
            byName.clear();
        }
        if (s != null) {
            s.close();
        }
        beans.forEach(b -> registry.unregister(b.objectName()));
    }

    /** The MBean name of a domain of this connection (registered or not). */
    ObjectName nameOf(Domain domain) {
        return JvirtObjectNames.domain(uri, domain.getName());
    }

    /** The names of the domain MBeans registered now. */
    synchronized ObjectName[] names() {
        return byName.values().stream().map(DomainBean::objectName).sorted().toArray(ObjectName[]::new);
    }

    synchronized int size() {
        return byName.size();
    }

    /** Registers an MBean for a domain this connection just defined or created, without waiting for its event. */
    synchronized void add(Domain domain) {
        if (!closed) {
            register(domain);
        }
    }

    // ---- events

    private void onEvent(DomainEvent event) {
        if (!(event instanceof DomainLifecycleEvent lifecycle)) {
            return;
        }
        try {
            handle(lifecycle);
        } catch (VirtException | IllegalStateException e) {
            // the connection may be closing under us; the close path cleans up
            LOG.warn("{}: {} event for domain {} not applied: {}", uri, lifecycle.type(), lifecycle.domain(),
                    e.getMessage());
        }
    }

    private synchronized void handle(DomainLifecycleEvent event) {
        if (closed) {
            return;
        }
        Domain domain = event.domain();
        String name = eventName(domain);
        if (name == null) {
            return;
        }
        switch (event.type()) {
            case DEFINED, STARTED -> register(domain);
            case UNDEFINED -> {
                // a running domain that loses its configuration goes on as transient, and keeps its MBean
                if (event.detail() == UndefinedDetail.RENAMED.value() || !isRunning(domain)) {
                    unregister(name);
                }
            }
            case STOPPED -> {
                // a transient domain is gone once stopped
                if (!exists(domain)) {
                    unregister(name);
                }
            }
            default -> {
            }
        }
        DomainBean bean = byName.get(name);
        DomainState state = stateAfter(event.type());
        if (bean != null && state != null) {
            bean.stateChanged(StateWords.state(state));
        }
    }

    /** The state a lifecycle event puts a domain in, or null for an event that does not change it. */
    static DomainState stateAfter(LifecycleEventType type) {
        return switch (type) {
            case STARTED, RESUMED -> DomainState.RUNNING;
            case SUSPENDED -> DomainState.PAUSED;
            case STOPPED -> DomainState.SHUTOFF;
            case SHUTDOWN -> DomainState.SHUTDOWN;
            case PMSUSPENDED -> DomainState.PMSUSPENDED;
            case CRASHED -> DomainState.CRASHED;
            case DEFINED, UNDEFINED -> null;
        };
    }

    // ---- the set of MBeans (callers hold the lock)

    private void addListed(Domain domain) {
        synchronized (this) {
            // the listing may be older than events already handled: register only what still exists
            if (!closed && exists(domain)) {
                register(domain);
            }
        }
    }

    private void register(Domain domain) {
        String name = domain.getName();
        if (byName.containsKey(name)) {
            return;
        }
        try {
            DomainBean bean = new DomainBean(domain, nameOf(domain));
            registry.register(new DescribedEmitterMXBean(bean, DomainMXBean.class, bean), bean.objectName());
            byName.put(name, bean);
        } catch (VirtException e) {
            // gone again before we could read it: its own event follows
            LOG.debug("{}: domain {} not registered: {}", uri, name, e.getMessage());
        } catch (IllegalStateException e) {
            LOG.warn("{}: {}", uri, e.getMessage());
        }
    }

    /**
     * The name of the domain an event is about; for a handle that can no longer tell it (the domain is gone), the
     * name of the MBean holding the same domain, or null when there is none.
     */
    private String eventName(Domain domain) {
        try {
            return domain.getName();
        } catch (VirtException e) {
            for (Map.Entry<String, DomainBean> entry : byName.entrySet()) {
                if (entry.getValue().domain().equals(domain)) {
                    return entry.getKey();
                }
            }
            return null;
        }
    }

    private void unregister(String name) {
        DomainBean bean = byName.remove(name);
        if (bean != null) {
            registry.unregister(bean.objectName());
        }
    }

    private boolean exists(Domain domain) {
        try {
            connect.domainLookupByUUID(domain.getUUID());
            return true;
        } catch (VirtException e) {
            if (e.code() == ErrorCode.NO_DOMAIN) {
                return false;
            }
            throw e;
        }
    }

    private boolean isRunning(Domain domain) {
        try {
            return connect.domainLookupByUUID(domain.getUUID()).isActive();
        } catch (VirtException e) {
            if (e.code() == ErrorCode.NO_DOMAIN) {
                return false;
            }
            throw e;
        }
    }
}
