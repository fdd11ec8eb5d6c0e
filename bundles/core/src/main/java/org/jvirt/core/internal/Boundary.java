package org.jvirt.core.internal;

import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Proxy;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import org.jvirt.api.TypedParameters;

/**
 * What crosses between users and drivers: driver objects going out are replaced by the platform's handles, and the
 * platform's handles coming in by the driver objects behind them, wherever they sit: alone, in lists, sets, maps,
 * optionals, arrays, or in records (info records, statistics, events), at any depth.
 */
final class Boundary {
    /** Records whose components cannot hold an API object, found once per record type. */
    private static final Map<Class<?>, Boolean> INERT = new ConcurrentHashMap<>();

    private Boundary() {
    }

    /** {@code value} with every object {@code swap} changes replaced; the same instance when nothing changed. */
    static Object map(Object value, UnaryOperator<Object> swap) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Enum<?> || value instanceof TypedParameters || value instanceof byte[]) {
            return value;
        }
        Object swapped = swap.apply(value);
        if (swapped != value) {
            return swapped;
        }
        if (Proxy.isProxyClass(value.getClass())) {
            return value;
        }
        if (value instanceof List<?> list) {
            List<Object> out = null;
            for (int i = 0; i < list.size(); i++) {
                Object o = list.get(i);
                Object m = map(o, swap);
                if (m != o && out == null) {
                    out = new ArrayList<>(list.subList(0, i));
                }
                if (out != null) {
                    out.add(m);
                }
            }
            return out == null ? value : java.util.Collections.unmodifiableList(out);
        }
        if (value instanceof Set<?> set) {
            Set<Object> out = new LinkedHashSet<>();
            boolean changed = false;
            for (Object o : set) {
                Object m = map(o, swap);
                changed |= m != o;
                out.add(m);
            }
            return changed ? java.util.Collections.unmodifiableSet(out) : value;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            boolean changed = false;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                Object m = map(e.getValue(), swap);
                changed |= m != e.getValue();
                out.put(e.getKey(), m);
            }
            return changed ? java.util.Collections.unmodifiableMap(out) : value;
        }
        if (value instanceof Optional<?> opt) {
            if (opt.isEmpty()) {
                return value;
            }
            Object m = map(opt.get(), swap);
            return m == opt.get() ? value : Optional.of(m);
        }
        if (value.getClass().isArray() && !value.getClass().getComponentType().isPrimitive()) {
            int n = Array.getLength(value);
            Object out = null;
            for (int i = 0; i < n; i++) {
                Object o = Array.get(value, i);
                Object m = map(o, swap);
                if (m != o && out == null) {
                    out = Array.newInstance(value.getClass().getComponentType(), n);
                    System.arraycopy(value, 0, out, 0, n);
                }
                if (out != null) {
                    Array.set(out, i, m);
                }
            }
            return out == null ? value : out;
        }
        if (value instanceof Record rec) {
            return mapRecord(rec, swap);
        }
        return value;
    }

    private static Object mapRecord(Record rec, UnaryOperator<Object> swap) {
        Class<?> type = rec.getClass();
        if (INERT.computeIfAbsent(type, Boundary::inert)) {
            return rec;
        }
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        boolean changed = false;
        try {
            for (int i = 0; i < components.length; i++) {
                var accessor = components[i].getAccessor();
                accessor.setAccessible(true);
                Object o = accessor.invoke(rec);
                values[i] = map(o, swap);
                changed |= values[i] != o;
                types[i] = components[i].getType();
            }
            if (!changed) {
                return rec;
            }
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            canonical.setAccessible(true);
            return canonical.newInstance(values);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot rebuild " + type.getName() + ": " + e, e);
        }
    }

    /** Whether no component of the record type can hold an API object, however deep. */
    private static boolean inert(Class<?> type) {
        for (RecordComponent c : type.getRecordComponents()) {
            Class<?> t = c.getType();
            if (t.isPrimitive() || t == String.class || Number.class.isAssignableFrom(t) || t == Boolean.class
                    || t.isEnum() || t == TypedParameters.class || t == java.util.BitSet.class
                    || t == java.time.Instant.class || (t.isArray() && t.getComponentType().isPrimitive())) {
                continue;
            }
            if (t.isRecord() && t != type && inert(t)) {
                continue;
            }
            if (Collection.class.isAssignableFrom(t) || Map.class.isAssignableFrom(t) || t == Optional.class) {
                if (onlyInertElements(c)) {
                    continue;
                }
            }
            return false;
        }
        return true;
    }

    private static boolean onlyInertElements(RecordComponent c) {
        if (!(c.getGenericType() instanceof java.lang.reflect.ParameterizedType p)) {
            return false;
        }
        for (java.lang.reflect.Type arg : p.getActualTypeArguments()) {
            if (!(arg instanceof Class<?> k)) {
                return false;
            }
            boolean simple = k == String.class || Number.class.isAssignableFrom(k) || k == Boolean.class
                    || k.isEnum() || k == java.util.BitSet.class || k == TypedParameters.class
                    || (k.isRecord() && inert(k));
            if (!simple) {
                return false;
            }
        }
        return true;
    }
}
