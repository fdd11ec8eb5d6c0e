package org.jvirt.conf.internal;

import java.util.List;

import org.w3c.dom.Element;

/** Deep copies of model objects, by the same properties XML reads and writes (transient fields are not copied). */
public final class XmlCopy {
    private XmlCopy() {
    }

    @SuppressWarnings("unchecked")
    public static <T> T of(T value) {
        if (value == null) {
            return null;
        }
        XmlClassModel m = XmlClassModel.of(value.getClass());
        Object c = m.newInstance();
        for (XmlProperty p : m.attributes) {
            p.set(c, p.get(value));
        }
        if (m.value != null) {
            m.value.set(c, m.value.get(value));
        }
        for (XmlProperty p : m.elements) {
            Object v = p.get(value);
            if (v == null) {
                continue;
            }
            if (p.list) {
                List<Object> target = p.list(c);
                target.clear();
                for (Object item : (List<?>) v) {
                    target.add(copyItem(p, item));
                }
            } else {
                p.set(c, copyItem(p, v));
            }
        }
        return (T) c;
    }

    private static Object copyItem(XmlProperty p, Object item) {
        return switch (p.kind) {
            case OBJECT, EMPTY -> of(item);
            case DOM, ANY -> ((Element) item).cloneNode(true);
            default -> item;
        };
    }
}
