package org.jvirt.jmx;

/**
 * One installed driver bundle, registered as {@code org.jvirt:type=Driver,name="<driver>"}. It is there while the
 * bundle is installed, whatever its state; every attribute reads the platform when asked.
 */
@Description("An installed driver bundle: its version, state, the URI schemes it serves and its open connections")
public interface DriverMXBean {

    @Description("The driver's name, from its bundle's Jvirt-Driver header, e.g. test")
    String getName();

    @Description("The bundle's symbolic name")
    String getBundle();

    @Description("The bundle's version")
    String getVersion();

    @Description("The bundle's state: INSTALLED, RESOLVED, STARTING, ACTIVE or STOPPING (UNINSTALLED once gone)")
    String getState();

    @Description("The URI schemes its hypervisor driver serves; empty while it serves none")
    String[] getURISchemes();

    @Description("How many connections to it are open")
    int getConnections();
}
