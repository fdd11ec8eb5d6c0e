package org.jvirt.jmx.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;

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
 * The domain MBeans of one connection, kept in step with its events (never by polling): a domain defined or started
 * gets an MBean; one undefined while not running, or a transient one that stops, loses it. Every lifecycle change of
 * a domain with an MBean is told as an AttributeChangeNotification on State, and every event of a kind in
 * {@link DomainEventTypes} as a typed notification, by the domain's MBean and by the connection's.
 *
 * <p>All changes to the set of MBeans happen under this object's lock; notifications are sent after it is released
 * (events of one connection arrive one at a time, so their order holds). The first listing and the events racing
 * with it leave the right set whatever their order: a listed domain that an event touched meanwhile is checked
 * against the API, the others are registered as listed.
 */
final class DomainBeans implements ObjectBeans {
    private static final Logger LOG = LoggerFactory.getLogger(DomainBeans.class);

    private final Connect connect;
    private final String uri;
    private final MBeanRegistry registry;
    private final EventRelay relay;
    private final Map<String, DomainBean> byName = new HashMap<>(); // guarded by this
    private final List<EventSubscription> subscriptions = new ArrayList<>(); // guarded by this
    private Set<String> touchedWhileListing; // guarded by this; non-null while the first listing is applied
    private boolean closed; // guarded by this

    DomainBeans(Connect connect, String uri, MBeanRegistry registry, EventRelay relay) {
        this.connect = connect;
        this.uri = uri;
        this.registry = registry;
        this.relay = relay;
    }

    @Override
    public String type() {
        return "Domain";
    }

    @Override
    public void start() {
        synchronized (this) {
            touchedWhileListing = new HashSet<>();
        }
        // subscribe first: a domain that comes or goes while we list is then caught by its event
        List<EventSubscription> subs = new ArrayList<>();
        for (EventType type : DomainEventTypes.all()) {
            subs.add(connect.domainEventRegisterAny(null, (DomainEventId) type.id(), this::onEvent));
        }
        synchronized (this) {
            if (closed) {
                subs.forEach(EventSubscription::close);
                return;
            }
            subscriptions.addAll(subs);
        }
        List<Domain> domains = connect.listAllDomains(Set.of());
        synchronized (this) {
            Set<String> touched = touchedWhileListing;
            touchedWhileListing = null;
            for (Domain d : domains) {
                if (closed) {
                    return;
                }
                // the listing may be older than events already handled: check only what those touched
                if (!touched.contains(d.getName()) || exists(d)) {
                    register(d);
                }
            }
        }
        LOG.info("{}: {} domain MBeans registered", uri, count());
    }

    @Override
    public void close() {
        List<DomainBean> beans;
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

    /** The MBean name of a domain of this connection (registered or not). */
    ObjectName nameOf(Domain domain) {
        return JvirtObjectNames.domain(uri, domain.getName());
    }

    /** The names of the domain MBeans registered now. */
    synchronized ObjectName[] names() {
        return byName.values().stream().map(DomainBean::objectName).sorted().toArray(ObjectName[]::new);
    }

    @Override
    public synchronized int count() {
        return byName.size();
    }

    /** Registers an MBean for a domain this connection just defined or created, without waiting for its event. */
    synchronized void add(Domain domain) {
        if (!closed) {
            register(domain);
        }
    }

    // ---- events

    /** What one event asks for once the lock is released: notifications, then an MBean to take away. */
    private record Outcome(DomainBean bean, String newState, CompositeData data, String message,
            boolean unregister) {
    }

    private void onEvent(DomainEvent event) {
        EventType type = DomainEventTypes.of(event.id());
        if (type == null) {
            return;
        }
        Outcome outcome;
        try {
            outcome = handle(event, type);
        } catch (VirtException | IllegalStateException e) {
            // the connection may be closing under us; the close path cleans up
            LOG.warn("{}: {} event for domain {} not applied: {}", uri, type, event.domain(), e.getMessage());
            return;
        }
        if (outcome == null) {
            return;
        }
        DomainBean bean = outcome.bean();
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

    private synchronized Outcome handle(DomainEvent event, EventType type) {
        if (closed) {
            return null;
        }
        Domain domain = event.domain();
        String name = eventName(domain);
        if (name == null) {
            return null;
        }
        if (touchedWhileListing != null) {
            touchedWhileListing.add(name);
        }
        boolean unregister = false;
        String newState = null;
        if (event instanceof DomainLifecycleEvent lifecycle) {
            switch (lifecycle.type()) {
                case DEFINED, STARTED -> register(domain);
                // a running domain that loses its configuration goes on as transient, and keeps its MBean
                case UNDEFINED -> unregister = lifecycle.detail() == UndefinedDetail.RENAMED.value()
                        || !isRunning(domain);
                // a transient domain is gone once stopped
                case STOPPED -> unregister = !exists(domain);
                default -> {
                }
            }
            DomainState state = stateAfter(lifecycle.type());
            newState = state == null ? null : StateWords.state(state);
        }
        DomainBean bean = unregister ? byName.remove(name) : byName.get(name);
        CompositeData data = type.data(uri, name, uuidOf(domain, bean), event);
        return new Outcome(bean, newState, data, type.message(name, event), unregister && bean != null);
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

    private void register(Domain domain) {
        String name = domain.getName();
        if (byName.containsKey(name)) {
            return;
        }
        try {
            DomainBean bean = new DomainBean(domain, JvirtObjectNames.domain(uri, name));
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

    private static String uuidOf(Domain domain, DomainBean bean) {
        try {
            return domain.getUUIDString();
        } catch (VirtException e) {
            return bean == null ? null : bean.domain().getUUIDString();
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
