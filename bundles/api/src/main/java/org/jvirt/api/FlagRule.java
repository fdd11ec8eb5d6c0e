package org.jvirt.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A rule libvirt's public API makes on a call's flags before any driver sees them, checked by the platform for every
 * driver, in the order written: two flags that exclude each other (VIR_EXCLUSIVE_FLAGS_GOTO: "Flags
 * 'VIR_DOMAIN_SAVE_RUNNING' and 'VIR_DOMAIN_SAVE_PAUSED' are mutually exclusive"), a flag that needs another
 * (VIR_REQUIRE_FLAG_GOTO: "Flag 'VIR_DOMAIN_AFFECT_CONFIG' is required by flag 'VIR_DOMAIN_VCPU_MAXIMUM'"), or a
 * flag the function refuses.
 *
 * <p>Flags are named as libvirt's message quotes them: its C names, "A | B" for any of several. A name of the
 * function's own flag set is looked for first; libvirt's virDomainModificationImpact names
 * (VIR_DOMAIN_AFFECT_CONFIG, which some functions quote for their own flag of the same bit) are read as that bit.
 * Rules run after the parameters' {@link Arg} checks unless {@link #order()} says otherwise.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(FlagRule.List.class)
public @interface FlagRule {
    /** Two flags that cannot be given together. */
    String[] exclusive() default {};

    /** A flag (or "A | B": any of them) that {@link #requires()} another, or is {@link #refused()}. */
    String flag() default "";

    /** What {@link #flag()} needs: a flag, or "A | B" for any of them. */
    String requires() default "";

    /** Whether {@link #flag()} is refused outright. */
    boolean refused() default false;

    /** libvirt's sentence where it words this rule its own way. */
    String message() default "";

    /** The error code, where libvirt reports the rule with virReportError (the code's text, then the message). */
    ErrorCode code() default ErrorCode.OK;

    /** Whether libvirt checks this before refusing a read-only connection. */
    boolean beforeReadOnly() default false;

    /** Where the rule runs among the method's checks, lower first; equal orders keep the declared order. */
    int order() default 0;

    /** The rules of one method, in the order written. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface List {
        FlagRule[] value();
    }
}
