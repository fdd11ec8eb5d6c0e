package org.jvirt.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an API method that libvirt refuses on a read-only connection: it changes state, or reveals what a read-only
 * client must not see (secrets, guest memory, guest agent data). On a connection opened read-only it fails with
 * libvirt's {@link ErrorCode#OPERATION_DENIED} ("operation forbidden: read only access prevents virDomainCreate")
 * and changes nothing.
 *
 * <p>With {@link #when()}, only calls given one of the named flag or enum constants are refused (libvirt refuses
 * {@code virDomainGetXMLDesc} only with SECURE or MIGRATABLE); {@link #message()} then replaces the sentence after
 * "operation forbidden: ".
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Modifies {
    /** Names of flag or enum constants among the arguments that make the call refused; empty means always. */
    String[] when() default {};

    /** The detail of the refusal, when libvirt words it differently from "read only access prevents virX". */
    String message() default "";
}
