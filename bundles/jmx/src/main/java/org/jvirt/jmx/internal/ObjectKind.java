package org.jvirt.jmx.internal;

import java.util.List;
import java.util.function.Consumer;

import javax.management.MBeanNotificationInfo;
import javax.management.ObjectName;

import org.jvirt.api.Connect;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.api.event.EventSubscription;
import org.jvirt.api.event.ObjectEvent;

/**
 * One kind of object a connection shows beside its domains (networks, storage pools; node devices and secrets are
 * the same shape): how the API lists, names and finds its objects, which events it delivers, what each event does
 * to the set of MBeans, and the MBean of one object. {@link LifecycleObjectBeans} does the rest.
 *
 * @param <T> the API's handle (Network, StoragePool, ...)
 */
abstract class ObjectKind<T> {

    /** What an event does to the object's MBean. */
    enum Change {
        /** The object is there now (defined, or started): register its MBean. */
        ADDED,
        /** Its configuration is gone: the MBean goes unless the object still runs (as transient). */
        UNDEFINED,
        /** It stopped: the MBean goes if the object is gone with it (it was transient). */
        STOPPED,
        /** Nothing changes in the set. */
        NONE
    }

    /** The MBeans' {@code type} key: "Network", "StoragePool". */
    abstract String type();

    /** The MXBean interface the MBeans are registered with. */
    abstract Class<?> mxbean();

    /** The error code the API raises when an object of this kind is not found. */
    abstract ErrorCode notFound();

    abstract List<T> list(Connect connect);

    abstract String name(T object);

    /** The object's UUID; null for a kind without UUIDs (node devices). */
    abstract String uuid(T object);

    /** The name of the object's MBean: {@code type=<type>,connection=<uri>,name=<name>}. */
    ObjectName objectName(String uri, T object) {
        return org.jvirt.jmx.JvirtObjectNames.object(type(), uri, name(object));
    }

    /** The same object, looked up again (NotFound's code when it is gone). */
    abstract T lookup(Connect connect, T object);

    abstract boolean isActive(T object);

    /** Subscribes {@code sink} to every event id of this kind. */
    abstract List<EventSubscription> subscribe(Connect connect, Consumer<ObjectEvent> sink);

    /** The notification types, one per event id; null for an event this version does not show. */
    abstract List<EventType> eventTypes();

    abstract EventType typeOf(ObjectEvent event);

    /** The object an event is about. */
    abstract T subject(ObjectEvent event);

    abstract Change change(ObjectEvent event);

    /** The value of the MBean's state attribute after {@code event}, or null when it does not change it. */
    abstract Object stateAfter(ObjectEvent event);

    /** What the MBeans of this kind declare they emit (built once by {@link #notificationInfos}). */
    abstract MBeanNotificationInfo[] infos();

    /** A new MBean for {@code object}, emitting {@code infos}. */
    abstract ObjectBean bean(T object, ObjectName name, MBeanNotificationInfo[] infos);

    /** The notifications an MBean of this kind declares: its state's changes, then one type per event. */
    final MBeanNotificationInfo[] notificationInfos(String stateDescription) {
        MBeanNotificationInfo[] infos = new MBeanNotificationInfo[eventTypes().size() + 1];
        infos[0] = new MBeanNotificationInfo(
                new String[] {javax.management.AttributeChangeNotification.ATTRIBUTE_CHANGE},
                javax.management.AttributeChangeNotification.class.getName(), stateDescription);
        for (int i = 0; i < eventTypes().size(); i++) {
            infos[i + 1] = eventTypes().get(i).info();
        }
        return infos;
    }

    final boolean exists(Connect connect, T object) {
        return found(connect, object) != null;
    }

    final boolean isRunning(Connect connect, T object) {
        T now = found(connect, object);
        return now != null && isActive(now);
    }

    private T found(Connect connect, T object) {
        try {
            return lookup(connect, object);
        } catch (VirtException e) {
            if (e.code() == notFound()) {
                return null;
            }
            throw e;
        }
    }
}
