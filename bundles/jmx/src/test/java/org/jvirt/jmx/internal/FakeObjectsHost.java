package org.jvirt.jmx.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.jvirt.api.Connect;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.Network;
import org.jvirt.api.StoragePool;
import org.jvirt.api.StoragePoolInfo;
import org.jvirt.api.StoragePoolState;
import org.jvirt.api.StorageVol;
import org.jvirt.api.VirtException;
import org.jvirt.api.event.EventSubscription;
import org.jvirt.api.event.NetworkEventListener;
import org.jvirt.api.event.NetworkLifecycleEvent;
import org.jvirt.api.event.NetworkLifecycleType;
import org.jvirt.api.event.ObjectEvent;
import org.jvirt.api.event.StoragePoolEventListener;
import org.jvirt.api.event.StoragePoolLifecycleEvent;
import org.jvirt.api.event.StoragePoolLifecycleType;
import org.jvirt.api.event.StoragePoolRefreshEvent;

/**
 * A host with networks and storage pools, for JMX's tests while no driver of the platform has them: it behaves as
 * libvirt's drivers do (a transient object is gone once stopped, an undefined running one goes on), and delivers
 * each change as its event, at once, to the subscribers of the connection.
 */
final class FakeObjectsHost {
    static final String URI = "fake:///objects";

    /** One network's state. */
    static final class Net {
        final String name;
        final UUID uuid = UUID.randomUUID();
        volatile boolean active;
        volatile boolean persistent;
        volatile boolean autostart;

        Net(String name, boolean active, boolean persistent) {
            this.name = name;
            this.active = active;
            this.persistent = persistent;
        }
    }

    /** One pool's state. */
    static final class Pool {
        final String name;
        final UUID uuid = UUID.randomUUID();
        volatile boolean active;
        volatile boolean persistent;
        final List<String> volumes = new CopyOnWriteArrayList<>();

        Pool(String name, boolean active, boolean persistent) {
            this.name = name;
            this.active = active;
            this.persistent = persistent;
        }
    }

    final Map<String, Net> networks = new ConcurrentHashMap<>();
    final Map<String, Pool> pools = new ConcurrentHashMap<>();
    private final List<Consumer<ObjectEvent>> networkListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<ObjectEvent>> poolListeners = new CopyOnWriteArrayList<>();
    private final AtomicInteger callbackIds = new AtomicInteger();
    final Connect connect = (Connect) Proxy.newProxyInstance(Connect.class.getClassLoader(),
            new Class<?>[] {Connect.class}, this::connectCall);

    int subscribers() {
        return networkListeners.size() + poolListeners.size();
    }

    // ---- what a driver would do

    void defineNetwork(String name) {
        Net n = new Net(name, false, true);
        networks.put(name, n);
        emit(new NetworkLifecycleEvent(network(n), NetworkLifecycleType.DEFINED, 0));
    }

    void createTransientNetwork(String name) {
        Net n = new Net(name, true, false);
        networks.put(name, n);
        emit(new NetworkLifecycleEvent(network(n), NetworkLifecycleType.STARTED, 0));
    }

    private void emit(ObjectEvent e) {
        List<Consumer<ObjectEvent>> to = e instanceof NetworkLifecycleEvent ? networkListeners : poolListeners;
        to.forEach(l -> l.accept(e));
    }

    // ---- the connection

    private Object connectCall(Object proxy, java.lang.reflect.Method m, Object[] args) {
        switch (m.getName()) {
            case "getURI":
                return URI;
            case "listAllNetworks":
                return networks.values().stream().map(this::network).toList();
            case "networkLookupByUUID":
                return networks.values().stream().filter(n -> n.uuid.equals(args[0])).findFirst().map(this::network)
                        .orElseThrow(() -> new VirtException(ErrorCode.NO_NETWORK, ErrorDomain.NETWORK,
                                "no network with matching uuid '" + args[0] + "'"));
            case "networkEventRegisterAny": {
                NetworkEventListener l = (NetworkEventListener) args[2];
                return subscription(networkListeners, e -> l.onEvent((org.jvirt.api.event.NetworkEvent) e));
            }
            case "listAllStoragePools":
                return pools.values().stream().map(this::pool).toList();
            case "storagePoolLookupByUUID":
                return pools.values().stream().filter(p -> p.uuid.equals(args[0])).findFirst().map(this::pool)
                        .orElseThrow(() -> new VirtException(ErrorCode.NO_STORAGE_POOL, ErrorDomain.STORAGE,
                                "no storage pool with matching uuid '" + args[0] + "'"));
            case "storagePoolEventRegisterAny": {
                StoragePoolEventListener l = (StoragePoolEventListener) args[2];
                return subscription(poolListeners, e -> l.onEvent((org.jvirt.api.event.StoragePoolEvent) e));
            }
            case "toString":
                return URI;
            case "hashCode":
                return System.identityHashCode(proxy);
            case "equals":
                return proxy == args[0];
            default:
                throw VirtException.noSupport();
        }
    }

