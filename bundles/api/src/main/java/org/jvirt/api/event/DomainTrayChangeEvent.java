package org.jvirt.api.event;

import org.jvirt.api.Domain;

/** A removable disk's tray opened or closed (VIR_DOMAIN_EVENT_ID_TRAY_CHANGE). */
public record DomainTrayChangeEvent(Domain domain, String devAlias, TrayChangeReason reason) implements DomainEvent {
    @Override
    public DomainEventId id() {
        return DomainEventId.TRAY_CHANGE;
    }
}
