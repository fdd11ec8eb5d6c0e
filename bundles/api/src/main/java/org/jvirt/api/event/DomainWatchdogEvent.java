package org.jvirt.api.event;

import org.jvirt.api.Domain;

/** A guest's watchdog fired (VIR_DOMAIN_EVENT_ID_WATCHDOG). */
public record DomainWatchdogEvent(Domain domain, WatchdogAction action) implements DomainEvent {
    @Override
    public DomainEventId id() {
        return DomainEventId.WATCHDOG;
    }
}
