package org.jvirt.core.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Proxy;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jvirt.api.Arg;
import org.jvirt.api.Connect;
import org.jvirt.api.DomainAffect;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.FlagRule;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.TypedParameterType;
import org.jvirt.api.TypedParameters;
import org.jvirt.api.Uuids;
import org.jvirt.api.VirFlag;
import org.jvirt.api.VirtException;

/**
 * libvirt's checks of arguments and flags at its public API's entry (virCheckNonNullArgGoto and kin,
 * VIR_EXCLUSIVE_FLAGS_GOTO, VIR_REQUIRE_FLAG_GOTO), made once here for every driver from the API's {@link Arg} and
 * {@link FlagRule} annotations, so that a bad argument gets libvirt's answer whatever the driver.
 */
final class ArgChecks {
    /** Memory sizes in KiB libvirt can hold in bytes: below LLONG_MAX / 1024 (virMemoryMaxValue). */
    private static final long MAX_KIB = Long.MAX_VALUE / 1024;

    /** One check of a method: a parameter's {@link Arg} or a method's {@link FlagRule}, with where it runs. */
    private sealed interface Step permits ParamStep, FlagStep {
        int order();

        boolean early();
    }

    private record ParamStep(int index, Arg arg) implements Step {
        @Override
        public int order() {
            return arg.order();
        }

        @Override
        public boolean early() {
            return arg.beforeReadOnly();
        }
    }

    private record FlagStep(FlagRule rule) implements Step {
        @Override
        public int order() {
            return rule.order();
        }

        @Override
        public boolean early() {
            return rule.beforeReadOnly();
        }
    }

    /** A method's checks in the order they run, and the C names of its parameters that carry an {@link Arg}. */
    private record Plan(List<Step> steps, Map<String, Integer> names, List<Class<?>> flagTypes,
            List<Class<?>> types) {
    }

    private static final Map<Method, Plan> PLANS = new ConcurrentHashMap<>();

    private ArgChecks() {
    }

    /** Every check of {@code method}, for a caller that cannot name the object called (no connection check). */
    static void check(Method method, Object[] args, Invocations.MethodFacts facts) {
        check(null, method, args, facts);
    }

    /** Every check of {@code method} called on {@code self} (the platform's handle). */
    static void check(Object self, Method method, Object[] args, Invocations.MethodFacts facts) {
        run(self, method, args, facts, false);
    }

    /** The checks libvirt makes before refusing a read-only connection; {@link #check} makes them again. */
    static void checkBeforeReadOnly(Object self, Method method, Object[] args, Invocations.MethodFacts facts) {
        run(self, method, args, facts, true);
    }

    /** Whether {@code method} declares any check. */
    static boolean hasChecks(Method method) {
        return !plan(method).steps().isEmpty();
    }

    private static void run(Object self, Method method, Object[] args, Invocations.MethodFacts facts,
            boolean earlyOnly) {
        Plan plan = plan(method);
        if (plan.steps().isEmpty()) {
            return;
        }
        Call call = new Call(self, args == null ? new Object[0] : args, plan, facts);
        for (Step s : plan.steps()) {
            if (earlyOnly && !s.early()) {
                continue;
            }
            VirtException failure = s instanceof ParamStep p ? call.param(p.index(), p.arg())
                    : call.flags(((FlagStep) s).rule());
            if (failure != null) {
                throw failure;
            }
        }
    }

    /** The check that fails for {@code value}, or null when it passes (the simple checks only). */
    static Arg.Check failure(Arg.Check check, Object value) {
        return switch (check) {
            case NON_NULL -> value == null ? Arg.Check.NON_NULL : null;
            case NULL -> value != null ? check : null;
            case NON_EMPTY_STRING -> value == null ? Arg.Check.NON_NULL
                    : value.toString().isEmpty() ? Arg.Check.NON_EMPTY_STRING : null;
            case NON_EMPTY_OPT_STRING -> value != null && value.toString().isEmpty() ? check : null;
            case POSITIVE -> number(value) <= 0 ? check : null;
            case NON_ZERO -> number(value) == 0 ? check : null;
            case NON_NEGATIVE -> number(value) < 0 ? check : null;
            case ALL_OR_NON_NEGATIVE -> number(value) < -1 ? check : null;
            case MEMORY_KIB -> Long.compareUnsigned(number(value), MAX_KIB) >= 0 ? check : null;
            case VALID_UUID -> value != null && !Uuids.isValid(value.toString()) ? check : null;
            case NO_NEWLINE -> value != null && value.toString().indexOf('\n') >= 0 ? check : null;
            case VALID_OBJECT -> value == null ? check : null;
            default -> throw new IllegalArgumentException(check + " needs the call's other arguments");
        };
    }

