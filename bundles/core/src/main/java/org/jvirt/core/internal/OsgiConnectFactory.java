package org.jvirt.core.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The {@link ConnectFactory} service: drivers come and go as services; a driver that leaves takes its connections
 * with it, a secondary driver (network, storage, …) that leaves takes its parts of connections with it. Configuration PID {@code org.jvirt.core}: {@code uri_default} sets the default URI (as libvirt.conf's
 * {@code uri_default}); it may change at run time.
 */
@Component(service = ConnectFactory.class, configurationPid = "org.jvirt.core",
        configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true)
public final class OsgiConnectFactory implements ConnectFactory {
    private final Hub hub;
    private final BundleContext context;
    private volatile String configuredDefault;

    @Activate
    public OsgiConnectFactory(BundleContext context, Map<String, Object> config) {
        this.context = context;
        this.configuredDefault = text(config.get("uri_default"));
        this.hub = new Hub(() -> DefaultUri.resolve(configuredDefault, System::getenv));
    }

    @Modified
    void modified(Map<String, Object> config) {
        configuredDefault = text(config.get("uri_default"));
    }

    @Deactivate
    void deactivate() {
        hub.shutdown();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            service = HypervisorDriver.class)
    void addDriver(ServiceReference<HypervisorDriver> ref, HypervisorDriver driver) {
        Object schemes = ref.getProperty(HypervisorDriver.URI_SCHEMES);
        List<String> list = schemes == null ? driver.uriSchemes() : asList(schemes);
        Object name = ref.getProperty(HypervisorDriver.DRIVER_NAME);
        boolean remote = Boolean.parseBoolean(String.valueOf(ref.getProperty(HypervisorDriver.REMOTE)))
                || driver.isRemote();
        hub.addDriver(driver, name != null ? name.toString() : driver.name(), list, remote, ref);
    }

    void removeDriver(ServiceReference<HypervisorDriver> ref) {
        hub.removeDriver(ref);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            service = NetworkDriver.class)
    void addNetworkDriver(ServiceReference<NetworkDriver> ref, NetworkDriver driver) {
        addSecondary(ref, driver);
    }

    void removeNetworkDriver(ServiceReference<NetworkDriver> ref) {
        hub.removeSecondary(ref);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            service = StorageDriver.class)
    void addStorageDriver(ServiceReference<StorageDriver> ref, StorageDriver driver) {
        addSecondary(ref, driver);
    }

    void removeStorageDriver(ServiceReference<StorageDriver> ref) {
        hub.removeSecondary(ref);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            service = NodeDeviceDriver.class)
    void addNodeDeviceDriver(ServiceReference<NodeDeviceDriver> ref, NodeDeviceDriver driver) {
        addSecondary(ref, driver);
    }

    void removeNodeDeviceDriver(ServiceReference<NodeDeviceDriver> ref) {
        hub.removeSecondary(ref);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            service = InterfaceDriver.class)
    void addInterfaceDriver(ServiceReference<InterfaceDriver> ref, InterfaceDriver driver) {
        addSecondary(ref, driver);
    }

    void removeInterfaceDriver(ServiceReference<InterfaceDriver> ref) {
        hub.removeSecondary(ref);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            service = NWFilterDriver.class)
    void addNWFilterDriver(ServiceReference<NWFilterDriver> ref, NWFilterDriver driver) {
        addSecondary(ref, driver);
    }

    void removeNWFilterDriver(ServiceReference<NWFilterDriver> ref) {
        hub.removeSecondary(ref);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            service = SecretDriver.class)
    void addSecretDriver(ServiceReference<SecretDriver> ref, SecretDriver driver) {
        addSecondary(ref, driver);
    }

    void removeSecretDriver(ServiceReference<SecretDriver> ref) {
        hub.removeSecondary(ref);
    }

    private void addSecondary(ServiceReference<?> ref, SecondaryDriver<?> driver) {
        Object name = ref.getProperty(HypervisorDriver.DRIVER_NAME);
        hub.addSecondary(driver, name != null ? name.toString() : driver.name(), ref);
    }

    @Override
    public Connect open(String uri, Set<ConnectFlag> flags, ConnectAuth auth) {
        return hub.open(uri, flags, auth);
    }

    @Override
    public String defaultUri() {
        return hub.defaultUri();
    }

    /** Every bundle that declares itself a driver, whether it resolved or not. */
    @Override
    public List<DriverInfo> drivers() {
        List<Hub.DriverEntry> present = hub.drivers();
        List<DriverInfo> out = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            String name = b.getHeaders("").get(HypervisorDriver.MANIFEST_HEADER);
            if (name == null) {
                continue;
            }
            List<String> schemes = new ArrayList<>();
            int connections = 0;
            for (Hub.DriverEntry e : present) {
                if (e.key instanceof ServiceReference<?> r && r.getBundle() != null
                        && r.getBundle().getBundleId() == b.getBundleId()) {
                    schemes.addAll(e.schemes);
                    connections += e.connections.size();
                }
            }
            out.add(new DriverInfo(name.strip(), b.getSymbolicName(), b.getVersion().toString(), state(b),
                    List.copyOf(schemes), connections));
        }
        return out;
    }

    static String state(Bundle b) {
        return switch (b.getState()) {
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.STOPPING -> "STOPPING";
            default -> "UNINSTALLED";
        };
    }

    private static String text(Object o) {
        return o == null ? null : o.toString();
    }

    private static List<String> asList(Object value) {
        if (value instanceof String[] a) {
            return Arrays.asList(a);
        }
        if (value instanceof java.util.Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        return Arrays.stream(value.toString().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
