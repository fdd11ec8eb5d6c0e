package org.jvirt.conf.internal;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the domain family's JAXB context on a background thread as soon as conf starts, so the first domain a
 * driver reads (the test driver's default node, opened by JMX while the platform starts) finds it ready instead
 * of paying for it on the start-up path. A plain activator: it must not wait for SCR, and conf publishes no
 * service. Stopping the bundle interrupts the thread, which then skips what it has not begun; a step under way
 * ends on its own and leaves nothing but a context that is no longer used.
 */
public final class ConfActivator implements BundleActivator {
    private static final Logger LOG = LoggerFactory.getLogger(ConfActivator.class);
    private Thread warmUp;

    @Override
    public void start(BundleContext context) {
        Thread t = new Thread(ConfActivator::warmUp, "jvirt-conf-jaxb-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        warmUp = t;
        t.start();
    }

    @Override
    public void stop(BundleContext context) {
        Thread t = warmUp;
        warmUp = null;
        if (t != null) {
            t.interrupt();
        }
    }

    private static void warmUp() {
        try {
            long start = System.nanoTime();
            XmlBinding.warmUp(() -> Thread.currentThread().isInterrupted());
            LOG.debug("XML binding ready in {} ms", (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            // the first real parse makes the context itself and reports what is wrong
            LOG.warn("warming the XML binding failed: {}", e.toString());
        }
    }
}
