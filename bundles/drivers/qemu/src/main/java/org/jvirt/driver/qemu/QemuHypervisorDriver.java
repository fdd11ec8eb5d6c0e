package org.jvirt.driver.qemu;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jvirt.api.Connect;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.driver.ConnectRequest;
import org.jvirt.api.driver.HypervisorDriver;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * libvirt's QEMU driver: qemu:///system and qemu:///session. Its state lives under {@code jvirt.home} (the
 * framework property, else the system property). In the platform it opens when the component activates, on a
 * thread of its own so that the platform's start does not wait (libvirt's state initialization): configs are
 * loaded, running guests found again, autostart domains started. Outside OSGi it opens with the first
 * connection. It closes with the component, leaving the guests running.
 */
@Component(service = HypervisorDriver.class, immediate = true, property = {
        HypervisorDriver.URI_SCHEMES + "=qemu", HypervisorDriver.DRIVER_NAME + "=qemu"})
public class QemuHypervisorDriver implements HypervisorDriver {
    private static final Logger LOG = LoggerFactory.getLogger(QemuHypervisorDriver.class);
    private static final Map<Path, QemuDriver> STATES = new ConcurrentHashMap<>();

    private volatile Path home;
    private QemuDriver state;
    private Thread opener;

    public QemuHypervisorDriver() {
        // for ServiceLoader and DS
    }

    /** A driver whose state lives under {@code home} (tests, embedding). */
    public QemuHypervisorDriver(Path home) {
        this.home = home;
    }

    @Activate
    void activate(BundleContext context) {
        String h = context.getProperty("jvirt.home");
        if (h != null) {
            home = Path.of(h);
        }
        openInBackground();
    }

    /** Opens the state on a thread of its own; connections made meanwhile wait for configs and reconnection. */
    void openInBackground() {
        Thread t = new Thread(() -> {
            try {
                state();
            } catch (RuntimeException e) {
                LOG.error("QEMU driver: cannot open its state: {}", e.getMessage(), e);
            }
        }, "qemu-driver-init");
        t.setDaemon(true);
        synchronized (this) {
            opener = t;
        }
        t.start();
    }

    @Deactivate
    void deactivate() {
        Thread t;
        synchronized (this) {
            t = opener;
            opener = null;
        }
        if (t != null) {
            try {
                t.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        close();
    }

    @Override
    public String name() {
        return "qemu";
    }

    @Override
    public List<String> uriSchemes() {
        return List.of("qemu");
    }

    @Override
    public Optional<Connect> open(ConnectRequest request) {
        URI uri = request.uri();
        if (uri == null || !"qemu".equals(uri.getScheme())) {
            return Optional.empty();
        }
        if (uri.getRawAuthority() != null && !uri.getRawAuthority().isEmpty()) {
            return Optional.empty(); // a host: the remote driver's
        }
        String path = uri.getPath();
        if (!"/system".equals(path) && !"/session".equals(path)) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU,
                    "unexpected QEMU URI path '" + path + "', try qemu:///system");
        }
        return Optional.of(new QemuConnect(state(), "qemu://" + path, request.events()));
    }

    /** The driver's state, opened (loading configs, reconnecting to guests, autostart) on first use. */
    synchronized QemuDriver state() {
        if (state == null || state.isClosed()) {
            Path h = home != null ? home : Path.of(System.getProperty("jvirt.home", System.getProperty("user.dir")));
            home = h;
            state = new QemuDriver(h);
            state.start();
            LOG.info("QEMU driver opened on {}", h);
        }
        return state;
    }

    /** Closes the state: monitors and threads end, guests go on running. */
    public synchronized void close() {
        if (state != null) {
            state.close();
            state = null;
        }
    }

    static Map<Path, QemuDriver> states() {
        return STATES;
    }
}
