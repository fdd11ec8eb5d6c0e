package org.jvirt.launcher;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.felix.framework.Felix;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running platform: an embedded Felix with the bundles of the startup list, FileInstall watching etc/ for
 * configuration and deploy/ for hot-installed bundles. SLF4J and its backend live on the launcher's class path and
 * are exported by the system bundle, so every bundle logs into the same files from the first instant.
 */
final class Platform implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Platform.class);
    /** The packages of the launcher's class path that bundles share. */
    static final String SHARED_PACKAGES = String.join(",",
            "org.slf4j;version=2.0.20", "org.slf4j.spi;version=2.0.20", "org.slf4j.event;version=2.0.20",
            "org.slf4j.helpers;version=2.0.20");

    private final Home home;
    private final StartupList bundles;
    private final Felix felix;

    /** What the platform is started for, as the framework property jvirt.mode tells the bundles. */
    enum Mode {
        /** bin/jvirt --daemon: headless, serving. */
        DAEMON,
        /** The interactive shell, or commands read from its standard input. */
        SHELL,
        /** One command from the command line (bin/jvirt CMD ...): the platform lives for that command only. */
        COMMAND;

        String property() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    Platform(Home home, StartupList bundles, Mode mode) {
        this.home = home;
        this.bundles = bundles;
        this.felix = new Felix(properties(home, bundles, mode));
    }

    static Map<String, Object> properties(Home home, StartupList bundles, Mode mode) {
        boolean daemon = mode == Mode.DAEMON;
        Map<String, Object> p = new HashMap<>();
        p.put(Constants.FRAMEWORK_BEGINNING_STARTLEVEL, Integer.toString(bundles.highestLevel()));
        String cache = daemon ? home.data().resolve("cache/daemon").toString()
                : home.cacheFor(ProcessHandle.current().pid()).toString();
        p.put(Constants.FRAMEWORK_STORAGE, cache);
        p.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        p.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, SHARED_PACKAGES);
        p.put("felix.log.logger", new FrameworkLog());
        p.put("felix.log.level", "2");
        p.put("jvirt.home", home.home().toString());
        // bundles that behave differently headless (the daemon's listeners start by default then) or for one command
        // (nothing listens then: that platform is gone a moment later)
        p.put("jvirt.mode", mode.property());
        p.put("jvirt.install", home.install().toString());
        // configuration: etc/*.cfg into ConfigAdmin; etc/org.apache.felix.fileinstall-deploy.cfg adds deploy/
        p.put("felix.fileinstall.dir", home.etc().toString());
        p.put("felix.fileinstall.filter", ".*\\.cfg");
        p.put("felix.fileinstall.poll", "1000");
        p.put("felix.fileinstall.noInitialDelay", "true");
        p.put("felix.fileinstall.enableConfigSave", "false");
        p.put("felix.fileinstall.log.default", "jul");
        p.put("felix.fileinstall.log.level", "3");
        return p;
    }

    /** Installs and starts everything; returns when the highest start level is reached. */
    void start() throws BundleException {
        felix.init();
        BundleContext context = felix.getBundleContext();
        List<Bundle> installed = new ArrayList<>();
        for (StartupList.Entry e : bundles.entries()) {
            Bundle b = context.installBundle("reference:" + e.jar().toUri());
            installed.add(b);
            b.adapt(BundleStartLevel.class).setStartLevel(e.startLevel());
            if (b.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                b.start();
            }
        }
        felix.start();
        raiseStartLevel(bundles.highestLevel());
        LOG.info("platform started in {} with {} bundles", home.home(), context.getBundles().length);
        for (Bundle b : installed) {
            boolean fragment = b.getHeaders().get(Constants.FRAGMENT_HOST) != null;
            if (!fragment && b.getState() != Bundle.ACTIVE) {
                LOG.warn("bundle {} is not active (state {})", b.getSymbolicName(), b.getState());
            }
        }
    }

    private void raiseStartLevel(int level) {
        var fsl = felix.adapt(org.osgi.framework.startlevel.FrameworkStartLevel.class);
        if (fsl.getStartLevel() >= level) {
            return;
        }
        Object done = new Object();
        synchronized (done) {
            fsl.setStartLevel(level, event -> {
                if (event.getType() == FrameworkEvent.STARTLEVEL_CHANGED) {
                    synchronized (done) {
                        done.notifyAll();
                    }
                }
            });
            try {
                done.wait(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The shell's console, once its bundle has published it; null if it does not come within the timeout. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    Function<Map<String, Object>, Integer> console(long timeoutMillis) throws InterruptedException {
        BundleContext context = felix.getBundleContext();
        Filter filter;
        try {
            filter = context.createFilter("(&(objectClass=java.util.function.Function)(jvirt.console=true))");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        ServiceTracker tracker = new ServiceTracker(context, filter, null);
        tracker.open();
        return (Function<Map<String, Object>, Integer>) tracker.waitForService(timeoutMillis);
    }

    /** Whether every bundle is active (fragments: resolved). */
    boolean allActive() {
        for (Bundle b : felix.getBundleContext().getBundles()) {
            boolean fragment = b.getHeaders().get(Constants.FRAGMENT_HOST) != null;
            if (fragment ? b.getState() != Bundle.RESOLVED : b.getState() != Bundle.ACTIVE) {
                return false;
            }
        }
        return true;
    }

    void awaitStop() throws InterruptedException {
        felix.waitForStop(0);
    }

    @Override
    public void close() {
        try {
            felix.stop();
            FrameworkEvent e = felix.waitForStop(20_000);
            if (e.getType() == FrameworkEvent.WAIT_TIMEDOUT) {
                LOG.warn("the platform did not stop within 20 s");
            }
        } catch (BundleException | InterruptedException e) {
            LOG.warn("stopping the platform: {}", e.toString(), e);
        }
    }
}
