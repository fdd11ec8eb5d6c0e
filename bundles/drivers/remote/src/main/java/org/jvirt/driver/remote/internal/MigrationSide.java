package org.jvirt.driver.remote.internal;

import java.lang.reflect.Proxy;

import org.jvirt.api.Connect;
import org.jvirt.rpc.remote.RemoteFeatures;

/**
 * One end of a migration as libvirt's library sees it: a connection, and what its driver says it supports
 * (VIR_DRV_SUPPORTS_FEATURE). A remote connection asks its server each time, as libvirt's client does; a connection
 * of any other driver has no way to say (the driver SPI has no feature probe), so it supports nothing, as a libvirt
 * driver without connectSupportsFeature.
 *
 * @param connect the driver's connection (core hands drivers its own objects, unwrapped)
 * @param session its remote session, or {@code null} when it is not a remote connection
 */
record MigrationSide(Connect connect, RemoteSession session) {

    /** The side of {@code connect}: a remote session when it is one of this driver's connections. */
    static MigrationSide of(Connect connect) {
        if (connect != null && Proxy.isProxyClass(connect.getClass())
                && Proxy.getInvocationHandler(connect) instanceof RemoteHandle h && RemoteHandle.isConnect(h.kind())) {
            return new MigrationSide(connect, h.session());
        }
        return new MigrationSide(connect, null);
    }

    boolean isRemote() {
        return session != null;
    }

    /** Whether the connection's driver supports {@code feature} (a {@link RemoteFeatures} number). */
    boolean supports(int feature) {
        return session != null && session.supportsFeature(feature);
    }
}
