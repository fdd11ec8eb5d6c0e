package org.jvirt.rpc.xdr;

import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jvirt.rpc.xdr.XdrType.Kind;
import org.jvirt.rpc.ProtocolException;

/**
 * The XDR types (RFC 4506) as values: primitives as constants, the rest from factories. A protocol is declared by
 * composing them ({@link #struct}, {@link #union}, {@link #array}, {@link #optional}); nothing is hand-encoded.
 *
 * <p>Unsigned XDR integers are carried in Java's signed types with the same bits ({@code unsigned int} in an
 * {@code int}, {@code unsigned hyper} in a {@code long}); use {@link Integer#toUnsignedLong} where it matters.
 */
public final class Xdr {
    private Xdr() {
    }

    /** {@code void}: nothing on the wire; its value is {@code null}. */
    public static final XdrType<Void> VOID = new Prim<>("void", Void.class, 0, Kind.VOID, null, 0) {
        @Override
        public void write(XdrWriter out, Void value) {
        }

        @Override
        public Void read(XdrReader in) {
            return null;
        }
    };

    public static final XdrType<Integer> INT = new IntType("int");
    public static final XdrType<Integer> UINT = new IntType("unsigned int");
    /** C's {@code char}, {@code short} and their unsigned forms: XDR sends each as a four-byte int. */
    public static final XdrType<Integer> CHAR = new IntType("char");
    public static final XdrType<Long> HYPER = new LongType("hyper");
    public static final XdrType<Long> UHYPER = new LongType("unsigned hyper");

    public static final XdrType<Boolean> BOOL = new Prim<>("bool", Boolean.class, 4, Kind.BOOL, null, 0) {
        @Override
        public void write(XdrWriter out, Boolean value) {
            out.writeBool(value);
        }

        @Override
        public Boolean read(XdrReader in) {
            return in.readBool();
        }
    };

    public static final XdrType<Float> FLOAT = new Prim<>("float", Float.class, 4, Kind.FLOAT, null, 0) {
        @Override
        public void write(XdrWriter out, Float value) {
            out.writeFloat(value);
        }

        @Override
        public Float read(XdrReader in) {
            return in.readFloat();
        }
    };

    public static final XdrType<Double> DOUBLE = new Prim<>("double", Double.class, 8, Kind.DOUBLE, null, 0) {
        @Override
        public void write(XdrWriter out, Double value) {
            out.writeDouble(value);
        }

        @Override
        public Double read(XdrReader in) {
            return in.readDouble();
        }
    };

    /** {@code string<max>}. */
    public static XdrType<String> string(long max) {
        return new Prim<>("string<" + max + ">", String.class, 4, Kind.STRING, null, max) {
            @Override
            public void write(XdrWriter out, String value) {
                out.writeString(value, max);
            }

            @Override
            public String read(XdrReader in) {
                return in.readString(max);
            }
        };
    }

    /** {@code opaque[n]}. */
    public static XdrType<byte[]> fixedOpaque(int n) {
        return new Prim<>("opaque[" + n + "]", byte[].class, (n + 3) & ~3, Kind.FIXED_OPAQUE, null, n) {
            @Override
            public void write(XdrWriter out, byte[] value) {
                out.writeFixedOpaque(value, n);
            }

            @Override
            public byte[] read(XdrReader in) {
                return in.readFixedOpaque(n);
            }
        };
    }

    /** {@code opaque<max>}. */
    public static XdrType<byte[]> opaque(long max) {
        return new Prim<>("opaque<" + max + ">", byte[].class, 4, Kind.OPAQUE, null, max) {
            @Override
            public void write(XdrWriter out, byte[] value) {
                out.writeOpaque(value, max);
            }

            @Override
            public byte[] read(XdrReader in) {
                return in.readOpaque(max);
            }
        };
    }

    /** {@code char name[n]}: rpcgen sends each char as a four-byte int; carried in a {@code byte[]}. */
    public static XdrType<byte[]> fixedChars(int n) {
        return new Prim<>("char[" + n + "]", byte[].class, 4 * n, Kind.FIXED_CHARS, null, n) {
            @Override
            public void write(XdrWriter out, byte[] value) {
                if (value.length != n) {
                    throw new ProtocolException("char[" + n + "] expected, got " + value.length);
                }
                for (byte b : value) {
                    out.writeInt(b);
                }
            }

            @Override
            public byte[] read(XdrReader in) {
                if (in.remaining() < 4L * n) {
                    throw new ProtocolException("XDR data truncated in char[" + n + "]");
                }
                byte[] out = new byte[n];
                for (int i = 0; i < n; i++) {
                    out[i] = (byte) in.readInt();
                }
                return out;
            }
        };
    }

