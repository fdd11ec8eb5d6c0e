package org.jvirt.core.internal;

import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jvirt.api.Connect;
import org.jvirt.api.ConnectInterfaces;
import org.jvirt.api.ConnectNWFilters;
import org.jvirt.api.ConnectNetworks;
import org.jvirt.api.ConnectNodeDevices;
import org.jvirt.api.ConnectSecrets;
import org.jvirt.api.ConnectStorage;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainCheckpoint;
import org.jvirt.api.DomainSnapshot;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.Interface;
import org.jvirt.api.NWFilter;
import org.jvirt.api.NWFilterBinding;
import org.jvirt.api.Network;
import org.jvirt.api.NetworkPort;
import org.jvirt.api.NodeDevice;
import org.jvirt.api.Secret;
import org.jvirt.api.StoragePool;
import org.jvirt.api.StorageVol;
import org.jvirt.api.Stream;

/**
 * The API's object kinds as the platform treats them: which interfaces are handles the platform wraps, which getters
 * identify a handle (its equality within a connection), and the error domain libvirt reports each kind's failures
 * in (VIR_FROM_THIS of its libvirt-*.c).
 */
final class ApiKinds {

    /** An object kind: its interface and the getters whose values identify one object of it. */
    record Kind(Class<?> type, List<String> identity, ErrorDomain errorDomain) {
    }

    private static final Map<Class<?>, Kind> OBJECTS = new LinkedHashMap<>();
    private static final Map<Class<?>, ErrorDomain> DOMAINS = new LinkedHashMap<>();

    private static void object(Class<?> type, ErrorDomain domain, String... identity) {
        OBJECTS.put(type, new Kind(type, List.of(identity), domain));
        DOMAINS.put(type, domain);
    }

    static {
        object(Domain.class, ErrorDomain.DOMAIN, "getUUID");
        object(DomainSnapshot.class, ErrorDomain.DOMAIN_SNAPSHOT, "getDomain", "getName");
        object(DomainCheckpoint.class, ErrorDomain.DOMAIN_CHECKPOINT, "getDomain", "getName");
        object(Network.class, ErrorDomain.NETWORK, "getUUID");
        object(NetworkPort.class, ErrorDomain.NETWORK, "getUUID");
        object(StoragePool.class, ErrorDomain.STORAGE, "getUUID");
        object(StorageVol.class, ErrorDomain.STORAGE, "getKey");
        object(NodeDevice.class, ErrorDomain.NODEDEV, "getName");
        object(Interface.class, ErrorDomain.INTERFACE, "getName");
        object(NWFilter.class, ErrorDomain.NWFILTER, "getUUID");
        object(NWFilterBinding.class, ErrorDomain.NWFILTER, "getPortDev");
        object(Secret.class, ErrorDomain.SECRET, "getUUID");
        object(Stream.class, ErrorDomain.STREAMS);
        DOMAINS.put(Connect.class, ErrorDomain.DOMAIN);
        DOMAINS.put(ConnectNetworks.class, ErrorDomain.NETWORK);
        DOMAINS.put(ConnectStorage.class, ErrorDomain.STORAGE);
        DOMAINS.put(ConnectNodeDevices.class, ErrorDomain.NODEDEV);
        DOMAINS.put(ConnectInterfaces.class, ErrorDomain.INTERFACE);
        DOMAINS.put(ConnectNWFilters.class, ErrorDomain.NWFILTER);
        DOMAINS.put(ConnectSecrets.class, ErrorDomain.SECRET);
    }

    private ApiKinds() {
    }

    /** The kind of a driver object, or null when {@code o} is not an API object (nor a Connect). */
    static Kind kindOf(Object o) {
        if (o == null) {
            return null;
        }
        for (Kind k : OBJECTS.values()) {
            if (k.type.isInstance(o)) {
                return k;
            }
        }
        return null;
    }

    static Kind kind(Class<?> type) {
        return OBJECTS.get(type);
    }

    static boolean isObjectType(Class<?> type) {
        return OBJECTS.containsKey(type) || type == Connect.class;
    }

    /** The error domain of a method, from the interface declaring it. */
    static ErrorDomain errorDomain(Method m) {
        ErrorDomain d = DOMAINS.get(m.getDeclaringClass());
        return d != null ? d : ErrorDomain.NONE;
    }
}
