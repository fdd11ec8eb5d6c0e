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

/**
 * The API outside OSGi: {@code ServiceLoader.load(ConnectFactory.class)} finds this, and it finds the drivers on the
 * class path the same way. The default URI comes from the system property {@code jvirt.uri_default} (the
 * configuration's place outside OSGi), then the environment.
 */
public final class StandaloneConnectFactory implements ConnectFactory {
    private final Hub hub;

    public StandaloneConnectFactory() {
        this(ServiceLoader.load(HypervisorDriver.class, StandaloneConnectFactory.class.getClassLoader()));
    }

    StandaloneConnectFactory(Iterable<HypervisorDriver> drivers) {
        hub = new Hub(() -> DefaultUri.resolve(System.getProperty("jvirt.uri_default"), System::getenv));
        for (HypervisorDriver d : drivers) {
            hub.addDriver(d, d.name(), d.uriSchemes(), d.isRemote(), d);
        }
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
