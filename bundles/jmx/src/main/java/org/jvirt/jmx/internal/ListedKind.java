package org.jvirt.jmx.internal;

import java.util.List;

import javax.management.ObjectName;

import org.jvirt.api.Connect;
import org.jvirt.api.event.EventSubscription;

/**
 * A kind of object libvirt delivers no events of (storage volumes, host interfaces): its MBeans follow listings,
 * taken when the connection is exported, when an event of a related object says the set may have changed, and
 * after the MBeans' own operations. {@link ListedObjectBeans} does the rest.
 *
 * @param <T> the API's handle
 */
abstract class ListedKind<T> {

    /** The MBeans' {@code type} key: "StorageVolume", "Interface". */
    abstract String type();

    /** The MXBean interface the MBeans are registered with. */
    abstract Class<?> mxbean();

    /** Every object there is now. */
    abstract List<T> list(Connect connect);

    abstract ObjectName objectName(String uri, T object);

    /** Subscribes {@code relist} to the events after which the set may have changed; none by default. */
    List<EventSubscription> subscribe(Connect connect, Runnable relist) {
        return List.of();
    }

    /** A new MBean for {@code object}; it runs {@code relist} after each operation that may change the set. */
    abstract ObjectBean bean(T object, ObjectName name, Runnable relist);
}
