package org.jvirt.driver.remote.internal;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jvirt.api.Libvirt;
import org.jvirt.api.Stream;
import org.jvirt.api.VirEnum;
import org.jvirt.rpc.Procedure;
import org.jvirt.rpc.StreamDirection;
import org.jvirt.rpc.qemu.QemuProtocol;
import org.jvirt.rpc.remote.RemoteProtocol;

/**
 * How one API method travels: the REMOTE procedure its libvirt function is (found by name, as libvirt's generated
 * client bodies pair them), how each field of the procedure's arguments is filled from the object, the method's
 * arguments or a fixed value, and which fields of the reply make the result. Plans are made once per method; a
 * method whose arguments or result do not fit its procedure gets no plan (and is left to a hand-written call or to
 * NO_SUPPORT).
 */
final class CallPlan {
    /** A list's capacity asked of the server where libvirt's old list calls want one (every list max is >= it). */
    static final int LIST_CAPACITY = 16384;
    /** Typed parameters asked for where the reply has no count: every parameter list's maximum is >= 16. */
    static final int PARAMS_CAPACITY = 16;

    private static final Map<String, Procedure<?, ?>> BY_NAME = procedures(RemoteProtocol.PROGRAM);
    private static final Map<String, Procedure<?, ?>> QEMU_BY_NAME = procedures(QemuProtocol.PROGRAM);
    /** The wire fields a set of flags or kinds may fill: masks, never counts or sizes. */
    private static final Set<String> MASKS = Set.of("flags", "types", "stats");
    private static final Map<Method, Optional<CallPlan>> PLANS = new ConcurrentHashMap<>();

    /** How one wire field is filled. */
    sealed interface Fill {
    }

    /** The object the method is called on (its wire identity, or a node device's name). */
    record Self(boolean nameOnly) implements Fill {
    }

    /** The method's argument at {@code index}. */
    record Arg(int index) implements Fill {
    }

    /** An Instant argument's seconds or nanoseconds. */
    record InstantPart(int index, boolean seconds) implements Fill {
    }

    /** A fixed value. */
    record Fixed(Object value) implements Fill {
    }

    /** The number of typed parameters wanted: 0 first, then what the server said. */
    record ParamCount() implements Fill {
    }

    final Procedure<Object, Object> procedure;
    final Constructor<?> argsConstructor;
    /** The constructor's parameter types, kept: Constructor hands out copies on every call. */
    final Class<?>[] argsTypes;
    final Type[] argsGenericTypes;
    final Fill[] fills;
    final int streamArg;
    final boolean twoPhase;
    final int paramCountField;
    final Type returnType;
    final int[] resultFields;
    final boolean foundFlag;
    /** The wire field of the flags that get VIR_TYPED_PARAM_STRING_OKAY when the server has strings, or -1. */
    final int stringParamsFlagsField;

    /**
     * libvirt's entry points that add VIR_TYPED_PARAM_STRING_OKAY to the caller's flags when the driver (here, the
     * server) can send string parameters: without it, a server leaves the string parameters out of its reply.
     */
    private static final Set<String> STRING_PARAMS = Set.of("virDomainGetBlkioParameters",
            "virDomainGetMemoryParameters", "virDomainGetNumaParameters", "virDomainGetSchedulerParametersFlags",
            "virDomainGetInterfaceParameters", "virDomainGetBlockIoTune", "virDomainBlockStatsFlags",
            "virDomainGetCPUStats", "virNodeGetMemoryParameters");

    /** The flag itself (virTypedParameterFlags). */
    static final int TYPED_PARAM_STRING_OKAY = 1 << 2;

    private CallPlan(String function, Procedure<Object, Object> procedure, Constructor<?> argsConstructor,
            Fill[] fills, int streamArg, boolean twoPhase, int paramCountField, Type returnType, int[] resultFields,
            boolean foundFlag) {
        this.procedure = procedure;
        this.argsConstructor = argsConstructor;
        this.argsTypes = argsConstructor == null ? new Class<?>[0] : argsConstructor.getParameterTypes();
        this.argsGenericTypes = argsConstructor == null ? new Type[0] : argsConstructor.getGenericParameterTypes();
        this.fills = fills;
        this.streamArg = streamArg;
        this.twoPhase = twoPhase;
        this.paramCountField = paramCountField;
        this.returnType = returnType;
        this.resultFields = resultFields;
        this.foundFlag = foundFlag;
        int flags = -1;
        if (argsConstructor != null && STRING_PARAMS.contains(function)) {
            RecordComponent[] rc = argsConstructor.getDeclaringClass().getRecordComponents();
            for (int i = 0; i < rc.length; i++) {
                if (rc[i].getName().equals("flags") && rc[i].getType() == int.class) {
                    flags = i;
                }
            }
        }
        this.stringParamsFlagsField = flags;
    }

