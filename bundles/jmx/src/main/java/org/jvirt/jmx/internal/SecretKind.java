package org.jvirt.jmx.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import javax.management.MBeanNotificationInfo;
import javax.management.ObjectName;
import javax.management.openmbean.SimpleType;

import org.jvirt.api.Connect;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.Secret;
import org.jvirt.api.event.EventSubscription;
import org.jvirt.api.event.ObjectEvent;
import org.jvirt.api.event.SecretEvent;
import org.jvirt.api.event.SecretEventId;
import org.jvirt.api.event.SecretLifecycleEvent;
import org.jvirt.api.event.SecretLifecycleType;
import org.jvirt.api.event.SecretValueChangedEvent;
import org.jvirt.jmx.JvirtObjectNames;
import org.jvirt.jmx.SecretMXBean;

/**
 * Secrets: {@code org.jvirt:type=Secret,connection=...,uuid=...}, following secret lifecycle and value-changed
 * events. A secret is named by its UUID, as virsh secret-event names it. Nothing here ever reads a value.
 */
final class SecretKind extends ObjectKind<Secret> {
    // virsh secret-event's words (tools/virsh-secret.c)
    private static final Map<SecretLifecycleType, String> WORDS = Map.of(
            SecretLifecycleType.DEFINED, "Defined",
            SecretLifecycleType.UNDEFINED, "Undefined");

    private static final EventType LIFECYCLE = new EventType(EventFamily.SECRET, SecretEventId.LIFECYCLE,
            "lifecycle", SecretLifecycleEvent.class, "The secret was defined or undefined",
            List.of(new OpenItem("event", SimpleType.STRING, "what happened, in virsh's word: Defined, Undefined",
                            e -> word(((SecretLifecycleEvent) e).type())),
                    new OpenItem("eventNumber", SimpleType.INTEGER, "libvirt's number of the event",
                            e -> ((SecretLifecycleEvent) e).type().value()),
                    new OpenItem("detail", SimpleType.INTEGER, "libvirt's detail (0 for now)",
                            e -> ((SecretLifecycleEvent) e).detail())),
            (uuid, e) -> "event 'lifecycle' for secret " + uuid + ": " + word(((SecretLifecycleEvent) e).type()));

    private static final EventType VALUE_CHANGED = EventType.ofRecord(EventFamily.SECRET,
            SecretEventId.VALUE_CHANGED, "value-changed", SecretValueChangedEvent.class,
            "The secret's value changed (the value is not in the notification)");

    static final SecretKind INSTANCE = new SecretKind();
    private static final MBeanNotificationInfo[] INFOS = INSTANCE.secretInfos();

    private static String word(SecretLifecycleType type) {
        String w = type == null ? null : WORDS.get(type);
        return w == null ? "unknown" : w;
    }

    /** A secret has no state to change: its MBean declares only the typed events. */
    private MBeanNotificationInfo[] secretInfos() {
        return eventTypes().stream().map(EventType::info).toArray(MBeanNotificationInfo[]::new);
    }

    @Override
    String type() {
        return "Secret";
    }

    @Override
    Class<?> mxbean() {
        return SecretMXBean.class;
    }

    @Override
    ErrorCode notFound() {
        return ErrorCode.NO_SECRET;
    }

    @Override
    List<Secret> list(Connect connect) {
        return connect.listAllSecrets(Set.of());
    }

    @Override
    String name(Secret object) {
        return object.getUUIDString();
    }

    @Override
    String uuid(Secret object) {
        return null;
    }

    @Override
    ObjectName objectName(String uri, Secret object) {
        return JvirtObjectNames.secret(uri, object.getUUIDString());
    }

    @Override
    Secret lookup(Connect connect, Secret object) {
        return connect.secretLookupByUUID(object.getUUID());
    }

    @Override
    boolean isActive(Secret object) {
        return false; // a secret does not run: undefining it removes it
    }

    @Override
    List<EventSubscription> subscribe(Connect connect, Consumer<ObjectEvent> sink) {
        return List.of(connect.secretEventRegisterAny(null, SecretEventId.LIFECYCLE, sink::accept),
                connect.secretEventRegisterAny(null, SecretEventId.VALUE_CHANGED, sink::accept));
    }

    @Override
    List<EventType> eventTypes() {
        return List.of(LIFECYCLE, VALUE_CHANGED);
    }

    @Override
    EventType typeOf(ObjectEvent event) {
        if (event instanceof SecretLifecycleEvent) {
            return LIFECYCLE;
        }
        return event instanceof SecretValueChangedEvent ? VALUE_CHANGED : null;
    }

    @Override
    Secret subject(ObjectEvent event) {
        return ((SecretEvent) event).secret();
    }

    @Override
    Change change(ObjectEvent event) {
        if (!(event instanceof SecretLifecycleEvent l) || l.type() == null) {
            return Change.NONE;
        }
        return switch (l.type()) {
            case DEFINED -> Change.ADDED;
            case UNDEFINED -> Change.UNDEFINED;
        };
    }

    @Override
    Object stateAfter(ObjectEvent event) {
        return null;
    }

    @Override
    ObjectBean bean(Secret object, ObjectName name, MBeanNotificationInfo[] infos) {
        return new SecretBean(object, name, infos);
    }

    @Override
    MBeanNotificationInfo[] infos() {
        return INFOS;
    }
}
