package org.jvirt.jmx.internal;

import java.util.concurrent.atomic.AtomicLong;

import javax.management.MBeanNotificationInfo;
import javax.management.Notification;
import javax.management.NotificationBroadcasterSupport;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;

/**
 * The Connection MBean's notifications: every domain event of the connection, whichever domain it is about, so that
 * a console follows a whole host with one subscription.
 */
final class EventRelay extends NotificationBroadcasterSupport {
    private final ObjectName source;
    private final AtomicLong sequence = new AtomicLong();

    EventRelay(ObjectName source) {
        super(DomainEventTypes.all().stream().map(DomainEventType::info).toArray(MBeanNotificationInfo[]::new));
        this.source = source;
    }

    void relay(DomainEventType type, String message, CompositeData data) {
        Notification n = new Notification(type.notificationType(), source, sequence.incrementAndGet(),
                System.currentTimeMillis(), message);
        n.setUserData(data);
        sendNotification(n);
    }
}
