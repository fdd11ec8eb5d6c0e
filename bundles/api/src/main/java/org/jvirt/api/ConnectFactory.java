package org.jvirt.api;

import java.util.List;
import java.util.Set;

/**
 * Opens connections (virConnectOpen, virConnectOpenReadOnly, virConnectOpenAuth). In OSGi it is a service; outside
 * OSGi, {@link java.util.ServiceLoader} finds it with the drivers on the class path.
 *
 * <p>A URI picks its driver as libvirt's does: by scheme ({@code test:///default} to the test driver,
 * {@code qemu:///system} to QEMU), {@code driver+transport://host/path} to the remote driver. With no URI, the
 * default comes from configuration, then {@code JVIRT_DEFAULT_URI}, then {@code LIBVIRT_DEFAULT_URI}, then
 * {@code test:///default}. When no driver takes the URI: "no connection driver available for URI"
 * ({@link ErrorCode#NO_CONNECT}).
 */
public interface ConnectFactory {

    /** Opens a read-write connection; {@code uri} null or empty means the default URI. */
    @Libvirt(value = "virConnectOpen", via = "virConnectOpenAuth")
    default Connect open(String uri) {
        return open(uri, Set.of(), null);
    }

    /** Opens a read-only connection: every call that changes state fails with OPERATION_DENIED. */
    @Libvirt(value = "virConnectOpenReadOnly", via = "virConnectOpenAuth")
    default Connect openReadOnly(String uri) {
        return open(uri, Set.of(ConnectFlag.RO), null);
    }

    /** Opens a connection with flags and an authentication callback (which may be null). */
    @Libvirt("virConnectOpenAuth")
    Connect open(String uri, Set<ConnectFlag> flags, ConnectAuth auth);

    /** The version of the libvirt API the platform implements (virGetVersion), as {@link Versions} encodes it. */
    @Libvirt("virGetVersion")
    default long getVersion() {
        return Versions.LIBVIRT_API;
    }

    /** The URI a connection opened without one goes to. */
    String defaultUri();

    /** The driver bundles installed in the platform, resolved or not, with what they serve. */
    List<DriverInfo> drivers();
}
