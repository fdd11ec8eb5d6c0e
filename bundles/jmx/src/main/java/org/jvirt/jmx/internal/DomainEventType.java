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

import org.jvirt.api.event.DomainEvent;
import org.jvirt.api.event.DomainEventId;
import org.jvirt.jmx.JvirtNotifications;

/**
 * One kind of domain event as a JMX notification: type {@code jvirt.domain.<virsh's name>}, a CompositeData with
 * the connection, the domain's name and UUID and the event's own items, and the line {@code virsh event} would
 * print as the message.
 */
final class DomainEventType {
    static final String CONNECTION = "connection";
    static final String DOMAIN = "domain";
    static final String UUID = "uuid";

    private final DomainEventId id;
    private final Class<? extends DomainEvent> recordClass;
    private final String virshName;
    private final String description;
    private final List<OpenItem> items;
    private final CompositeType compositeType;
    private final BiFunction<String, DomainEvent, String> message;

    DomainEventType(DomainEventId id, Class<? extends DomainEvent> recordClass, String description,
            List<OpenItem> eventItems, BiFunction<String, DomainEvent, String> message) {
        this.id = id;
        this.recordClass = recordClass;
        this.virshName = DomainEventTypes.virshName(id);
        this.description = description;
        this.message = message;
        List<OpenItem> all = new ArrayList<>();
        all.add(new OpenItem(CONNECTION, SimpleType.STRING, "the connection's URI", e -> null));
        all.add(new OpenItem(DOMAIN, SimpleType.STRING, "the domain's name", e -> null));
        all.add(new OpenItem(UUID, SimpleType.STRING, "the domain's UUID", e -> null));
        all.addAll(eventItems);
        this.items = List.copyOf(all);
        this.compositeType = RecordItems.compositeType(notificationType(), description, items);
    }

    /**
     * The type of an event record whose items are its components (the domain aside), with virsh's generic line
     * "event 'NAME' for domain 'DOMAIN'" as the message.
     */
    static DomainEventType ofRecord(DomainEventId id, Class<? extends DomainEvent> recordClass, String description) {
        String name = DomainEventTypes.virshName(id);
        return new DomainEventType(id, recordClass, description, RecordItems.of(recordClass, List.of(DOMAIN)),
                (domain, event) -> "event '" + name + "' for domain '" + domain + "'");
    }

    DomainEventId id() {
        return id;
    }

    /** The API's record for this kind of event. */
    Class<? extends DomainEvent> recordClass() {
        return recordClass;
    }

    /** {@code jvirt.domain.lifecycle}, ... */
    String notificationType() {
        return JvirtNotifications.domainEvent(virshName);
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

    /** The user data of {@code event}, about the domain {@code domain} of connection {@code connection}. */
    CompositeData data(String connection, String domain, String uuid, DomainEvent event) {
        String[] names = new String[items.size()];
        Object[] values = new Object[items.size()];
        for (int i = 0; i < names.length; i++) {
            OpenItem item = items.get(i);
            names[i] = item.name();
            values[i] = switch (item.name()) {
                case CONNECTION -> connection;
                case DOMAIN -> domain;
                case UUID -> uuid;
                default -> item.read(event);
            };
        }
        try {
            return new CompositeDataSupport(compositeType, names, values);
        } catch (OpenDataException e) {
            throw new IllegalStateException("cannot describe " + event + ": " + e.getMessage(), e);
        }
    }

    /** The line virsh event prints for it, without the newline. */
    String message(String domain, DomainEvent event) {
        return message.apply(domain, event);
    }

    @Override
    public String toString() {
        return notificationType();
    }
}
