package org.jvirt.core.internal;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.jvirt.api.CloseReason;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirEnum;
import org.jvirt.api.VirtException;
import org.jvirt.api.driver.EventSink;
import org.jvirt.api.event.ConnectCloseListener;
import org.jvirt.api.event.DomainEvent;
import org.jvirt.api.event.EventSubscription;
import org.jvirt.api.event.NetworkEvent;
import org.jvirt.api.event.NodeDeviceEvent;
import org.jvirt.api.event.ObjectEvent;
import org.jvirt.api.event.SecretEvent;
import org.jvirt.api.event.StoragePoolEvent;
import org.jvirt.api.qemu.QemuMonitorEvent;
import org.jvirt.api.qemu.QemuMonitorEventRegisterFlag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection's subscribers and the queue that feeds them. Drivers deliver into it (it is the connection's
 * {@link EventSink}, for the hypervisor driver and the secondary drivers alike); each event reaches, in order and
 * one at a time, the subscribers of its family and id whose object (if they named one) is the event's, with the
 * event's objects replaced by the platform's handles.
 */
final class ConnectionEvents implements EventSink {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionEvents.class);

    /** The kinds of event, each with its own registration functions. */
    enum Family {
        DOMAIN, NETWORK, STORAGE_POOL, NODE_DEVICE, SECRET, QEMU_MONITOR
    }

    private final SerialExecutor queue;
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final List<CloseSubscription> closeSubscriptions = new CopyOnWriteArrayList<>();
    private final AtomicInteger nextCallbackId = new AtomicInteger(1);
    private volatile OpenConnection connection;

    ConnectionEvents(Executor pool) {
        this.queue = new SerialExecutor(pool);
    }

    void bind(OpenConnection connection) {
        this.connection = connection;
    }

    /** Runs {@code task} on the connection's queue, after the events already queued. */
    void enqueue(Runnable task) {
        queue.execute(task);
    }

    // ---- the drivers' side

    @Override
    public void event(ObjectEvent event) {
        if (event == null || subscriptions.isEmpty()) {
            return;
        }
        Family family = familyOf(event);
        if (family == null) {
            LOG.debug("dropping an event of unknown kind {}", event.getClass().getName());
            return;
        }
        queue.execute(() -> deliver(family, event));
    }

    @Override
    public void domainEvent(DomainEvent event) {
        event((ObjectEvent) event);
    }

    @Override
    public void connectionClosed(CloseReason reason) {
        OpenConnection c = connection;
        if (c != null) {
            c.closedUnderneath(reason);
        }
    }

    private static Family familyOf(ObjectEvent e) {
        if (e instanceof DomainEvent) {
            return Family.DOMAIN;
        }
        if (e instanceof NetworkEvent) {
            return Family.NETWORK;
        }
        if (e instanceof StoragePoolEvent) {
            return Family.STORAGE_POOL;
        }
        if (e instanceof NodeDeviceEvent) {
            return Family.NODE_DEVICE;
        }
        if (e instanceof SecretEvent) {
            return Family.SECRET;
        }
        if (e instanceof QemuMonitorEvent) {
            return Family.QEMU_MONITOR;
        }
        return null;
    }

    private static int idOf(ObjectEvent e) {
        VirEnum id = null;
        if (e instanceof DomainEvent d) {
            id = d.id();
        } else if (e instanceof NetworkEvent n) {
            id = n.id();
        } else if (e instanceof StoragePoolEvent p) {
            id = p.id();
        } else if (e instanceof NodeDeviceEvent d) {
            id = d.id();
        } else if (e instanceof SecretEvent s) {
            id = s.id();
        }
        return id == null ? -1 : id.value();
    }

    private void deliver(Family family, ObjectEvent event) {
        OpenConnection c = connection;
        if (c == null || c.isClosed()) {
            return;
        }
        int id = idOf(event);
        ObjectEvent wrapped = null;
        for (Subscription s : subscriptions) {
            if (s.family != family || (s.id >= 0 && s.id != id)) {
                continue;
            }
            if (wrapped == null) {
                wrapped = (ObjectEvent) c.wrap(event);
            }
            if (s.object != null && !s.object.equals(wrapped.subject())) {
                continue;
            }
            if (s.name != null && !s.matches(((QemuMonitorEvent) wrapped).event())) {
                continue;
            }
            s.listener.accept(wrapped);
        }
    }

    // ---- the subscribers' side

    /**
     * Adds a subscription to events of {@code family} and {@code id} (-1: every id), of {@code object} only when it
     * is not null (a platform handle of this connection); {@code listener} is the user's, for duplicate checks.
     */
    EventSubscription subscribe(Family family, Object object, VirEnum id, Object listener,
            Consumer<ObjectEvent> delivery, boolean legacy) {
        if (listener == null) {
            throw VirtException.invalidArg("cb must not be NULL");
        }
        int idValue = id == null ? -1 : id.value();
        for (Subscription s : subscriptions) {
            if (s.userListener == listener && s.family == family && s.id == idValue && s.legacy == legacy
                    && java.util.Objects.equals(s.object, object) && s.name == null) {
                throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.NONE, "event callback already tracked");
            }
        }
        Subscription s = new Subscription(nextCallbackId.getAndIncrement(), family, object, idValue, listener,
                delivery, legacy, null);
        subscriptions.add(s);
        return s;
    }

    /** Subscribes to QEMU monitor events named {@code event} (null: all), matched as {@code flags} say. */
    EventSubscription subscribeQemu(Object domain, String event, Object listener, Consumer<ObjectEvent> delivery,
            Set<QemuMonitorEventRegisterFlag> flags) {
        if (listener == null) {
            throw VirtException.invalidArg("cb must not be NULL");
        }
        Pattern pattern = null;
        boolean nocase = flags != null && flags.contains(QemuMonitorEventRegisterFlag.NOCASE);
        if (event != null && flags != null && flags.contains(QemuMonitorEventRegisterFlag.REGEX)) {
            try {
                pattern = Pattern.compile(event, nocase ? Pattern.CASE_INSENSITIVE : 0);
            } catch (PatternSyntaxException e) {
                throw VirtException.invalidArg("failed to compile regex '" + event + "': " + e.getDescription());
            }
        }
        Subscription s = new Subscription(nextCallbackId.getAndIncrement(), Family.QEMU_MONITOR, domain, -1,
                listener, delivery, false, event == null ? null : new NameFilter(event, nocase, pattern));
        subscriptions.add(s);
        return s;
    }

    /** Ends subscription {@code callbackId} of {@code family}; INVALID_ARG when there is none. */
    void unsubscribe(Family family, int callbackId) {
        for (Subscription s : subscriptions) {
            if (s.callbackId == callbackId && s.family == family && !s.legacy) {
                subscriptions.remove(s);
                return;
            }
        }
        throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.NONE,
                "could not find event callback " + callbackId + " for deletion");
    }

    /** Ends the old-style lifecycle subscription of {@code listener}; INVALID_ARG when there is none. */
    void unsubscribeLegacy(Object listener) {
        for (Subscription s : subscriptions) {
            if (s.legacy && s.userListener == listener) {
                subscriptions.remove(s);
                return;
            }
        }
        throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.NONE, "could not find event callback for removal");
    }

    EventSubscription onClose(ConnectCloseListener listener) {
        if (listener == null) {
            throw VirtException.invalidArg("cb must not be NULL");
        }
        CloseSubscription s = new CloseSubscription(nextCallbackId.getAndIncrement(), listener);
        closeSubscriptions.add(s);
        return s;
    }

    void removeCloseListener(ConnectCloseListener listener) {
        if (listener == null) {
            throw VirtException.invalidArg("cb must not be NULL");
        }
        boolean removed = closeSubscriptions.removeIf(s -> s.listener == listener);
        if (!removed) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.DOMAIN,
                    "A different callback was requested");
        }
    }

    /** Tells the close listeners, after every event already queued. */
    void announceClose(CloseReason reason) {
        List<CloseSubscription> listeners = List.copyOf(closeSubscriptions);
        queue.execute(() -> listeners.forEach(s -> s.listener.onClose(reason)));
        dropAll();
    }

    void dropAll() {
        subscriptions.clear();
        closeSubscriptions.clear();
    }

    /** How a QEMU monitor event name is matched: exactly, ignoring case, or by a regular expression. */
    private record NameFilter(String name, boolean nocase, Pattern pattern) {
        boolean matches(String event) {
            if (event == null) {
                return false;
            }
            if (pattern != null) {
                return pattern.matcher(event).find();
            }
            return nocase ? name.equalsIgnoreCase(event) : name.equals(event);
        }
    }

    private final class Subscription implements EventSubscription {
        final int callbackId;
        final Family family;
        final Object object;
        final int id;
        final Object userListener;
        final Consumer<ObjectEvent> listener;
        final boolean legacy;
        final NameFilter name;

        Subscription(int callbackId, Family family, Object object, int id, Object userListener,
                Consumer<ObjectEvent> listener, boolean legacy, NameFilter name) {
            this.callbackId = callbackId;
            this.family = family;
            this.object = object;
            this.id = id;
            this.userListener = userListener;
            this.listener = listener;
            this.legacy = legacy;
            this.name = name;
        }

        boolean matches(String event) {
            return name.matches(event);
        }

        @Override
        public int callbackId() {
            return callbackId;
        }

        @Override
        public void close() {
            subscriptions.remove(this);
        }
    }

    private final class CloseSubscription implements EventSubscription {
        final int callbackId;
        final ConnectCloseListener listener;

        CloseSubscription(int callbackId, ConnectCloseListener listener) {
            this.callbackId = callbackId;
            this.listener = listener;
        }

        @Override
        public int callbackId() {
            return callbackId;
        }

        @Override
        public void close() {
            closeSubscriptions.remove(this);
        }
    }
}
