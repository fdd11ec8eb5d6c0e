package org.jvirt.core.internal;

import java.lang.reflect.Method;
import java.util.Set;

import org.jvirt.api.Connect;
import org.jvirt.api.ConnectNetworks;
import org.jvirt.api.ConnectNodeDevices;
import org.jvirt.api.ConnectSecrets;
import org.jvirt.api.ConnectStorage;
import org.jvirt.api.Domain;
import org.jvirt.api.Network;
import org.jvirt.api.NodeDevice;
import org.jvirt.api.Secret;
import org.jvirt.api.StoragePool;
import org.jvirt.api.event.ConnectCloseListener;
import org.jvirt.api.event.DomainEventId;
import org.jvirt.api.event.DomainEventListener;
import org.jvirt.api.event.NetworkEventId;
import org.jvirt.api.event.NetworkEventListener;
import org.jvirt.api.event.NodeDeviceEventId;
import org.jvirt.api.event.NodeDeviceEventListener;
import org.jvirt.api.event.SecretEventId;
import org.jvirt.api.event.SecretEventListener;
import org.jvirt.api.event.StoragePoolEventId;
import org.jvirt.api.event.StoragePoolEventListener;
import org.jvirt.api.qemu.QemuMonitorEventListener;

/** The Connect methods the platform implements for every driver, as libvirt's library does: events and streams. */
final class PlatformMethods {
    static final Method NEW_STREAM = method(Connect.class, "newStream", Set.class);
    static final Method DOMAIN_REGISTER_ANY = method(Connect.class, "domainEventRegisterAny", Domain.class,
            DomainEventId.class, DomainEventListener.class);
    static final Method DOMAIN_DEREGISTER_ANY = method(Connect.class, "domainEventDeregisterAny", int.class);
    static final Method DOMAIN_REGISTER = method(Connect.class, "domainEventRegister", DomainEventListener.class);
    static final Method DOMAIN_DEREGISTER = method(Connect.class, "domainEventDeregister",
            DomainEventListener.class);
    static final Method NETWORK_REGISTER_ANY = method(ConnectNetworks.class, "networkEventRegisterAny",
            Network.class, NetworkEventId.class, NetworkEventListener.class);
    static final Method NETWORK_DEREGISTER_ANY = method(ConnectNetworks.class, "networkEventDeregisterAny",
            int.class);
    static final Method POOL_REGISTER_ANY = method(ConnectStorage.class, "storagePoolEventRegisterAny",
            StoragePool.class, StoragePoolEventId.class, StoragePoolEventListener.class);
    static final Method POOL_DEREGISTER_ANY = method(ConnectStorage.class, "storagePoolEventDeregisterAny",
            int.class);
    static final Method DEVICE_REGISTER_ANY = method(ConnectNodeDevices.class, "nodeDeviceEventRegisterAny",
            NodeDevice.class, NodeDeviceEventId.class, NodeDeviceEventListener.class);
    static final Method DEVICE_DEREGISTER_ANY = method(ConnectNodeDevices.class, "nodeDeviceEventDeregisterAny",
            int.class);
    static final Method SECRET_REGISTER_ANY = method(ConnectSecrets.class, "secretEventRegisterAny", Secret.class,
            SecretEventId.class, SecretEventListener.class);
    static final Method SECRET_DEREGISTER_ANY = method(ConnectSecrets.class, "secretEventDeregisterAny",
            int.class);
    static final Method CLOSE_REGISTER = method(Connect.class, "registerCloseCallback",
            ConnectCloseListener.class);
    static final Method CLOSE_UNREGISTER = method(Connect.class, "unregisterCloseCallback",
            ConnectCloseListener.class);
    static final Method QEMU_REGISTER = method(Connect.class, "domainQemuMonitorEventRegister", Domain.class,
            String.class, QemuMonitorEventListener.class, Set.class);
    static final Method QEMU_DEREGISTER = method(Connect.class, "domainQemuMonitorEventDeregister", int.class);

    private static final Set<Method> ALL = Set.of(NEW_STREAM, DOMAIN_REGISTER_ANY, DOMAIN_DEREGISTER_ANY,
            DOMAIN_REGISTER, DOMAIN_DEREGISTER, NETWORK_REGISTER_ANY, NETWORK_DEREGISTER_ANY, POOL_REGISTER_ANY,
            POOL_DEREGISTER_ANY, DEVICE_REGISTER_ANY, DEVICE_DEREGISTER_ANY, SECRET_REGISTER_ANY,
            SECRET_DEREGISTER_ANY, CLOSE_REGISTER, CLOSE_UNREGISTER, QEMU_REGISTER, QEMU_DEREGISTER);

    private PlatformMethods() {
    }

    static boolean isPlatform(Method m) {
        return ALL.contains(m);
    }

    static Method method(Class<?> type, String name, Class<?>... params) {
        try {
            return type.getMethod(name, params);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
