package org.jvirt.daemon.internal;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.UUID;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainCheckpoint;
import org.jvirt.api.DomainSnapshot;
import org.jvirt.api.ErrorCode;
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
import org.jvirt.api.TypedParameter;
import org.jvirt.api.TypedParameterType;
import org.jvirt.api.TypedParameters;
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
import org.jvirt.rpc.remote.RemoteProtocol.TypedParam;
import org.jvirt.rpc.remote.RemoteProtocol.TypedParamValue;

/** Conversions between the API's values and the wire's records (libvirt's make_nonnull_* and typed params). */
final class Wire {
    private Wire() {
    }

    /** VIR_TYPED_PARAM_STRING_OKAY: the client takes string parameters (a flag of every typed-parameter getter). */
    static final int STRING_OKAY = 1 << 2;

    /** A UUID's two halves in a byte array, most significant byte first (as the wire and RFC 4122 have them). */
    private static final java.lang.invoke.VarHandle UUIDS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            long[].class, java.nio.ByteOrder.BIG_ENDIAN);

    static byte[] bytes(UUID uuid) {
        byte[] out = new byte[16];
        UUIDS.set(out, 0, uuid.getMostSignificantBits());
        UUIDS.set(out, 8, uuid.getLeastSignificantBits());
        return out;
    }

    static UUID uuid(byte[] bytes) {
        return new UUID((long) UUIDS.get(bytes, 0), (long) UUIDS.get(bytes, 8));
    }

    static NonnullDomain dom(Domain d) {
        return new NonnullDomain(d.getName(), bytes(d.getUUID()), d.getID());
    }

    static List<NonnullDomain> doms(List<Domain> list) {
        List<NonnullDomain> out = new ArrayList<>(list.size());
        for (Domain d : list) {
            out.add(dom(d));
        }
        return out;
    }

    static NonnullNetwork net(Network n) {
        return new NonnullNetwork(n.getName(), bytes(n.getUUID()));
    }

    static NonnullNetworkPort port(NetworkPort p) {
        return new NonnullNetworkPort(net(p.getNetwork()), bytes(p.getUUID()));
    }

    static NonnullStoragePool pool(StoragePool p) {
        return new NonnullStoragePool(p.getName(), bytes(p.getUUID()));
    }

    static NonnullStorageVol vol(StorageVol v) {
        return new NonnullStorageVol(v.storagePoolLookupByVolume().getName(), v.getName(), v.getKey());
    }

    static NonnullNodeDevice dev(NodeDevice d) {
        return new NonnullNodeDevice(d.getName());
    }

    static NonnullInterface iface(Interface i) {
        return new NonnullInterface(i.getName(), i.getMACString());
    }

    static NonnullSecret secret(Secret s) {
        return new NonnullSecret(bytes(s.getUUID()), s.getUsageType().value(), s.getUsageID());
    }

    static NonnullNwfilter nwfilter(NWFilter f) {
        return new NonnullNwfilter(f.getName(), bytes(f.getUUID()));
    }

    static NonnullNwfilterBinding binding(NWFilterBinding b) {
        return new NonnullNwfilterBinding(b.getPortDev(), b.getFilterName());
    }

    static NonnullDomainSnapshot snapshot(DomainSnapshot s) {
        return new NonnullDomainSnapshot(s.getName(), dom(s.getDomain()));
    }

    static NonnullDomainCheckpoint checkpoint(DomainCheckpoint c) {
        return new NonnullDomainCheckpoint(c.getName(), dom(c.getDomain()));
    }

    static <T, W> List<W> map(List<T> in, java.util.function.Function<T, W> f) {
        List<W> out = new ArrayList<>(in.size());
        for (T t : in) {
            out.add(f.apply(t));
        }
        return out;
    }

    // ---- typed parameters

    /** The wire form; string parameters only when the client said it takes them. */
    static List<TypedParam> params(TypedParameters params, boolean strings) {
        List<TypedParam> out = new ArrayList<>(params.size());
        for (TypedParameter p : params) {
            if (p.type() == TypedParameterType.STRING && !strings) {
                continue;
            }
            out.add(new TypedParam(p.field(), value(p)));
        }
        return out;
    }

    static List<TypedParam> params(TypedParameters params) {
        return params(params, true);
    }

    private static TypedParamValue value(TypedParameter p) {
        return switch (p.type()) {
            case INT -> new TypedParamValue.IntValue((Integer) p.value());
            case UINT -> new TypedParamValue.UintValue((int) (long) (Long) p.value());
            case LLONG -> new TypedParamValue.LlongValue((Long) p.value());
            case ULLONG -> new TypedParamValue.UllongValue((Long) p.value());
            case DOUBLE -> new TypedParamValue.DoubleValue((Double) p.value());
            case BOOLEAN -> new TypedParamValue.BooleanValue((Boolean) p.value() ? 1 : 0);
            case STRING -> new TypedParamValue.StringValue((String) p.value());
        };
    }

    /** The API form of what a client sent; a bad one fails as libvirt's deserialisation does. */
    static TypedParameters params(List<TypedParam> wire) {
        TypedParameters.Builder b = TypedParameters.builder();
        for (TypedParam p : wire) {
            TypedParamValue v = p.value();
            TypedParameter t;
            if (v instanceof TypedParamValue.IntValue i) {
                t = TypedParameter.ofInt(p.field(), i.i());
            } else if (v instanceof TypedParamValue.UintValue u) {
                t = TypedParameter.ofUInt(p.field(), Integer.toUnsignedLong(u.ui()));
            } else if (v instanceof TypedParamValue.LlongValue l) {
                t = TypedParameter.ofLLong(p.field(), l.l());
            } else if (v instanceof TypedParamValue.UllongValue u) {
                t = TypedParameter.ofULLong(p.field(), u.ul());
            } else if (v instanceof TypedParamValue.DoubleValue d) {
                t = TypedParameter.ofDouble(p.field(), d.d());
            } else if (v instanceof TypedParamValue.BooleanValue bo) {
                t = TypedParameter.ofBoolean(p.field(), bo.b() != 0);
            } else {
                t = TypedParameter.ofString(p.field(), ((TypedParamValue.StringValue) v).s());
            }
            b.add(t);
        }
        return b.build();
    }

    // ---- CPU maps: libvirt's bytes, lowest CPU in the lowest bit of the first byte

    static byte[] cpumap(BitSet cpus, int maplen) {
        byte[] out = new byte[maplen];
        for (int i = cpus.nextSetBit(0); i >= 0 && i < maplen * 8; i = cpus.nextSetBit(i + 1)) {
            out[i / 8] |= (byte) (1 << (i % 8));
        }
        return out;
    }

    static BitSet cpumap(byte[] map) {
        return BitSet.valueOf(map);
    }

    /** Checks libvirt's nparams argument of the two-call typed-parameter getters. */
    static void checkNparams(int nparams, int max) {
        if (nparams < 0) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC, "nparams must be non-negative");
        }
        if (nparams > max) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC, "nparams too large");
        }
    }
}