    /** {@code char name<max>}: a counted array of four-byte chars, carried in a {@code byte[]}. */
    public static XdrType<byte[]> chars(long max) {
        return new Prim<>("char<" + max + ">", byte[].class, 4, Kind.CHARS, null, max) {
            @Override
            public void write(XdrWriter out, byte[] value) {
                out.writeCount(value.length, max);
                for (byte b : value) {
                    out.writeInt(b);
                }
            }

            @Override
            public byte[] read(XdrReader in) {
                int n = in.readCount(max, 4);
                byte[] out = new byte[n];
                for (int i = 0; i < n; i++) {
                    out[i] = (byte) in.readInt();
                }
                return out;
            }
        };
    }

    /** {@code int name<max>} (or {@code unsigned int}) as an {@code int[]}. */
    public static XdrType<int[]> intArray(long max) {
        return new Prim<>("int<" + max + ">", int[].class, 4, Kind.INT_ARRAY, null, max) {
            @Override
            public void write(XdrWriter out, int[] value) {
                out.writeCount(value.length, max);
                for (int v : value) {
                    out.writeInt(v);
                }
            }

            @Override
            public int[] read(XdrReader in) {
                int n = in.readCount(max, 4);
                int[] out = new int[n];
                for (int i = 0; i < n; i++) {
                    out[i] = in.readInt();
                }
                return out;
            }
        };
    }

    /** {@code hyper name<max>} (or {@code unsigned hyper}) as a {@code long[]}. */
    public static XdrType<long[]> hyperArray(long max) {
        return new Prim<>("hyper<" + max + ">", long[].class, 4, Kind.HYPER_ARRAY, null, max) {
            @Override
            public void write(XdrWriter out, long[] value) {
                out.writeCount(value.length, max);
                for (long v : value) {
                    out.writeHyper(v);
                }
            }

            @Override
            public long[] read(XdrReader in) {
                int n = in.readCount(max, 8);
                long[] out = new long[n];
                for (int i = 0; i < n; i++) {
                    out[i] = in.readHyper();
                }
                return out;
            }
        };
    }

