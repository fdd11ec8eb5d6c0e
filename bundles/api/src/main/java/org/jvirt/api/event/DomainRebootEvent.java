package org.jvirt.api.event;

import org.jvirt.api.Domain;

/** A domain's guest rebooted (VIR_DOMAIN_EVENT_ID_REBOOT). */
public record DomainRebootEvent(Domain domain) implements DomainEvent {
    @Override
    public DomainEventId id() {
        return DomainEventId.REBOOT;
    }
}
