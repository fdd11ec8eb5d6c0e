package org.jvirt.jmx.internal;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.management.MBeanServer;

import org.jvirt.api.ConnectFactory;
import org.jvirt.api.VirtException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows connections and their domains as MXBeans in the platform MBeanServer (plain Felix registers none as a
 * service). Configuration PID {@code org.jvirt.jmx}, optional: {@code uris}, one URI or several (a String[], or one
 * String with commas between them); without it, the ConnectFactory's default URI. A change at run time closes the
 * connections no longer listed and opens the new ones; deactivation takes everything away.
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

    @Activate
    public JmxComponent(@Reference(name = "factory") ConnectFactory factory, Map<String, Object> config) {
        this(factory, ManagementFactory.getPlatformMBeanServer(), config);
    }

    JmxComponent(ConnectFactory factory, MBeanServer server, Map<String, Object> config) {
        this.factory = factory;
        this.registry = new MBeanRegistry(server);
        apply(config);
    }

    @Modified
    void modified(Map<String, Object> config) {
        apply(config);
    }

    @Deactivate
    synchronized void deactivate() {
        List<ExportedConnection> all = new ArrayList<>(exports.values());
        exports.clear();
        all.forEach(ExportedConnection::close);
    }

    /** The configured URIs that have an open connection now. */
    Set<String> exportedUris() {
        return Set.copyOf(exports.keySet());
    }

    private synchronized void apply(Map<String, Object> config) {
        Set<String> wanted = uris(config.get(URIS));
        if (wanted.isEmpty()) {
            wanted = Set.of(factory.defaultUri());
        }
        for (ExportedConnection e : List.copyOf(exports.values())) {
            if (!wanted.contains(e.configuredUri()) && exports.remove(e.configuredUri(), e)) {
                e.close();
            }
        }
        for (String uri : wanted) {
            if (!exports.containsKey(uri)) {
                export(uri);
            }
        }
    }

    private void export(String uri) {
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
            LOG.warn("{} not exported to JMX: {}", uri, e.getMessage());
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
