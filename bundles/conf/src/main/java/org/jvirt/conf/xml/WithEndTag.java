package org.jvirt.conf.xml;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an element that libvirt writes with a start and an end tag even when nothing is inside it
 * ({@code <devices>} then {@code </devices>} on the next line), where elements are otherwise written
 * {@code <x/>} when empty. On a class it holds wherever the class is written; on a field, only there.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.FIELD})
public @interface WithEndTag {
}
