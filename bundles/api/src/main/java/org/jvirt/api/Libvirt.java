package org.jvirt.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The libvirt function an API method stands for. It names the function in errors ("this function is not
 * supported by the connection driver: virDomainSuspend"), maps the API onto libvirt's for coverage, and lets the
 * daemon dispatch procedures to methods.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Libvirt {
    /** The C function's name, e.g. {@code virDomainSuspend}. */
    String value();

    /**
     * For a convenience whose default body calls other API methods: the functions it is built on (e.g.
     * virDomainCreate on virDomainCreateWithFlags). A driver that implements those serves this one too.
     */
    String[] via() default {};
}
