package org.jvirt.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * An ordered, immutable list of typed parameters (libvirt's {@code virTypedParameterPtr} array with its count), as
 * scheduler, memory, blkio, NUMA, interface and block I/O tuning, job statistics, domain statistics, guest
 * information, migration parameters and events carry them. A field may appear more than once (string lists);
 * the getters read its first occurrence, as libvirt's virTypedParamsGet* do.
 *
 * <p>Build one with {@link #builder()}; the builder's {@code add*} methods are libvirt's virTypedParamsAdd*.
 */
public final class TypedParameters implements Iterable<TypedParameter> {
    private static final TypedParameters EMPTY = new TypedParameters(List.of());

    private final List<TypedParameter> params;

    private TypedParameters(List<TypedParameter> params) {
        this.params = params;
    }

    public static TypedParameters empty() {
        return EMPTY;
    }

    public static TypedParameters of(TypedParameter... params) {
        return of(List.of(params));
    }

    public static TypedParameters of(List<TypedParameter> params) {
        return params.isEmpty() ? EMPTY : new TypedParameters(List.copyOf(params));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these parameters, to add more. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.params.addAll(params);
        return b;
    }

    public List<TypedParameter> asList() {
        return params;
    }

    public int size() {
        return params.size();
    }

    public boolean isEmpty() {
        return params.isEmpty();
    }

    @Override
    public Iterator<TypedParameter> iterator() {
        return params.iterator();
    }

    /** The first parameter named {@code field}, if any. */
    @Libvirt("virTypedParamsGet")
    public Optional<TypedParameter> get(String field) {
        for (TypedParameter p : params) {
            if (p.field().equals(field)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    public boolean contains(String field) {
        return get(field).isPresent();
    }

    /** The INT value of {@code field}; INVALID_ARG when the field has another type. */
    @Libvirt("virTypedParamsGetInt")
    public OptionalInt getInt(String field) {
        Optional<TypedParameter> p = get(field);
        return p.isPresent() ? OptionalInt.of(p.get().intValue()) : OptionalInt.empty();
    }

    @Libvirt("virTypedParamsGetUInt")
    public OptionalLong getUInt(String field) {
        return typedLong(field, TypedParameterType.UINT);
    }

    @Libvirt("virTypedParamsGetLLong")
    public OptionalLong getLLong(String field) {
        return typedLong(field, TypedParameterType.LLONG);
    }

    /** The ULLONG value of {@code field}, as its 64 bits. */
    @Libvirt("virTypedParamsGetULLong")
    public OptionalLong getULLong(String field) {
        return typedLong(field, TypedParameterType.ULLONG);
    }

    @Libvirt("virTypedParamsGetDouble")
    public OptionalDouble getDouble(String field) {
        Optional<TypedParameter> p = get(field);
        return p.isPresent() ? OptionalDouble.of(p.get().doubleValue()) : OptionalDouble.empty();
    }

    @Libvirt("virTypedParamsGetBoolean")
    public Optional<Boolean> getBoolean(String field) {
        return get(field).map(TypedParameter::booleanValue);
    }

    @Libvirt("virTypedParamsGetString")
    public Optional<String> getString(String field) {
        return get(field).map(TypedParameter::stringValue);
    }

    /** Every STRING value of {@code field}, in order (a string list, as virTypedParamsAddStringList writes it). */
    public List<String> getStrings(String field) {
        List<String> out = new ArrayList<>();
        for (TypedParameter p : params) {
            if (p.field().equals(field)) {
                out.add(p.stringValue());
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** The values by field name (the first of each name), in order. */
    public Map<String, Object> asMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (TypedParameter p : params) {
            out.putIfAbsent(p.field(), p.value());
        }
        return Collections.unmodifiableMap(out);
    }

    private OptionalLong typedLong(String field, TypedParameterType type) {
        Optional<TypedParameter> p = get(field);
        if (p.isEmpty()) {
            return OptionalLong.empty();
        }
        if (p.get().type() != type) {
            throw VirtException.invalidArg("invalid type '" + TypedParameter.typeName(p.get().type())
                    + "' for parameter '" + field + "', expected '" + TypedParameter.typeName(type) + "'");
        }
        return OptionalLong.of((Long) p.get().value());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TypedParameters t && t.params.equals(params);
    }

    @Override
    public int hashCode() {
        return params.hashCode();
    }

    @Override
    public String toString() {
        return params.toString();
    }

    /** Collects parameters in order; each {@code add} names the libvirt function it stands for. */
    public static final class Builder {
        private final List<TypedParameter> params = new ArrayList<>();

        private Builder() {
        }

        public Builder add(TypedParameter p) {
            params.add(java.util.Objects.requireNonNull(p, "parameter"));
            return this;
        }

        public Builder addAll(Iterable<TypedParameter> ps) {
            for (TypedParameter p : ps) {
                add(p);
            }
            return this;
        }

        @Libvirt("virTypedParamsAddInt")
        public Builder addInt(String field, int value) {
            return add(TypedParameter.ofInt(field, value));
        }

        @Libvirt("virTypedParamsAddUInt")
        public Builder addUInt(String field, long value) {
            return add(TypedParameter.ofUInt(field, value));
        }

        @Libvirt("virTypedParamsAddLLong")
        public Builder addLLong(String field, long value) {
            return add(TypedParameter.ofLLong(field, value));
        }

        @Libvirt("virTypedParamsAddULLong")
        public Builder addULLong(String field, long value) {
            return add(TypedParameter.ofULLong(field, value));
        }

        @Libvirt("virTypedParamsAddDouble")
        public Builder addDouble(String field, double value) {
            return add(TypedParameter.ofDouble(field, value));
        }

        @Libvirt("virTypedParamsAddBoolean")
        public Builder addBoolean(String field, boolean value) {
            return add(TypedParameter.ofBoolean(field, value));
        }

        @Libvirt("virTypedParamsAddString")
        public Builder addString(String field, String value) {
            return add(TypedParameter.ofString(field, value));
        }

        /** One STRING parameter named {@code field} per value, in order. */
        @Libvirt("virTypedParamsAddStringList")
        public Builder addStringList(String field, List<String> values) {
            for (String v : values) {
                addString(field, v);
            }
            return this;
        }

        /** A parameter of {@code type} from its text, as {@link TypedParameter#fromString} reads it. */
        @Libvirt("virTypedParamsAddFromString")
        public Builder addFromString(String field, TypedParameterType type, String text) {
            return add(TypedParameter.fromString(field, type, text));
        }

        public TypedParameters build() {
            return TypedParameters.of(params);
        }
    }
}
