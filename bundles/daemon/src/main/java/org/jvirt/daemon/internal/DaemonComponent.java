package org.jvirt.daemon.internal;

import java.nio.file.Path;
import java.util.Map;
import org.jvirt.api.ConnectFactory;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon in the platform: configuration PID {@code org.jvirt.daemon} ({@code etc/org.jvirt.daemon.cfg}), the
 * framework properties {@code jvirt.mode} (the unix sockets listen by default when it is {@code daemon}) and
 * {@code jvirt.home}, and the API's {@link ConnectFactory}. A configuration change is applied in place; a bad one is
 * logged and the running configuration kept.
 */
@Component(service = {}, configurationPid = DaemonComponent.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL,
        immediate = true)
public final class DaemonComponent {
    static final String PID = "org.jvirt.daemon";
    private static final Logger LOG = LoggerFactory.getLogger(DaemonComponent.class);

    private final String mode;
    private final Path home;
    private final Daemon daemon;

    @Activate
    public DaemonComponent(@Reference(name = "factory") ConnectFactory factory, BundleContext context,
            Map<String, Object> config) {
        this.mode = property(context, "jvirt.mode", "shell");
        this.home = Path.of(property(context, "jvirt.home", System.getProperty("user.dir")));
        DaemonConfig parsed;
        try {
            parsed = DaemonConfig.from(config, mode, home);
        } catch (IllegalArgumentException e) {
            LOG.error("{}: {}; the daemon starts with no listener", PID, e.getMessage());
            parsed = DaemonConfig.from(Map.of("listen_unix", "0"), mode, home);
        }
        this.daemon = new Daemon(factory, parsed);
    }

    private static String property(BundleContext context, String key, String dflt) {
        String v = context.getProperty(key);
        return v == null || v.isBlank() ? dflt : v;
    }

    @Modified
    void modified(Map<String, Object> config) {
        try {
            daemon.apply(DaemonConfig.from(config, mode, home));
        } catch (IllegalArgumentException e) {
            LOG.error("{}: {}; the running configuration stays", PID, e.getMessage());
        }
    }

    @Deactivate
    void deactivate() {
        daemon.close();
    }
}
