package org.jvirt.driver.remote.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

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
import org.jvirt.rpc.remote.RemoteProtocol.NonnullDomain;
import org.jvirt.rpc.remote.RemoteProtocol.NonnullDomainCheckpoint;
import org.jvirt.rpc.remote.RemoteProtocol.NonnullDomainSnapshot;
import org.jvirt.rpc.remote.RemoteProtocol.NonnullInterface;
import org.jvirt.rpc.remote.RemoteProtocol.NonnullNetwork;
import org.jvirt.rpc.remote.RemoteProtocol.NonnullNetworkPort;
import org.jvirt.rpc.remote.RemoteProtocol.NonnullNodeDevice;
import org.jvirt.rpc.remote.RemoteProtocol.NonnullNwfilter;
import org.jvirt.rpc.remote.RemoteProtocol.NonnullNwfilterBinding;
import org.jvirt.rpc.remote.RemoteProtocol.NonnullSecret;
import org.jvirt.rpc.remote.RemoteProtocol.NonnullStoragePool;
import org.jvirt.rpc.remote.RemoteProtocol.NonnullStorageVol;

/**
 * The objects of one remote connection: each API object is a proxy holding its wire identity
 * ({@code remote_nonnull_domain} …), as libvirt's client keeps a virDomainPtr made from the server's name, UUID
 * and id.
 */
final class WireObjects {
    private static final Map<Class<?>, Class<?>> API_OF = Map.ofEntries(
            Map.entry(NonnullDomain.class, Domain.class),
            Map.entry(NonnullNetwork.class, Network.class),
            Map.entry(NonnullNetworkPort.class, NetworkPort.class),
            Map.entry(NonnullStoragePool.class, StoragePool.class),
            Map.entry(NonnullStorageVol.class, StorageVol.class),
            Map.entry(NonnullNodeDevice.class, NodeDevice.class),
            Map.entry(NonnullInterface.class, Interface.class),
            Map.entry(NonnullNwfilter.class, NWFilter.class),
            Map.entry(NonnullNwfilterBinding.class, NWFilterBinding.class),
            Map.entry(NonnullSecret.class, Secret.class),
            Map.entry(NonnullDomainSnapshot.class, DomainSnapshot.class),
            Map.entry(NonnullDomainCheckpoint.class, DomainCheckpoint.class));

    private final RemoteSession session;

    WireObjects(RemoteSession session) {
        this.session = session;
    }

    static boolean isIdentity(Class<?> wire) {
        return API_OF.containsKey(wire);
    }

    /** The API interface whose objects a wire identity names. */
    static Class<?> apiTypeOf(Class<?> wire) {
        return API_OF.get(wire);
    }

    /** The API object for a wire identity. */
    Object apiObject(Object identity) {
        Class<?> api = API_OF.get(identity.getClass());
        return Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api},
                new RemoteHandle(session, api, (Record) identity));
    }

    /** The wire identity of an object of this connection, or null for anything else. */
    Object identityOf(Object apiObject) {
        if (apiObject != null && Proxy.isProxyClass(apiObject.getClass())
                && Proxy.getInvocationHandler(apiObject) instanceof RemoteHandle h && h.session() == session) {
            return h.identity();
        }
        return null;
    }
}
