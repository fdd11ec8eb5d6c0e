package org.jvirt.daemon.probe;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jvirt.rpc.remote.RemoteProtocol;
import org.jvirt.rpc.xdr.XdrType;

/**
 * Arguments for any procedure that name the objects of the test driver's default state (the domain "test", the
 * network "default" …) and are otherwise empty: zeros, empty strings and lists, absent optionals. Fields named
 * {@code flags} can be set to all ones, to find the calls that a read-only connection refuses only with some flag.
 */
public final class BenignArgs {
    private final Map<Class<?>, Object> objects;
    private final int flags;
    private final boolean filled;

    /** Objects by their wire record class (NonnullDomain …); {@code flags} for every field named "flags". */
    public BenignArgs(Map<Class<?>, Object> objects, int flags) {
        this(objects, flags, false);
    }

    /**
     * As above; {@code filled} gives ones, "x", one-element lists and present optionals instead of zeros and
     * empties, to get past the argument checks libvirt makes before its read-only check.
     */
    public BenignArgs(Map<Class<?>, Object> objects, int flags, boolean filled) {
        this.objects = objects;
        this.flags = flags;
        this.filled = filled;
    }

    /** The test driver's default objects, as libvirt's test:///default and jvirt's have them. */
    public static Map<Class<?>, Object> testDriverObjects(byte[] domainUuid) {
        byte[] zero = new byte[16];
        RemoteProtocol.NonnullDomain dom = new RemoteProtocol.NonnullDomain("test", domainUuid, 1);
        RemoteProtocol.NonnullNetwork net = new RemoteProtocol.NonnullNetwork("default", zero);
        return Map.ofEntries(
                Map.entry(RemoteProtocol.NonnullDomain.class, dom),
                Map.entry(RemoteProtocol.NonnullNetwork.class, net),
                Map.entry(RemoteProtocol.NonnullNetworkPort.class, new RemoteProtocol.NonnullNetworkPort(net, zero)),
                Map.entry(RemoteProtocol.NonnullStoragePool.class,
                        new RemoteProtocol.NonnullStoragePool("default-pool", zero)),
                Map.entry(RemoteProtocol.NonnullStorageVol.class,
                        new RemoteProtocol.NonnullStorageVol("default-pool", "vol", "/default-pool/vol")),
                Map.entry(RemoteProtocol.NonnullInterface.class,
                        new RemoteProtocol.NonnullInterface("eth1", "aa:bb:cc:dd:ee:ff")),
                Map.entry(RemoteProtocol.NonnullNodeDevice.class, new RemoteProtocol.NonnullNodeDevice("computer")),
                Map.entry(RemoteProtocol.NonnullSecret.class, new RemoteProtocol.NonnullSecret(zero, 0, "")),
                Map.entry(RemoteProtocol.NonnullNwfilter.class, new RemoteProtocol.NonnullNwfilter("none", zero)),
                Map.entry(RemoteProtocol.NonnullNwfilterBinding.class,
                        new RemoteProtocol.NonnullNwfilterBinding("vnet0", "none")),
                Map.entry(RemoteProtocol.NonnullDomainSnapshot.class,
                        new RemoteProtocol.NonnullDomainSnapshot("snap", dom)),
                Map.entry(RemoteProtocol.NonnullDomainCheckpoint.class,
                        new RemoteProtocol.NonnullDomainCheckpoint("check", dom)));
    }

    /** A value of {@code type}. */
    public Object of(XdrType<?> type) {
        return value(type, null);
    }

    private Object value(XdrType<?> type, String fieldName) {
        return switch (type.kind()) {
            case VOID -> null;
            case INT -> "flags".equals(fieldName) ? flags : filled ? 1 : 0;
            case ENUM -> type.values()[0];
            case HYPER -> filled ? 1L : 0L;
            case BOOL -> filled;
            case FLOAT -> 0f;
            case DOUBLE -> 0d;
            case STRING -> filled ? "x" : "";
            case OPAQUE, CHARS -> filled ? new byte[] {1} : new byte[0];
            case FIXED_OPAQUE -> new byte[(int) type.bound()];
            case FIXED_CHARS -> new byte[(int) type.bound()];
            case INT_ARRAY -> filled ? new int[] {1} : new int[0];
            case HYPER_ARRAY -> filled ? new long[] {1} : new long[0];
            case ARRAY -> filled ? List.of(value(type.element(), null)) : List.of();
            case FIXED_ARRAY -> {
                List<Object> l = new ArrayList<>();
                for (int i = 0; i < type.bound(); i++) {
                    l.add(value(type.element(), null));
                }
                yield List.copyOf(l);
            }
            case OPTIONAL -> filled ? value(type.element(), fieldName) : null;
            case STRUCT -> struct(type);
            case UNION -> union(type);
        };
    }

    private Object struct(XdrType<?> type) {
        Class<?> record = type.javaType();
        Object known = objects.get(record);
        if (known != null) {
            return known;
        }
        RecordComponent[] components = record.getRecordComponents();
        List<XdrType<?>> fields = type.fields();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = value(fields.get(i), components[i].getName());
            types[i] = components[i].getType();
        }
        try {
            Constructor<?> c = record.getDeclaredConstructor(types);
            return c.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make a " + record, e);
        }
    }

    private Object union(XdrType<?> type) {
        return struct(type.arm(type.values()[0]));
    }

    /** A fresh random UUID's bytes. */
    public static byte[] randomUuid() {
        UUID u = UUID.randomUUID();
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(16);
        b.putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
        return b.array();
    }
}
