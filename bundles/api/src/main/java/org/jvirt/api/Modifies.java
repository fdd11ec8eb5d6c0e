package org.jvirt.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an API method that changes state. On a connection opened read-only it fails with libvirt's
 * {@link ErrorCode#OPERATION_DENIED} ("operation forbidden: read only access prevents virDomainCreate") and
 * changes nothing.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Modifies {
}
