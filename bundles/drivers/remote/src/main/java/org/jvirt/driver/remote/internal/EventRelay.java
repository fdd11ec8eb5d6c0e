package org.jvirt.driver.remote.internal;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jvirt.api.CloseReason;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.driver.EventSink;
import org.jvirt.api.event.DomainEventId;
import org.jvirt.api.event.NetworkEventId;
import org.jvirt.api.event.NodeDeviceEventId;
import org.jvirt.api.event.ObjectEvent;
import org.jvirt.api.event.SecretEventId;
import org.jvirt.api.event.StoragePoolEventId;
import org.jvirt.api.qemu.QemuMonitorEvent;
import org.jvirt.rpc.Procedure;
import org.jvirt.rpc.qemu.QemuProtocol;
import org.jvirt.rpc.remote.RemoteProtocol;
import org.jvirt.rpc.remote.RemoteProtocol.ConnectDomainEventCallbackRegisterAnyArgs;
import org.jvirt.rpc.remote.RemoteProtocol.ConnectEventConnectionClosedMsg;
import org.jvirt.rpc.remote.RemoteProtocol.ConnectNetworkEventRegisterAnyArgs;
import org.jvirt.rpc.remote.RemoteProtocol.ConnectNodeDeviceEventRegisterAnyArgs;
import org.jvirt.rpc.remote.RemoteProtocol.ConnectSecretEventRegisterAnyArgs;
import org.jvirt.rpc.remote.RemoteProtocol.ConnectStoragePoolEventRegisterAnyArgs;
import org.jvirt.rpc.transport.EventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's events, relayed to the platform. The driver SPI does not say when a user subscribes, so at open
 * the connection registers one server callback per event id of every kind (libvirt's client registers on the
 * first subscription of each id); the platform then hands each event to its subscribers in the server's order.
 * Each message becomes the API's record of its kind, field by field.
 */
final class EventRelay implements EventListener {
    private static final Logger LOG = LoggerFactory.getLogger(EventRelay.class);

    private final RemoteSession session;
    private final EventSink sink;
    private final Map<Class<?>, Class<?>> recordOf = new ConcurrentHashMap<>();

    EventRelay(RemoteSession session, EventSink sink) {
        this.session = session;
        this.sink = sink;
    }

    /** Registers a callback for every event id on the server; {@code callbacks} false: an old server, none. */
    void register(boolean callbacks, Duration t) {
        if (!callbacks) {
            LOG.info("remote: {} has no event callbacks; events are not relayed", session.uri());
            return;
        }
        // every registration goes out at once and the answers are awaited together: one round trip's wait, not 35
        var c = session.client();
        List<Registration> sent = new ArrayList<>();
        for (DomainEventId id : DomainEventId.values()) {
            sent.add(new Registration("domain", id, c.callAsync(
                    RemoteProtocol.CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY,
                    new ConnectDomainEventCallbackRegisterAnyArgs(id.value(), null))));
        }
        for (NetworkEventId id : NetworkEventId.values()) {
            sent.add(new Registration("network", id, c.callAsync(RemoteProtocol.CONNECT_NETWORK_EVENT_REGISTER_ANY,
                    new ConnectNetworkEventRegisterAnyArgs(id.value(), null))));
        }
        for (StoragePoolEventId id : StoragePoolEventId.values()) {
            sent.add(new Registration("storage pool", id, c.callAsync(
                    RemoteProtocol.CONNECT_STORAGE_POOL_EVENT_REGISTER_ANY,
                    new ConnectStoragePoolEventRegisterAnyArgs(id.value(), null))));
        }
        for (NodeDeviceEventId id : NodeDeviceEventId.values()) {
            sent.add(new Registration("node device", id, c.callAsync(
                    RemoteProtocol.CONNECT_NODE_DEVICE_EVENT_REGISTER_ANY,
                    new ConnectNodeDeviceEventRegisterAnyArgs(id.value(), null))));
        }
        sent.add(new Registration("QEMU monitor", "all", c.callAsync(QemuProtocol.CONNECT_DOMAIN_MONITOR_EVENT_REGISTER,
                new QemuProtocol.ConnectDomainMonitorEventRegisterArgs(null, null, 0))));
        for (SecretEventId id : SecretEventId.values()) {
            sent.add(new Registration("secret", id, c.callAsync(RemoteProtocol.CONNECT_SECRET_EVENT_REGISTER_ANY,
                    new ConnectSecretEventRegisterAnyArgs(id.value(), null))));
        }
        long deadline = System.nanoTime() + t.toNanos();
        for (Registration r : sent) {
            await(r, deadline);
        }
    }

