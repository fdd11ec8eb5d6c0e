package org.jvirt.conf.xml;

import java.lang.reflect.Field;
import java.util.Collection;

import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlMixed;
import jakarta.xml.bind.annotation.XmlValue;

import org.glassfish.jaxb.runtime.AccessorFactory;
import org.glassfish.jaxb.runtime.AccessorFactoryImpl;
import org.glassfish.jaxb.runtime.v2.runtime.JAXBContextImpl;
import org.glassfish.jaxb.runtime.v2.runtime.reflect.Accessor;

/**
 * How JAXB sets the models' fields: where an element that may appear once is given several times, the first
 * one counts, as libvirt's XPath look-ups take the first node (JAXB alone would keep the last). The model
 * packages name this factory with {@code @XmlAccessorFactory}; the binding turns that annotation on.
 */
public final class FirstElementWins implements AccessorFactory {
    private final AccessorFactoryImpl standard = AccessorFactoryImpl.getInstance();

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Accessor createFieldAccessor(Class bean, Field f, boolean readOnly) {
        if (readOnly || !singleElement(f)) {
            return standard.createFieldAccessor(bean, f, readOnly, true);
        }
        return new FirstWins(f);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Accessor createPropertyAccessor(Class bean, java.lang.reflect.Method getter,
            java.lang.reflect.Method setter) {
        return standard.createPropertyAccessor(bean, getter, setter);
    }

    private static boolean singleElement(Field f) {
        return !Collection.class.isAssignableFrom(f.getType()) && !f.getType().isPrimitive()
                && !f.isAnnotationPresent(XmlAttribute.class) && !f.isAnnotationPresent(XmlValue.class)
                && !f.isAnnotationPresent(XmlMixed.class) && !f.isAnnotationPresent(XmlAnyElement.class);
    }

    /** Sets a field only while it is still empty. */
    private static final class FirstWins<B, V> extends Accessor.FieldReflection<B, V> {
        FirstWins(Field f) {
            super(f, true);
        }

        @Override
        public void set(B bean, V value) {
            if (value == null || get(bean) == null) {
                super.set(bean, value);
            }
        }

        @Override
        public Accessor<B, V> optimize(JAXBContextImpl context) {
            // the runtime's generated accessors would set the field unconditionally
            return this;
        }
    }
}
