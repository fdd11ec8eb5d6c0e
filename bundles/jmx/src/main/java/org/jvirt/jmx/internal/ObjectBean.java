package org.jvirt.jmx.internal;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.AttributeChangeNotification;
import javax.management.MBeanNotificationInfo;
import javax.management.Notification;
import javax.management.NotificationBroadcasterSupport;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;

/**
 * What the MBeans of networks, pools and the objects to come share: their name, and the notifications they emit
 * (a typed one per event, an AttributeChangeNotification when the event changes the attribute that tells their state).
 */
abstract class ObjectBean extends NotificationBroadcasterSupport {
    private final ObjectName objectName;
    private final String stateAttribute;
    private final AtomicLong sequence = new AtomicLong();
    private final MBeanNotificationInfo[] infos; // shared by the kind's MBeans, never changed
    private Object lastState; // guarded by this

    ObjectBean(ObjectName objectName, String stateAttribute, Object state, MBeanNotificationInfo[] infos) {
        this.infos = infos;
        this.objectName = objectName;
        this.stateAttribute = stateAttribute;
        this.lastState = state;
    }

    @Override
    public MBeanNotificationInfo[] getNotificationInfo() {
        return infos.clone();
    }

    final ObjectName objectName() {
        return objectName;
    }

    /** Emits an AttributeChangeNotification on the state attribute when {@code state} differs from the last told. */
    final void stateChanged(Object state) {
        Object old;
        synchronized (this) {
            old = lastState;
            if (Objects.equals(old, state)) {
                return;
            }
            lastState = state;
        }
        sendNotification(new AttributeChangeNotification(objectName, sequence.incrementAndGet(),
                System.currentTimeMillis(), stateAttribute + " changed from " + old + " to " + state, stateAttribute,
                state.getClass().getName(), old, state));
    }

    /** Emits the typed notification of an event. */
    final void event(EventType type, String message, CompositeData data) {
        Notification n = new Notification(type.notificationType(), objectName, sequence.incrementAndGet(),
                System.currentTimeMillis(), message);
        n.setUserData(data);
        sendNotification(n);
    }

    @Override
    public String toString() {
        return objectName.toString();
    }
}
