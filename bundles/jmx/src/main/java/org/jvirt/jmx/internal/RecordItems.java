package org.jvirt.jmx.internal;

import java.lang.reflect.Array;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import javax.management.openmbean.ArrayType;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.CompositeDataSupport;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenDataException;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.SimpleType;
import javax.management.openmbean.TabularDataSupport;
import javax.management.openmbean.TabularType;

import org.jvirt.api.Domain;
import org.jvirt.api.VirEnum;

/**
 * The open-typed items of a record's components, so that an event record of the API becomes a notification's
 * CompositeData without code of its own: strings and numbers stay as they are, an enum with libvirt's numbers gives
 * its constant's name and (as {@code <name>Number}) its number, a UUID its text, a domain its name, a nested record a
 * CompositeData, a list, set, array or other Iterable (the API's typed parameters) an array, a map a table of key
 * and value texts; anything else its text.
 */
final class RecordItems {
    private static final String[] MAP_ROW = {"key", "value"};

    private RecordItems() {
    }

    /** The items of {@code recordClass}'s components, leaving out the components named in {@code skip}. */
    static List<OpenItem> of(Class<?> recordClass, Collection<String> skip) {
        if (!recordClass.isRecord()) {
            throw new IllegalArgumentException(recordClass + " is not a record");
        }
        List<OpenItem> items = new ArrayList<>();
        for (RecordComponent c : recordClass.getRecordComponents()) {
            if (skip.contains(c.getName())) {
                continue;
            }
            Function<Object, Object> accessor = accessor(c.getAccessor());
            Class<?> type = c.getType();
            if (type.isEnum() && VirEnum.class.isAssignableFrom(type)) {
                items.add(new OpenItem(c.getName(), SimpleType.STRING, describe(c, "name"),
                        r -> {
                            Object v = accessor.apply(r);
                            return v == null ? null : ((Enum<?>) v).name();
                        }));
                items.add(new OpenItem(c.getName() + "Number", SimpleType.INTEGER, describe(c, "libvirt's number"),
                        r -> {
                            Object v = accessor.apply(r);
                            return v == null ? null : ((VirEnum) v).value();
                        }));
            } else {
                Converter conv = converter(c.getGenericType());
                items.add(new OpenItem(c.getName(), conv.type, describe(c, null), r -> conv.apply(accessor.apply(r))));
            }
        }
        return items;
    }

    /** The CompositeType of a nested record, named after it. */
    static CompositeType compositeType(String name, String description, List<OpenItem> items) {
        String[] names = items.stream().map(OpenItem::name).toArray(String[]::new);
        String[] descriptions = items.stream().map(OpenItem::description).toArray(String[]::new);
        OpenType<?>[] types = items.stream().map(OpenItem::type).toArray(OpenType<?>[]::new);
        try {
            return new CompositeType(name, description, names, descriptions, types);
        } catch (OpenDataException e) {
            throw new IllegalArgumentException("cannot describe " + name + ": " + e.getMessage(), e);
        }
    }

    private static String describe(RecordComponent c, String what) {
        String owner = c.getDeclaringRecord().getSimpleName();
        return what == null ? owner + "." + c.getName() : owner + "." + c.getName() + ", " + what;
    }