    /** One registration sent. */
    private record Registration(String kind, Object id, CompletableFuture<?> answer) {
    }

    /** A server without a kind of object (no secret driver, say) refuses its events: that kind stays silent. */
    private void await(Registration r, long deadline) {
        try {
            r.answer().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            VirtException v = e.getCause() instanceof VirtException x ? x
                    : new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC, String.valueOf(e.getCause()));
            if (!session.client().isOpen()) {
                throw VirtException.withMessage(v.code(), v.domain(), v.getMessage());
            }
            LOG.debug("remote: {} has no {} events {}: {}", session.uri(), r.kind(), r.id(), v.getMessage());
        } catch (TimeoutException e) {
            throw new VirtException(ErrorCode.OPERATION_TIMEOUT, ErrorDomain.RPC,
                    "no answer to the event registrations while opening the connection");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC, "interrupted while opening");
        }
    }

    @Override
    public void event(Procedure<?, ?> procedure, Object body) {
        if (body instanceof ConnectEventConnectionClosedMsg closed) {
            CloseReason r = CloseReason.fromValue(closed.reason());
            connectionClosed(r == null ? CloseReason.ERROR : r);
            return;
        }
        Class<?> type = recordOf.computeIfAbsent(body.getClass(), EventRelay::apiRecord);
        if (type == Void.class) {
            LOG.debug("remote: event {} has no API record", procedure);
            return;
        }
        try {
            List<String> names = new ArrayList<>();
            List<Object> values = fields((Record) body, names);
            sink.event((ObjectEvent) session.values().record(type, names.toArray(new String[0]), values.toArray()));
        } catch (RuntimeException e) {
            LOG.debug("remote: event {} not converted: {}", procedure, e.toString());
        }
    }

    void connectionClosed(CloseReason reason) {
        sink.connectionClosed(reason);
    }

    /** The message's fields without the callback id, a nested {@code msg} flattened. */
    private static List<Object> fields(Record body, List<String> names) {
        List<Object> out = new ArrayList<>();
        RecordComponent[] rc = body.getClass().getRecordComponents();
        Object[] v = WireValues.components(body);
        for (int i = 0; i < rc.length; i++) {
            if (rc[i].getName().equals("callbackID")) {
                continue;
            }
            if (rc[i].getName().equals("msg") && v[i] instanceof Record inner) {
                out.addAll(fields(inner, names));
            } else {
                out.add(v[i]);
                names.add(rc[i].getName());
            }
        }
        return out;
    }

    /**
     * The API record of a message class: {@code DomainEventCallbackTrayChangeMsg} is DomainTrayChangeEvent,
     * {@code StoragePoolEventRefreshMsg} StoragePoolRefreshEvent; Void when the API has none.
     */
    private static Class<?> apiRecord(Class<?> msg) {
        if (msg == QemuProtocol.DomainMonitorEventMsg.class) {
            return QemuMonitorEvent.class;
        }
        String n = msg.getSimpleName().replace("Callback", "");
        if (!n.endsWith("Msg") || !n.contains("Event")) {
            return Void.class;
        }
        n = n.substring(0, n.length() - 3);
        int at = n.indexOf("Event");
        String kind = n.substring(0, at);
        String what = n.substring(at + "Event".length()).replace("IoError", "IOError")
                .replace("Pmwakeup", "PMWakeup").replace("PmsuspendDisk", "PMSuspendDisk")
                .replace("Pmsuspend", "PMSuspend");
        try {
            return Class.forName("org.jvirt.api.event." + kind + what + "Event", false,
                    DomainEventId.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return Void.class;
        }
    }
}
