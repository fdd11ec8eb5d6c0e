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
import org.jvirt.api.Network;
import org.jvirt.api.event.EventSubscription;
import org.jvirt.api.event.NetworkEvent;
import org.jvirt.api.event.NetworkEventId;
import org.jvirt.api.event.NetworkLifecycleEvent;
import org.jvirt.api.event.NetworkLifecycleType;
import org.jvirt.api.event.ObjectEvent;
import org.jvirt.jmx.NetworkMXBean;

/** Networks: {@code org.jvirt:type=Network,...}, following network lifecycle events. */
final class NetworkKind extends ObjectKind<Network> {
    // virsh net-event's words (tools/virsh-network.c)
    private static final Map<NetworkLifecycleType, String> WORDS = Map.of(
            NetworkLifecycleType.DEFINED, "Defined",
            NetworkLifecycleType.UNDEFINED, "Undefined",
            NetworkLifecycleType.STARTED, "Started",
            NetworkLifecycleType.STOPPED, "Stopped");

    private static final EventType LIFECYCLE = new EventType(EventFamily.NETWORK, NetworkEventId.LIFECYCLE,
            "lifecycle", NetworkLifecycleEvent.class, "The network was defined, undefined, started or stopped",
            List.of(new OpenItem("event", SimpleType.STRING, "what happened, in virsh's word: Defined, Started, ...",
                            e -> word(((NetworkLifecycleEvent) e).type())),
                    new OpenItem("eventNumber", SimpleType.INTEGER, "libvirt's number of the event",
                            e -> ((NetworkLifecycleEvent) e).type().value()),
                    new OpenItem("detail", SimpleType.INTEGER, "libvirt's detail (0 for now)",
                            e -> ((NetworkLifecycleEvent) e).detail())),
            (name, e) -> "event 'lifecycle' for network " + name + ": " + word(((NetworkLifecycleEvent) e).type()));

    static final NetworkKind INSTANCE = new NetworkKind();
    private static final MBeanNotificationInfo[] INFOS = INSTANCE.notificationInfos(
            "The network's Active changed (it was started or stopped)");

    private static String word(NetworkLifecycleType type) {
        String w = type == null ? null : WORDS.get(type);
        return w == null ? "unknown" : w;
    }

    @Override
    String type() {
        return "Network";
    }

    @Override
    Class<?> mxbean() {
        return NetworkMXBean.class;
    }

    @Override
    ErrorCode notFound() {
        return ErrorCode.NO_NETWORK;
    }

    @Override
    List<Network> list(Connect connect) {
        return connect.listAllNetworks(Set.of());
    }

    @Override
    String name(Network object) {
        return object.getName();
    }

    @Override
    String uuid(Network object) {
        return object.getUUIDString();
    }

    @Override
    Network lookup(Connect connect, Network object) {
        return connect.networkLookupByUUID(object.getUUID());
    }

    @Override
    boolean isActive(Network object) {
        return object.isActive();
    }

    @Override
    List<EventSubscription> subscribe(Connect connect, Consumer<ObjectEvent> sink) {
        return List.of(connect.networkEventRegisterAny(null, NetworkEventId.LIFECYCLE, sink::accept));
    }

    @Override
    List<EventType> eventTypes() {
        return List.of(LIFECYCLE);
    }

    @Override
    EventType typeOf(ObjectEvent event) {
        return event instanceof NetworkLifecycleEvent ? LIFECYCLE : null;
    }

    @Override
    Network subject(ObjectEvent event) {
        return ((NetworkEvent) event).network();
    }

    @Override
    Change change(ObjectEvent event) {
        if (!(event instanceof NetworkLifecycleEvent l) || l.type() == null) {
            return Change.NONE;
        }
        return switch (l.type()) {
            case DEFINED, STARTED -> Change.ADDED;
            case UNDEFINED -> Change.UNDEFINED;
            case STOPPED -> Change.STOPPED;
        };
    }

    @Override
    Object stateAfter(ObjectEvent event) {
        if (event instanceof NetworkLifecycleEvent l && l.type() != null) {
            return switch (l.type()) {
                case STARTED -> Boolean.TRUE;
                case STOPPED -> Boolean.FALSE;
                default -> null;
            };
        }
        return null;
    }

    @Override
    ObjectBean bean(Network object, ObjectName name, MBeanNotificationInfo[] infos) {
        return new NetworkBean(object, name, infos);
    }

    @Override
    MBeanNotificationInfo[] infos() {
        return INFOS;
    }
}
