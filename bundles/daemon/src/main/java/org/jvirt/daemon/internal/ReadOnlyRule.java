package org.jvirt.daemon.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;

/** When a read-only connection refuses a procedure: never, always, with some flags, or with one argument value. */
sealed interface ReadOnlyRule {

    /** Whether a read-only connection refuses a call with these arguments. */
    boolean refuses(Object args);

    /** Parses the table's column: allowed, always, flags:0xMASK, source:N (only these two build the args' codec). */
    static ReadOnlyRule parse(String text, java.util.function.Supplier<Class<?>> argsType) {
        if (text.equals("allowed")) {
            return Allowed.INSTANCE;
        }
        if (text.equals("always")) {
            return Always.INSTANCE;
        }
        if (text.startsWith("flags:")) {
            return new WithFlags(Integer.parseUnsignedInt(text.substring(8), 16), accessor(argsType.get(), "flags"));
        }
        if (text.startsWith("source:")) {
            return new WithValue(Integer.parseInt(text.substring(7)), accessor(argsType.get(), "source"));
        }
        throw new IllegalArgumentException("unknown read-only rule " + text);
    }

    private static MethodHandle accessor(Class<?> record, String component) {
        if (record == null || !record.isRecord()) {
            throw new IllegalArgumentException("no arguments record for a rule on '" + component + "'");
        }
        for (RecordComponent c : record.getRecordComponents()) {
            if (c.getName().equals(component)) {
                try {
                    return MethodHandles.publicLookup().unreflect(c.getAccessor())
                            .asType(MethodType.methodType(int.class, Object.class));
                } catch (IllegalAccessException e) {
                    throw new IllegalArgumentException(e);
                }
            }
        }
        throw new IllegalArgumentException(record.getSimpleName() + " has no " + component);
    }

    private static int read(MethodHandle accessor, Object args) {
        try {
            return (int) accessor.invokeExact(args);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    enum Allowed implements ReadOnlyRule {
        INSTANCE;

        @Override
        public boolean refuses(Object args) {
            return false;
        }
    }

    enum Always implements ReadOnlyRule {
        INSTANCE;

        @Override
        public boolean refuses(Object args) {
            return true;
        }
    }

    /** Refused when any flag of {@code mask} is set. */
    record WithFlags(int mask, MethodHandle flags) implements ReadOnlyRule {
        @Override
        public boolean refuses(Object args) {
            return (read(flags, args) & mask) != 0;
        }
    }

    /** Refused when the argument is {@code value}. */
    record WithValue(int value, MethodHandle argument) implements ReadOnlyRule {
        @Override
        public boolean refuses(Object args) {
            return read(argument, args) == value;
        }
    }
}
