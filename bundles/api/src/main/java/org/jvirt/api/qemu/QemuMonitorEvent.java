package org.jvirt.api.qemu;

import org.jvirt.api.Domain;
import org.jvirt.api.event.ObjectEvent;

/**
 * An event QEMU's monitor sent about a domain (virConnectDomainQemuMonitorEventCallback).
 *
 * @param domain  the domain
 * @param event   the QMP event's name, e.g. "SHUTDOWN"
 * @param seconds when QEMU sent it: seconds since the epoch
 * @param micros  and microseconds
 * @param details the event's data as JSON, or null
 */
public record QemuMonitorEvent(Domain domain, String event, long seconds, int micros, String details)
        implements ObjectEvent {
    @Override
    public Object subject() {
        return domain;
    }
}