    private EventSubscription subscription(List<Consumer<ObjectEvent>> list, Consumer<ObjectEvent> listener) {
        list.add(listener);
        int id = callbackIds.incrementAndGet();
        return new EventSubscription() {
            @Override
            public int callbackId() {
                return id;
            }

            @Override
            public void close() {
                list.remove(listener);
            }
        };
    }

    // ---- handles

    Network network(Net n) {
        return (Network) handle(Network.class, n.name, (m, args) -> switch (m) {
            case "getName" -> n.name;
            case "getUUID" -> n.uuid;
            case "getUUIDString" -> n.uuid.toString();
            case "isActive" -> live(n).active;
            case "isPersistent" -> live(n).persistent;
            case "getAutostart" -> live(n).autostart;
            case "setAutostart" -> {
                live(n).autostart = (Boolean) args[0];
                yield null;
            }
            case "getBridgeName" -> "br-" + n.name;
            case "getXMLDesc" -> "<network><name>" + n.name + "</name></network>";
            case "create" -> {
                if (live(n).active) {
                    throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.NETWORK,
                            "network is already active");
                }
                n.active = true;
                emit(new NetworkLifecycleEvent(network(n), NetworkLifecycleType.STARTED, 0));
                yield null;
            }
            case "destroy" -> {
                live(n).active = false;
                if (!n.persistent) {
                    networks.remove(n.name);
                }
                emit(new NetworkLifecycleEvent(network(n), NetworkLifecycleType.STOPPED, 0));
                yield null;
            }
            case "undefine" -> {
                live(n).persistent = false;
                if (!n.active) {
                    networks.remove(n.name);
                }
                emit(new NetworkLifecycleEvent(network(n), NetworkLifecycleType.UNDEFINED, 0));
                yield null;
            }
            default -> throw VirtException.noSupport();
        });
    }

    StoragePool pool(Pool p) {
        return (StoragePool) handle(StoragePool.class, p.name, (m, args) -> switch (m) {
            case "getName" -> p.name;
            case "getUUID" -> p.uuid;
            case "getUUIDString" -> p.uuid.toString();
            case "getInfo" -> new StoragePoolInfo(live(p).active ? StoragePoolState.RUNNING
                    : StoragePoolState.INACTIVE, 100L << 30, p.volumes.size() << 20, (100L << 30)
                            - (p.volumes.size() << 20));
            case "isActive" -> live(p).active;
            case "isPersistent" -> live(p).persistent;
            case "listAllVolumes" -> live(p).volumes.stream().map(v -> (StorageVol) handle(StorageVol.class, v,
                    (vm, va) -> switch (vm) {
                        case "getName" -> v;
                        default -> throw VirtException.noSupport();
                    })).toList();
            case "getXMLDesc" -> "<pool type='dir'><name>" + p.name + "</name></pool>";
            case "create" -> {
                live(p).active = true;
                emit(new StoragePoolLifecycleEvent(pool(p), StoragePoolLifecycleType.STARTED, 0));
                yield null;
            }
            case "destroy" -> {
                live(p).active = false;
                if (!p.persistent) {
                    pools.remove(p.name);
                }
                emit(new StoragePoolLifecycleEvent(pool(p), StoragePoolLifecycleType.STOPPED, 0));
                yield null;
            }
            case "refresh" -> {
                live(p);
                emit(new StoragePoolRefreshEvent(pool(p)));
                yield null;
            }
            default -> throw VirtException.noSupport();
        });
    }

    private <T> T live(T object) {
        boolean there = object instanceof Net n ? networks.get(n.name) == n : pools.get(((Pool) object).name) == object;
        if (!there) {
            throw object instanceof Net ? new VirtException(ErrorCode.NO_NETWORK, ErrorDomain.NETWORK, "gone")
                    : new VirtException(ErrorCode.NO_STORAGE_POOL, ErrorDomain.STORAGE, "gone");
        }
        return object;
    }

    @FunctionalInterface
    private interface Calls {
        Object call(String method, Object[] args);
    }

    private Object handle(Class<?> type, String name, Calls calls) {
        InvocationHandler h = (proxy, m, args) -> switch (m.getName()) {
            case "getConnect" -> connect;
            case "toString" -> type.getSimpleName() + "[" + name + "]";
            case "hashCode" -> Objects.hash(type, name);
            case "equals" -> args[0] != null && Proxy.isProxyClass(args[0].getClass())
                    && args[0].toString().equals(proxy.toString());
            default -> calls.call(m.getName(), args);
        };
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, h);
    }
}
