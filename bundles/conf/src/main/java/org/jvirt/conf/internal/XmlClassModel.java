package org.jvirt.conf.internal;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlMixed;
import jakarta.xml.bind.annotation.XmlTransient;
import jakarta.xml.bind.annotation.XmlValue;

import org.jvirt.conf.domain.Empty;
import org.jvirt.conf.xml.Live;
import org.jvirt.conf.xml.MixedText;
import org.jvirt.conf.xml.OtherElements;
import org.jvirt.conf.xml.Secret;
import org.jvirt.conf.xml.WithEndTag;
import org.w3c.dom.Element;

/**
 * How a model class maps to XML for jvirt's own writer and copier, read once per class from the same JAXB
 * annotations the JAXB runtime reads: attributes and child elements in the order the fields are declared, which
 * is the order libvirt writes them. Read lazily, so formatting costs only the classes a document uses.
 */
final class XmlClassModel {
    private static final ClassValue<XmlClassModel> MODELS = new ClassValue<>() {
        @Override
        protected XmlClassModel computeValue(Class<?> type) {
            return new XmlClassModel(type);
        }
    };

    final Class<?> type;
    /** libvirt writes elements of this class with an end tag even when they are empty. */
    final boolean withEndTag;
    final List<XmlProperty> attributes = new ArrayList<>();
    final List<XmlProperty> elements = new ArrayList<>();
    final XmlProperty value;
    final XmlProperty any;
    /** Whether the any-list keeps elements of every namespace ({@link OtherElements}). */
    final boolean anyKeepsAll;
    /** The {@code @XmlMixed} list where JAXB puts the text of a class whose text is {@link MixedText}. */
    final XmlProperty mixed;
    private final Map<String, XmlProperty> attributeByName = new HashMap<>();
    private final Map<String, XmlProperty> elementByName = new HashMap<>();
    private final Constructor<?> constructor;

    static XmlClassModel of(Class<?> type) {
        return MODELS.get(type);
    }

    private XmlClassModel(Class<?> type) {
        this.type = type;
        this.withEndTag = type.isAnnotationPresent(WithEndTag.class);
        XmlProperty v = null;
        XmlProperty a = null;
        XmlProperty mx = null;
        boolean keepAll = false;
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            List<Field> own = new ArrayList<>();
            Collections.addAll(own, c.getDeclaredFields());
            fields.addAll(0, own);
        }
        for (Field f : fields) {
            int m = f.getModifiers();
            if (f.isAnnotationPresent(XmlMixed.class) && !Modifier.isStatic(m)) {
                f.setAccessible(true);
                mx = new XmlProperty(f, null, null, XmlProperty.Kind.ANY, true, Object.class, false, false);
                continue;
            }
            if (f.isAnnotationPresent(MixedText.class)) {
                v = new XmlProperty(f, null, null, XmlProperty.Kind.VALUE, false, String.class,
                        f.isAnnotationPresent(Live.class), f.isAnnotationPresent(Secret.class));
                continue;
            }
            if (Modifier.isStatic(m) || !Modifier.isPublic(m) || f.isAnnotationPresent(XmlTransient.class)
                    || f.isSynthetic()) {
                continue;
            }
            boolean live = f.isAnnotationPresent(Live.class);
            boolean secret = f.isAnnotationPresent(Secret.class);
            boolean list = List.class.isAssignableFrom(f.getType());
            Class<?> item = list ? listItem(f) : f.getType();
            XmlAttribute at = f.getAnnotation(XmlAttribute.class);
            if (at != null) {
                String name = "##default".equals(at.name()) ? f.getName() : at.name();
                String ns = "##default".equals(at.namespace()) || at.namespace().isEmpty() ? null : at.namespace();
                XmlProperty p = new XmlProperty(f, name, ns, XmlProperty.Kind.ATTRIBUTE, false, String.class, live,
                        secret);
                attributes.add(p);
                attributeByName.put(key(ns, name), p);
                continue;
            }
            if (f.isAnnotationPresent(XmlValue.class)) {
                v = new XmlProperty(f, null, null, XmlProperty.Kind.VALUE, false, String.class, live, secret);
                continue;
            }
            if (f.isAnnotationPresent(XmlAnyElement.class)) {
                keepAll = f.isAnnotationPresent(OtherElements.class);
                a = new XmlProperty(f, null, null, XmlProperty.Kind.ANY, true, Element.class, live, secret);
                elements.add(a);
                continue;
            }
            XmlElement el = f.getAnnotation(XmlElement.class);
            String name = el == null || "##default".equals(el.name()) ? f.getName() : el.name();
            String ns = el == null || "##default".equals(el.namespace()) || el.namespace().isEmpty() ? null
                    : el.namespace();
            XmlProperty.Kind kind = item == String.class ? XmlProperty.Kind.TEXT
                    : item == Empty.class ? XmlProperty.Kind.EMPTY
                    : item == Element.class ? XmlProperty.Kind.DOM : XmlProperty.Kind.OBJECT;
            XmlProperty p = new XmlProperty(f, name, ns, kind, list, item, live, secret);
            elements.add(p);
            elementByName.put(key(ns, name), p);
        }
        this.value = v;
        this.any = a;
        this.mixed = mx;
        this.anyKeepsAll = keepAll;
        try {
            this.constructor = type.getConstructor();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("model class without a public no-argument constructor: " + type, e);
        }
    }

    private static Class<?> listItem(Field f) {
        if (f.getGenericType() instanceof ParameterizedType pt
                && pt.getActualTypeArguments()[0] instanceof Class<?> c) {
            return c;
        }
        throw new IllegalStateException("list field without an element type: " + f);
    }

    private static String key(String ns, String name) {
        return ns == null ? name : "{" + ns + "}" + name;
    }

    XmlProperty attribute(String ns, String name) {
        return attributeByName.get(key(ns, name));
    }

    XmlProperty element(String ns, String name) {
        return elementByName.get(key(ns, name));
    }

    Object newInstance() {
        try {
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + type, e);
        }
    }
}
