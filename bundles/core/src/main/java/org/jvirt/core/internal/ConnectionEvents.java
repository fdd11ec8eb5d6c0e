package org.jvirt.core.internal;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

import org.jvirt.api.CloseReason;
import org.jvirt.api.Domain;
import org.jvirt.api.VirtException;
import org.jvirt.api.driver.EventSink;
import org.jvirt.api.event.ConnectCloseListener;
import org.jvirt.api.event.DomainEvent;
import org.jvirt.api.event.DomainEventId;
import org.jvirt.api.event.DomainEventListener;
import org.jvirt.api.event.EventSubscription;

/**
 * A connection's subscribers and the queue that feeds them. The driver delivers into it (it is the connection's
 * {@link EventSink}); subscribers get the events in order, one at a time, with the platform's domain handles.
 */
final class ConnectionEvents implements EventSink {
    private final SerialExecutor queue;
    private final List<DomainSubscription> domainSubscriptions = new CopyOnWriteArrayList<>();
    private final List<CloseSubscription> closeSubscriptions = new CopyOnWriteArrayList<>();
    private final AtomicInteger nextCallbackId = new AtomicInteger(1);
    private volatile OpenConnection connection;

    ConnectionEvents(Executor pool) {
        this.queue = new SerialExecutor(pool);
    }

    void bind(OpenConnection connection) {
        this.connection = connection;
    }

    // ---- the driver's side

    @Override
    public void domainEvent(DomainEvent event) {
        if (event == null || domainSubscriptions.isEmpty()) {
            return;
        }
        queue.execute(() -> deliver(event));
    }

    @Override
    public void connectionClosed(CloseReason reason) {
        OpenConnection c = connection;
        if (c != null) {
            c.closedUnderneath(reason);
        }
    }

    private void deliver(DomainEvent event) {
        OpenConnection c = connection;
        if (c == null || c.isClosed()) {
            return;
        }
        UUID uuid = null;
        DomainEvent wrapped = null;
        for (DomainSubscription s : domainSubscriptions) {
            if (s.id != event.id()) {
                continue;
            }
            if (s.domain != null) {
                if (uuid == null) {
                    uuid = event.domain().getUUID();
                }
                if (!s.domain.equals(uuid)) {
                    continue;
                }
            }
            if (wrapped == null) {
                wrapped = event.withDomain(c.wrapDomain(event.domain()));
            }
            s.listener.onEvent(wrapped);
        }
    }

    // ---- the subscribers' side

    EventSubscription subscribe(Domain domain, DomainEventId id, DomainEventListener listener) {
        if (id == null) {
            throw VirtException.invalidArg("eventID must not be NULL");
        }
        if (listener == null) {
            throw VirtException.invalidArg("cb must not be NULL");
        }
        UUID uuid = domain == null ? null : domain.getUUID();
        DomainSubscription s = new DomainSubscription(nextCallbackId.getAndIncrement(), uuid, id, listener);
        domainSubscriptions.add(s);
        return s;
    }

    EventSubscription onClose(ConnectCloseListener listener) {
        if (listener == null) {
            throw VirtException.invalidArg("cb must not be NULL");
        }
        CloseSubscription s = new CloseSubscription(nextCallbackId.getAndIncrement(), listener);
        closeSubscriptions.add(s);
        return s;
    }

    /** Tells the close listeners, after every event already queued. */
    void announceClose(CloseReason reason) {
        List<CloseSubscription> listeners = List.copyOf(closeSubscriptions);
        queue.execute(() -> listeners.forEach(s -> s.listener.onClose(reason)));
        dropAll();
    }

    void dropAll() {
        domainSubscriptions.clear();
        closeSubscriptions.clear();
    }

    private final class DomainSubscription implements EventSubscription {
        final int callbackId;
        final UUID domain;
        final DomainEventId id;
        final DomainEventListener listener;

        DomainSubscription(int callbackId, UUID domain, DomainEventId id, DomainEventListener listener) {
            this.callbackId = callbackId;
            this.domain = domain;
            this.id = id;
            this.listener = listener;
        }

        @Override
        public int callbackId() {
            return callbackId;
        }

        @Override
        public void close() {
            domainSubscriptions.remove(this);
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
