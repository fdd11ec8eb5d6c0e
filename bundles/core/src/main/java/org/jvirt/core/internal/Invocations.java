package org.jvirt.core.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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
 * supported" errors, run a convenience's default body against the platform's own handle when the driver does not
 * implement it, and turn a driver's unexpected exception into an internal error (logged, never shown raw).
 */
final class Invocations {
    private static final Logger LOG = LoggerFactory.getLogger(Invocations.class);

    /** Facts about an API method, looked up once. */
    record MethodFacts(String function, boolean modifies, Set<String> when, String deniedMessage,
            ErrorDomain errorDomain, boolean convenience) {
    }

    private static final Map<Method, MethodFacts> FACTS = new ConcurrentHashMap<>();
    private static final Map<Class<?>, Map<Method, Boolean>> OVERRIDES = new ConcurrentHashMap<>();

    private Invocations() {
    }

    static MethodFacts facts(Method method) {
        return FACTS.computeIfAbsent(method, m -> {
            Libvirt name = m.getAnnotation(Libvirt.class);
            String function = name != null ? name.value() : m.getName();
            Modifies mod = m.getAnnotation(Modifies.class);
            return new MethodFacts(function, mod != null, mod == null ? Set.of() : Set.of(mod.when()),
                    mod == null ? "" : mod.message(), ApiKinds.errorDomain(m), name != null && name.via().length > 0);
        });
    }

    /** Refuses a state change on a read-only connection, as virCheckReadOnlyGoto does. */
    static void checkWritable(MethodFacts facts, boolean readOnly, Object[] args) {
        if (!readOnly || !facts.modifies()) {
            return;
        }
        if (!facts.when().isEmpty() && !mentions(args, facts.when())) {
            return;
        }
        String detail = facts.deniedMessage().isEmpty() ? "read only access prevents " + facts.function()
                : facts.deniedMessage();
        throw new VirtException(ErrorCode.OPERATION_DENIED, facts.errorDomain(), detail);
    }

    /** Whether any argument is, or is a collection holding, an enum constant with one of these names. */
    private static boolean mentions(Object[] args, Set<String> names) {
        if (args == null) {
            return false;
        }
        for (Object a : args) {
            if (a instanceof Enum<?> e && names.contains(e.name())) {
                return true;
            }
            if (a instanceof Collection<?> c) {
                for (Object o : c) {
                    if (o instanceof Enum<?> e && names.contains(e.name())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    static VirtException closed(MethodFacts facts) {
        return new VirtException(ErrorCode.INVALID_CONN, facts.errorDomain(), facts.function());
    }

    static VirtException noSupport(MethodFacts facts) {
        return new VirtException(ErrorCode.NO_SUPPORT, facts.errorDomain(), facts.function());
    }

    /** Whether {@code impl} implements {@code m} itself rather than inheriting the API's default body. */
    static boolean overrides(Class<?> impl, Method m) {
        return OVERRIDES.computeIfAbsent(impl, c -> new ConcurrentHashMap<>()).computeIfAbsent(m, x -> {
            try {
                Method resolved = impl.getMethod(x.getName(), x.getParameterTypes());
                return !resolved.getDeclaringClass().getPackageName().startsWith("org.jvirt.api");
            } catch (NoSuchMethodException e) {
                return false;
            }
        });
    }

    /**
     * Calls {@code method} for {@code handle} (the platform's proxy): the driver's own implementation on
     * {@code target} when it has one, with {@code driverArgs}; otherwise the API's default body against the proxy,
     * so that a convenience's inner calls go through the platform too. Every failure leaves as a VirtException.
     */
    static Object call(Object target, Object handle, Method method, Object[] args, Object[] driverArgs,
            MethodFacts facts, String what) {
        try {
            if (target != null && overrides(target.getClass(), method)) {
                return method.invoke(target, driverArgs);
            }
            if (!method.isDefault()) {
                throw noSupport(facts);
            }
            return InvocationHandler.invokeDefault(handle, method, args);
        } catch (InvocationTargetException e) {
            throw translate(e.getCause(), facts, what);
        } catch (VirtException e) {
            if (facts.convenience() && e.code() == ErrorCode.NO_SUPPORT) {
                // a convenience is unsupported when what it is built on is: name the function called
                throw noSupport(facts);
            }
            throw translate(e, facts, what);
        } catch (Throwable t) {
            throw translate(t, facts, what);
        }
    }

    static VirtException translate(Throwable t, MethodFacts facts, String what) {
        if (t instanceof VirtException v) {
            if (v.code() == ErrorCode.NO_SUPPORT && v.detail() == null) {
                return noSupport(facts);
            }
            return v;
        }
        if (t instanceof Error e && !(t instanceof StackOverflowError)) {
            throw e;
        }
        LOG.error("{} failed in {} on {}", facts.function(), what, t.toString(), t);
        String message = t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
        return new VirtException(ErrorCode.INTERNAL_ERROR, facts.errorDomain(), message, t);
    }
}
