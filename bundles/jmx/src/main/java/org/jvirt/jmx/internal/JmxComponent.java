package org.jvirt.jmx.internal;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.management.MBeanServer;

import org.jvirt.api.ConnectFactory;
import org.jvirt.api.VirtException;
import org.jvirt.api.driver.HypervisorDriver;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows connections and their domains as MXBeans in the platform MBeanServer (plain Felix registers none as a
 * service). Configuration PID {@code org.jvirt.jmx}, optional: {@code uris}, one URI or several (a String[], or one
 * String with commas between them); without it, the ConnectFactory's default URI. A change at run time closes the
 * connections no longer listed and opens the new ones; deactivation takes everything away.
 *
 * <p>A URI that cannot be opened yet (its driver is not installed) is tried again when a hypervisor driver arrives,
 * so a driver hot-deployed later, or one that comes back after an update, gets its connection shown.
 */
@Component(service = {}, configurationPid = JmxComponent.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL,
        immediate = true)
public final class JmxComponent {
    static final String PID = "org.jvirt.jmx";
    static final String URIS = "uris";

    private static final Logger LOG = LoggerFactory.getLogger(JmxComponent.class);

    private final ConnectFactory factory;
    private final MBeanRegistry registry;
    // by configured URI
    private final Map<String, ExportedConnection> exports = new ConcurrentHashMap<>();
    // exports (under SCR) and retries run here: a driver's arrival is told before the ConnectFactory may know it
    private final ExecutorService retries = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "jvirt-jmx-export");
        t.setDaemon(true);
        return t;
    });
    private final boolean async;
    private Set<String> wanted = Set.of(); // guarded by this
    private boolean deactivated; // guarded by this

    /**
     * SCR's way in: the configured connections are opened and exported on this component's own thread, so that
     * neither the platform's start nor SCR waits for a driver to open (a remote URI may take seconds).
     */
    @Activate
    public JmxComponent(@Reference(name = "factory") ConnectFactory factory, Map<String, Object> config,
            org.osgi.framework.BundleContext context) {
        this(factory, ManagementFactory.getPlatformMBeanServer(), config, true);
    }

    /** Exports synchronously: when the constructor returns, the configured URIs that can open are exported. */
    public JmxComponent(ConnectFactory factory, Map<String, Object> config) {
        this(factory, ManagementFactory.getPlatformMBeanServer(), config, false);
    }

    JmxComponent(ConnectFactory factory, MBeanServer server, Map<String, Object> config) {
        this(factory, server, config, false);
    }

    private JmxComponent(ConnectFactory factory, MBeanServer server, Map<String, Object> config, boolean async) {
        this.factory = factory;
        this.registry = new MBeanRegistry(server);
        this.async = async;
        applyNowOrLater(config);
    }

    @Modified
    void modified(Map<String, Object> config) {
        applyNowOrLater(config);
    }

    private void applyNowOrLater(Map<String, Object> config) {
        if (async) {
            Map<String, Object> copy = Map.copyOf(config);
            retries.execute(() -> apply(copy));
        } else {
            apply(config);
        }
    }

    @Deactivate
    synchronized void deactivate() {
        deactivated = true;
        retries.shutdownNow();
        List<ExportedConnection> all = new ArrayList<>(exports.values());
        exports.clear();
        all.forEach(ExportedConnection::close);
    }

    /** A hypervisor driver arrived: the configured URIs not open yet may open now. The driver is never called. */
    @Reference(name = "drivers", service = HypervisorDriver.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, unbind = "driverRemoved")
    synchronized void driverAdded(ServiceReference<HypervisorDriver> driver) {
        if (!deactivated && exports.size() < wanted.size()) {
            retries.execute(this::retryPending);
        }
    }

    void driverRemoved(ServiceReference<HypervisorDriver> driver) {
        // its connections close underneath and take their MBeans with them
    }

    private synchronized void retryPending() {
        if (deactivated) {
            return;
        }
        for (String uri : wanted) {
            if (!exports.containsKey(uri)) {
                export(uri, true);
            }
        }
    }

    /** The configured URIs that have an open connection now. */
    Set<String> exportedUris() {
        return Set.copyOf(exports.keySet());
    }

    private synchronized void apply(Map<String, Object> config) {
        if (deactivated) {
            return;
        }
        Set<String> listed = uris(config.get(URIS));
        wanted = listed.isEmpty() ? Set.of(factory.defaultUri()) : listed;
        for (ExportedConnection e : List.copyOf(exports.values())) {
            if (!wanted.contains(e.configuredUri()) && exports.remove(e.configuredUri(), e)) {
                e.close();
            }
        }
        for (String uri : wanted) {
            if (!exports.containsKey(uri)) {
                export(uri, false);
            }
        }
    }

    private void export(String uri, boolean retry) {
        try {
            ExportedConnection e = ExportedConnection.open(factory, uri, registry,
                    lost -> exports.remove(lost.configuredUri(), lost));
            exports.put(uri, e);
            if (e.isEnded()) {
                // lost before it was listed here
                exports.remove(uri, e);
            }
        } catch (VirtException | IllegalStateException e) {
            // one URI that cannot be opened must not keep the others out
            if (retry) {
                LOG.debug("{} still not exported to JMX: {}", uri, e.getMessage());
            } else {
                LOG.warn("{} not exported to JMX: {}", uri, e.getMessage());
            }
        }
    }

    /** The {@code uris} property: a String (commas between URIs), a String[] or a collection; blanks ignored. */
    static Set<String> uris(Object value) {
        Set<String> out = new LinkedHashSet<>();
        if (value instanceof String[] array) {
            for (String s : array) {
                addSplit(out, s);
            }
        } else if (value instanceof Collection<?> c) {
            c.forEach(o -> addSplit(out, String.valueOf(o)));
        } else if (value != null) {
            addSplit(out, value.toString());
        }
        return out;
    }

    private static void addSplit(Set<String> out, String text) {
        if (text == null) {
            return;
        }
        for (String part : text.split(",")) {
            String uri = part.strip();
            if (!uri.isEmpty()) {
                out.add(uri);
            }
        }
    }
}
