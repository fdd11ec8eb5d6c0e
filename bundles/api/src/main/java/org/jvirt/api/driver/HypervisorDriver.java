package org.jvirt.api.driver;

import java.util.List;
import java.util.Optional;

import org.jvirt.api.Connect;

/**
 * A hypervisor driver (libvirt's virHypervisorDriver): it opens connections for the URIs whose scheme it serves.
 * Provide it as an OSGi service with the {@link #URI_SCHEMES} property, and for use outside OSGi list it in
 * {@code META-INF/services/org.jvirt.api.driver.HypervisorDriver}.
 */
public interface HypervisorDriver {
    /** Service property: the URI schemes the driver serves (String or String[]). */
    String URI_SCHEMES = "jvirt.uri.schemes";
    /** Service property: the driver's name, as in its bundle's {@code Jvirt-Driver} header. */
    String DRIVER_NAME = "jvirt.driver.name";
    /** Service property: {@code true} for a driver that reaches other hosts (libvirt's remote driver). */
    String REMOTE = "jvirt.driver.remote";
    /** The manifest header naming a driver bundle. */
    String MANIFEST_HEADER = "Jvirt-Driver";

    /** The driver's name, e.g. "test". */
    String name();

    /** The URI schemes it serves, e.g. ["test"]. */
    List<String> uriSchemes();

    /** Whether this is the remote driver, which takes transport URIs and any URI no local driver takes. */
    default boolean isRemote() {
        return false;
    }

    /**
     * Opens a connection, or returns empty to decline a URI it does not serve after all (libvirt's
     * VIR_DRV_OPEN_DECLINED), so that the next driver is asked. Fails with a {@link org.jvirt.api.VirtException}
     * when it serves the URI but cannot open it.
     */
    Optional<Connect> open(ConnectRequest request);
}
