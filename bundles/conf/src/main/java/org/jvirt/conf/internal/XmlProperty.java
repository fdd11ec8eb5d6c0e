package org.jvirt.conf.internal;

import java.lang.reflect.Field;
import java.util.List;

import org.jvirt.conf.xml.WithEndTag;

/**
 * One field of a model class as XML sees it: an attribute, the element's text, or a child element (text, empty
 * marker, nested object, a DOM element kept whole, or elements of other namespaces), single or repeated.
 */
final class XmlProperty {
    enum Kind { ATTRIBUTE, VALUE, TEXT, EMPTY, OBJECT, DOM, ANY }

    final Field field;
    final String name;
    final String namespace;
    final Kind kind;
    final boolean list;
    final Class<?> itemType;
    final boolean live;
    final boolean secret;
    /** libvirt writes this element with an end tag even when it is empty. */
    final boolean withEndTag;

    XmlProperty(Field field, String name, String namespace, Kind kind, boolean list, Class<?> itemType, boolean live,
            boolean secret) {
        this.field = field;
        this.name = name;
        this.namespace = namespace;
        this.kind = kind;
        this.list = list;
        this.itemType = itemType;
        this.live = live;
        this.secret = secret;
        this.withEndTag = field.isAnnotationPresent(WithEndTag.class);
    }

    Object get(Object target) {
        try {
            return field.get(target);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("model field not accessible: " + field, e);
        }
    }

    void set(Object target, Object value) {
        try {
            field.set(target, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("model field not accessible: " + field, e);
        }
    }

    @SuppressWarnings("unchecked")
    List<Object> list(Object target) {
        return (List<Object>) get(target);
    }
}
