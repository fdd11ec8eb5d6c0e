package org.jvirt.api.event;

import org.jvirt.api.Domain;

/**
 * A guest changed its real-time clock (VIR_DOMAIN_EVENT_ID_RTC_CHANGE); {@code utcOffset} is the new offset from
 * UTC, in seconds.
 */
public record DomainRtcChangeEvent(Domain domain, long utcOffset) implements DomainEvent {
    @Override
    public DomainEventId id() {
        return DomainEventId.RTC_CHANGE;
    }
}
