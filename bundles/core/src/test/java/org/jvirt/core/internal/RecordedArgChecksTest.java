package org.jvirt.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Proxy;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.jvirt.api.Arg;
import org.jvirt.api.Connect;
import org.jvirt.api.ConnectFactory;
import org.jvirt.api.ConnectFlag;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainCheckpoint;
import org.jvirt.api.DomainSnapshot;
import org.jvirt.api.Interface;
import org.jvirt.api.Libvirt;
import org.jvirt.api.NWFilter;
import org.jvirt.api.NWFilterBinding;
import org.jvirt.api.Network;
import org.jvirt.api.NetworkPort;
import org.jvirt.api.NodeDevice;
import org.jvirt.api.Secret;
import org.jvirt.api.StoragePool;
import org.jvirt.api.StorageVol;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.TypedParameterType;
import org.jvirt.api.TypedParameters;
import org.jvirt.api.VirFlag;
import org.jvirt.api.VirtException;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.TestAbortedException;

/**
 * Replays libvirt 9.0's answers to bad arguments (src/test/resources/arg-checks/checks.expected, recorded by
 * src/test/scripts/record-arg-checks.py on test:///default) through the platform's standalone ConnectFactory and the
 * test driver: each case calls the API method that stands for the C function, with the case's arguments mapped onto
 * its parameters by the C names of their {@link Arg}s, and must fail with libvirt's code, domain and message.
 * Cases jvirt cannot express or does not yet match are listed with their reason in known-differences.txt: they run
 * too, show as skipped, and fail once they pass, so the list cannot go stale.
 */
class RecordedArgChecksTest {
    private static final Path DIR = Path.of("src", "test", "resources", "arg-checks");
    private static final List<Class<?>> KINDS = List.of(Connect.class, Domain.class, Network.class,
            NetworkPort.class, StoragePool.class, StorageVol.class, NodeDevice.class, Interface.class, NWFilter.class,
            NWFilterBinding.class, Secret.class, org.jvirt.api.Stream.class, DomainSnapshot.class,
            DomainCheckpoint.class);
    private static final UUID SOME_UUID = UUID.fromString("01020304-0506-0708-090a-0b0c0d0e0f10");

    /** One recorded case: the call and libvirt's answer. */
    record Case(int line, String function, String check, String args, boolean readOnly, int code, int domain,
            String message) {
        String key() {
            return function + "\t" + check + "\t" + args + "\t" + (readOnly ? "ro" : "");
        }

        @Override
        public String toString() {
            return "line " + line + ": " + function + " " + args + (readOnly ? " (read-only)" : "");
        }
    }

