package org.jvirt.rpc;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jvirt.rpc.xdr.XdrType;

/** Random values of any declared XDR type, found by walking the declaration (test use only). */
final class RandomValues {
    private final Random random;

    RandomValues(long seed) {
        this.random = new Random(seed);
    }

    Object of(XdrType<?> type) {
        switch (type.kind()) {
            case VOID:
                return null;
            case INT:
                return random.nextInt();
            case HYPER:
                return random.nextLong();
            case BOOL:
                return random.nextBoolean();
            case FLOAT:
                return random.nextFloat();
            case DOUBLE:
                return random.nextDouble();
            case ENUM: {
                int[] v = type.values();
                return v[random.nextInt(v.length)];
            }
            case STRING:
                return string((int) Math.min(type.bound(), 12));
            case OPAQUE:
            case CHARS:
                return bytes(random.nextInt((int) Math.min(type.bound(), 9) + 1));
            case FIXED_OPAQUE:
            case FIXED_CHARS:
                return bytes((int) type.bound());
            case INT_ARRAY: {
                int[] a = new int[random.nextInt((int) Math.min(type.bound(), 4) + 1)];
                for (int i = 0; i < a.length; i++) {
                    a[i] = random.nextInt();
                }
                return a;
            }
            case HYPER_ARRAY: {
                long[] a = new long[random.nextInt((int) Math.min(type.bound(), 4) + 1)];
                for (int i = 0; i < a.length; i++) {
                    a[i] = random.nextLong();
                }
                return a;
            }
            case ARRAY:
            case FIXED_ARRAY: {
                int n = type.kind() == XdrType.Kind.FIXED_ARRAY ? (int) type.bound()
                        : random.nextInt((int) Math.min(type.bound(), 3) + 1);
                List<Object> l = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    l.add(of(type.element()));
                }
                return l;
            }
            case OPTIONAL:
                return random.nextInt(3) == 0 ? null : of(type.element());
            case STRUCT:
                return record(type);
            case UNION: {
                int[] d = type.values();
                return record(type.arm(d[random.nextInt(d.length)]));
            }
            default:
                throw new IllegalArgumentException(type.describe());
        }
    }

    private Object record(XdrType<?> struct) {
        Class<?> c = struct.javaType();
        RecordComponent[] comps = c.getRecordComponents();
        Class<?>[] types = new Class<?>[comps.length];
        Object[] args = new Object[comps.length];
        List<XdrType<?>> fields = struct.fields();
        for (int i = 0; i < comps.length; i++) {
            types[i] = comps[i].getType();
            args[i] = of(fields.get(i));
        }
        try {
            Constructor<?> k = c.getDeclaredConstructor(types);
            return k.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(c.getName(), e);
        }
    }

    private String string(int max) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz<>/=\"' -_0123456789éü€";
        int n = random.nextInt(max + 1);
        StringBuilder b = new StringBuilder();
        while (b.length() < n) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        // the UTF-8 form must stay within the bound
        while (b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > max) {
            b.setLength(b.length() - 1);
        }
        return b.toString();
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
