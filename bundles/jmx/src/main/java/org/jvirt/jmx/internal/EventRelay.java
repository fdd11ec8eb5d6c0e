package org.jvirt.jmx.internal;

import java.util.concurrent.atomic.AtomicLong;

import javax.management.MBeanNotificationInfo;
import javax.management.Notification;
import javax.management.NotificationBroadcasterSupport;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;

/**
 * The Connection MBean's notifications: every event of the connection (domains, networks, pools), whichever object it
 * is about, so that a console follows a whole host with one subscription.
 */
final class EventRelay extends NotificationBroadcasterSupport {
    private final ObjectName source;
    private final AtomicLong sequence = new AtomicLong();

    /** Relays the events of these types. */
    EventRelay(ObjectName source, java.util.List<EventType> types) {
        super(types.stream().map(EventType::info).toArray(MBeanNotificationInfo[]::new));
        this.source = source;
    }

    void relay(EventType type, String message, CompositeData data) {
        Notification n = new Notification(type.notificationType(), source, sequence.incrementAndGet(),
                System.currentTimeMillis(), message);
        n.setUserData(data);
        sendNotification(n);
    }
}
