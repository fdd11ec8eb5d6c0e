package org.jvirt.driver.remote.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.Objects;

import org.jvirt.api.Connect;
import org.jvirt.api.SecretUsageType;
import org.jvirt.api.VirtException;
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
 * One remote object (or the connection itself, with no identity): what a handle knows locally (name, UUID, id,
 * key …) is answered from its wire identity; every other method goes over the wire by its {@link CallPlan}, or by
 * a hand-written call in {@link SpecialCalls}; a method with neither fails with NO_SUPPORT, or runs its default
 * body when it is a convenience built on others.
 */
final class RemoteHandle implements InvocationHandler {
    private final RemoteSession session;
    private final Class<?> kind;
    private volatile Record identity;

    RemoteHandle(RemoteSession session, Class<?> kind, Record identity) {
        this.session = session;
        this.kind = kind;
        this.identity = identity;
    }

    RemoteSession session() {
        return session;
    }

    Record identity() {
        return identity;
    }

    /** A domain's id changes when it starts or stops, as libvirt's client updates its virDomainPtr. */
    void identity(Record changed) {
        identity = changed;
    }

    Class<?> kind() {
        return kind;
    }

    @Override
    public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
        if (m.getDeclaringClass() == Object.class) {
            return switch (m.getName()) {
                case "equals" -> args[0] != null && Proxy.isProxyClass(args[0].getClass())
                        && Proxy.getInvocationHandler(args[0]) instanceof RemoteHandle o && o.session == session
                        && o.kind == kind && Objects.equals(key(), o.key());
                case "hashCode" -> Objects.hashCode(key());
                case "toString" -> kind.getSimpleName() + "[" + key() + " on " + session.uri() + "]";
                default -> throw new IllegalStateException(m.toString());
            };
        }
        Object local = local(m.getName(), args);
        if (local != NOT_LOCAL) {
            return local;
        }
        SpecialCalls.Call special = SpecialCalls.of(kind, m);
        if (special != null) {
            return special.call(session, this, proxy, args);
        }
        java.util.Optional<CallPlan> plan = CallPlan.of(m, kind);
        if (plan.isPresent()) {
            return session.execute(plan.get(), this, args);
        }
        if (m.isDefault()) {
            return InvocationHandler.invokeDefault(proxy, m, args);
        }
        throw VirtException.noSupport();
    }

    private static final Object NOT_LOCAL = new Object();

    /** What libvirt's client answers from the handle itself, without a call. */
    private Object local(String method, Object[] args) {
        if (args != null && args.length > 0) {
            return NOT_LOCAL;
        }
        if (method.equals("getConnect")) {
            return session.connect();
        }
        Record id = identity;
        if (id instanceof NonnullDomain d) {
            return switch (method) {
                case "getName" -> d.name();
                case "getUUID" -> WireValues.uuid(d.uuid());
                case "getID" -> d.id();
                default -> NOT_LOCAL;
            };
        }
        if (id instanceof NonnullNetwork n) {
            return switch (method) {
                case "getName" -> n.name();
                case "getUUID" -> WireValues.uuid(n.uuid());
                default -> NOT_LOCAL;
            };
        }
        if (id instanceof NonnullNetworkPort p) {
            return switch (method) {
                case "getUUID" -> WireValues.uuid(p.uuid());
                case "getNetwork" -> session.objects().apiObject(p.net());
                default -> NOT_LOCAL;
            };
        }
        if (id instanceof NonnullStoragePool p) {
            return switch (method) {
                case "getName" -> p.name();
                case "getUUID" -> WireValues.uuid(p.uuid());
                default -> NOT_LOCAL;
            };
        }
        if (id instanceof NonnullStorageVol v) {
            return switch (method) {
                case "getName" -> v.name();
                case "getKey" -> v.key();
                default -> NOT_LOCAL;
            };
        }
        if (id instanceof NonnullNodeDevice d) {
            return method.equals("getName") ? d.name() : NOT_LOCAL;
        }
        if (id instanceof NonnullInterface i) {
            return switch (method) {
                case "getName" -> i.name();
                case "getMACString" -> i.mac();
                default -> NOT_LOCAL;
            };
        }
        if (id instanceof NonnullNwfilter f) {
            return switch (method) {
                case "getName" -> f.name();
                case "getUUID" -> WireValues.uuid(f.uuid());
                default -> NOT_LOCAL;
            };
        }
        if (id instanceof NonnullNwfilterBinding b) {
            return switch (method) {
                case "getPortDev" -> b.portdev();
                case "getFilterName" -> b.filtername();
                default -> NOT_LOCAL;
            };
        }
        if (id instanceof NonnullSecret s) {
            return switch (method) {
                case "getUUID" -> WireValues.uuid(s.uuid());
                case "getUsageType" -> SecretUsageType.fromValue(s.usageType());
                case "getUsageID" -> s.usageID();
                default -> NOT_LOCAL;
            };
        }
        if (id instanceof NonnullDomainSnapshot s) {
            return switch (method) {
                case "getName" -> s.name();
                case "getDomain" -> session.objects().apiObject(s.dom());
                default -> NOT_LOCAL;
            };
        }
        if (id instanceof NonnullDomainCheckpoint c) {
            return switch (method) {
                case "getName" -> c.name();
                case "getDomain" -> session.objects().apiObject(c.dom());
                default -> NOT_LOCAL;
            };
        }
        return NOT_LOCAL;
    }

    /** What makes two handles name the same object: the UUID where there is one, else the name(s). */
    private Object key() {
        Record id = identity;
        if (id == null) {
            return session;
        }
        if (id instanceof NonnullDomain d) {
            return Arrays.toString(d.uuid());
        }
        if (id instanceof NonnullNetwork n) {
            return Arrays.toString(n.uuid());
        }
        if (id instanceof NonnullNetworkPort p) {
            return Arrays.toString(p.uuid());
        }
        if (id instanceof NonnullStoragePool p) {
            return Arrays.toString(p.uuid());
        }
        if (id instanceof NonnullNwfilter f) {
            return Arrays.toString(f.uuid());
        }
        if (id instanceof NonnullSecret s) {
            return Arrays.toString(s.uuid());
        }
        if (id instanceof NonnullStorageVol v) {
            return v.key();
        }
        if (id instanceof NonnullDomainSnapshot s) {
            return s.name() + "@" + Arrays.toString(s.dom().uuid());
        }
        if (id instanceof NonnullDomainCheckpoint c) {
            return c.name() + "@" + Arrays.toString(c.dom().uuid());
        }
        return id.toString();
    }

    static boolean isConnect(Class<?> kind) {
        return kind == Connect.class;
    }
}
