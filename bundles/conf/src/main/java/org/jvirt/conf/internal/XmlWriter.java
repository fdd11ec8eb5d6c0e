package org.jvirt.conf.internal;

import java.util.List;
import java.util.Map;

import org.w3c.dom.Element;

/**
 * Writes a model object as libvirt formats XML: attributes then children in the model's declared order, values
 * that are null left out, {@code <x/>} for an element with nothing inside, text on the element's own line. Fields
 * marked live are left out of the inactive form, secrets out of the non-secure one. An element whose form
 * depends on more than its fields has its own {@link ElementFormat}.
 */
public final class XmlWriter {
    /** Writes one element in its own way, falling back on the writer for its parts. */
    @FunctionalInterface
    public interface ElementFormat<T> {
        void write(XmlWriter w, String name, T value);
    }

    private final XmlBuffer out;
    private final boolean inactive;
    private final boolean secure;
    private final Map<Class<?>, ElementFormat<?>> formats;

    public XmlWriter(XmlBuffer out, boolean inactive, boolean secure, Map<Class<?>, ElementFormat<?>> formats) {
        this.out = out;
        this.inactive = inactive;
        this.secure = secure;
        this.formats = formats;
    }

    public XmlBuffer out() {
        return out;
    }

    public boolean inactive() {
        return inactive;
    }

    public boolean secure() {
        return secure;
    }

    /** Writes {@code value} as element {@code name}, in its own format if it has one. */
    @SuppressWarnings("unchecked")
    public void element(String name, Object value) {
        if (value == null) {
            return;
        }
        ElementFormat<Object> f = (ElementFormat<Object>) formats.get(value.getClass());
        if (f != null) {
            f.write(this, name, value);
        } else {
            generic(name, value);
        }
    }

    /** Writes {@code value} by its fields alone, whatever format its class has. */
    public void generic(String name, Object value) {
        generic(name, value, false);
    }

    private void generic(String name, Object value, boolean endTag) {
        XmlClassModel m = XmlClassModel.of(value.getClass());
        out.open(name);
        attributes(m, value);
        String text = m.value == null ? null : (String) m.value.get(value);
        if (!hasChildren(m, value)) {
            if ((text == null || text.isEmpty()) && (endTag || m.withEndTag)) {
                out.endOpen();
                out.close(name);
            } else if (text == null || text.isEmpty()) {
                out.endEmpty();
            } else {
                out.endText(name, text);
            }
            return;
        }
        out.endOpen();
        children(value);
        out.close(name);
    }

    /** Writes the attributes of {@code value} onto an open tag. */
    public void attributes(Object value) {
        attributes(XmlClassModel.of(value.getClass()), value);
    }

    private void attributes(XmlClassModel m, Object value) {
        for (XmlProperty p : m.attributes) {
            if (skip(p)) {
                continue;
            }
            out.attr(p.name, p.get(value));
        }
    }

    /** Whether {@code value} would write any child element. */
    public boolean hasChildren(Object value) {
        return hasChildren(XmlClassModel.of(value.getClass()), value);
    }

    private boolean hasChildren(XmlClassModel m, Object value) {
        for (XmlProperty p : m.elements) {
            if (skip(p)) {
                continue;
            }
            Object v = p.get(value);
            if (v != null && !(p.list && ((List<?>) v).isEmpty())) {
                return true;
            }
        }
        return false;
    }

    /** Writes the child elements of {@code value}, in order. */
    public void children(Object value) {
        XmlClassModel m = XmlClassModel.of(value.getClass());
        for (XmlProperty p : m.elements) {
            if (skip(p)) {
                continue;
            }
            Object v = p.get(value);
            if (v == null) {
                continue;
            }
            if (p.list) {
                for (Object item : (List<?>) v) {
                    child(p, item);
                }
            } else {
                child(p, v);
            }
        }
    }

    /** Writes the child elements of {@code value} except those named. */
    public void childrenExcept(Object value, String... names) {
        XmlClassModel m = XmlClassModel.of(value.getClass());
        outer:
        for (XmlProperty p : m.elements) {
            for (String n : names) {
                if (n.equals(p.name)) {
                    continue outer;
                }
            }
            if (skip(p)) {
                continue;
            }
            Object v = p.get(value);
            if (v == null) {
                continue;
            }
            if (p.list) {
                for (Object item : (List<?>) v) {
                    child(p, item);
                }
            } else {
                child(p, v);
            }
        }
    }

    private void child(XmlProperty p, Object v) {
        switch (p.kind) {
            case TEXT -> {
                out.open(p.name).endText(p.name, (String) v);
            }
            case EMPTY -> out.empty(p.name);
            case DOM, ANY -> out.rawLines(MetadataWriter.writeSingleQuoted((Element) v));
            default -> {
                if (p.withEndTag && !formats.containsKey(v.getClass())) {
                    generic(p.name, v, true);
                } else {
                    element(p.name, v);
                }
            }
        }
    }

    private boolean skip(XmlProperty p) {
        // elements of another namespace (a driver's own state) are written by their document's own format
        return p.live && inactive || p.secret && !secure
                || p.namespace != null && p.kind != XmlProperty.Kind.ATTRIBUTE;
    }
}
