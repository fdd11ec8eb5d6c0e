package org.jvirt.jmx.internal.remote;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import javax.management.MBeanServer;
import javax.management.remote.JMXServiceURL;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remote JMX, off unless configured: configuration PID {@code org.jvirt.jmx.remote} ({@code etc/org.jvirt.jmx.remote.cfg},
 * see {@link RemoteJmxSettings}). With {@code enabled = true} an RMI connector serves the platform MBeanServer to
 * authenticated users in their role; a change of the configuration at run time restarts it, removing the
 * configuration or {@code enabled = false} stops it. A configuration that is wrong (a missing password file, a
 * port in use) is logged, and nothing listens. A platform started for one command ({@code jvirt.mode=command},
 * {@code bin/jvirt CMD}) never listens: it would only take the running daemon's port for a moment.
 */
@Component(service = {}, configurationPid = RemoteJmxComponent.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL,
        immediate = true)
public final class RemoteJmxComponent {
    static final String PID = "org.jvirt.jmx.remote";

    private static final Logger LOG = LoggerFactory.getLogger(RemoteJmxComponent.class);

    private final MBeanServer server;
    private final Path etc;
    /** Whether this platform may listen at all (not one started for a single command). */
    private final boolean serves;
    private RemoteJmxSettings settings; // guarded by this
    private RemoteConnector connector; // guarded by this

    @Activate
    public RemoteJmxComponent(BundleContext context, Map<String, Object> config) {
        this(ManagementFactory.getPlatformMBeanServer(), etcOf(context), config, context.getProperty("jvirt.mode"));
    }

    RemoteJmxComponent(MBeanServer server, Path etc, Map<String, ?> config) {
        this(server, etc, config, null);
    }

    RemoteJmxComponent(MBeanServer server, Path etc, Map<String, ?> config, String mode) {
        this.server = server;
        this.etc = etc;
        this.serves = !"command".equals(mode);
        apply(config);
    }

    private static Path etcOf(BundleContext context) {
        String home = context.getProperty("jvirt.home");
        return (home == null ? Path.of("") : Path.of(home)).resolve("etc").toAbsolutePath();
    }

    @Modified
    void modified(Map<String, Object> config) {
        apply(config);
    }

    @Deactivate
    synchronized void deactivate() {
        stop();
        settings = null;
    }

    /** Where clients connect, while the connector runs. */
    synchronized Optional<JMXServiceURL> address() {
        return connector == null ? Optional.empty() : Optional.of(connector.address());
    }

    private synchronized void apply(Map<String, ?> config) {
        RemoteJmxSettings next;
        try {
            next = RemoteJmxSettings.from(config, etc);
        } catch (IllegalArgumentException e) {
            LOG.error("remote JMX: configuration {}: {}; nothing listens", PID, e.getMessage());
            stop();
            settings = null;
            return;
        }
        if (next.equals(settings) && (connector != null || !next.enabled())) {
            return; // FileInstall re-delivers unchanged configurations
        }
        stop();
        settings = next;
        if (!next.enabled()) {
            LOG.debug("remote JMX is off");
            return;
        }
        if (!serves) {
            LOG.debug("remote JMX: not in a platform started for one command");
            return;
        }
        try {
            connector = RemoteConnector.start(next, server);
        } catch (IOException | IllegalArgumentException e) {
            LOG.error("remote JMX not started: {}; nothing listens", e.getMessage());
        }
    }

    private void stop() {
        if (connector != null) {
            connector.close();
            connector = null;
        }
    }
}
