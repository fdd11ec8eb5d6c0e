package org.jvirt.core.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jvirt.api.Connect;
import org.jvirt.api.ConnectInterfaces;
import org.jvirt.api.ConnectNWFilters;
import org.jvirt.api.ConnectNetworks;
import org.jvirt.api.ConnectNodeDevices;
import org.jvirt.api.ConnectSecrets;
import org.jvirt.api.ConnectStorage;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainCheckpoint;
import org.jvirt.api.DomainSnapshot;
import org.jvirt.api.ErrorDomain;
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
import org.jvirt.api.Stream;

/**
 * The API's object kinds as the platform treats them: which interfaces are handles the platform wraps, which getters
 * identify a handle (its equality within a connection), and the error domain libvirt reports a function's failures
 * in: VIR_FROM_THIS of the C file the function lives in (libvirt-modules.tsv names each function's file).
 */
final class ApiKinds {

    /** An object kind: its interface and the getters whose values identify one object of it. */
    record Kind(Class<?> type, List<String> identity, ErrorDomain errorDomain) {
    }

    private static final Map<Class<?>, Kind> OBJECTS = new LinkedHashMap<>();
    private static final Map<Class<?>, ErrorDomain> DOMAINS = new LinkedHashMap<>();

    /** VIR_FROM_THIS of each of libvirt's source files that holds public functions jvirt's handles stand for. */
    static final Map<String, ErrorDomain> MODULE_DOMAINS = Map.ofEntries(
            Map.entry("libvirt", ErrorDomain.NONE),
            Map.entry("libvirt-host", ErrorDomain.DOMAIN),
            Map.entry("libvirt-domain", ErrorDomain.DOMAIN),
            Map.entry("libvirt-domain-snapshot", ErrorDomain.DOMAIN_SNAPSHOT),
            Map.entry("libvirt-domain-checkpoint", ErrorDomain.DOMAIN_CHECKPOINT),
            Map.entry("libvirt-network", ErrorDomain.NETWORK),
            Map.entry("libvirt-storage", ErrorDomain.STORAGE),
            Map.entry("libvirt-nodedev", ErrorDomain.NODEDEV),
            Map.entry("libvirt-interface", ErrorDomain.INTERFACE),
            Map.entry("libvirt-nwfilter", ErrorDomain.NWFILTER),
            Map.entry("libvirt-secret", ErrorDomain.SECRET),
            Map.entry("libvirt-stream", ErrorDomain.STREAMS),
            Map.entry("libvirt-qemu", ErrorDomain.NONE));

    /** libvirt's public functions to the source file (module) each is in. */
    private static final Map<String, String> MODULES = readModules();

    private static void object(Class<?> type, ErrorDomain domain, String... identity) {
        OBJECTS.put(type, new Kind(type, List.of(identity), domain));
        DOMAINS.put(type, domain);
    }

    static {
        object(Domain.class, ErrorDomain.DOMAIN, "getUUID");
        object(DomainSnapshot.class, ErrorDomain.DOMAIN_SNAPSHOT, "getDomain", "getName");
        object(DomainCheckpoint.class, ErrorDomain.DOMAIN_CHECKPOINT, "getDomain", "getName");
        object(Network.class, ErrorDomain.NETWORK, "getUUID");
        object(NetworkPort.class, ErrorDomain.NETWORK, "getUUID");
        object(StoragePool.class, ErrorDomain.STORAGE, "getUUID");
        object(StorageVol.class, ErrorDomain.STORAGE, "getKey");
        object(NodeDevice.class, ErrorDomain.NODEDEV, "getName");
        object(Interface.class, ErrorDomain.INTERFACE, "getName");
        object(NWFilter.class, ErrorDomain.NWFILTER, "getUUID");
        object(NWFilterBinding.class, ErrorDomain.NWFILTER, "getPortDev");
        object(Secret.class, ErrorDomain.SECRET, "getUUID");
        object(Stream.class, ErrorDomain.STREAMS);
        DOMAINS.put(Connect.class, ErrorDomain.DOMAIN);
        DOMAINS.put(ConnectNetworks.class, ErrorDomain.NETWORK);
        DOMAINS.put(ConnectStorage.class, ErrorDomain.STORAGE);
        DOMAINS.put(ConnectNodeDevices.class, ErrorDomain.NODEDEV);
        DOMAINS.put(ConnectInterfaces.class, ErrorDomain.INTERFACE);
        DOMAINS.put(ConnectNWFilters.class, ErrorDomain.NWFILTER);
        DOMAINS.put(ConnectSecrets.class, ErrorDomain.SECRET);
    }

    private ApiKinds() {
    }

    /** The kind of a driver object, or null when {@code o} is not an API object (nor a Connect). */
    static Kind kindOf(Object o) {
        if (o == null) {
            return null;
        }
        for (Kind k : OBJECTS.values()) {
            if (k.type.isInstance(o)) {
                return k;
            }
        }
        return null;
    }

    static Kind kind(Class<?> type) {
        return OBJECTS.get(type);
    }

    static boolean isObjectType(Class<?> type) {
        return OBJECTS.containsKey(type) || type == Connect.class;
    }

    /**
     * The error domain of a method: that of the source file its libvirt function is in (a snapshot function on a
     * domain reports from the snapshot file's domain), else that of the interface declaring it.
     */
    static ErrorDomain errorDomain(Method m) {
        Libvirt name = m.getAnnotation(Libvirt.class);
        String module = name == null ? null : MODULES.get(name.value());
        ErrorDomain d = module == null ? null : MODULE_DOMAINS.get(module);
        if (d == null) {
            d = DOMAINS.get(m.getDeclaringClass());
        }
        return d != null ? d : ErrorDomain.NONE;
    }

    /** The source file (module) libvirt's function {@code function} is in, or null for one it does not have. */
    static String module(String function) {
        return MODULES.get(function);
    }

    private static Map<String, String> readModules() {
        Map<String, String> modules = new HashMap<>();
        try (InputStream in = ApiKinds.class.getResourceAsStream("libvirt-modules.tsv")) {
            if (in == null) {
                throw new IllegalStateException("libvirt-modules.tsv is missing from the core bundle");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                modules.put(f[0], f[1]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(modules);
    }
}
