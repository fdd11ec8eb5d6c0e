package org.jvirt.driver.remote.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

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
 * How each method of the API reaches the server: by a call plan (its procedure), a hand-written call, the handle
 * itself, the platform (events, streams), a convenience built on others, or not at all (NO_SUPPORT). The methods
 * with no way are listed in {@code unmapped.txt}, each with its reason; the list must match exactly, so that a
 * method that gains or loses its mapping is noticed.
 */
class ApiMappingTest {
    private static final Map<Class<?>, Class<?>[]> KINDS = Map.ofEntries(
            Map.entry(Connect.class, new Class<?>[] {Connect.class, ConnectNetworks.class, ConnectStorage.class,
                    ConnectNodeDevices.class, ConnectInterfaces.class, ConnectNWFilters.class, ConnectSecrets.class}),
            Map.entry(Domain.class, new Class<?>[] {Domain.class}),
            Map.entry(DomainSnapshot.class, new Class<?>[] {DomainSnapshot.class}),
            Map.entry(DomainCheckpoint.class, new Class<?>[] {DomainCheckpoint.class}),
            Map.entry(Network.class, new Class<?>[] {Network.class}),
            Map.entry(NetworkPort.class, new Class<?>[] {NetworkPort.class}),
            Map.entry(StoragePool.class, new Class<?>[] {StoragePool.class}),
            Map.entry(StorageVol.class, new Class<?>[] {StorageVol.class}),
            Map.entry(NodeDevice.class, new Class<?>[] {NodeDevice.class}),
            Map.entry(Interface.class, new Class<?>[] {Interface.class}),
            Map.entry(NWFilter.class, new Class<?>[] {NWFilter.class}),
            Map.entry(NWFilterBinding.class, new Class<?>[] {NWFilterBinding.class}),
            Map.entry(Secret.class, new Class<?>[] {Secret.class}));

    /** The platform implements these for every driver: they never reach one. */
    private static final Set<String> PLATFORM = Set.of("domainEventRegisterAny", "domainEventDeregisterAny",
            "domainEventRegister", "domainEventDeregister", "networkEventRegisterAny", "networkEventDeregisterAny",
            "storagePoolEventRegisterAny", "storagePoolEventDeregisterAny", "nodeDeviceEventRegisterAny",
            "nodeDeviceEventDeregisterAny", "secretEventRegisterAny", "secretEventDeregisterAny",
            "registerCloseCallback", "unregisterCloseCallback", "newStream", "domainQemuMonitorEventRegister",
            "domainQemuMonitorEventDeregister");
    private static final Set<String> LOCAL = Set.of("getConnect", "getName", "getUUID", "getID", "getKey",
            "getMACString", "getPortDev", "getFilterName", "getUsageType", "getUsageID", "getDomain", "getNetwork");

    @Test
    void everyMethodHasAWayOrIsListedAsUnmapped() throws IOException {
        Map<String, Integer> counts = new TreeMap<>();
        Set<String> unmapped = new TreeSet<>();
        for (Map.Entry<Class<?>, Class<?>[]> k : KINDS.entrySet()) {
            for (Class<?> facet : k.getValue()) {
                for (Method m : facet.getDeclaredMethods()) {
                    if (m.isSynthetic() || java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
                        continue;
                    }
                    String way = way(k.getKey(), m);
                    counts.merge(way, 1, Integer::sum);
                    if (way.equals("none")) {
                        unmapped.add(signature(facet, m));
                    }
                }
            }
        }
        System.out.println("remote driver: API methods by way: " + counts);
        assertThat(unmapped).containsExactlyInAnyOrderElementsOf(listed());
        assertThat(counts.get("plan")).isGreaterThan(300);
    }

    private static String way(Class<?> kind, Method m) {
        if (PLATFORM.contains(m.getName())) {
            return "platform";
        }
        if (LOCAL.contains(m.getName()) && m.getParameterCount() == 0 && kind != Connect.class) {
            return "local";
        }
        if (SpecialCalls.of(kind, m) != null) {
            return "special";
        }
        Optional<CallPlan> plan = CallPlan.of(m, kind);
        if (plan.isPresent()) {
            return "plan";
        }
        if (m.isDefault() && m.getAnnotation(Libvirt.class) != null && m.getAnnotation(Libvirt.class).via().length > 0) {
            return "convenience";
        }
        return "none";
    }

    static String signature(Class<?> facet, Method m) {
        return facet.getSimpleName() + "." + m.getName() + "(" + Arrays.stream(m.getParameterTypes())
                .map(Class::getSimpleName).collect(Collectors.joining(",")) + ")";
    }

    private static Set<String> listed() throws IOException {
        try (InputStream in = ApiMappingTest.class.getResourceAsStream("/unmapped.txt")) {
            Set<String> out = new TreeSet<>();
            if (in == null) {
                return out;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String l = line.strip();
                if (!l.isEmpty() && !l.startsWith("#")) {
                    out.add(l.split("\\s+", 2)[0]);
                }
            }
            return out;
        }
    }
}