    @TestFactory
    Stream<DynamicTest> libvirtsAnswersToBadArguments() throws IOException {
        Map<String, String> known = knownDifferences();
        List<Case> cases = cases();
        assertThat(cases).hasSizeGreaterThan(250);
        Set<String> keys = new LinkedHashSet<>();
        cases.forEach(c -> keys.add(c.key()));
        known.keySet().removeIf(k -> k.contains("\tread-only\t"));
        assertThat(keys).as("known differences name recorded cases").containsAll(known.keySet());
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> run(c, known.get(c.key()))));
    }

    /**
     * libvirt's read-only rule: each function recorded on a read-only test:///default with valid arguments
     * (read-only.expected) that jvirt's API has, called the same way through the platform, is refused there exactly
     * when libvirt refuses it (VIR_ERR_OPERATION_DENIED, with libvirt's sentence), and otherwise not refused.
     */
    @TestFactory
    Stream<DynamicTest> libvirtsReadOnlyRule() throws IOException {
        Map<String, String> known = knownDifferences();
        List<DynamicTest> tests = new ArrayList<>();
        List<String> lines = Files.readAllLines(DIR.resolve("read-only.expected"), StandardCharsets.UTF_8);
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", 2);
            boolean denied = f[1].startsWith("29\t");
            Case c = new Case(n + 1, f[0], "read-only", "", true, denied ? 29 : -1, -1, f[1]);
            if (!hasMethod(c.function())) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(c.function() + (denied ? " is refused" : " is allowed")
                    + " read-only", () -> runReadOnly(c, denied, known.get(c.key()))));
        }
        assertThat(tests).hasSizeGreaterThan(200);
        return tests.stream();
    }

    private static void runReadOnly(Case c, boolean denied, String knownReason) {
        String answer;
        try {
            answer = answer(c);
        } catch (Unmappable e) {
            answer = "not expressible: " + e.getMessage();
        }
        boolean ok = denied ? answer.equals(c.message()) : !answer.startsWith("29\t");
        if (!denied || !ok || madeObjects) {
            madeObjects = false;
            freshPlatform();
        }
        if (knownReason != null) {
            if (ok) {
                fail(c.function() + " now follows libvirt's read-only rule: drop it from known-differences.txt");
            }
            throw new TestAbortedException(knownReason + " (jvirt: " + answer + ")");
        }
        if (denied) {
            assertThat(answer).as(c.function() + " on a read-only connection").isEqualTo(c.message());
        } else {
            assertThat(answer).as(c.function() + " on a read-only connection: libvirt allows it ("
                    + c.message() + ")").doesNotStartWith("29\t");
        }
    }

    private static boolean hasMethod(String function) {
        try {
            method(function);
            return true;
        } catch (Unmappable e) {
            return false;
        }
    }

    private static void run(Case c, String knownReason) {
        String answer;
        try {
            answer = answer(c);
        } catch (Unmappable e) {
            answer = "not expressible: " + e.getMessage();
        }
        String wanted = c.code() + "\t" + c.domain() + "\t" + c.message();
        if (!refusedAtEntry(answer, wanted) || madeObjects) {
            madeObjects = false;
            freshPlatform();
        }
        if (knownReason != null) {
            if (answer.equals(wanted)) {
                fail(c + " now gets libvirt's answer: drop it from known-differences.txt");
            }
            throw new TestAbortedException(knownReason + " (jvirt: " + answer + ")");
        }
        assertThat(answer).as(c.toString()).isEqualTo(wanted);
    }

    private static ConnectFactory platform;

    /**
     * The platform a case runs on: one kept while cases are refused at the entry (which changes nothing, the very
     * thing checked), a fresh one after any case whose call may have reached a driver.
     */
    private static synchronized ConnectFactory platform() {
        if (platform == null) {
            platform = ServiceLoader.load(ConnectFactory.class).findFirst().orElseThrow();
        }
        return platform;
    }

    private static synchronized void freshPlatform() {
        platform = null;
    }

    /** Set when a case made objects of its own (a volume, a snapshot, a checkpoint): the next case starts afresh. */
    private static volatile boolean madeObjects;

    /** Whether an answer is a refusal at the API's entry: an argument's check or the read-only rule. */
    private static boolean refusedAtEntry(String answer, String wanted) {
        return answer.equals(wanted) && !answer.equals("ok") && !answer.startsWith("3\t");
    }

    /** What the platform answers: "code TAB domain TAB message", or what went wrong. */
    private static String answer(Case c) {
        Method m = method(c.function());
        ConnectFactory factory = platform();
        try (CaseObjects objects = new CaseObjects(factory, c.readOnly())) {
            Object target;
            Object[] args;
            try {
                target = objects.receiver(m.getDeclaringClass());
                args = new Arguments(m, parse(c.args()), objects).build();
            } catch (VirtException e) {
                throw new Unmappable("the objects of the case: " + e.getMessage());
            }
            try {
                m.invoke(target, args);
                return "ok";
            } catch (java.lang.reflect.InvocationTargetException e) {
                if (e.getCause() instanceof VirtException v) {
                    return v.code().value() + "\t" + v.domain().value() + "\t" + v.getMessage();
                }
                return "unexpected " + e.getCause();
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The API method that stands for {@code function}: the one with the most parameters when overloaded. */
    static Method method(String function) {
        Method best = null;
        for (Class<?> kind : KINDS) {
            for (Method m : kind.getMethods()) {
                Libvirt l = m.getAnnotation(Libvirt.class);
                if (l != null && l.value().equals(function)
                        && (best == null || m.getParameterCount() > best.getParameterCount())) {
                    best = m;
                }
            }
        }
        if (best == null) {
            throw new Unmappable("no API method stands for " + function);
        }
        return best;
    }

    // ---- the objects a case calls on and passes

    /** The connections of a case and the objects of test:///default it uses, closed after it. */
    private static final class CaseObjects implements AutoCloseable {
        private final Connect rw;
        private final Connect conn;
        private final ConnectFactory factory;
        private Connect other;

        CaseObjects(ConnectFactory factory, boolean readOnly) {
            this.factory = factory;
            this.rw = factory.open("test:///default");
            this.conn = readOnly ? factory.open("test:///default", Set.of(ConnectFlag.RO), null) : rw;
        }

        /** A second connection: where OTHER objects come from, and a migration's destination. */
        Connect other() {
            if (other == null) {
                other = factory.open("test:///default");
            }
            return other;
        }

        Object receiver(Class<?> kind) {
            return object(kind, conn);
        }

        Object object(Class<?> kind, Connect c) {
            if (kind.isAssignableFrom(Connect.class)) {
                return c;
            }
            if (kind == Domain.class) {
                return c.domainLookupByName("test");
            }
            if (kind == Network.class) {
                return c.networkLookupByName("default");
            }
            if (kind == StoragePool.class) {
                return c.storagePoolLookupByName("default-pool");
            }
            if (kind == StorageVol.class || kind == DomainSnapshot.class || kind == DomainCheckpoint.class) {
                madeObjects = true;
            }
            if (kind == StorageVol.class) {
                StoragePool pool = rw.storagePoolLookupByName("default-pool");
                try {
                    pool.storageVolLookupByName("argvol");
                } catch (VirtException e) {
                    pool.storageVolCreateXML("<volume><name>argvol</name><capacity>1024</capacity></volume>",
                            Set.of());
                }
                return c.storagePoolLookupByName("default-pool").storageVolLookupByName("argvol");
            }
            if (kind == NodeDevice.class) {
                return c.nodeDeviceLookupByName("computer");
            }
            if (kind == Interface.class) {
                return c.interfaceLookupByName("eth1");
            }
            if (kind == org.jvirt.api.Stream.class) {
                return c.newStream(Set.of());
            }
            if (kind == DomainSnapshot.class) {
                Domain d = rw.domainLookupByName("test");
                if (!d.snapshotListNames(Set.of()).contains("argsnap")) {
                    d.snapshotCreateXML("<domainsnapshot><name>argsnap</name></domainsnapshot>", Set.of());
                }
                return c.domainLookupByName("test").snapshotLookupByName("argsnap");
            }
            if (kind == DomainCheckpoint.class) {
                Domain d = rw.domainLookupByName("test");
                try {
                    d.checkpointLookupByName("argcp");
                } catch (VirtException e) {
                    d.checkpointCreateXML("<domaincheckpoint><name>argcp</name></domaincheckpoint>", Set.of());
                }
                return c.domainLookupByName("test").checkpointLookupByName("argcp");
            }
            if (kind == Secret.class) {
                return c.secretLookupByUUID(SOME_UUID);
            }
            if (kind == java.io.FileDescriptor.class) {
                // a file handed to a starting guest: this process's standard input will do
                return java.io.FileDescriptor.in;
            }
            throw new Unmappable("test:///default has no " + kind.getSimpleName());
        }

        @Override
        public void close() {
            for (Connect c : new LinkedHashSet<>(java.util.Arrays.asList(conn, rw, other))) {
                if (c != null) {
                    c.close();
                }
            }
        }
    }

    // ---- arguments

    /** A case's arguments mapped onto a method's parameters; the others get valid values. */
    private static final class Arguments {
        private final Method method;
        private final Map<String, String> given;
        private final CaseObjects objects;

        Arguments(Method method, Map<String, String> given, CaseObjects objects) {
            this.method = method;
            this.given = given;
            this.objects = objects;
        }

        Object[] build() {
            Class<?>[] types = method.getParameterTypes();
            Type[] generic = method.getGenericParameterTypes();
            Object[] out = new Object[types.length];
            boolean[] set = new boolean[types.length];
            Map<String, String> left = new LinkedHashMap<>(given);
            for (Map.Entry<String, String> e : given.entrySet()) {
                int i = parameterFor(e.getKey(), e.getValue(), types, generic);
                if (i < 0) {
                    continue;
                }
                // a count and its array may name the same parameter: the first given wins
                if (!set[i]) {
                    out[i] = value(types[i], generic[i], e.getValue());
                }
                set[i] = true;
                left.remove(e.getKey());
            }
            if (!left.isEmpty()) {
                throw new Unmappable(method.getName() + " has no parameter for " + left.keySet());
            }
            for (int i = 0; i < types.length; i++) {
                if (!set[i]) {
                    out[i] = defaultValue(types[i], generic[i]);
                }
            }
            return out;
        }

        private int parameterFor(String name, String value, Class<?>[] types, Type[] generic) {
            java.lang.annotation.Annotation[][] all = method.getParameterAnnotations();
            for (int i = 0; i < all.length; i++) {
                for (Arg a : args(all[i])) {
                    if (a.value().equals(name)) {
                        return i;
                    }
                }
            }
            for (int i = types.length - 1; i >= 0; i--) {
                Class<?> element = elementType(generic[i]);
                if (name.equals("flags") && element != null && VirFlag.class.isAssignableFrom(element)) {
                    return i;
                }
            }
            if (value.startsWith("VIR_") && !name.equals("flags")) {
                for (int i = 0; i < types.length; i++) {
                    if (types[i].isEnum() && constant(types[i], value) != null) {
                        return i;
                    }
                }
            }
            return -1;
        }

        private Object value(Class<?> type, Type generic, String text) {
            if (text.equals("NULL")) {
                if (type.isPrimitive()) {
                    throw new Unmappable("a " + type + " cannot be NULL");
                }
                return null;
            }
            if (text.equals("OTHER")) {
                if (Collection.class.isAssignableFrom(type)) {
                    Class<?> element = elementType(generic);
                    return List.of(objects.object(element, objects.conn), objects.object(element, objects.other()));
                }
                return objects.object(type, objects.other());
            }
            if (text.matches("-?\\d+")) {
                if (!(type.isPrimitive() || Number.class.isAssignableFrom(type))) {
                    return sized(type, generic, Integer.parseInt(text));
                }
                return number(type, text);
            }
            if (text.startsWith("{")) {
                return typedParameters(text);
            }
            if (text.startsWith("VIR_")) {
                Class<?> element = elementType(generic);
                if (element != null) {
                    return flags(element, text);
                }
                return constant(type, text);
            }
            String s = text.startsWith("'") ? text.substring(1, text.length() - 1) : text;
            return s.replace("\\n", "\n");
        }

        private Object defaultValue(Class<?> type, Type generic) {
            if (type == String.class) {
                return "x";
            }
            if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
                return type == boolean.class ? (Object) false : number(type, "1");
            }
            if (type.isEnum()) {
                Object[] all = type.getEnumConstants();
                for (Object o : all) {
                    if (o instanceof org.jvirt.api.VirEnum v && v.value() == 1) {
                        return o;
                    }
                }
                return all[0];
            }
            if (Set.class.isAssignableFrom(type)) {
                return Set.of();
            }
            if (type == UUID.class) {
                return SOME_UUID;
            }
            if (type == java.time.Instant.class) {
                return java.time.Instant.ofEpochSecond(1);
            }
            if (type == java.time.Duration.class) {
                return java.time.Duration.ofSeconds(1);
            }
            if (type == BitSet.class) {
                BitSet b = new BitSet();
                b.set(0);
                return b;
            }
            if (type == TypedParameters.class || type.isArray() || List.class.isAssignableFrom(type)) {
                return sized(type, generic, 1);
            }
            if (KINDS.contains(type)) {
                try {
                    return type == Connect.class ? objects.other() : objects.object(type, objects.conn);
                } catch (Unmappable | VirtException e) {
                    // a kind test:///default lacks: none, as event registrations allow
                    return null;
                }
            }
            if (type.isInterface()) {
                // a listener, a source, a sink: one that does nothing
                return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                        (p, m, a) -> m.getReturnType() == boolean.class ? false
                                : m.getReturnType() == int.class ? 0 : m.getReturnType() == long.class ? 0L : null);
            }
            throw new Unmappable("no value for a " + type.getSimpleName());
        }

        /** An array, list or typed parameters of {@code n} items. */
        private Object sized(Class<?> type, Type generic, int n) {
            if (type == TypedParameters.class) {
                TypedParameters.Builder b = TypedParameters.builder();
                for (int i = 0; i < n; i++) {
                    b.addInt("x" + i, 1);
                }
                return b.build();
            }
            if (type.isArray()) {
                Object array = java.lang.reflect.Array.newInstance(type.getComponentType(), n);
                for (int i = 0; i < n; i++) {
                    java.lang.reflect.Array.set(array, i, number(type.getComponentType(), "1"));
                }
                return array;
            }
            if (List.class.isAssignableFrom(type)) {
                Class<?> element = elementType(generic);
                List<Object> list = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    list.add(element == String.class ? "x" : objects.object(element, objects.conn));
                }
                return list;
            }
            throw new Unmappable("cannot size a " + type.getSimpleName());
        }
    }

    private static List<Arg> args(java.lang.annotation.Annotation[] annotations) {
        List<Arg> out = new ArrayList<>();
        for (java.lang.annotation.Annotation a : annotations) {
            if (a instanceof Arg arg) {
                out.add(arg);
            } else if (a instanceof Arg.List list) {
                out.addAll(List.of(list.value()));
            }
        }
        return out;
    }

    private static Object number(Class<?> type, String text) {
        long v = Long.parseLong(text);
        if (type == int.class || type == Integer.class) {
            return (int) v;
        }
        if (type == long.class || type == Long.class) {
            return v;
        }
        throw new Unmappable("not a number type: " + type);
    }

    private static Class<?> elementType(Type generic) {
        if (generic instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> c) {
            return c;
        }
        return null;
    }

    /** A set of flags of {@code type} from "VIR_A|VIR_B"; libvirt's VIR_DOMAIN_AFFECT_* by their bits. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Set<?> flags(Class<?> type, String text) {
        Set out = new LinkedHashSet<>();
        for (String name : text.split("\\|")) {
            Object c = constant(type, name);
            if (c == null) {
                long bit = ArgChecks.bitOf(name, List.of(type));
                for (Object o : type.getEnumConstants()) {
                    if (((VirFlag) o).value() == bit) {
                        c = o;
                    }
                }
            }
            if (c == null) {
                throw new Unmappable(type.getSimpleName() + " has no " + name);
            }
            out.add(c);
        }
        return out;
    }

    private static Object constant(Class<?> type, String name) {
        if (!type.isEnum()) {
            return null;
        }
        for (Object o : type.getEnumConstants()) {
            if (name.equals(ArgChecks.libvirtName(o))) {
                return o;
            }
        }
        return null;
    }

    /** "{field:type=value,...}" as typed parameters. */
    private static TypedParameters typedParameters(String text) {
        TypedParameters.Builder b = TypedParameters.builder();
        String body = text.substring(1, text.length() - 1);
        if (!body.isEmpty()) {
            for (String p : body.split(",")) {
                String field = p.substring(0, p.indexOf(':'));
                String kind = p.substring(p.indexOf(':') + 1, p.indexOf('='));
                String value = p.substring(p.indexOf('=') + 1);
                b.add(TypedParameter.fromString(field, TypedParameterType.valueOf(kind.toUpperCase(
                        java.util.Locale.ROOT)), value));
            }
        }
        return b.build();
    }

    // ---- the files

    /** name=value pairs; values may be quoted ('a b') or braced ({a:int=1,b:string=x}). */
    static Map<String, String> parse(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        int i = 0;
        while (i < text.length()) {
            while (i < text.length() && text.charAt(i) == ' ') {
                i++;
            }
            if (i >= text.length()) {
                break;
            }
            int eq = text.indexOf('=', i);
            String name = text.substring(i, eq);
            int j = eq + 1;
            char open = j < text.length() ? text.charAt(j) : ' ';
            if (open == '\'') {
                j = text.indexOf('\'', j + 1) + 1;
            } else if (open == '{') {
                j = text.indexOf('}', j) + 1;
            } else {
                while (j < text.length() && text.charAt(j) != ' ') {
                    j++;
                }
            }
            out.put(name, text.substring(eq + 1, j));
            i = j;
        }
        return out;
    }

    static List<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(DIR.resolve("checks.expected"), StandardCharsets.UTF_8);
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length < 7) {
                throw new IllegalStateException("checks.expected line " + (n + 1) + ": " + line);
            }
            out.add(new Case(n + 1, f[0], f[1], f[2], f[3].equals("ro"), Integer.parseInt(f[4]),
                    Integer.parseInt(f[5]), f[6]));
        }
        return out;
    }

    /** "FUNCTION TAB CHECK TAB ARGUMENTS TAB [ro] TAB reason" lines. */
    static Map<String, String> knownDifferences() throws IOException {
        Map<String, String> out = new HashMap<>();
        for (String line : Files.readAllLines(DIR.resolve("known-differences.txt"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            out.put(f[0] + "\t" + f[1] + "\t" + f[2] + "\t" + f[3], f[4]);
        }
        return out;
    }

    /** A case jvirt's API cannot express (an argument it has no parameter or object for). */
    static final class Unmappable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unmappable(String message) {
            super(message);
        }
    }
}
