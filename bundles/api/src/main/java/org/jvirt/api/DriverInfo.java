package org.jvirt.api;

import java.util.List;

/**
 * An installed driver bundle, as the platform sees it.
 *
 * @param name       the driver's name ({@code Jvirt-Driver} header), e.g. "test"
 * @param bundle     the bundle's symbolic name
 * @param version    the bundle's version
 * @param state      the bundle's state: INSTALLED, RESOLVED, STARTING, ACTIVE or STOPPING
 * @param uriSchemes the URI schemes its hypervisor driver serves (empty while it serves none)
 * @param connections how many connections to it are open
 */
public record DriverInfo(String name, String bundle, String version, String state, List<String> uriSchemes,
        int connections) {
}
