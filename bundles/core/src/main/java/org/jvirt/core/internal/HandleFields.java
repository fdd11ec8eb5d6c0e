package org.jvirt.core.internal;

import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import org.jvirt.api.Domain;
import org.jvirt.api.DomainCheckpoint;
import org.jvirt.api.DomainSnapshot;
import org.jvirt.api.Interface;
import org.jvirt.api.NWFilter;
import org.jvirt.api.NWFilterBinding;
import org.jvirt.api.Network;
import org.jvirt.api.NetworkPort;
import org.jvirt.api.NodeDevice;
import org.jvirt.api.Secret;
import org.jvirt.api.StoragePool;
import org.jvirt.api.StorageVol;

/**
 * The getters libvirt answers from the object handle itself (the virDomain, virNetwork, … struct filled when the
 * object was looked up), checking nothing but the handle and calling no driver: names, UUIDs, ids, keys, MACs. The
 * platform's handles answer them straight from the driver's object, without the checks and routing of other calls.
 */
final class HandleFields {
    private static final Map<Method, Function<Object, Object>> GETTERS = new HashMap<>();

    static {
        field(Domain.class, "getName", Domain::getName);
        field(Domain.class, "getUUID", Domain::getUUID);
        field(Domain.class, "getUUIDString", Domain::getUUIDString);
        field(Domain.class, "getID", Domain::getID);
        field(DomainSnapshot.class, "getName", DomainSnapshot::getName);
        field(DomainCheckpoint.class, "getName", DomainCheckpoint::getName);
        field(Network.class, "getName", Network::getName);
        field(Network.class, "getUUID", Network::getUUID);
        field(Network.class, "getUUIDString", Network::getUUIDString);
        field(NetworkPort.class, "getUUID", NetworkPort::getUUID);
        field(NetworkPort.class, "getUUIDString", NetworkPort::getUUIDString);
        field(StoragePool.class, "getName", StoragePool::getName);
        field(StoragePool.class, "getUUID", StoragePool::getUUID);
        field(StoragePool.class, "getUUIDString", StoragePool::getUUIDString);
        field(StorageVol.class, "getName", StorageVol::getName);
        field(StorageVol.class, "getKey", StorageVol::getKey);
        field(NodeDevice.class, "getName", NodeDevice::getName);
        field(Interface.class, "getName", Interface::getName);
        field(Interface.class, "getMACString", Interface::getMACString);
        field(NWFilter.class, "getName", NWFilter::getName);
        field(NWFilter.class, "getUUID", NWFilter::getUUID);
        field(NWFilter.class, "getUUIDString", NWFilter::getUUIDString);
        field(NWFilterBinding.class, "getPortDev", NWFilterBinding::getPortDev);
        field(NWFilterBinding.class, "getFilterName", NWFilterBinding::getFilterName);
        field(Secret.class, "getUUID", Secret::getUUID);
        field(Secret.class, "getUUIDString", Secret::getUUIDString);
        field(Secret.class, "getUsageType", Secret::getUsageType);
        field(Secret.class, "getUsageID", Secret::getUsageID);
    }

    private HandleFields() {
    }

    private static <T> void field(Class<T> type, String name, Function<T, Object> getter) {
        try {
            GETTERS.put(type.getMethod(name), o -> getter.apply(type.cast(o)));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("the API has no " + type.getSimpleName() + "." + name, e);
        }
    }

    /** How to read {@code method}'s answer from a driver's object, or null when it is not a handle field. */
    static Function<Object, Object> getter(Method method) {
        return GETTERS.get(method);
    }

    /** The methods answered from the handle. */
    static java.util.Set<Method> methods() {
        return java.util.Set.copyOf(GETTERS.keySet());
    }
}
