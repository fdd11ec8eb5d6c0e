package org.jvirt.api.driver;

import org.jvirt.api.CloseReason;
import org.jvirt.api.event.DomainEvent;
import org.jvirt.api.event.ObjectEvent;

/**
 * Where a driver delivers what happens on a connection. The platform queues each event and hands it, in order, to
 * the connection's subscribers whose object and event id match; the driver never keeps listeners itself. Calls
 * return at once. Events carry the driver's own objects (domains, networks, …): the platform wraps them.
 *
 * <p>The platform's sink takes every kind through {@link #event}; a sink that cares only for domain events (a
 * driver's test fixture) may implement {@link #domainEvent} alone.
 */
public interface EventSink {
    /**
     * An event of any kind: a domain, network, storage pool, node device, secret or QEMU monitor event. The default
     * hands domain events to {@link #domainEvent} and ignores the rest.
     */
    default void event(ObjectEvent event) {
        if (event instanceof DomainEvent d) {
            domainEvent(d);
        }
    }

    /** A domain event. */
    void domainEvent(DomainEvent event);

    /** The connection closed on its own (its server went away, a keepalive timed out). */
    void connectionClosed(CloseReason reason);
}
