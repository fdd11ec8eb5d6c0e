package org.jvirt.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.jvirt.api.Arg;
import org.jvirt.api.Connect;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainCheckpoint;
import org.jvirt.api.DomainSnapshot;
import org.jvirt.api.FlagRule;
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
import org.junit.jupiter.api.Test;

/**
 * The API's {@link Arg} and {@link FlagRule} annotations are well formed: every flag or constant they name exists
 * among the method's arguments (a misspelt name would make a rule that never fires), what they refer to is there,
 * and the checks libvirt makes are declared on the functions it makes them in.
 */
class ArgAnnotationsTest {
    private static final List<Class<?>> KINDS = List.of(Connect.class, Domain.class, Network.class,
            NetworkPort.class, StoragePool.class, StorageVol.class, NodeDevice.class, Interface.class, NWFilter.class,
            NWFilterBinding.class, Secret.class, org.jvirt.api.Stream.class, DomainSnapshot.class,
            DomainCheckpoint.class);

    @Test
    void everyNameAnAnnotationUsesIsAnArgumentsConstant() {
        List<String> problems = new ArrayList<>();
        for (Method m : methods()) {
            List<Class<?>> types = constantTypes(m);
            Set<String> argNames = new HashSet<>();
            for (Annotation[] as : m.getParameterAnnotations()) {
                for (Arg a : args(as)) {
                    argNames.add(a.value());
                }
            }
            for (FlagRule r : m.getAnnotationsByType(FlagRule.class)) {
                List<String> names = new ArrayList<>(List.of(r.exclusive()));
                if (!r.flag().isEmpty()) {
                    names.add(r.flag());
                }
                if (!r.requires().isEmpty()) {
                    names.add(r.requires());
                }
                if (r.exclusive().length != 0 && r.exclusive().length != 2) {
                    problems.add(m + ": exclusive names two flags");
                }
                if (r.exclusive().length == 0 && (r.flag().isEmpty() || r.requires().isEmpty() == !r.refused())) {
                    problems.add(m + ": a rule is exclusive, or a flag that requires another or is refused");
                }
                names.forEach(n -> unknown(m, n, types, problems));
            }
            for (Annotation[] as : m.getParameterAnnotations()) {
                for (Arg a : args(as)) {
                    List.of(a.when()).forEach(n -> unknown(m, n, types, problems));
                    List.of(a.unless()).forEach(n -> unknown(m, n, types, problems));
                    if (!a.given().isEmpty() && !argNames.contains(a.given())) {
                        problems.add(m + ": " + a.value() + " depends on " + a.given() + ", which no @Arg names");
                    }
                    boolean field = a.check() == Arg.Check.STRING_FIELD || a.check() == Arg.Check.ULLONG_FIELD;
                    if (field == a.field().isEmpty()) {
                        problems.add(m + ": " + a.value() + ": a field is named exactly for the field checks");
                    }
                    if ((a.check() == Arg.Check.AT_MOST) != (a.limit() > 0)) {
                        problems.add(m + ": " + a.value() + ": a limit is given exactly for AT_MOST");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theFunctionsLibvirtChecksCarryTheirChecks() {
        Set<String> checked = new TreeSet<>();
        for (Method m : methods()) {
            if (ArgChecks.hasChecks(m)) {
                checked.add(m.getAnnotation(Libvirt.class).value());
            }
        }
        // a sample across libvirt's files: arguments, flags, objects, typed parameters, streams
        assertThat(checked).contains("virDomainCreateXML", "virDomainSetVcpusFlags", "virDomainMigrate3",
                "virDomainSetMetadata", "virNetworkLookupByUUIDString", "virStorageVolResize", "virStreamSend",
                "virDomainSnapshotCreateXML", "virDomainCheckpointDelete", "virNodeAllocPages", "virSecretSetValue",
                "virConnectDomainQemuMonitorEventRegister");
        assertThat(checked).hasSizeGreaterThan(180);
    }

    private static void unknown(Method m, String names, List<Class<?>> types, List<String> problems) {
        for (String n : names.split("\\|")) {
            String name = n.trim();
            if (ArgChecks.bitOf(name, types) < 0 && !isConstant(name, types)) {
                problems.add(m + ": no argument's constant is named " + name);
            }
        }
    }

    private static boolean isConstant(String name, List<Class<?>> types) {
        for (Class<?> t : types) {
            for (Object c : t.getEnumConstants()) {
                if (name.equals(ArgChecks.libvirtName(c))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The enum types among a method's parameters, as constants or as sets of flags. */
    private static List<Class<?>> constantTypes(Method m) {
        List<Class<?>> out = new ArrayList<>();
        for (Type t : m.getGenericParameterTypes()) {
            if (t instanceof Class<?> c && c.isEnum()) {
                out.add(c);
            } else if (t instanceof ParameterizedType p && Collection.class.isAssignableFrom((Class<?>) p.getRawType())
                    && p.getActualTypeArguments()[0] instanceof Class<?> c && c.isEnum()) {
                out.add(c);
            }
        }
        return out;
    }

    private static List<Method> methods() {
        Set<Method> out = new HashSet<>();
        for (Class<?> k : KINDS) {
            for (Method m : k.getMethods()) {
                if (m.getAnnotation(Libvirt.class) != null) {
                    out.add(m);
                }
            }
        }
        return List.copyOf(out);
    }

    private static List<Arg> args(Annotation[] annotations) {
        List<Arg> out = new ArrayList<>();
        for (Annotation a : annotations) {
            if (a instanceof Arg arg) {
                out.add(arg);
            } else if (a instanceof Arg.List list) {
                out.addAll(List.of(list.value()));
            }
        }
        return out;
    }
}
