package org.jvirt.rpc.xdr;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.jvirt.rpc.ProtocolException;
import org.jvirt.rpc.xdr.XdrType.Kind;

/**
 * An XDR struct carried by a record. Reflection runs once, when the type is built: the accessors and the canonical
 * constructor become method handles typed {@code (Object)Object} and {@code (Object[])Object}, and each message is
 * then a loop over the field types, with no reflective call.
 */
final class StructType<R extends Record> implements XdrType<R> {
    private final Class<R> record;
    private final MethodHandle[] getters;
    private final XdrType<Object>[] fields;
    private final MethodHandle constructor;
    private final int minSize;

    @SuppressWarnings("unchecked")
    StructType(MethodHandles.Lookup lookup, Class<R> record, XdrType<?>... fields) {
        this.record = record;
        RecordComponent[] components = record.getRecordComponents();
        if (components == null || components.length != fields.length) {
            throw new IllegalArgumentException(record.getName() + ": " + fields.length + " XDR fields declared for "
                    + (components == null ? 0 : components.length) + " record components");
        }
        this.fields = (XdrType<Object>[]) fields.clone();
        this.getters = new MethodHandle[fields.length];
        Class<?>[] types = new Class<?>[fields.length];
        int min = 0;
        try {
            for (int i = 0; i < fields.length; i++) {
                RecordComponent c = components[i];
                types[i] = c.getType();
                if (!compatible(c.getType(), fields[i].javaType())) {
                    throw new IllegalArgumentException(record.getName() + "." + c.getName() + " is " + c.getType()
                            + " but its XDR type " + fields[i].describe() + " carries " + fields[i].javaType());
                }
                getters[i] = lookup.unreflect(c.getAccessor())
                        .asType(MethodType.methodType(Object.class, Object.class));
                min += fields[i].minSize();
            }
            this.constructor = lookup.findConstructor(record, MethodType.methodType(void.class, types))
                    .asSpreader(Object[].class, fields.length)
                    .asType(MethodType.methodType(Object.class, Object[].class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot build the XDR codec of " + record.getName(), e);
        }
        this.minSize = min;
    }

    private static boolean compatible(Class<?> component, Class<?> carried) {
        if (component == carried) {
            return true;
        }
        if (component.isPrimitive() || carried.isPrimitive()) {
            return box(component) == box(carried);
        }
        return component.isAssignableFrom(carried) || carried.isAssignableFrom(component);
    }

    private static Class<?> box(Class<?> c) {
        return MethodType.methodType(c).wrap().returnType();
    }

    @Override
    public void write(XdrWriter out, R value) {
        if (value == null) {
            throw new ProtocolException("null " + record.getSimpleName() + " cannot be encoded");
        }
        try {
            for (int i = 0; i < fields.length; i++) {
                Object v = getters[i].invokeExact((Object) value);
                if (v == null && fields[i].kind() != Kind.OPTIONAL) {
                    throw new ProtocolException(record.getSimpleName() + " field " + i + " ("
                            + fields[i].describe() + ") is null");
                }
                fields[i].write(out, v);
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public R read(XdrReader in) {
        Object[] args = new Object[fields.length];
        for (int i = 0; i < fields.length; i++) {
            args[i] = fields[i].read(in);
        }
        try {
            Object made = constructor.invokeExact(args);
            return (R) made;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    @Override
    public int minSize() {
        return minSize;
    }

    @Override
    public Class<?> javaType() {
        return record;
    }

    @Override
    public String describe() {
        return "struct " + record.getSimpleName() + " { "
                + Arrays.stream(fields).map(XdrType::describe).collect(Collectors.joining("; ")) + " }";
    }

    @Override
    public Kind kind() {
        return Kind.STRUCT;
    }

    @Override
    public java.util.List<XdrType<?>> fields() {
        return java.util.List.of(fields);
    }
}
