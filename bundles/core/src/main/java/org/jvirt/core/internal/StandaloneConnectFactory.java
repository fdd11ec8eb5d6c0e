package org.jvirt.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;

import org.jvirt.api.Connect;
import org.jvirt.api.ConnectAuth;
import org.jvirt.api.ConnectFactory;
import org.jvirt.api.ConnectFlag;
import org.jvirt.api.DriverInfo;
import org.jvirt.api.driver.HypervisorDriver;
import org.jvirt.api.driver.InterfaceDriver;
import org.jvirt.api.driver.NWFilterDriver;
import org.jvirt.api.driver.NetworkDriver;
import org.jvirt.api.driver.NodeDeviceDriver;
import org.jvirt.api.driver.SecondaryDriver;
import org.jvirt.api.driver.SecretDriver;
import org.jvirt.api.driver.StorageDriver;

/**
 * The API outside OSGi: {@code ServiceLoader.load(ConnectFactory.class)} finds this, and it finds the drivers on the
 * class path the same way: hypervisor drivers under {@code META-INF/services/org.jvirt.api.driver.HypervisorDriver},
 * secondary drivers under their own interfaces' names ({@code org.jvirt.api.driver.NetworkDriver}, …). The default URI comes from the system property {@code jvirt.uri_default} (the
 * configuration's place outside OSGi), then the environment.
 */
public final class StandaloneConnectFactory implements ConnectFactory {
    private final Hub hub;

    public StandaloneConnectFactory() {
        this(ServiceLoader.load(HypervisorDriver.class, StandaloneConnectFactory.class.getClassLoader()),
                secondaryDrivers());
    }

    StandaloneConnectFactory(Iterable<HypervisorDriver> drivers) {
        this(drivers, List.of());
    }

    StandaloneConnectFactory(Iterable<HypervisorDriver> drivers, Iterable<SecondaryDriver<?>> secondaries) {
        hub = new Hub(() -> DefaultUri.resolve(System.getProperty("jvirt.uri_default"), System::getenv));
        for (HypervisorDriver d : drivers) {
            hub.addDriver(d, d.name(), d.uriSchemes(), d.isRemote(), d);
        }
        for (SecondaryDriver<?> d : secondaries) {
            hub.addSecondary(d, d.name(), d);
        }
    }

    private static List<SecondaryDriver<?>> secondaryDrivers() {
        ClassLoader loader = StandaloneConnectFactory.class.getClassLoader();
        List<SecondaryDriver<?>> out = new ArrayList<>();
        for (Class<? extends SecondaryDriver<?>> type : List.of(NetworkDriver.class, StorageDriver.class,
                NodeDeviceDriver.class, InterfaceDriver.class, NWFilterDriver.class, SecretDriver.class)) {
            ServiceLoader.load(type, loader).forEach(out::add);
        }
        return out;
    }

    @Override
    public Connect open(String uri, Set<ConnectFlag> flags, ConnectAuth auth) {
        return hub.open(uri, flags, auth);
    }

    @Override
    public String defaultUri() {
        return hub.defaultUri();
    }

    @Override
    public List<DriverInfo> drivers() {
        List<DriverInfo> out = new ArrayList<>();
        for (Hub.DriverEntry e : hub.drivers()) {
            Package p = e.driver.getClass().getPackage();
            String version = p != null && p.getImplementationVersion() != null ? p.getImplementationVersion() : "";
            out.add(new DriverInfo(e.name, e.driver.getClass().getName(), version, "ACTIVE", e.schemes,
                    e.connections.size()));
        }
        return out;
    }
}
