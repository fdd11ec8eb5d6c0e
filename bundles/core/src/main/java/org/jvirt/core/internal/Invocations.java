package org.jvirt.core.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jvirt.api.Connect;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.Libvirt;
import org.jvirt.api.Modifies;
import org.jvirt.api.VirtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the platform does around every call into a driver, as libvirt's public API layer does around its driver
 * tables: refuse calls on closed connections and state changes on read-only ones, name the function in "not
 * supported" errors, and turn a driver's unexpected exception into an internal error (logged, never shown raw).
 */
final class Invocations {
    private static final Logger LOG = LoggerFactory.getLogger(Invocations.class);

    /** Facts about an API method, looked up once. */
    record MethodFacts(String function, boolean modifies, ErrorDomain errorDomain) {
    }

    private static final Map<Method, MethodFacts> FACTS = new ConcurrentHashMap<>();

    private Invocations() {
    }

    static MethodFacts facts(Method method) {
        return FACTS.computeIfAbsent(method, m -> {
            Libvirt name = m.getAnnotation(Libvirt.class);
            String function = name != null ? name.value() : m.getName();
            ErrorDomain domain = m.getDeclaringClass() == Connect.class ? ErrorDomain.NONE : ErrorDomain.DOMAIN;
            return new MethodFacts(function, m.isAnnotationPresent(Modifies.class), domain);
        });
    }

    static void checkWritable(MethodFacts facts, boolean readOnly) {
        if (readOnly && facts.modifies()) {
            throw new VirtException(ErrorCode.OPERATION_DENIED, facts.errorDomain(),
                    "read only access prevents " + facts.function());
        }
    }

    static VirtException closed(MethodFacts facts) {
        return new VirtException(ErrorCode.INVALID_CONN, facts.errorDomain(), facts.function());
    }

    /** Calls the driver's method; every failure leaves as a VirtException. */
    static Object call(Object target, Method method, Object[] args, MethodFacts facts, String what) {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw translate(e.getCause(), facts, what);
        } catch (IllegalAccessException e) {
            throw translate(e, facts, what);
        }
    }

    static VirtException translate(Throwable t, MethodFacts facts, String what) {
        if (t instanceof VirtException v) {
            if (v.code() == ErrorCode.NO_SUPPORT && v.detail() == null) {
                return new VirtException(ErrorCode.NO_SUPPORT, facts.errorDomain(), facts.function());
            }
            return v;
        }
        LOG.error("{} failed in {} on {}", facts.function(), what, t.toString(), t);
        String message = t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
        return new VirtException(ErrorCode.INTERNAL_ERROR, facts.errorDomain(), message, t);
    }
}
