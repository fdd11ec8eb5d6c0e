package org.jvirt.api.driver;

import org.jvirt.api.CloseReason;
import org.jvirt.api.event.DomainEvent;

/**
 * Where a driver delivers what happens on a connection. The platform queues each event and hands it, in order, to
 * the connection's subscribers; the driver never keeps listeners itself. Calls return at once.
 */
public interface EventSink {
    /** A domain event; its domain is the driver's own handle, which the platform wraps for subscribers. */
    void domainEvent(DomainEvent event);

    /** The connection closed on its own (its server went away, a keepalive timed out). */
    void connectionClosed(CloseReason reason);
}
