package org.jvirt.driver.qemu.command;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlTransient;
import jakarta.xml.bind.annotation.XmlValue;

/**
 * The settings a domain definition makes, as XML paths ({@code devices/disk/driver/@cache}): every element and
 * attribute conf read into the model, found by walking its fields. The command line builder refuses a domain
 * that sets something it does not turn into QEMU arguments, rather than start a guest without it.
 */
final class DomainSettings {
    private static final Map<Class<?>, Field[]> FIELDS = new ConcurrentHashMap<>();

    private DomainSettings() {
    }

    /** The paths of everything {@code model} sets, in document order, each once. */
    static Set<String> of(Object model) {
        Set<String> out = new LinkedHashSet<>();
        walk(model, "", out);
        return out;
    }

    private static void walk(Object node, String path, Set<String> out) {
        for (Field f : fields(node.getClass())) {
            Object v;
            try {
                v = f.get(node);
            } catch (IllegalAccessException e) {
                continue;
            }
            if (v == null || v instanceof Collection<?> c && c.isEmpty()) {
                continue;
            }
            String p = path.isEmpty() ? name(f) : path + "/" + name(f);
            if (f.isAnnotationPresent(XmlAnyElement.class)) {
                out.add(p.substring(0, p.lastIndexOf('/') + 1) + "(namespaced elements)");
                continue;
            }
            out.add(p);
            if (v instanceof Collection<?> c) {
                for (Object item : c) {
                    if (item != null && !simple(item)) {
                        walk(item, p, out);
                    }
                }
            } else if (!simple(v)) {
                walk(v, p, out);
            }
        }
    }

    private static boolean simple(Object v) {
        return v instanceof String || v instanceof Number || v instanceof Boolean || v instanceof Enum<?>
                || v.getClass().getName().startsWith("java.") || v instanceof org.w3c.dom.Node;
    }

    private static String name(Field f) {
        XmlAttribute a = f.getAnnotation(XmlAttribute.class);
        if (a != null) {
            return "@" + ("##default".equals(a.name()) ? f.getName() : a.name());
        }
        XmlElement e = f.getAnnotation(XmlElement.class);
        if (e != null && !"##default".equals(e.name())) {
            return e.name();
        }
        if (f.isAnnotationPresent(XmlValue.class)) {
            return "text()";
        }
        return f.getName();
    }

    private static Field[] fields(Class<?> type) {
        return FIELDS.computeIfAbsent(type, t -> {
            java.util.List<Field> list = new java.util.ArrayList<>();
            for (Class<?> c = t; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    int m = f.getModifiers();
                    if (Modifier.isStatic(m) || !Modifier.isPublic(m) || f.isAnnotationPresent(XmlTransient.class)) {
                        continue;
                    }
                    list.add(f);
                }
            }
            return list.toArray(Field[]::new);
        });
    }
}
