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
import org.jvirt.api.NodeDevice;
import org.jvirt.api.VirtException;
import org.jvirt.api.event.EventSubscription;
import org.jvirt.api.event.NodeDeviceEvent;
import org.jvirt.api.event.NodeDeviceEventId;
import org.jvirt.api.event.NodeDeviceLifecycleEvent;
import org.jvirt.api.event.NodeDeviceLifecycleType;
import org.jvirt.api.event.NodeDeviceUpdateEvent;
import org.jvirt.api.event.ObjectEvent;
import org.jvirt.jmx.JvirtObjectNames;
import org.jvirt.jmx.NodeDeviceMXBean;

/** Host devices: {@code org.jvirt:type=NodeDevice,...}, following node device lifecycle and update events. */
final class NodeDeviceKind extends ObjectKind<NodeDevice> {
    // virsh nodedev-event's words (tools/virsh-nodedev.c)
    private static final Map<NodeDeviceLifecycleType, String> WORDS = Map.of(
            NodeDeviceLifecycleType.CREATED, "Created",
            NodeDeviceLifecycleType.DELETED, "Deleted",
            NodeDeviceLifecycleType.DEFINED, "Defined",
            NodeDeviceLifecycleType.UNDEFINED, "Undefined");

    private static final EventType LIFECYCLE = new EventType(EventFamily.NODE_DEVICE, NodeDeviceEventId.LIFECYCLE,
            "lifecycle", NodeDeviceLifecycleEvent.class, "The device was created, deleted, defined or undefined",
            List.of(new OpenItem("event", SimpleType.STRING, "what happened, in virsh's word: Created, Deleted, ...",
                            e -> word(((NodeDeviceLifecycleEvent) e).type())),
                    new OpenItem("eventNumber", SimpleType.INTEGER, "libvirt's number of the event",
                            e -> ((NodeDeviceLifecycleEvent) e).type().value()),
                    new OpenItem("detail", SimpleType.INTEGER, "libvirt's detail (0 for now)",
                            e -> ((NodeDeviceLifecycleEvent) e).detail())),
            (name, e) -> "event 'lifecycle' for node device " + name + ": "
                    + word(((NodeDeviceLifecycleEvent) e).type()));

    private static final EventType UPDATE = EventType.ofRecord(EventFamily.NODE_DEVICE, NodeDeviceEventId.UPDATE,
            "update", NodeDeviceUpdateEvent.class, "The device's description changed");

    static final NodeDeviceKind INSTANCE = new NodeDeviceKind();
    private static final MBeanNotificationInfo[] INFOS = INSTANCE.notificationInfos(
            "The device's Active changed (it was created or deleted)");

    private static String word(NodeDeviceLifecycleType type) {
        String w = type == null ? null : WORDS.get(type);
        return w == null ? "unknown" : w;
    }

    /**
     * Whether the device is active, for the MBean's notifications. A driver that cannot tell (it has no defined
     * devices, only those present) lists only devices that are there, so a listed device counts as active.
     */
    static boolean activeOrPresent(NodeDevice device) {
        try {
            return device.isActive();
        } catch (VirtException e) {
            if (e.code() == ErrorCode.NO_SUPPORT) {
                return true;
            }
            throw e;
        }
    }

    @Override
    String type() {
        return "NodeDevice";
    }

    @Override
    Class<?> mxbean() {
        return NodeDeviceMXBean.class;
    }

    @Override
    ErrorCode notFound() {
        return ErrorCode.NO_NODE_DEVICE;
    }

    @Override
    List<NodeDevice> list(Connect connect) {
        return connect.listAllNodeDevices(Set.of());
    }

    @Override
    String name(NodeDevice object) {
        return object.getName();
    }

    @Override
    String uuid(NodeDevice object) {
        return null;
    }

    @Override
    ObjectName objectName(String uri, NodeDevice object) {
        return JvirtObjectNames.nodeDevice(uri, object.getName());
    }

    @Override
    NodeDevice lookup(Connect connect, NodeDevice object) {
        return connect.nodeDeviceLookupByName(object.getName());
    }

    @Override
    boolean isActive(NodeDevice object) {
        return activeOrPresent(object);
    }

    @Override
    List<EventSubscription> subscribe(Connect connect, Consumer<ObjectEvent> sink) {
        return List.of(connect.nodeDeviceEventRegisterAny(null, NodeDeviceEventId.LIFECYCLE, sink::accept),
                connect.nodeDeviceEventRegisterAny(null, NodeDeviceEventId.UPDATE, sink::accept));
    }

    @Override
    List<EventType> eventTypes() {
        return List.of(LIFECYCLE, UPDATE);
    }

    @Override
    EventType typeOf(ObjectEvent event) {
        if (event instanceof NodeDeviceLifecycleEvent) {
            return LIFECYCLE;
        }
        return event instanceof NodeDeviceUpdateEvent ? UPDATE : null;
    }

    @Override
    NodeDevice subject(ObjectEvent event) {
        return ((NodeDeviceEvent) event).device();
    }

    @Override
    Change change(ObjectEvent event) {
        if (!(event instanceof NodeDeviceLifecycleEvent l) || l.type() == null) {
            return Change.NONE;
        }
        return switch (l.type()) {
            case CREATED, DEFINED -> Change.ADDED;
            // a defined device that goes from the host stays, inactive; any other is gone
            case DELETED -> Change.STOPPED;
            case UNDEFINED -> Change.UNDEFINED;
        };
    }

    @Override
    Object stateAfter(ObjectEvent event) {
        if (event instanceof NodeDeviceLifecycleEvent l && l.type() != null) {
            return switch (l.type()) {
                case CREATED -> Boolean.TRUE;
                case DELETED -> Boolean.FALSE;
                default -> null;
            };
        }
        return null;
    }

    @Override
    ObjectBean bean(NodeDevice object, ObjectName name, MBeanNotificationInfo[] infos) {
        return new NodeDeviceBean(object, name, infos);
    }

    @Override
    MBeanNotificationInfo[] infos() {
        return INFOS;
    }
}