    private static Function<Object, Object> accessor(Method m) {
        return record -> {
            try {
                return m.invoke(record);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + m + ": " + e, e);
            }
        };
    }

    /** An open type and the conversion of a Java value into it. */
    private record Converter(OpenType<?> type, Function<Object, Object> convert) {
        Object apply(Object value) {
            return value == null ? null : convert.apply(value);
        }
    }

    private static Converter converter(Type generic) {
        Class<?> raw = raw(generic);
        SimpleType<?> simple = simpleType(raw);
        if (simple != null) {
            return new Converter(simple, v -> v);
        }
        if (raw == UUID.class) {
            return new Converter(SimpleType.STRING, Object::toString);
        }
        if (Domain.class.isAssignableFrom(raw)) {
            return new Converter(SimpleType.STRING, v -> ((Domain) v).getName());
        }
        if (raw.isEnum()) {
            return new Converter(SimpleType.STRING, v -> ((Enum<?>) v).name());
        }
        if (raw.isRecord()) {
            List<OpenItem> items = of(raw, List.of());
            CompositeType type = compositeType(raw.getSimpleName(), raw.getSimpleName(), items);
            return new Converter(type, v -> composite(type, items, v));
        }
        if (raw.isArray() && raw.getComponentType().isPrimitive() && simpleType(raw.getComponentType()) != null) {
            return new Converter(primitiveArrayType(raw), v -> v);
        }
        if (raw.isArray() || Iterable.class.isAssignableFrom(raw)) {
            Type element = raw.isArray() ? elementOfArray(generic, raw)
                    : Collection.class.isAssignableFrom(raw) ? typeArgument(generic, 0) : iterated(raw);
            Converter of = converter(element);
            if (of.type instanceof ArrayType<?>) {
                // a list of lists has no place in a console's table: its text
                return new Converter(SimpleType.STRING, String::valueOf);
            }
            ArrayType<?> type = arrayOf(of.type);
            return new Converter(type, v -> toArray(v, of, type));
        }
        if (Map.class.isAssignableFrom(raw)) {
            TabularType type = mapType();
            return new Converter(type, v -> table(type, (Map<?, ?>) v));
        }
        return new Converter(SimpleType.STRING, String::valueOf);
    }

    static CompositeData composite(CompositeType type, List<OpenItem> items, Object from) {
        String[] names = new String[items.size()];
        Object[] values = new Object[items.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = items.get(i).name();
            values[i] = items.get(i).read(from);
        }
        try {
            return new CompositeDataSupport(type, names, values);
        } catch (OpenDataException e) {
            throw new IllegalStateException("cannot describe " + from + ": " + e.getMessage(), e);
        }
    }

    private static Object toArray(Object value, Converter of, ArrayType<?> type) {
        List<Object> in = new ArrayList<>();
        if (value.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(value); i++) {
                in.add(Array.get(value, i));
            }
        } else {
            ((Iterable<?>) value).forEach(in::add);
        }
        Class<?> component = componentClass(of.type);
        Object out = Array.newInstance(component, in.size());
        for (int i = 0; i < in.size(); i++) {
            Array.set(out, i, of.apply(in.get(i)));
        }
        return out;
    }

    private static Class<?> componentClass(OpenType<?> type) {
        if (type instanceof CompositeType) {
            return CompositeData.class;
        }
        if (type instanceof TabularType) {
            return javax.management.openmbean.TabularData.class;
        }
        try {
            return Class.forName(type.getClassName());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TabularType mapType() {
        try {
            CompositeType row = new CompositeType("entry", "a key and its value", MAP_ROW,
                    new String[] {"the key", "the value, as text"}, new OpenType<?>[] {SimpleType.STRING,
                        SimpleType.STRING});
            return new TabularType("map", "keys and values", row, new String[] {"key"});
        } catch (OpenDataException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object table(TabularType type, Map<?, ?> map) {
        TabularDataSupport table = new TabularDataSupport(type);
        for (Map.Entry<?, ?> e : map.entrySet()) {
            try {
                table.put(new CompositeDataSupport(type.getRowType(), MAP_ROW,
                        new Object[] {String.valueOf(e.getKey()), String.valueOf(e.getValue())}));
            } catch (OpenDataException x) {
                throw new IllegalStateException(x);
            }
        }
        return table;
    }

    private static ArrayType<?> arrayOf(OpenType<?> element) {
        try {
            return ArrayType.getArrayType(element);
        } catch (OpenDataException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ArrayType<?> primitiveArrayType(Class<?> arrayClass) {
        return ArrayType.getPrimitiveArrayType(arrayClass);
    }

    private static SimpleType<?> simpleType(Class<?> c) {
        if (c == String.class) {
            return SimpleType.STRING;
        } else if (c == int.class || c == Integer.class) {
            return SimpleType.INTEGER;
        } else if (c == long.class || c == Long.class) {
            return SimpleType.LONG;
        } else if (c == boolean.class || c == Boolean.class) {
            return SimpleType.BOOLEAN;
        } else if (c == double.class || c == Double.class) {
            return SimpleType.DOUBLE;
        } else if (c == float.class || c == Float.class) {
            return SimpleType.FLOAT;
        } else if (c == short.class || c == Short.class) {
            return SimpleType.SHORT;
        } else if (c == byte.class || c == Byte.class) {
            return SimpleType.BYTE;
        } else if (c == char.class || c == Character.class) {
            return SimpleType.CHARACTER;
        }
        return null;
    }

    private static Class<?> raw(Type t) {
        if (t instanceof Class<?> c) {
            return c;
        }
        if (t instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        if (t instanceof GenericArrayType g) {
            return Array.newInstance(raw(g.getGenericComponentType()), 0).getClass();
        }
        return Object.class; // a type variable or wildcard: shown as text
    }

    private static Type typeArgument(Type t, int index) {
        if (t instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
            Type arg = p.getActualTypeArguments()[index];
            if (arg instanceof java.lang.reflect.WildcardType w) {
                return w.getUpperBounds()[0];
            }
            return arg;
        }
        return Object.class;
    }

    /** What a class that is Iterable (and no Collection) iterates over, from the interfaces it declares. */
    private static Type iterated(Class<?> raw) {
        for (Class<?> c = raw; c != null; c = c.getSuperclass()) {
            for (Type t : c.getGenericInterfaces()) {
                if (t instanceof ParameterizedType p && p.getRawType() == Iterable.class) {
                    return typeArgument(p, 0);
                }
            }
        }
        return Object.class;
    }

    private static Type elementOfArray(Type generic, Class<?> raw) {
        return generic instanceof GenericArrayType g ? g.getGenericComponentType() : raw.getComponentType();
    }
}
