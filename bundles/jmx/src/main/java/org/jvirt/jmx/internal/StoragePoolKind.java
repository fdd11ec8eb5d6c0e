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
import org.jvirt.api.StoragePool;
import org.jvirt.api.StoragePoolState;
import org.jvirt.api.event.EventSubscription;
import org.jvirt.api.event.ObjectEvent;
import org.jvirt.api.event.StoragePoolEvent;
import org.jvirt.api.event.StoragePoolEventId;
import org.jvirt.api.event.StoragePoolLifecycleEvent;
import org.jvirt.api.event.StoragePoolLifecycleType;
import org.jvirt.api.event.StoragePoolRefreshEvent;
import org.jvirt.jmx.StoragePoolMXBean;

/** Storage pools: {@code org.jvirt:type=StoragePool,...}, following pool lifecycle and refresh events. */
final class StoragePoolKind extends ObjectKind<StoragePool> {
    // virsh pool-event's words (tools/virsh-pool.c)
    private static final Map<StoragePoolLifecycleType, String> WORDS = Map.of(
            StoragePoolLifecycleType.DEFINED, "Defined",
            StoragePoolLifecycleType.UNDEFINED, "Undefined",
            StoragePoolLifecycleType.STARTED, "Started",
            StoragePoolLifecycleType.STOPPED, "Stopped",
            StoragePoolLifecycleType.CREATED, "Created",
            StoragePoolLifecycleType.DELETED, "Deleted");

    private static final EventType LIFECYCLE = new EventType(EventFamily.STORAGE_POOL, StoragePoolEventId.LIFECYCLE,
            "lifecycle", StoragePoolLifecycleEvent.class,
            "The pool was defined, undefined, started, stopped, built (Created) or deleted",
            List.of(new OpenItem("event", SimpleType.STRING, "what happened, in virsh's word: Defined, Started, ...",
                            e -> word(((StoragePoolLifecycleEvent) e).type())),
                    new OpenItem("eventNumber", SimpleType.INTEGER, "libvirt's number of the event",
                            e -> ((StoragePoolLifecycleEvent) e).type().value()),
                    new OpenItem("detail", SimpleType.INTEGER, "libvirt's detail (0 for now)",
                            e -> ((StoragePoolLifecycleEvent) e).detail())),
            (name, e) -> "event 'lifecycle' for storage pool " + name + ": "
                    + word(((StoragePoolLifecycleEvent) e).type()));

    private static final EventType REFRESH = EventType.ofRecord(EventFamily.STORAGE_POOL, StoragePoolEventId.REFRESH,
            "refresh", StoragePoolRefreshEvent.class, "The pool's volumes were rescanned");

    static final StoragePoolKind INSTANCE = new StoragePoolKind();
    private static final MBeanNotificationInfo[] INFOS = INSTANCE.notificationInfos(
            "The pool's State changed (it was started or stopped)");

    private static String word(StoragePoolLifecycleType type) {
        String w = type == null ? null : WORDS.get(type);
        return w == null ? "unknown" : w;
    }

    @Override
    String type() {
        return "StoragePool";
    }

    @Override
    Class<?> mxbean() {
        return StoragePoolMXBean.class;
    }

    @Override
    ErrorCode notFound() {
        return ErrorCode.NO_STORAGE_POOL;
    }

    @Override
    List<StoragePool> list(Connect connect) {
        return connect.listAllStoragePools(Set.of());
    }

    @Override
    String name(StoragePool object) {
        return object.getName();
    }

    @Override
    String uuid(StoragePool object) {
        return object.getUUIDString();
    }

    @Override
    StoragePool lookup(Connect connect, StoragePool object) {
        return connect.storagePoolLookupByUUID(object.getUUID());
    }

    @Override
    boolean isActive(StoragePool object) {
        return object.isActive();
    }

    @Override
    List<EventSubscription> subscribe(Connect connect, Consumer<ObjectEvent> sink) {
        return List.of(connect.storagePoolEventRegisterAny(null, StoragePoolEventId.LIFECYCLE, sink::accept),
                connect.storagePoolEventRegisterAny(null, StoragePoolEventId.REFRESH, sink::accept));
    }

    @Override
    List<EventType> eventTypes() {
        return List.of(LIFECYCLE, REFRESH);
    }

    @Override
    EventType typeOf(ObjectEvent event) {
        if (event instanceof StoragePoolLifecycleEvent) {
            return LIFECYCLE;
        }
        return event instanceof StoragePoolRefreshEvent ? REFRESH : null;
    }

    @Override
    StoragePool subject(ObjectEvent event) {
        return ((StoragePoolEvent) event).pool();
    }

    @Override
    Change change(ObjectEvent event) {
        if (!(event instanceof StoragePoolLifecycleEvent l) || l.type() == null) {
            return Change.NONE;
        }
        return switch (l.type()) {
            case DEFINED, STARTED -> Change.ADDED;
            case UNDEFINED -> Change.UNDEFINED;
            case STOPPED -> Change.STOPPED;
            // building or deleting a pool's storage changes neither its existence nor its state
            case CREATED, DELETED -> Change.NONE;
        };
    }

    @Override
    Object stateAfter(ObjectEvent event) {
        if (event instanceof StoragePoolLifecycleEvent l && l.type() != null) {
            return switch (l.type()) {
                case STARTED -> StoragePoolBean.state(StoragePoolState.RUNNING);
                case STOPPED -> StoragePoolBean.state(StoragePoolState.INACTIVE);
                default -> null;
            };
        }
        return null;
    }

    @Override
    ObjectBean bean(StoragePool object, ObjectName name, MBeanNotificationInfo[] infos) {
        return new StoragePoolBean(object, name, infos);
    }

    @Override
    MBeanNotificationInfo[] infos() {
        return INFOS;
    }
}
