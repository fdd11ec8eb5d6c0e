package org.jvirt.core.internal;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jvirt.api.Connect;
import org.jvirt.api.ConnectInterfaces;
import org.jvirt.api.ConnectNWFilters;
import org.jvirt.api.ConnectNetworks;
import org.jvirt.api.ConnectNodeDevices;
import org.jvirt.api.ConnectSecrets;
import org.jvirt.api.ConnectStorage;
import org.jvirt.api.driver.InterfaceDriver;
import org.jvirt.api.driver.NWFilterDriver;
import org.jvirt.api.driver.NetworkDriver;
import org.jvirt.api.driver.NodeDeviceDriver;
import org.jvirt.api.driver.SecondaryDriver;
import org.jvirt.api.driver.SecretDriver;
import org.jvirt.api.driver.StorageDriver;

/**
 * The parts of a connection a shared secondary driver may serve (libvirt's conn->networkDriver, storageDriver, …):
 * each is a {@link Connect} super-interface and the service interface of the drivers that serve it.
 */
enum SecondaryPart {
    NETWORKS(ConnectNetworks.class, NetworkDriver.class),
    STORAGE(ConnectStorage.class, StorageDriver.class),
    NODE_DEVICES(ConnectNodeDevices.class, NodeDeviceDriver.class),
    INTERFACES(ConnectInterfaces.class, InterfaceDriver.class),
    NWFILTERS(ConnectNWFilters.class, NWFilterDriver.class),
    SECRETS(ConnectSecrets.class, SecretDriver.class);

    final Class<?> facet;
    final Class<? extends SecondaryDriver<?>> service;

    private final Map<Class<?>, Boolean> servedBy = new ConcurrentHashMap<>();

    @SuppressWarnings({"unchecked", "rawtypes"})
    SecondaryPart(Class<?> facet, Class<? extends SecondaryDriver> service) {
        this.facet = facet;
        this.service = (Class) service;
    }

    /** values(), which copies its array on every call: asked on every API call. */
    private static final SecondaryPart[] ALL = values();

    /** The part a method belongs to, or null for the hypervisor driver's own methods. */
    static SecondaryPart of(Method m) {
        for (SecondaryPart p : ALL) {
            if (p.facet == m.getDeclaringClass()) {
                return p;
            }
        }
        return null;
    }

    /** The part a secondary driver serves, or null when {@code driver} serves none. */
    static SecondaryPart servedBy(SecondaryDriver<?> driver) {
        for (SecondaryPart p : ALL) {
            if (p.service.isInstance(driver)) {
                return p;
            }
        }
        return null;
    }

    /**
     * Whether a hypervisor driver's connection class serves this part itself: it implements at least one of the
     * part's methods that the platform does not implement for every driver.
     */
    boolean servedBy(Class<?> connectClass) {
        return servedBy.computeIfAbsent(connectClass, c -> {
            for (Method m : facet.getDeclaredMethods()) {
                if (!m.isSynthetic() && !PlatformMethods.isPlatform(m) && Invocations.overrides(c, m)) {
                    return true;
                }
            }
            return false;
        });
    }
}