    boolean hasStream() {
        return procedure.stream() != StreamDirection.NONE;
    }

    /** The plan of {@code m} called on an object of {@code kind}, or empty when it has none. */
    static Optional<CallPlan> of(Method m, Class<?> kind) {
        return PLANS.computeIfAbsent(m, x -> Optional.ofNullable(make(x, kind)));
    }

    /** The REMOTE procedure of a libvirt function, or null. */
    static Procedure<?, ?> procedureOf(String function) {
        if (function == null || !function.startsWith("vir")) {
            return null;
        }
        String n = function.substring(3).toUpperCase(Locale.ROOT);
        if (n.contains("QEMU")) {
            // libvirt-qemu's functions are the QEMU program's procedures, named without "Qemu"
            return QEMU_BY_NAME.get(n.replace("QEMU", ""));
        }
        return BY_NAME.get(n);
    }

    @SuppressWarnings("unchecked")
    private static CallPlan make(Method m, Class<?> kind) {
        Libvirt l = m.getAnnotation(Libvirt.class);
        if (l == null) {
            return null;
        }
        Procedure<Object, Object> proc = (Procedure<Object, Object>) procedureOf(l.value());
        if (proc == null || proc.event()) {
            return null;
        }
        Class<?> argsType = proc.args().javaType();
        Class<?>[] params = m.getParameterTypes();
        Type[] generic = m.getGenericParameterTypes();
        List<Fill> fills = new ArrayList<>();
        int next = 0;
        int streamArg = -1;
        boolean twoPhase = false;
        int countField = -1;
        Constructor<?> ctor = null;
        Class<?> retType = proc.ret().javaType();
        RecordComponent[] ret = retType != null && retType.isRecord() ? retType.getRecordComponents()
                : new RecordComponent[0];
        if (argsType != null && argsType.isRecord()) {
            RecordComponent[] rc = argsType.getRecordComponents();
            Class<?>[] types = new Class<?>[rc.length];
            for (int i = 0; i < rc.length; i++) {
                RecordComponent c = rc[i];
                types[i] = c.getType();
                String name = c.getName();
                // a stream parameter travels as the call's stream, not as a field
                while (next < params.length && Stream.class.isAssignableFrom(params[next])) {
                    streamArg = next++;
                }
                if (i == 0 && kind != null && WireObjects.apiTypeOf(c.getType()) == kind) {
                    fills.add(new Self(false));
                } else if (i == 0 && kind == org.jvirt.api.NodeDevice.class && c.getType() == String.class
                        && name.equals("name")) {
                    fills.add(new Self(true));
                } else if (name.equals("needResults")) {
                    fills.add(new Fixed(1));
                } else if (name.equals("maxnames") || name.equals("maxids") || name.equals("maxuuids")) {
                    fills.add(new Fixed(LIST_CAPACITY));
                } else if (name.equals("maxStats")) {
                    fills.add(new Fixed(org.jvirt.api.DomainMemoryStatTag.values().length));
                } else if (name.equals("maxerrors")) {
                    fills.add(new Fixed(RemoteProtocol.REMOTE_DOMAIN_DISK_ERRORS_MAX));
                } else if (name.equals("nparams") && c.getType() == int.class) {
                    if (hasComponent(ret, "nparams")) {
                        twoPhase = true;
                        countField = i;
                        fills.add(new ParamCount());
                    } else {
                        fills.add(new Fixed(PARAMS_CAPACITY));
                    }
                } else if (next < params.length && params[next] == Instant.class && c.getType() == long.class) {
                    fills.add(new InstantPart(next, true));
                } else if (next < params.length && params[next] == Instant.class && c.getType() == int.class
                        && i > 0 && fills.get(i - 1) instanceof InstantPart) {
                    fills.add(new InstantPart(next++, false));
                } else if (name.equals("flags") && (next >= params.length || !flagLike(params[next]))) {
                    fills.add(new Fixed(0));
                } else if (next < params.length && WireValues.fits(params[next], c.getType(), c.getGenericType())
                        && (!Set.class.isAssignableFrom(params[next]) || MASKS.contains(name))) {
                    fills.add(new Arg(next++));
                } else {
                    return null;
                }
            }
            try {
                ctor = argsType.getDeclaredConstructor(types);
            } catch (NoSuchMethodException e) {
                return null;
            }
        }
        while (next < params.length && Stream.class.isAssignableFrom(params[next])) {
            streamArg = next++;
        }
        if (next != params.length) {
            return null;
        }
        if ((streamArg >= 0) != (proc.stream() != StreamDirection.NONE)) {
            return null;
        }
        // the result: every field but the counts
        Type javaRet = m.getGenericReturnType();
        List<Integer> fields = new ArrayList<>();
        boolean found = false;
        for (int i = 0; i < ret.length; i++) {
            String n = ret[i].getName();
            if (ret.length > 1 && (n.equals("ret") || n.equals("nparams") || n.equals("nerrors"))) {
                continue;
            }
            if (i == 0 && n.equals("found") && WireValues.rawClass(javaRet) == Optional.class) {
                found = true;
                continue;
            }
            fields.add(i);
        }
        Class<?> rawRet = WireValues.rawClass(javaRet);
        Class<?> whole = rawRet == Optional.class ? WireValues.rawClass(WireValues.typeArgument(javaRet)) : rawRet;
        int offered = ret.length - (found ? 1 : 0);
        if (whole.isRecord() && fields.size() != offered && whole.getRecordComponents().length == offered) {
            // the API's record keeps the counts too (a scheduler's type and its number of parameters)
            fields.clear();
            for (int i = found ? 1 : 0; i < ret.length; i++) {
                fields.add(i);
            }
        }
        if (rawRet != void.class && fields.isEmpty()) {
            return null;
        }
        if (rawRet != void.class && fields.size() > 1) {
            Class<?> target = rawRet == Optional.class ? WireValues.rawClass(WireValues.typeArgument(javaRet))
                    : rawRet;
            if (!(target == Instant.class && fields.size() == 2)
                    && !(target.isRecord() && target.getRecordComponents().length == fields.size())) {
                return null;
            }
        }
        return new CallPlan(l.value(), proc, ctor, fills.toArray(new Fill[0]), streamArg, twoPhase, countField, javaRet,
                fields.stream().mapToInt(Integer::intValue).toArray(), found);
    }

