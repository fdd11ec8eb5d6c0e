package org.jvirt.core.internal;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.hooks.resolver.ResolverHookFactory;

/**
 * Registers the driver isolation hook as soon as core starts (start level 1), before any driver resolves: the
 * hook governs only the resolutions that come after it. Plain activator, since it must not wait for SCR.
 */
public final class Activator implements BundleActivator {
    private ServiceRegistration<ResolverHookFactory> hook;

    @Override
    public void start(BundleContext context) {
        hook = context.registerService(ResolverHookFactory.class, new DriverIsolationHook(), null);
    }

    @Override
    public void stop(BundleContext context) {
        if (hook != null) {
            hook.unregister();
            hook = null;
        }
    }
}
