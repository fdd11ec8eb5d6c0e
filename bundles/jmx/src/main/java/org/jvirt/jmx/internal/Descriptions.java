package org.jvirt.jmx.internal;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;

import javax.management.MBeanAttributeInfo;
import javax.management.MBeanOperationInfo;

import org.jvirt.jmx.Description;

/**
 * The descriptions and parameter names a console shows for an MXBean, read from its interface: the
 * {@link Description} annotations, and the parameters' names as compiled (MXBean introspection alone gives "p0").
 */
final class Descriptions {
    private final Class<?> intf;

    Descriptions(Class<?> intf) {
        this.intf = intf;
    }

    String ofInterface(String fallback) {
        return text(intf, fallback);
    }

    String of(MBeanAttributeInfo info) {
        Method getter = method((info.isIs() ? "is" : "get") + info.getName(), 0);
        return text(getter, info.getDescription());
    }

    String of(MBeanOperationInfo info) {
        return text(method(info.getName(), info.getSignature().length), info.getDescription());
    }

    String parameterName(MBeanOperationInfo op, int sequence, String fallback) {
        Method m = method(op.getName(), op.getSignature().length);
        if (m == null) {
            return fallback;
        }
        Parameter p = m.getParameters()[sequence];
        return p.isNamePresent() ? p.getName() : fallback;
    }

    /** The interface's method {@code name} with {@code arity} parameters (the interfaces do not overload). */
    private Method method(String name, int arity) {
        for (Method m : intf.getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == arity) {
                return m;
            }
        }
        return null;
    }

    private static String text(AnnotatedElement element, String fallback) {
        Description d = element == null ? null : element.getAnnotation(Description.class);
        return d != null ? d.value() : fallback;
    }
}
