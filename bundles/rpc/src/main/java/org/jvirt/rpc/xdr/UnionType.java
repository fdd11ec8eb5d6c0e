package org.jvirt.rpc.xdr;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jvirt.rpc.ProtocolException;

/**
 * An XDR discriminated union whose arms are records implementing one interface: the discriminant is found from
 * the value's class when writing and picks the arm's struct codec when reading. An unknown discriminant on the
 * wire is a protocol error (the protocol's unions have no default arm).
 */
public final class UnionType<U> implements XdrType<U> {
    private final String name;
    private final Class<U> base;
    private final Map<Integer, StructType<?>> byDiscriminant = new HashMap<>();
    private final ClassValue<Integer> discriminantOf;
    private final int[] discriminants;
    private final int minSize;

    /** One arm: a discriminant value and the record that carries its data. */
    public static final class Arm<U> {
        final int discriminant;
        final Class<? extends U> record;
        final XdrType<?>[] fields;

        Arm(int discriminant, Class<? extends U> record, XdrType<?>... fields) {
            this.discriminant = discriminant;
            this.record = record;
            this.fields = fields;
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    UnionType(String name, Class<U> base, List<Arm<? extends U>> arms) {
        this.name = name;
        this.base = base;
        Map<Class<?>, Integer> classes = new HashMap<>();
        int min = Integer.MAX_VALUE;
        for (Arm<? extends U> arm : arms) {
            StructType<?> codec = new StructType(Xdr.lookupFor(arm.record), (Class) arm.record, arm.fields);
            if (byDiscriminant.put(arm.discriminant, codec) != null) {
                throw new IllegalArgumentException(name + ": discriminant " + arm.discriminant + " declared twice");
            }
            classes.put(arm.record, arm.discriminant);
            min = Math.min(min, codec.minSize());
        }
        this.discriminants = arms.stream().mapToInt(a -> a.discriminant).sorted().toArray();
        this.minSize = 4 + (arms.isEmpty() ? 0 : min);
        this.discriminantOf = new ClassValue<>() {
            @Override
            protected Integer computeValue(Class<?> type) {
                return classes.get(type);
            }
        };
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void write(XdrWriter out, U value) {
        Integer d = value == null ? null : discriminantOf.get(value.getClass());
        if (d == null) {
            throw new ProtocolException("union " + name + " has no arm for " + value);
        }
        out.writeInt(d);
        ((StructType) byDiscriminant.get(d)).write(out, (Record) value);
    }

    @Override
    public U read(XdrReader in) {
        int d = in.readInt();
        StructType<?> arm = byDiscriminant.get(d);
        if (arm == null) {
            throw new ProtocolException("union " + name + " has no arm for discriminant " + d);
        }
        return base.cast(arm.read(in));
    }

    @Override
    public int minSize() {
        return minSize;
    }

    @Override
    public Class<?> javaType() {
        return base;
    }

    @Override
    public String describe() {
        return "union " + name + " { " + byDiscriminant.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue().describe()).collect(Collectors.joining("; ")) + " }";
    }

    @Override
    public Kind kind() {
        return Kind.UNION;
    }

    @Override
    public int[] values() {
        return discriminants.clone();
    }

    @Override
    public XdrType<?> arm(int discriminant) {
        return byDiscriminant.get(discriminant);
    }
}
