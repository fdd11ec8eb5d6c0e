package org.jvirt.conf.xml;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the text of an element that may also have child elements ({@code <nvram>PATH</nvram>} or
 * {@code <nvram><source/></nvram>}). JAXB allows no {@code @XmlValue} beside elements, so such a class collects
 * its text in a list field annotated {@code @XmlMixed @XmlAnyElement}; once the element is read, the binding
 * joins that text into the field marked here (which JAXB itself must not see: {@code @XmlTransient}) and drops
 * the list. Formatting writes the marked field as the element's text.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface MixedText {
}
