package org.jvirt.rpc.xdr;

/**
 * How one XDR type is written and read. Instances are immutable and thread-safe; build them once (the protocol
 * classes hold them in static fields) and use them for every message.
 *
 * @param <T> the Java value: {@code Integer}, {@code Long}, {@code String}, {@code byte[]}, {@code List}, a record …
 */
public interface XdrType<T> {
    void write(XdrWriter out, T value);

    T read(XdrReader in);

    /** The fewest bytes any value of this type takes on the wire: what bounds a count read from the wire. */
    int minSize();

    /** The Java class of the values, checked against record components when a struct is declared. */
    Class<?> javaType();

    /** The XDR spelling of the type, for messages and tests. */
    String describe();

    /** What sort of XDR type this is: lets tools walk a protocol's declarations. */
    Kind kind();

    /** The element type of an array or optional, else {@code null}. */
    default XdrType<?> element() {
        return null;
    }

    /** The maximum length of a variable-length type, the size of a fixed one, else 0. */
    default long bound() {
        return 0;
    }

    /** The field types of a struct, in order; empty for other kinds. */
    default java.util.List<XdrType<?>> fields() {
        return java.util.List.of();
    }

    /** The values an enum allows, or the discriminants of a union's arms; empty for other kinds. */
    default int[] values() {
        return new int[0];
    }

    /** For a union: the arm carrying {@code discriminant}, as a struct type of its record; else {@code null}. */
    default XdrType<?> arm(int discriminant) {
        return null;
    }

    /** The kinds of XDR type. */
    enum Kind {
        VOID, INT, HYPER, BOOL, FLOAT, DOUBLE, ENUM, STRING, OPAQUE, FIXED_OPAQUE, CHARS, FIXED_CHARS,
        INT_ARRAY, HYPER_ARRAY, ARRAY, FIXED_ARRAY, OPTIONAL, STRUCT, UNION
    }
}
