package org.jvirt.api;

import java.util.Objects;

/**
 * One typed parameter (virTypedParameter): a field name, the type of its value, and the value. Values are held as
 * {@code Integer} (INT), {@code Long} (UINT, LLONG, ULLONG), {@code Double}, {@code Boolean} or {@code String};
 * UINT is kept between 0 and 2^32-1, and ULLONG holds the 64 bits of an unsigned number (read it with
 * {@link Long#toUnsignedString(long)} when it may exceed {@link Long#MAX_VALUE}). Wrong field names and values fail
 * with libvirt's errors (INVALID_ARG "invalid type 'ullong' for parameter 'x', expected 'int'").
 *
 * @param field the field name, at most {@value VirConstants#TYPED_PARAM_FIELD_LENGTH} - 1 bytes long
 * @param type  the value's type
 * @param value the value, of the Java type the type implies
 */
public record TypedParameter(String field, TypedParameterType type, Object value) {

    public TypedParameter {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        if (field.isEmpty()) {
            throw VirtException.invalidArg("field name must not be empty");
        }
        if (field.getBytes(java.nio.charset.StandardCharsets.UTF_8).length >= VirConstants.TYPED_PARAM_FIELD_LENGTH) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.NONE, "Field name '" + field + "' too long");
        }
        Class<?> expected = javaType(type);
        if (!expected.isInstance(value)) {
            throw VirtException.invalidArg("invalid value " + value + " for " + typeName(type) + " parameter '"
                    + field + "'");
        }
        if (type == TypedParameterType.UINT && ((Long) value < 0 || (Long) value > 0xFFFF_FFFFL)) {
            throw VirtException.invalidArg("value " + value + " of parameter '" + field + "' is out of range");
        }
    }

    public static TypedParameter ofInt(String field, int value) {
        return new TypedParameter(field, TypedParameterType.INT, value);
    }

    /** An unsigned 32-bit value, 0 to 4294967295. */
    public static TypedParameter ofUInt(String field, long value) {
        return new TypedParameter(field, TypedParameterType.UINT, value);
    }

    public static TypedParameter ofLLong(String field, long value) {
        return new TypedParameter(field, TypedParameterType.LLONG, value);
    }

    /** An unsigned 64-bit value, given as its 64 bits. */
    public static TypedParameter ofULLong(String field, long value) {
        return new TypedParameter(field, TypedParameterType.ULLONG, value);
    }

    public static TypedParameter ofDouble(String field, double value) {
        return new TypedParameter(field, TypedParameterType.DOUBLE, value);
    }

    public static TypedParameter ofBoolean(String field, boolean value) {
        return new TypedParameter(field, TypedParameterType.BOOLEAN, value);
    }

    public static TypedParameter ofString(String field, String value) {
        return new TypedParameter(field, TypedParameterType.STRING, value);
    }

    /**
     * A parameter of {@code type} whose value is given as text, as virTypedParamsAddFromString reads it; text that
     * does not fit the type fails with INVALID_ARG "Invalid value for field 'x': expected int".
     */
    public static TypedParameter fromString(String field, TypedParameterType type, String text) {
        if (text == null) {
            throw VirtException.invalidArg("NULL value for field '" + field + "'");
        }
        try {
            return switch (type) {
                case INT -> ofInt(field, Integer.parseInt(text));
                case UINT -> ofUInt(field, Integer.toUnsignedLong(Integer.parseUnsignedInt(text)));
                case LLONG -> ofLLong(field, Long.parseLong(text));
                case ULLONG -> ofULLong(field, Long.parseUnsignedLong(text));
                case DOUBLE -> ofDouble(field, Double.parseDouble(text));
                case BOOLEAN -> ofBoolean(field, parseBoolean(field, text));
                case STRING -> ofString(field, text);
            };
        } catch (NumberFormatException e) {
            throw VirtException.invalidArg("Invalid value for field '" + field + "': expected " + switch (type) {
                case INT -> "int";
                case UINT -> "unsigned int";
                case LLONG -> "long long";
                case ULLONG -> "unsigned long long";
                default -> "double";
            });
        }
    }

    private static boolean parseBoolean(String field, String text) {
        if (text.equalsIgnoreCase("true") || text.equals("1")) {
            return true;
        }
        if (text.equalsIgnoreCase("false") || text.equals("0")) {
            return false;
        }
        throw VirtException.invalidArg("Invalid boolean value for field '" + field + "'");
    }

    /** The value as an int (INT only). */
    public int intValue() {
        return (Integer) expect(TypedParameterType.INT);
    }

    /** The value as a long, for any of the integer types (INT, UINT, LLONG, ULLONG). */
    public long longValue() {
        return switch (type) {
            case INT -> (Integer) value;
            case UINT, LLONG, ULLONG -> (Long) value;
            default -> throw wrongType("an integer");
        };
    }

    public double doubleValue() {
        return (Double) expect(TypedParameterType.DOUBLE);
    }

    public boolean booleanValue() {
        return (Boolean) expect(TypedParameterType.BOOLEAN);
    }

    public String stringValue() {
        return (String) expect(TypedParameterType.STRING);
    }

    /** The value as text, as virsh prints typed parameters (unsigned types unsigned, booleans yes/no). */
    public String valueText() {
        return switch (type) {
            case ULLONG -> Long.toUnsignedString((Long) value);
            case BOOLEAN -> (Boolean) value ? "yes" : "no";
            case DOUBLE -> String.format(java.util.Locale.ROOT, "%f", (Double) value);
            default -> value.toString();
        };
    }

    private Object expect(TypedParameterType wanted) {
        if (type != wanted) {
            throw wrongType(typeName(wanted));
        }
        return value;
    }

    private VirtException wrongType(String wanted) {
        return VirtException.invalidArg("invalid type '" + typeName(type) + "' for parameter '" + field
                + "', expected '" + wanted + "'");
    }

    /** libvirt's name of a type in messages ("int", "uint", "llong", "ullong", "double", "boolean", "string"). */
    public static String typeName(TypedParameterType type) {
        return type.name().toLowerCase(java.util.Locale.ROOT);
    }

    static Class<?> javaType(TypedParameterType type) {
        return switch (type) {
            case INT -> Integer.class;
            case UINT, LLONG, ULLONG -> Long.class;
            case DOUBLE -> Double.class;
            case BOOLEAN -> Boolean.class;
            case STRING -> String.class;
        };
    }
}
