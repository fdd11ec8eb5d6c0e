package org.jvirt.conf.xml;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an {@code @XmlAnyElement} list that keeps every element no field models, whatever its namespace. Without
 * it, such a list keeps only elements of another namespace (a driver's own, an application's metadata), as libvirt
 * drops the elements of its own namespace it does not know.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface OtherElements {
}
