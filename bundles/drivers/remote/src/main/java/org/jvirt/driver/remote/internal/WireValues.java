package org.jvirt.driver.remote.internal;

import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jvirt.api.TypedParameter;
import org.jvirt.api.TypedParameterType;
import org.jvirt.api.TypedParameters;
import org.jvirt.api.VirEnum;
import org.jvirt.api.VirFlag;
import org.jvirt.rpc.remote.RemoteProtocol.TypedParam;
import org.jvirt.rpc.remote.RemoteProtocol.TypedParamValue;

/**
 * Converts between the API's Java values and the wire's: flags to masks, enums to numbers, UUIDs to 16 bytes, CPU
 * maps to bytes, typed parameters to {@code remote_typed_param}, objects to their wire identity, and wire records
 * to the API's records component by component. What cannot be converted is reported as {@link Unconvertible}.
 */
final class WireValues {
    private final WireObjects objects;

    WireValues(WireObjects objects) {
        this.objects = objects;
    }

    /** Thrown while planning or converting when a value has no wire form of the type asked. */
    static final class Unconvertible extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unconvertible(String what) {
            super(what, null, false, false);
        }
    }

    // ---- Java -> wire

    /** {@code value} as a wire value of {@code wire} (its generic form {@code wireGeneric}). */
    Object toWire(Object value, Class<?> wire, Type wireGeneric) {
        if (wire == String.class) {
            if (value == null || value instanceof String) {
                return value;
            }
            if (value instanceof UUID u) {
                return u.toString();
            }
            if (value instanceof VirEnum e) {
                throw new Unconvertible("enum to string " + e);
            }
        } else if (wire == int.class) {
            if (value instanceof Integer i) {
                return i;
            }
            if (value instanceof Boolean b) {
                return b ? 1 : 0;
            }
            if (value instanceof VirEnum e) {
                return e.value();
            }
            if (value instanceof Collection<?> c && c.stream().allMatch(VirFlag.class::isInstance)) {
                int bits = 0;
                for (Object f : c) {
                    bits |= ((VirFlag) f).value();
                }
                return bits;
            }
            if (value instanceof Long l) {
                return l.intValue();
            }
        } else if (wire == long.class) {
            if (value instanceof Long l) {
                return l;
            }
            if (value instanceof Integer i) {
                return i.longValue();
            }
        } else if (wire == double.class && value instanceof Double d) {
            return d;
        } else if (wire == byte[].class) {
            if (value instanceof UUID u) {
                return uuidBytes(u);
            }
            if (value instanceof byte[] b) {
                return b;
            }
            if (value instanceof BitSet bits) {
                return bits.toByteArray();
            }
        } else if (wire == int[].class && value instanceof int[] a) {
            return a;
        } else if (wire == long[].class && value instanceof long[] a) {
            return a;
        } else if (wire == List.class) {
            Class<?> element = elementClass(wireGeneric);
            if (value instanceof TypedParameters tp && element == TypedParam.class) {
                return typedParams(tp);
            }
            if (value == null) {
                return List.of();
            }
            if (value instanceof List<?> list) {
                List<Object> out = new ArrayList<>(list.size());
                for (Object o : list) {
                    out.add(toWire(o, element, element));
                }
                return out;
            }
        } else if (WireObjects.isIdentity(wire)) {
            if (value == null) {
                return null;
            }
            Object id = objects.identityOf(value);
            if (id != null && wire.isInstance(id)) {
                return id;
            }
        } else if (value != null && wire.isInstance(value)) {
            return value;
        }
        throw new Unconvertible((value == null ? "null" : value.getClass().getSimpleName()) + " to " + wire.getSimpleName());
    }

    /** Whether a Java parameter of {@code type} can fill a wire field of {@code wire}; for planning. */
    static boolean fits(Class<?> type, Class<?> wire, Type wireGeneric) {
        if (wire == String.class) {
            return type == String.class;
        }
        if (wire == int.class) {
            return type == int.class || type == boolean.class || VirEnum.class.isAssignableFrom(type)
                    || Set.class.isAssignableFrom(type);
        }
        if (wire == long.class) {
            return type == long.class || type == int.class;
        }
        if (wire == double.class) {
            return type == double.class;
        }
        if (wire == byte[].class) {
            return type == UUID.class || type == byte[].class || type == BitSet.class;
        }
        if (wire == int[].class || wire == long[].class) {
            return type == wire;
        }
        if (wire == List.class) {
            Class<?> element = elementClass(wireGeneric);
            if (element == TypedParam.class) {
                return type == TypedParameters.class;
            }
            return List.class.isAssignableFrom(type);
        }
        if (WireObjects.isIdentity(wire)) {
            return WireObjects.apiTypeOf(wire) == type;
        }
        return false;
    }

    static byte[] uuidBytes(UUID u) {
        return ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits())
                .array();
    }

    static UUID uuid(byte[] b) {
        ByteBuffer bb = ByteBuffer.wrap(b);
        return new UUID(bb.getLong(), bb.getLong());
    }

    static List<TypedParam> typedParams(TypedParameters params) {
        List<TypedParam> out = new ArrayList<>(params.size());
        for (TypedParameter p : params) {
            TypedParamValue v = switch (p.type()) {
                case INT -> new TypedParamValue.IntValue(p.intValue());
                case UINT -> new TypedParamValue.UintValue((int) p.longValue());
                case LLONG -> new TypedParamValue.LlongValue(p.longValue());
                case ULLONG -> new TypedParamValue.UllongValue(p.longValue());
                case DOUBLE -> new TypedParamValue.DoubleValue(p.doubleValue());
                case BOOLEAN -> new TypedParamValue.BooleanValue(p.booleanValue() ? 1 : 0);
                case STRING -> new TypedParamValue.StringValue(p.stringValue());
            };
            out.add(new TypedParam(p.field(), v));
        }
        return out;
    }

    static TypedParameters typedParameters(List<?> wire) {
        TypedParameters.Builder b = TypedParameters.builder();
        for (Object o : wire) {
            if (o instanceof TypedParam p) {
                b.add(typedParameter(p));
            } else if (o instanceof Record r && r.getClass().getRecordComponents().length == 2) {
                // node CPU and memory statistics: (field, unsigned long long value)
                Object[] v = components(r);
                b.add(new TypedParameter((String) v[0], TypedParameterType.ULLONG, v[1]));
            }
        }
        return b.build();
    }

    private static TypedParameter typedParameter(TypedParam p) {
        TypedParamValue v = p.value();
        if (v instanceof TypedParamValue.IntValue i) {
            return TypedParameter.ofInt(p.field(), i.i());
        }
        if (v instanceof TypedParamValue.UintValue u) {
            return TypedParameter.ofUInt(p.field(), Integer.toUnsignedLong(u.ui()));
        }
        if (v instanceof TypedParamValue.LlongValue l) {
            return TypedParameter.ofLLong(p.field(), l.l());
        }
        if (v instanceof TypedParamValue.UllongValue u) {
            return TypedParameter.ofULLong(p.field(), u.ul());
        }
        if (v instanceof TypedParamValue.DoubleValue d) {
            return TypedParameter.ofDouble(p.field(), d.d());
        }
        if (v instanceof TypedParamValue.BooleanValue b) {
            return TypedParameter.ofBoolean(p.field(), b.b() != 0);
        }
        return TypedParameter.ofString(p.field(), ((TypedParamValue.StringValue) v).s());
    }

    // ---- wire -> Java

    /** {@code wire} as a value of the API's {@code type}. */
    Object fromWire(Object wire, Type type) {
        Class<?> raw = rawClass(type);
        if (raw == void.class || raw == Void.class) {
            return null;
        }
        if (raw == Optional.class) {
            return Optional.ofNullable(wire == null ? null : fromWire(wire, typeArgument(type)));
        }
        if (raw == String.class) {
            if (wire == null || wire instanceof String) {
                return wire;
            }
            if (wire instanceof byte[] b) {
                return cString(b);
            }
        }
        if ((raw == int.class || raw == Integer.class) && wire instanceof Integer) {
            return wire;
        }
        if (raw == long.class || raw == Long.class) {
            if (wire instanceof Long) {
                return wire;
            }
            if (wire instanceof Integer i) {
                return Integer.toUnsignedLong(i);
            }
        }
        if ((raw == double.class || raw == Double.class) && wire instanceof Double) {
            return wire;
        }
        if ((raw == boolean.class || raw == Boolean.class) && wire instanceof Integer i) {
            return i != 0;
        }
        if (VirEnum.class.isAssignableFrom(raw) && raw.isEnum() && wire instanceof Integer i) {
            return enumValue(raw, i);
        }
        if (raw == Set.class && wire instanceof Integer i) {
            return flags(rawClass(typeArgument(type)), i);
        }
        if (raw == UUID.class && wire instanceof byte[] b) {
            return uuid(b);
        }
        if (raw == BitSet.class && wire instanceof byte[] b) {
            return BitSet.valueOf(b);
        }
        if (raw == byte[].class && wire instanceof byte[]) {
            return wire;
        }
        if ((raw == int[].class || raw == long[].class) && raw.isInstance(wire)) {
            return wire;
        }
        if (raw == TypedParameters.class && wire instanceof List<?> l) {
            return typedParameters(l);
        }
        if (raw == List.class && wire instanceof List<?> l) {
            Type element = typeArgument(type);
            List<Object> out = new ArrayList<>(l.size());
            for (Object o : l) {
                out.add(fromWire(o, element));
            }
            return out;
        }
        if (wire != null && WireObjects.isIdentity(wire.getClass()) && raw.isInterface()) {
            Object o = objects.apiObject(wire);
            if (raw.isInstance(o)) {
                return o;
            }
        }
        if (raw.isRecord() && wire instanceof Record r) {
            return record(raw, names(r.getClass()), components(r));
        }
        if (raw.isInstance(wire)) {
            return wire;
        }
        throw new Unconvertible((wire == null ? "null" : wire.getClass().getSimpleName()) + " to " + type.getTypeName());
    }

    /**
     * An API record made from wire fields named {@code names}: each component takes the field of its name (the
     * API's names may add a unit, {@code memoryKiB} for {@code memory}); when the names do not pair up one to one,
     * the fields are taken in order.
     */
    Object record(Class<?> type, String[] names, Object[] wire) {
        RecordFacts facts = RECORDS.get(type);
        if (facts.types.length != wire.length) {
            throw new Unconvertible(wire.length + " wire fields to " + type.getSimpleName() + "'s "
                    + facts.types.length);
        }
        int[] order = pairing(type, names);
        Object[] values = new Object[facts.types.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = fromWire(wire[order[i]], facts.genericTypes[i]);
        }
        try {
            return facts.constructor().newInstance(values);
        } catch (java.lang.reflect.InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new Unconvertible(type.getSimpleName() + ": " + e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new Unconvertible(type.getSimpleName() + ": " + e);
        }
    }

    /**
     * A record class's components and canonical constructor, looked up once: Class.getRecordComponents and
     * getDeclaredConstructor make new reflection objects on every call, and replies are read on every call.
     */
    private record RecordFacts(Class<?> type, String[] names, Class<?>[] types, Type[] genericTypes,
            java.util.Map<java.util.List<String>, int[]> pairings) {
        java.lang.reflect.Constructor<?> constructor() {
            return CONSTRUCTORS.get(type);
        }
    }

    private static final ClassValue<RecordFacts> RECORDS = new ClassValue<>() {
        @Override
        protected RecordFacts computeValue(Class<?> type) {
            RecordComponent[] rc = type.getRecordComponents();
            String[] names = new String[rc.length];
            Class<?>[] types = new Class<?>[rc.length];
            Type[] generic = new Type[rc.length];
            for (int i = 0; i < rc.length; i++) {
                names[i] = rc[i].getName();
                types[i] = rc[i].getType();
                generic[i] = rc[i].getGenericType();
            }
            return new RecordFacts(type, names, types, generic, new java.util.concurrent.ConcurrentHashMap<>());
        }
    };

    private static final ClassValue<java.lang.reflect.Constructor<?>> CONSTRUCTORS = new ClassValue<>() {
        @Override
        protected java.lang.reflect.Constructor<?> computeValue(Class<?> type) {
            try {
                return type.getDeclaredConstructor(RECORDS.get(type).types());
            } catch (NoSuchMethodException e) {
                throw new Unconvertible(type.getSimpleName() + ": no canonical constructor");
            }
        }
    };

    /** For each of {@code type}'s components, the index of the wire field it takes. */
    static int[] pairing(Class<?> type, String[] names) {
        int[] o = pairingByName(type, names);
        return o == UNPAIRED ? identity(names.length) : o;
    }

    /** No pairing by name: the fields are taken in order. */
    private static final int[] UNPAIRED = new int[0];

    /** Whether every component of {@code type} finds its wire field by name. */
    static boolean pairsByName(Class<?> type, String[] names) {
        return pairingByName(type, names) != UNPAIRED;
    }

    private static int[] pairingByName(Class<?> type, String[] names) {
        java.util.Map<List<String>, int[]> known = RECORDS.get(type).pairings();
        int[] o = known.get(java.util.Arrays.asList(names));
        if (o == null) {
            o = pairByName(type, names);
            known.put(List.of(names), o);
        }
        return o;
    }

    private static int[] pairByName(Class<?> type, String[] names) {
        RecordComponent[] rc = type.getRecordComponents();
        int[] order = new int[rc.length];
        java.util.Arrays.fill(order, -1);
        boolean[] taken = new boolean[names.length];
        // exact names first, then a name that extends the other (memoryKiB takes memory), the longest
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < rc.length; i++) {
                if (order[i] >= 0) {
                    continue;
                }
                String api = norm(rc[i].getName());
                int best = -1;
                int bestLength = -1;
                for (int j = 0; j < names.length; j++) {
                    String w = norm(names[j]);
                    boolean match = pass == 0 ? api.equals(w) : api.startsWith(w) || w.startsWith(api);
                    if (!taken[j] && match && w.length() > bestLength) {
                        best = j;
                        bestLength = w.length();
                    }
                }
                if (best >= 0) {
                    taken[best] = true;
                    order[i] = best;
                }
            }
        }
        for (int o : order) {
            if (o < 0) {
                return UNPAIRED;
            }
        }
        return order;
    }

    private static int[] identity(int n) {
        int[] o = new int[n];
        for (int i = 0; i < n; i++) {
            o[i] = i;
        }
        return o;
    }

    private static String norm(String name) {
        return name.replace("_", "").toLowerCase(java.util.Locale.ROOT);
    }

    /** A record class's component names (the cached array: do not change it). */
    static String[] names(Class<?> recordType) {
        return RECORDS.get(recordType).names();
    }

    /** Each record class's accessors, looked up once: replies are read on every call. */
    private static final ClassValue<java.lang.invoke.MethodHandle[]> ACCESSORS = new ClassValue<>() {
        @Override
        protected java.lang.invoke.MethodHandle[] computeValue(Class<?> type) {
            RecordComponent[] rc = type.getRecordComponents();
            java.lang.invoke.MethodHandle[] out = new java.lang.invoke.MethodHandle[rc.length];
            for (int i = 0; i < rc.length; i++) {
                try {
                    Method m = rc[i].getAccessor();
                    m.setAccessible(true);
                    out[i] = java.lang.invoke.MethodHandles.lookup().unreflect(m)
                            .asType(java.lang.invoke.MethodType.methodType(Object.class, Object.class));
                } catch (ReflectiveOperationException | RuntimeException e) {
                    throw new Unconvertible(type.getSimpleName() + ": " + e);
                }
            }
            return out;
        }
    };

    static Object[] components(Record r) {
        java.lang.invoke.MethodHandle[] acc = ACCESSORS.get(r.getClass());
        Object[] out = new Object[acc.length];
        for (int i = 0; i < acc.length; i++) {
            try {
                out[i] = acc[i].invoke((Object) r);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new Unconvertible(t.toString());
            }
        }
        return out;
    }

    /** A fixed-size C char array: the text up to its first NUL. */
    static String cString(byte[] b) {
        int n = 0;
        while (n < b.length && b[n] != 0) {
            n++;
        }
        return new String(b, 0, n, StandardCharsets.UTF_8);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object flags(Class<?> type, int bits) {
        if (!type.isEnum() || !VirFlag.class.isAssignableFrom(type)) {
            throw new Unconvertible("flags of " + type);
        }
        return VirFlag.fromBits((Class) type, bits);
    }

    /** Each libvirt enum's own fromValue, looked up once (null when it has none): replies are read on every call. */
    private static final ClassValue<Method> FROM_VALUE = new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> type) {
            try {
                return type.getMethod("fromValue", int.class);
            } catch (NoSuchMethodException e) {
                return null;
            }
        }
    };

    private static Object enumValue(Class<?> type, int value) {
        Method from = FROM_VALUE.get(type);
        if (from != null) {
            try {
                Object e = from.invoke(null, value);
                if (e != null) {
                    return e;
                }
            } catch (ReflectiveOperationException e) {
                throw new Unconvertible("no " + type.getSimpleName() + " numbered " + value + ": " + e);
            }
        } else if (type.getEnumConstants() != null) {
            for (Object c : type.getEnumConstants()) {
                if (((VirEnum) c).value() == value) {
                    return c;
                }
            }
        }
        throw new Unconvertible("no " + type.getSimpleName() + " numbered " + value);
    }

    static Class<?> rawClass(Type t) {
        if (t instanceof Class<?> c) {
            return c;
        }
        if (t instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        if (t instanceof java.lang.reflect.WildcardType w) {
            return rawClass(w.getUpperBounds()[0]);
        }
        return Object.class;
    }

    static Type typeArgument(Type t) {
        if (t instanceof ParameterizedType p) {
            return p.getActualTypeArguments()[0];
        }
        return Object.class;
    }

    static Class<?> elementClass(Type listType) {
        return rawClass(typeArgument(listType));
    }

    static Object emptyArray(Class<?> c) {
        return Array.newInstance(c.getComponentType(), 0);
    }
}
