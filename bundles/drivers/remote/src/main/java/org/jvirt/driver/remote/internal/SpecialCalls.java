package org.jvirt.driver.remote.internal;

import java.lang.reflect.Method;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.jvirt.api.Connect;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainStatsRecord;
import org.jvirt.api.NodeCPUMap;
import org.jvirt.rpc.remote.RemoteProtocol;
import org.jvirt.rpc.remote.RemoteProtocol.ConnectGetAllDomainStatsArgs;
import org.jvirt.rpc.remote.RemoteProtocol.ConnectGetAllDomainStatsRet;
import org.jvirt.rpc.remote.RemoteProtocol.NodeGetCpuMapArgs;
import org.jvirt.rpc.remote.RemoteProtocol.NodeGetCpuMapRet;
import org.jvirt.rpc.remote.RemoteProtocol.NonnullDomain;

/**
 * The calls libvirt's client answers itself, or shapes beyond a plain call: the URI it opened, closing, liveness,
 * whether the channel is encrypted or secure, keepalive.
 */
final class SpecialCalls {
    private SpecialCalls() {
    }

    /** A hand-written call. */
    @FunctionalInterface
    interface Call {
        Object call(RemoteSession session, RemoteHandle handle, Object proxy, Object[] args);
    }

    /** The hand-written call for {@code m} on an object of {@code kind}, or null. */
    static Call of(Class<?> kind, Method m) {
        int n = m.getParameterCount();
        if (kind == Domain.class) {
            return DomainCalls.of(m.getName() + "/" + n);
        }
        if (kind != Connect.class) {
            return null;
        }
        return switch (m.getName() + "/" + n) {
            case "nodeGetCPUMap/0" -> (s, h, p, a) -> {
                NodeGetCpuMapRet r = s.client().call(RemoteProtocol.NODE_GET_CPU_MAP, new NodeGetCpuMapArgs(1, 1, 0));
                return new NodeCPUMap(r.ret(), BitSet.valueOf(r.cpumap()));
            };
            case "getAllDomainStats/2" -> (s, h, p, a) -> stats(s, List.of(), a[0], a[1]);
            case "domainListGetStats/3" -> (s, h, p, a) -> {
                List<Object> doms = new ArrayList<>();
                for (Object d : (List<?>) a[0]) {
                    doms.add(s.values().toWire(d, NonnullDomain.class, NonnullDomain.class));
                }
                return stats(s, doms, a[1], a[2]);
            };
            case "domainCreateXMLWithFiles/3" -> (s, h, p, a) -> {
                RemoteProtocol.DomainCreateXmlWithFilesRet r = s.client().callWithFiles(
                        RemoteProtocol.DOMAIN_CREATE_XML_WITH_FILES,
                        new RemoteProtocol.DomainCreateXmlWithFilesArgs((String) a[0], flagBits(a[2])),
                        files(s, a[1]));
                return s.objects().apiObject(r.dom());
            };
            case "getURI/0" -> (s, h, p, a) -> s.uri();
            case "close/0" -> (s, h, p, a) -> {
                s.close();
                return null;
            };
            case "isAlive/0" -> (s, h, p, a) -> s.client().isOpen();
            case "isEncrypted/0" -> (s, h, p, a) -> encrypted(s) && serverSecure(s);
            case "isSecure/0" -> (s, h, p, a) -> secureChannel(s) && serverSecure(s);
            case "setKeepAlive/2" -> (s, h, p, a) -> {
                if (!s.keepaliveOn()) {
                    return false;
                }
                s.client().startKeepalive((Integer) a[0], (Integer) a[1]);
                return true;
            };
            default -> null;
        };
    }

    /**
     * The open files an API call hands over (none when null). libvirt's library asks the connection whether it
     * passes files before a call with some (VIR_DRV_FEATURE_FD_PASSING, asked of the server each time), and refuses
     * in the library's words when the server says no.
     */
    @SuppressWarnings("unchecked")
    static List<java.io.FileDescriptor> files(RemoteSession s, Object files) {
        List<java.io.FileDescriptor> list = files == null ? List.of() : (List<java.io.FileDescriptor>) files;
        if (!list.isEmpty() && !s.supportsFeature(org.jvirt.rpc.remote.RemoteFeatures.FD_PASSING)) {
            throw new org.jvirt.api.VirtException(org.jvirt.api.ErrorCode.ARGUMENT_UNSUPPORTED,
                    org.jvirt.api.ErrorDomain.DOMAIN, "fd passing is not supported by this connection");
        }
        return list;
    }

    /** A set of flags as their bits (none when null). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static int flagBits(Object flags) {
        return flags == null ? 0 : org.jvirt.api.VirFlag.toBits((java.util.Set) flags);
    }

    /** Statistics of the given domains (none: all that the flags select), in the groups asked for. */
    @SuppressWarnings("unchecked")
    private static Object stats(RemoteSession s, List<Object> doms, Object stats, Object flags) {
        int groups = (Integer) s.values().toWire(stats, int.class, int.class);
        int f = (Integer) s.values().toWire(flags, int.class, int.class);
        ConnectGetAllDomainStatsRet r = s.client().call(RemoteProtocol.CONNECT_GET_ALL_DOMAIN_STATS,
                new ConnectGetAllDomainStatsArgs((List<NonnullDomain>) (List<?>) doms, groups, f));
        List<DomainStatsRecord> out = new ArrayList<>(r.retStats().size());
        for (RemoteProtocol.DomainStatsRecord rec : r.retStats()) {
            out.add(new DomainStatsRecord((Domain) s.objects().apiObject(rec.dom()),
                    WireValues.typedParameters(rec.params())));
        }
        return out;
    }

    /**
     * Encrypted on our side: TLS, or a SASL session (libvirt's client counts any, as it keeps the session even
     * without a layer); ssh's encryption is the ssh client's, which libvirt does not count.
     */
    private static boolean encrypted(RemoteSession s) {
        return s.remote().transport() == RemoteUri.Transport.TLS || s.sasl() != null;
    }

    /** A channel libvirt's client trusts: a local socket, TLS, ssh, or any under a SASL layer it accepted. */
    private static boolean secureChannel(RemoteSession s) {
        return s.secureTransport() || (s.sasl() != null && s.sasl().ssf() > 0);
    }

    /** Whether the server's side of the connection is secure (its own hypervisor channel). */
    private static boolean serverSecure(RemoteSession s) {
        return s.client().call(RemoteProtocol.CONNECT_IS_SECURE, null).secure() != 0;
    }
}
