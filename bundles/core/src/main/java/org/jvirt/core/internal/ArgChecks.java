package org.jvirt.core.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jvirt.api.Arg;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;

/**
 * libvirt's checks of arguments at its public API's entry (virCheckNonZeroArgGoto and kin), made once here for every
 * driver from the API's {@link Arg} annotations, so that a bad argument gets libvirt's answer whatever the driver.
 */
final class ArgChecks {
    private record Rule(int index, Arg arg) {
    }

    private static final Map<Method, List<Rule>> RULES = new ConcurrentHashMap<>();

    private ArgChecks() {
    }

    static void check(Method method, Object[] args, Invocations.MethodFacts facts) {
        if (args == null) {
            return;
        }
        for (Rule r : RULES.computeIfAbsent(method, ArgChecks::rules)) {
            Object value = args[r.index()];
            Arg.Check failed = failure(r.arg().check(), value);
            if (failed != null) {
                throw VirtException.withMessage(ErrorCode.INVALID_ARG, facts.errorDomain(),
                        failed.message(r.arg().value(), facts.function()));
            }
        }
    }

    /** The check that fails for {@code value}, or null when it passes. */
    static Arg.Check failure(Arg.Check check, Object value) {
        return switch (check) {
            case NON_NULL -> value == null ? Arg.Check.NON_NULL : null;
            case NON_EMPTY_STRING -> value == null ? Arg.Check.NON_NULL
                    : value.toString().isEmpty() ? Arg.Check.NON_EMPTY_STRING : null;
            case POSITIVE -> number(value) <= 0 ? check : null;
            case NON_ZERO -> number(value) == 0 ? check : null;
            case NON_NEGATIVE -> number(value) < 0 ? check : null;
        };
    }

    private static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : 0;
    }

    private static List<Rule> rules(Method m) {
        List<Rule> rules = new ArrayList<>();
        Annotation[][] all = m.getParameterAnnotations();
        for (int i = 0; i < all.length; i++) {
            for (Annotation a : all[i]) {
                if (a instanceof Arg arg) {
                    rules.add(new Rule(i, arg));
                }
            }
        }
        return List.copyOf(rules);
    }
}
