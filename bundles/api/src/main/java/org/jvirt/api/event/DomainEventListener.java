package org.jvirt.api.event;

/**
 * Receives domain events. Events of one connection arrive in order, one at a time, on a thread of the platform's;
 * a listener should return quickly.
 */
@FunctionalInterface
public interface DomainEventListener {
    void onEvent(DomainEvent event);
}
