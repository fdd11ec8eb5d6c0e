package org.jvirt.core.internal;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jvirt.api.driver.HypervisorDriver;
import org.osgi.framework.Bundle;
import org.osgi.framework.hooks.resolver.ResolverHook;
import org.osgi.framework.hooks.resolver.ResolverHookFactory;
import org.osgi.framework.namespace.BundleNamespace;
import org.osgi.framework.namespace.HostNamespace;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * libvirt's rule that no driver uses another driver's code, made a fact at resolve time: a wire from one driver
 * bundle (one with a {@code Jvirt-Driver} header) to a package, a bundle or a host offered by another driver
 * bundle is never made. The importer stays INSTALLED and the log says why, once, in one line.
 */
final class DriverIsolationHook implements ResolverHookFactory, ResolverHook {
    private static final Logger LOG = LoggerFactory.getLogger(DriverIsolationHook.class);
    private static final Set<String> GUARDED = Set.of(PackageNamespace.PACKAGE_NAMESPACE,
            BundleNamespace.BUNDLE_NAMESPACE, HostNamespace.HOST_NAMESPACE);

    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    @Override
    public ResolverHook begin(Collection<BundleRevision> triggers) {
        return this;
    }

    @Override
    public void filterResolvable(Collection<BundleRevision> candidates) {
        // every bundle may resolve; only its wires are filtered
    }

    @Override
    public void filterSingletonCollisions(BundleCapability singleton, Collection<BundleCapability> collisions) {
        // singletons are not this hook's concern
    }

    @Override
    public void filterMatches(BundleRequirement requirement, Collection<BundleCapability> candidates) {
        if (!GUARDED.contains(requirement.getNamespace())) {
            return;
        }
        String requirer = driverName(requirement.getRevision());
        if (requirer == null) {
            return;
        }
        for (Iterator<BundleCapability> it = candidates.iterator(); it.hasNext();) {
            BundleCapability candidate = it.next();
            BundleRevision provider = candidate.getRevision();
            String providerDriver = driverName(provider);
            if (providerDriver == null || provider.getBundle() == requirement.getRevision().getBundle()) {
                continue;
            }
            it.remove();
            report(requirement.getRevision(), requirer, provider, providerDriver, candidate);
        }
    }

    @Override
    public void end() {
        // nothing kept between resolutions but what was already reported
    }

    private void report(BundleRevision requirer, String requirerDriver, BundleRevision provider,
            String providerDriver, BundleCapability capability) {
        String what = describe(capability);
        String key = requirer.getSymbolicName() + "|" + provider.getSymbolicName() + "|" + what;
        if (reported.add(key)) {
            LOG.warn("isolation rule: driver bundle {} (driver '{}') may not use {} of driver bundle {} (driver '{}');"
                    + " drivers may use only the shared modules (api, util, conf, vmx, rpc), so {} stays unresolved",
                    requirer.getSymbolicName(), requirerDriver, what, provider.getSymbolicName(), providerDriver,
                    requirer.getSymbolicName());
        }
    }

    private static String describe(BundleCapability capability) {
        Map<String, Object> attrs = capability.getAttributes();
        return switch (capability.getNamespace()) {
            case PackageNamespace.PACKAGE_NAMESPACE -> "package " + attrs.get(PackageNamespace.PACKAGE_NAMESPACE);
            case BundleNamespace.BUNDLE_NAMESPACE -> "the bundle " + attrs.get(BundleNamespace.BUNDLE_NAMESPACE);
            default -> "the host " + attrs.get(HostNamespace.HOST_NAMESPACE);
        };
    }

    /** The driver name a revision declares, or null for a bundle that is not a driver. */
    static String driverName(BundleRevision revision) {
        if (revision == null) {
            return null;
        }
        Bundle bundle = revision.getBundle();
        if (bundle == null || bundle.getBundleId() == 0) {
            return null;
        }
        String name = bundle.getHeaders("").get(HypervisorDriver.MANIFEST_HEADER);
        return name == null || name.isBlank() ? null : name.strip();
    }
}