    /** An argument as a number: a count for arrays, collections and typed parameters (none when null). */
    static long number(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value instanceof Collection<?> c) {
            return c.size();
        }
        if (value instanceof TypedParameters p) {
            return p.size();
        }
        if (value != null && value.getClass().isArray()) {
            return java.lang.reflect.Array.getLength(value);
        }
        return 0;
    }

    // ---- the plan of a method

    private static Plan plan(Method m) {
        return PLANS.computeIfAbsent(m, ArgChecks::planOf);
    }

    private static Plan planOf(Method m) {
        List<Step> steps = new ArrayList<>();
        Map<String, Integer> names = new java.util.HashMap<>();
        Annotation[][] all = m.getParameterAnnotations();
        for (int i = 0; i < all.length; i++) {
            for (Annotation a : all[i]) {
                List<Arg> args = a instanceof Arg arg ? List.of(arg)
                        : a instanceof Arg.List list ? List.of(list.value()) : List.of();
                for (Arg arg : args) {
                    steps.add(new ParamStep(i, arg));
                    names.putIfAbsent(arg.value(), i);
                }
            }
        }
        for (FlagRule r : m.getAnnotationsByType(FlagRule.class)) {
            steps.add(new FlagStep(r));
        }
        // a stable sort: equal orders keep the declared order, parameters before flag rules
        steps.sort(Comparator.comparingInt(Step::order));
        List<Class<?>> flagTypes = new ArrayList<>();
        for (Type t : m.getGenericParameterTypes()) {
            if (t instanceof ParameterizedType p && Collection.class.isAssignableFrom((Class<?>) p.getRawType())
                    && p.getActualTypeArguments()[0] instanceof Class<?> c && c.isEnum()) {
                flagTypes.add(c);
            }
        }
        return new Plan(List.copyOf(steps), Map.copyOf(names), List.copyOf(flagTypes),
                List.of(m.getParameterTypes()));
    }

    /** The bit {@code name} stands for among {@code flagTypes}' constants, or -1 when none of them has it. */
    static long bitOf(String name, List<Class<?>> flagTypes) {
        for (Class<?> type : flagTypes) {
            for (Object c : type.getEnumConstants()) {
                if (c instanceof VirFlag f && name.equals(libvirtName(c))) {
                    return f.value();
                }
            }
        }
        for (DomainAffect a : DomainAffect.values()) {
            if (a.libvirtName().equals(name)) {
                return a.value();
            }
        }
        return -1;
    }

    private static final Map<Object, String> NAMES = new ConcurrentHashMap<>();

    /** The C name of an enum constant, as its generated {@code libvirtName()} gives it (looked up once). */
    static String libvirtName(Object constant) {
        return NAMES.computeIfAbsent(constant, c -> {
            try {
                return String.valueOf(c.getClass().getMethod("libvirtName").invoke(c));
            } catch (ReflectiveOperationException | RuntimeException e) {
                return ((Enum<?>) c).name();
            }
        });
    }

    // ---- one call

    /** The arguments of one call, read as the checks need them. */
    private record Call(Object self, Object[] args, Plan plan, Invocations.MethodFacts facts) {
        /** The failure of {@code arg} on parameter {@code index}, or null. */
        VirtException param(int index, Arg arg) {
            if (!applies(arg)) {
                return null;
            }
            Object value = args[index];
            Arg.Check check = arg.check();
            return switch (check) {
                case ONE_FOR_WHOLE -> number(given(arg)) == -1 && number(value) != 1
                        ? fail(arg, check.format(), value) : null;
                case AT_MOST -> number(value) > arg.limit() ? fail(arg, check.format(), value) : null;
                case SAME_CONNECTION -> sameConnection(arg, value);
                case STRING_FIELD -> fieldType(arg, value, TypedParameterType.STRING);
                case ULLONG_FIELD -> fieldType(arg, value, TypedParameterType.ULLONG);
                case VALID_OBJECT -> value == null ? invalidObject(arg, index) : null;
                case MEMORY_KIB -> failure(check, value) == null ? null
                        : new VirtException(code(arg, ErrorCode.OVERFLOW), facts.errorDomain(),
                                text(arg, check.format(), value));
                default -> {
                    Arg.Check failed = failure(check, value);
                    yield failed == null ? null : fail(arg, failed.format(), value);
                }
            };
        }

        /** The failure of a flag rule, or null. */
        VirtException flags(FlagRule rule) {
            String message;
            if (rule.exclusive().length == 2) {
                if (!given(rule.exclusive()[0]) || !given(rule.exclusive()[1])) {
                    return null;
                }
                message = "Flags '" + rule.exclusive()[0] + "' and '" + rule.exclusive()[1]
                        + "' are mutually exclusive";
            } else if (rule.refused()) {
                if (!given(rule.flag())) {
                    return null;
                }
                message = "Flag '" + rule.flag() + "' is not supported";
            } else {
                if (!given(rule.flag()) || given(rule.requires())) {
                    return null;
                }
                message = "Flag '" + rule.requires() + "' is required by flag '" + rule.flag() + "'";
            }
            if (!rule.message().isEmpty()) {
                message = rule.message();
            }
            return rule.code() == ErrorCode.OK
                    ? VirtException.withMessage(ErrorCode.INVALID_ARG, facts.errorDomain(), message)
                    : new VirtException(rule.code(), facts.errorDomain(), message);
        }

        /** Whether one of the flags or enum constants {@code names} ("A | B" for either) is among the arguments. */
        boolean given(String names) {
            for (String name : names.split("\\|")) {
                String n = name.trim();
                long bit = bitOf(n, plan.flagTypes());
                for (Object a : args) {
                    if (a instanceof Collection<?> c) {
                        for (Object o : c) {
                            if (o instanceof VirFlag f && (n.equals(libvirtName(o)) || f.value() == bit && bit > 0)) {
                                return true;
                            }
                        }
                    } else if (a instanceof Enum<?> e && n.equals(libvirtName(e))) {
                        return true;
                    }
                }
            }
            return false;
        }

        private boolean given(String[] names) {
            for (String n : names) {
                if (given(n)) {
                    return true;
                }
            }
            return false;
        }

        private boolean applies(Arg arg) {
            if (arg.when().length > 0 && !given(arg.when())) {
                return false;
            }
            if (arg.unless().length > 0 && given(arg.unless())) {
                return false;
            }
            return arg.given().isEmpty() || arg.check() == Arg.Check.ONE_FOR_WHOLE || given(arg) != null;
        }

        /** The argument {@code arg.given()} names. */
        private Object given(Arg arg) {
            Integer i = plan.names().get(arg.given());
            if (i == null) {
                throw new IllegalStateException(facts.function() + ": no argument " + arg.given());
            }
            return args[i];
        }

        private VirtException fail(Arg arg, String format, Object value) {
            String message = text(arg, format, value);
            return arg.code() == ErrorCode.OK
                    ? VirtException.withMessage(ErrorCode.INVALID_ARG, facts.errorDomain(), message)
                    : new VirtException(arg.code(), facts.errorDomain(), message);
        }

        private String text(Arg arg, String format, Object value) {
            String f = arg.message().isEmpty() ? format : arg.message();
            return f.replace("{arg}", arg.value()).replace("{fn}", facts.function())
                    .replace("{value}", value instanceof Long l ? Long.toUnsignedString(l) : String.valueOf(value))
                    .replace("{limit}", Integer.toString(arg.limit())).replace("{given}", arg.given())
                    .replace("{field}", arg.field()).replace("{self}", nameOf(self))
                    .replace("{object}", value instanceof Collection<?> ? "" : nameOf(value));
        }

        private static ErrorCode code(Arg arg, ErrorCode otherwise) {
            return arg.code() == ErrorCode.OK ? otherwise : arg.code();
        }

        /** A null object where libvirt checks its pointer: the kind's own "invalid ... pointer" error. */
        private VirtException invalidObject(Arg arg, int index) {
            ErrorCode code = switch (plan.types().get(index).getSimpleName()) {
                case "Stream" -> ErrorCode.INVALID_STREAM;
                case "Connect" -> ErrorCode.INVALID_CONN;
                case "Domain" -> ErrorCode.INVALID_DOMAIN;
                case "Network" -> ErrorCode.INVALID_NETWORK;
                case "StoragePool" -> ErrorCode.INVALID_STORAGE_POOL;
                case "StorageVol" -> ErrorCode.INVALID_STORAGE_VOL;
                case "DomainSnapshot" -> ErrorCode.INVALID_DOMAIN_SNAPSHOT;
                case "DomainCheckpoint" -> ErrorCode.INVALID_DOMAIN_CHECKPOINT;
                default -> ErrorCode.INVALID_ARG;
            };
            ErrorDomain domain = code == ErrorCode.INVALID_STREAM ? ErrorDomain.STREAMS : facts.errorDomain();
            String detail = arg.message().isEmpty() ? facts.function() : text(arg, arg.message(), null);
            return new VirtException(code(arg, code), domain, detail);
        }

        /** An object, or each of a collection's, must belong to the connection the call is made on. */
        private VirtException sameConnection(Arg arg, Object value) {
            if (value == null) {
                return null;
            }
            List<?> all = value instanceof Collection<?> c ? List.copyOf(c) : List.of(value);
            // without the handle called, a collection's items must at least share the first one's connection
            Object mine = self != null ? connectionOf(self) : all.isEmpty() ? null : connectionOf(all.get(0));
            if (mine == null) {
                return null;
            }
            for (Object o : all) {
                Object theirs = connectionOf(o);
                if (theirs != null && theirs != mine) {
                    String message = text(arg, arg.message().isEmpty() ? Arg.Check.SAME_CONNECTION.format()
                            : arg.message(), o).replace("{object}", nameOf(o));
                    return arg.code() == ErrorCode.OK
                            ? VirtException.withMessage(ErrorCode.INVALID_ARG, facts.errorDomain(), message)
                            : new VirtException(arg.code(), facts.errorDomain(), message);
                }
            }
            return null;
        }

        /** A typed parameter's field, when given, must be of {@code wanted} (virTypedParamsGet*). */
        private VirtException fieldType(Arg arg, Object value, TypedParameterType wanted) {
            if (!(value instanceof TypedParameters params)) {
                return null;
            }
            TypedParameter p = params.get(arg.field()).orElse(null);
            if (p == null || p.type() == wanted) {
                return null;
            }
            String message = arg.check().format().replace("{field}", arg.field())
                    .replace("{actual}", typeName(p.type()));
            // virTypedParams* report from no particular domain
            return new VirtException(code(arg, ErrorCode.INVALID_ARG), ErrorDomain.NONE, message);
        }
    }

    /** libvirt's name of a typed parameter's type, as its messages quote it. */
    static String typeName(TypedParameterType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }

    /** The platform connection a handle belongs to, or null for what is not a platform handle. */
    static Object connectionOf(Object o) {
        if (o == null || !Proxy.isProxyClass(o.getClass())) {
            return null;
        }
        Object h = Proxy.getInvocationHandler(o);
        if (h instanceof OpenConnection c) {
            return c;
        }
        if (h instanceof ObjectHandle handle) {
            return handle.connection();
        }
        return null;
    }

    /** An object's name as libvirt's messages quote it (a secret by its UUID). */
    static String nameOf(Object o) {
        if (o == null) {
            return "";
        }
        if (o instanceof Connect) {
            return "";
        }
        for (String getter : List.of("getName", "getUUIDString", "getPortDev")) {
            try {
                return String.valueOf(o.getClass().getMethod(getter).invoke(o));
            } catch (ReflectiveOperationException | RuntimeException e) {
                // the next getter, or none
            }
        }
        return String.valueOf(o);
    }
}
