package org.jvirt.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A check libvirt's public API makes on an argument before any driver sees it (virCheckNonZeroArgGoto and its
 * kin). The platform makes it for every driver, after the read-only check, and fails as libvirt does:
 * "memory in virDomainSetMemoryFlags must not be zero" (VIR_ERR_INVALID_ARG), changing nothing.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Arg {
    /** The argument's name in libvirt's C signature, which the message quotes. */
    String value();

    /** What libvirt requires of it. */
    Check check();

    /** libvirt's argument checks and the sentence each failure reads as. */
    enum Check {
        /** virCheckNonNullArgGoto: "%s in %s must not be NULL". */
        NON_NULL("%s in %s must not be NULL"),
        /** virCheckNonEmptyStringArgGoto: not NULL, then "string %s in %s must not be empty". */
        NON_EMPTY_STRING("string %s in %s must not be empty"),
        /** virCheckPositiveArgGoto: "%s in %s must be greater than zero". */
        POSITIVE("%s in %s must be greater than zero"),
        /** virCheckNonZeroArgGoto: "%s in %s must not be zero". */
        NON_ZERO("%s in %s must not be zero"),
        /** virCheckNonNegativeArgGoto: "%s in %s must be zero or greater". */
        NON_NEGATIVE("%s in %s must be zero or greater");

        private final String format;

        Check(String format) {
            this.format = format;
        }

        /** libvirt's sentence for {@code argument} of {@code function}. */
        public String message(String argument, String function) {
            return String.format(format, argument, function);
        }
    }
}
