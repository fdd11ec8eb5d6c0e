package org.jvirt.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A check libvirt's public API makes on an argument before any driver sees it (virCheckNonZeroArgGoto and its
 * kin). The platform makes it for every driver and fails as libvirt does: "memory in virDomainSetMemoryFlags must
 * not be zero" (VIR_ERR_INVALID_ARG), changing nothing. A parameter may carry several, made in the order written.
 *
 * <p>Checks run where libvirt makes them: after the read-only check unless {@link #beforeReadOnly()}, parameters'
 * checks before the method's {@link FlagRule}s, each in declaration order, unless {@link #order()} says otherwise
 * (lower first).
 *
 * <p>Numeric checks on an array, a collection or {@link TypedParameters} look at its size, which is the count
 * libvirt's C signature passes beside it ({@code nparams}, {@code nkeycodes}); a null one counts no items. Checks
 * libvirt makes that jvirt's types cannot fail are not declared: a flag set cannot hold an unknown bit nor an enum
 * an out-of-range number, a count cannot be negative nor disagree with its array, a typed parameter's name cannot
 * be too long, a {@link java.util.BitSet} has no byte length of its own, and results are return values, not
 * pointers to fill.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
@Repeatable(Arg.List.class)
public @interface Arg {
    /** The argument's name in libvirt's C signature, which the message quotes (or the count's, for sizes). */
    String value();

    /** What libvirt requires of it. */
    Check check();

    /** Names of flag or enum constants among the arguments: the check applies only when one of them is given. */
    String[] when() default {};

    /** Names of flag or enum constants among the arguments: the check is skipped when one of them is given. */
    String[] unless() default {};

    /**
     * Another argument, by the C name of its own {@code @Arg}, that the check depends on: it applies only when that
     * one is not null ({@link Check#ONE_FOR_WHOLE}: when that one is -1).
     */
    String given() default "";

    /** For checks on a {@link TypedParameters} field: the field's name. */
    String field() default "";

    /** The bound of {@link Check#AT_MOST}. */
    int limit() default 0;

    /**
     * libvirt's sentence where it words this check its own way; {arg}, {fn}, {value}, {limit}, {field}, {object}
     * (the name of the object given) and {self} (the name of the object called) stand for what they say.
     */
    String message() default "";

    /**
     * The error code, where libvirt reports this check with virReportError: the message then follows the code's own
     * text ("invalid argument: doms array in ... must contain at least one domain").
     */
    ErrorCode code() default ErrorCode.OK;

    /** Whether libvirt makes this check before refusing a read-only connection. */
    boolean beforeReadOnly() default false;

    /** Where the check runs among the method's checks, lower first; equal orders keep the declared order. */
    int order() default 0;

    /** The checks of one parameter, in the order written. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    @interface List {
        Arg[] value();
    }

    /** libvirt's argument checks and the sentence each failure reads as. */
    enum Check {
        /** virCheckNonNullArgGoto (or a NULL array, pages or doms, in the functions that take one). */
        NON_NULL("{arg} in {fn} must not be NULL"),
        /** virCheckNullArgGoto. */
        NULL("{arg} in {fn} must be NULL"),
        /** virCheckNonEmptyStringArgGoto: not NULL, then not empty. */
        NON_EMPTY_STRING("string {arg} in {fn} must not be empty"),
        /** virCheckNonEmptyOptStringArgGoto: NULL allowed, empty not. */
        NON_EMPTY_OPT_STRING("string {arg} in {fn} must not be empty"),
        /** virCheckPositiveArgGoto. */
        POSITIVE("{arg} in {fn} must be greater than zero"),
        /** virCheckNonZeroArgGoto. */
        NON_ZERO("{arg} in {fn} must not be zero"),
        /** virCheckNonNegativeArgGoto. */
        NON_NEGATIVE("{arg} in {fn} must be zero or greater"),
        /** Zero or greater, or -1 for all (a host CPU or NUMA cell number). */
        ALL_OR_NON_NEGATIVE("{arg} in {fn} only accepts -1 as a negative value"),
        /** Exactly 1 when the {@link Arg#given()} argument is -1 (one set of statistics for the whole domain). */
        ONE_FOR_WHOLE("{arg} must be 1 when {given} is -1"),
        /** At most {@link Arg#limit()}. */
        AT_MOST("{arg} must be <= {limit}"),
        /**
         * A memory size in KiB that libvirt can hold in bytes (below 2^63 / 1024 on a 64-bit host), read as C's
         * unsigned long: VIR_ERR_OVERFLOW.
         */
        MEMORY_KIB("input too large: {value}"),
        /** A UUID in a form virUUIDParse reads. */
        VALID_UUID("{arg} in {fn} must be a valid UUID"),
        /** No newline (a domain's title). */
        NO_NEWLINE("metadata title can't contain newlines"),
        /**
         * An object, not null: virCheckStreamGoto and kin, each with its own code ("invalid stream pointer in
         * virDomainScreenshot").
         */
        VALID_OBJECT("{fn}"),
        /** An object of the connection the call is made on (each element, for a collection). */
        SAME_CONNECTION("{arg} in {fn} must match connection"),
        /** A {@link TypedParameters} field, when given, holds a string (virTypedParamsGetString). */
        STRING_FIELD("Invalid type 'string' requested for parameter '{field}', actual type is '{actual}'"),
        /** A {@link TypedParameters} field, when given, holds an unsigned long long (virTypedParamsGetULLong). */
        ULLONG_FIELD("Invalid type 'ullong' requested for parameter '{field}', actual type is '{actual}'");

        private final String format;

        Check(String format) {
            this.format = format;
        }

        /** The sentence, with {arg}, {fn}, … still to fill. */
        public String format() {
            return format;
        }

        /** libvirt's sentence for {@code argument} of {@code function}. */
        public String message(String argument, String function) {
            return format.replace("{arg}", argument).replace("{fn}", function);
        }
    }
}