    /** {@code T name<max>} as a list (unmodifiable when read). */
    public static <T> XdrType<List<T>> array(XdrType<T> element, long max) {
        return new Prim<>(element.describe() + "<" + max + ">", List.class, 4, Kind.ARRAY, element, max) {
            @Override
            public void write(XdrWriter out, List<T> value) {
                out.writeCount(value.size(), max);
                for (T v : value) {
                    element.write(out, v);
                }
            }

            @Override
            public List<T> read(XdrReader in) {
                int n = in.readCount(max, element.minSize());
                List<T> out = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    out.add(element.read(in));
                }
                return List.copyOf(out);
            }
        };
    }

    /** {@code T name[n]} as a list of exactly {@code n} elements. */
    public static <T> XdrType<List<T>> fixedArray(XdrType<T> element, int n) {
        return new Prim<>(element.describe() + "[" + n + "]", List.class, n * element.minSize(), Kind.FIXED_ARRAY, element, n) {
            @Override
            public void write(XdrWriter out, List<T> value) {
                if (value.size() != n) {
                    throw new ProtocolException("array of " + n + " elements expected, got " + value.size());
                }
                for (T v : value) {
                    element.write(out, v);
                }
            }

            @Override
            public List<T> read(XdrReader in) {
                if ((long) n * element.minSize() > in.remaining()) {
                    throw new ProtocolException("XDR data truncated in " + describe());
                }
                List<T> out = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    out.add(element.read(in));
                }
                return List.copyOf(out);
            }
        };
    }

    /** {@code T *name}: optional data, {@code null} when absent. */
    public static <T> XdrType<T> optional(XdrType<T> element) {
        return new Prim<>(element.describe() + " *", element.javaType(), 4, Kind.OPTIONAL, element, 0) {
            @Override
            public void write(XdrWriter out, T value) {
                if (value == null) {
                    out.writeInt(0);
                } else {
                    out.writeInt(1);
                    element.write(out, value);
                }
            }

            @Override
            public T read(XdrReader in) {
                return in.readBool() ? element.read(in) : null;
            }
        };
    }

    /** An XDR {@code enum}: an int that must be one of {@code values}. */
    public static XdrType<Integer> enumeration(String name, int... values) {
        int[] sorted = values.clone();
        Arrays.sort(sorted);
        return new IntType("enum " + name, Kind.ENUM) {
            @Override
            public int[] values() {
                return sorted.clone();
            }

            @Override
            public Integer read(XdrReader in) {
                int v = in.readInt();
                if (Arrays.binarySearch(sorted, v) < 0) {
                    throw new ProtocolException("value " + v + " is not in enum " + name);
                }
                return v;
            }

            @Override
            public void write(XdrWriter out, Integer value) {
                if (Arrays.binarySearch(sorted, value) < 0) {
                    throw new ProtocolException("value " + value + " is not in enum " + name);
                }
                out.writeInt(value);
            }
        };
    }

    /**
     * An XDR {@code struct} carried by a record: {@code fields} are the record's components' types, in order.
     * The codec is built once here (method handles on the accessors and the canonical constructor).
     */
    public static <R extends Record> XdrType<R> struct(Class<R> record, XdrType<?>... fields) {
        return new StructType<>(lookupFor(record), record, fields);
    }

    /** The public lookup for public records; a private one for records a package keeps to itself. */
    static MethodHandles.Lookup lookupFor(Class<?> record) {
        if (java.lang.reflect.Modifier.isPublic(record.getModifiers())
                && (record.getEnclosingClass() == null || java.lang.reflect.Modifier.isPublic(
                        record.getEnclosingClass().getModifiers()))) {
            return MethodHandles.publicLookup();
        }
        try {
            return MethodHandles.privateLookupIn(record, MethodHandles.lookup());
        } catch (IllegalAccessException e) {
            throw new IllegalArgumentException("cannot reach the record " + record.getName()
                    + "; pass a Lookup from its package", e);
        }
    }

    /** As {@link #struct(Class, XdrType[])}, for a record that only {@code lookup} may see. */
    public static <R extends Record> XdrType<R> struct(MethodHandles.Lookup lookup, Class<R> record,
            XdrType<?>... fields) {
        return new StructType<>(lookup, record, fields);
    }

    /**
     * The message type {@code name}, a record (or union interface) nested in the lookup's class with a static
     * {@code XDR} field, built on first use: what protocol classes give their procedures, so that loading a protocol
     * builds no codec (each message builds its own, and its parts', when it is first encoded or decoded).
     */
    public static <T> XdrType<T> lazy(MethodHandles.Lookup lookup, String name) {
        return new LazyType<>(lookup, name);
    }

    /** Whether {@code type} is built: false only for a {@link #lazy} type not used yet. */
    public static boolean isBuilt(XdrType<?> type) {
        return !(type instanceof LazyType<?> l) || l.isResolved();
    }

    /** One arm of a union: the discriminant value and the record (zero or one component) that carries it. */
    public static <U> UnionType.Arm<U> arm(int discriminant, Class<? extends U> record, XdrType<?>... fields) {
        return new UnionType.Arm<>(discriminant, record, fields);
    }

    /**
     * An XDR discriminated {@code union}: its values are the arm records, all implementing {@code base} (a sealed
     * interface); the discriminant is written from the arm's class and read back to pick the arm.
     */
    @SafeVarargs
    public static <U> XdrType<U> union(String name, Class<U> base, UnionType.Arm<? extends U>... arms) {
        return new UnionType<>(name, base, List.of(arms));
    }

    abstract static class Prim<T> implements XdrType<T> {
        private final String name;
        private final Class<?> javaType;
        private final int minSize;

        private final Kind kind;
        private final XdrType<?> element;
        private final long bound;

        Prim(String name, Class<?> javaType, int minSize, Kind kind, XdrType<?> element, long bound) {
            this.name = name;
            this.javaType = javaType;
            this.minSize = minSize;
            this.kind = kind;
            this.element = element;
            this.bound = bound;
        }

        @Override
        public Kind kind() {
            return kind;
        }

        @Override
        public XdrType<?> element() {
            return element;
        }

        @Override
        public long bound() {
            return bound;
        }

        @Override
        public int minSize() {
            return minSize;
        }

        @Override
        public Class<?> javaType() {
            return javaType;
        }

        @Override
        public String describe() {
            return name;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static class IntType extends Prim<Integer> {
        IntType(String name) {
            this(name, Kind.INT);
        }

        IntType(String name, Kind kind) {
            super(name, int.class, 4, kind, null, 0);
        }

        @Override
        public void write(XdrWriter out, Integer value) {
            out.writeInt(value);
        }

        @Override
        public Integer read(XdrReader in) {
            return in.readInt();
        }
    }

    static final class LongType extends Prim<Long> {
        LongType(String name) {
            super(name, long.class, 8, Kind.HYPER, null, 0);
        }

        @Override
        public void write(XdrWriter out, Long value) {
            out.writeHyper(value);
        }

        @Override
        public Long read(XdrReader in) {
            return in.readHyper();
        }
    }
}
