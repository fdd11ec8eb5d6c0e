package org.jvirt.jmx.internal;

import java.lang.management.ManagementFactory;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

import org.jvirt.api.ConnectFactory;
import org.jvirt.api.driver.HypervisorDriver;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Shows each installed driver bundle as {@code org.jvirt:type=Driver,name=...}, kept current as bundles are
 * installed, updated and uninstalled (FileInstall hot-deploys drivers from deploy/): a bundle event from a bundle with
 * the {@code Jvirt-Driver} header brings the set in line, on a thread of this component's.
 */
@Component(service = {}, immediate = true)
public final class DriverExport implements BundleListener {
    private final BundleContext context;
    private final DriverBeans beans;
    private final ExecutorService syncs = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "jvirt-jmx-drivers");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public DriverExport(BundleContext context, @Reference(name = "factory") ConnectFactory factory) {
        this.context = context;
        this.beans = new DriverBeans(factory, new MBeanRegistry(ManagementFactory.getPlatformMBeanServer()));
        context.addBundleListener(this);
        syncs.execute(beans::sync);
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        if (event.getBundle().getHeaders("").get(HypervisorDriver.MANIFEST_HEADER) == null) {
            return;
        }
        try {
            syncs.execute(beans::sync);
        } catch (RejectedExecutionException e) {
            // deactivated meanwhile
        }
    }

    @Deactivate
    void deactivate() {
        context.removeBundleListener(this);
        syncs.shutdownNow();
        beans.close();
    }
}
