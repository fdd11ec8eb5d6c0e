package org.jvirt.jmx.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import javax.management.ImmutableDescriptor;
import javax.management.MBeanNotificationInfo;
import javax.management.Notification;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.CompositeDataSupport;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenDataException;
import javax.management.openmbean.SimpleType;

/**
 * One kind of event as a JMX notification: type {@code jvirt.<kind>.<virsh's event name>}, a CompositeData with the
 * connection, the object's name and UUID and the event's own items, and the line virsh's event command would print
 * as the message.
 */
final class EventType {
    static final String CONNECTION = "connection";
    static final String UUID = "uuid";

    private final EventFamily family;
    private final Enum<?> id;
    private final Class<?> recordClass;
    private final String virshName;
    private final String description;
    private final List<OpenItem> items;
    private final int fixedItems; // connection, subject, and uuid when the family has one
    private final CompositeType compositeType;
    private final BiFunction<String, Object, String> message;

    /**
     * @param id          the event id the API subscribes with (DomainEventId, NetworkEventId, ...)
     * @param virshName   the event's name as virsh's event command lists it
     * @param eventItems  the items beyond the connection, the object and its UUID
     * @param message     the object's name and the event to virsh's line
     */
    EventType(EventFamily family, Enum<?> id, String virshName, Class<?> recordClass, String description,
            List<OpenItem> eventItems, BiFunction<String, Object, String> message) {
        this.family = family;
        this.id = id;
        this.virshName = virshName;
        this.recordClass = recordClass;
        this.description = description;
        this.message = message;
        List<OpenItem> all = new ArrayList<>();
        all.add(new OpenItem(CONNECTION, SimpleType.STRING, "the connection's URI", e -> null));
        all.add(new OpenItem(family.subjectItem(), SimpleType.STRING, "the " + family.subjectItem() + "'s name",
                e -> null));
        if (family.hasUuid()) {
            all.add(new OpenItem(UUID, SimpleType.STRING, "the " + family.subjectItem() + "'s UUID", e -> null));
        }
        this.fixedItems = all.size();
        all.addAll(eventItems);
        this.items = List.copyOf(all);
        this.compositeType = RecordItems.compositeType(notificationType(), description, items);
    }

    /**
     * The type of an event record whose items are its components (the object aside), with virsh's generic line
     * "event 'NAME' for domain 'DOMAIN'" (network NETWORK, storage pool POOL) as the message.
     */
    static EventType ofRecord(EventFamily family, Enum<?> id, String virshName, Class<?> recordClass,
            String description) {
        return new EventType(family, id, virshName, recordClass, description,
                RecordItems.of(recordClass, List.of(family.subjectItem())),
                (subject, event) -> "event '" + virshName + "' for " + family.phrase().apply(subject));
    }

    Enum<?> id() {
        return id;
    }

    /** The API's record for this kind of event. */
    Class<?> recordClass() {
        return recordClass;
    }

    /** {@code jvirt.domain.lifecycle}, {@code jvirt.network.lifecycle}, ... */
    String notificationType() {
        return family.typePrefix() + virshName;
    }

    CompositeType compositeType() {
        return compositeType;
    }

    /** What a console shows for this notification type; the descriptor carries the user data's open type. */
    MBeanNotificationInfo info() {
        return new MBeanNotificationInfo(new String[] {notificationType()}, Notification.class.getName(),
                description, new ImmutableDescriptor(Map.of("openType", compositeType,
                        "originalType", CompositeData.class.getName())));
    }

    /**
     * The user data of {@code event}, about the object {@code name} of connection {@code connection}; {@code uuid}
     * is left out for a family without UUIDs.
     */
    CompositeData data(String connection, String name, String uuid, Object event) {
        String[] names = new String[items.size()];
        Object[] values = new Object[items.size()];
        for (int i = 0; i < names.length; i++) {
            OpenItem item = items.get(i);
            names[i] = item.name();
            if (i == 0) {
                values[i] = connection;
            } else if (i == 1) {
                values[i] = name;
            } else if (i < fixedItems) {
                values[i] = uuid;
            } else {
                values[i] = item.read(event);
            }
        }
        try {
            return new CompositeDataSupport(compositeType, names, values);
        } catch (OpenDataException e) {
            throw new IllegalStateException("cannot describe " + event + ": " + e.getMessage(), e);
        }
    }

    /** The line virsh's event command prints for it, without the newline. */
    String message(String name, Object event) {
        return message.apply(name, event);
    }

    @Override
    public String toString() {
        return notificationType();
    }
}