    private static boolean flagLike(Class<?> type) {
        return Set.class.isAssignableFrom(type) || VirEnum.class.isAssignableFrom(type) && !type.isEnum()
                || type == org.jvirt.api.DomainAffect.class;
    }

    private static boolean hasComponent(RecordComponent[] rc, String name) {
        for (RecordComponent c : rc) {
            if (c.getName().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Procedure<?, ?>> procedures(org.jvirt.rpc.Program program) {
        Map<String, Procedure<?, ?>> m = new HashMap<>();
        for (Procedure<?, ?> p : program.procedures()) {
            m.put(p.name().replace("_", ""), p);
        }
        return m;
    }

    /** The reply's value as the method's result. */
    Object result(WireValues values, Object reply) {
        Class<?> raw = WireValues.rawClass(returnType);
        if (raw == void.class) {
            return null;
        }
        Object[] comps = WireValues.components((Record) reply);
        if (foundFlag && ((Integer) comps[0]) == 0) {
            return Optional.empty();
        }
        Type target = foundFlag ? WireValues.typeArgument(returnType) : returnType;
        Object value;
        if (resultFields.length == 1) {
            value = values.fromWire(comps[resultFields[0]], target);
        } else {
            Object[] picked = new Object[resultFields.length];
            String[] all = WireValues.names(reply.getClass());
            String[] names = new String[resultFields.length];
            for (int i = 0; i < picked.length; i++) {
                picked[i] = comps[resultFields[i]];
                names[i] = all[resultFields[i]];
            }
            Class<?> t = WireValues.rawClass(target);
            if (t == Optional.class) {
                t = WireValues.rawClass(WireValues.typeArgument(target));
            }
            value = t == Instant.class ? Instant.ofEpochSecond((Long) picked[0], (Integer) picked[1])
                    : values.record(t, names, picked);
        }
        return foundFlag ? Optional.of(value) : value;
    }
}
