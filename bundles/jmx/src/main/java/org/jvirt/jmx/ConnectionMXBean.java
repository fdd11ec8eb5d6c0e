package org.jvirt.jmx;

import java.util.Map;

import javax.management.ObjectName;

/**
 * One open connection to a hypervisor, registered as {@code org.jvirt:type=Connection,uri="<uri>"}. Every
 * attribute asks the connection when read. A failure raises an exception whose message is libvirt's.
 *
 * <p>The MBean also emits every event of the connection (the types of {@link JvirtNotifications}, with the object
 * named in the user data), so that one subscription follows a whole host.
 */
@Description("A connection to a hypervisor: the host, its hypervisor and its objects; emits every event of them")
public interface ConnectionMXBean {

    @Description("The connection's URI, as the driver gives it (virConnectGetURI)")
    String getURI();

    @Description("The host's name")
    String getHostname();

    @Description("The hypervisor's name: TEST, QEMU, LXC, ...")
    String getHypervisorType();

    @Description("The hypervisor's version as libvirt prints it, e.g. 0.0.2")
    String getHypervisorVersion();

    @Description("The hypervisor's version as libvirt encodes it: major * 1,000,000 + minor * 1,000 + release")
    long getHypervisorVersionNumber();

    @Description("The version of the libvirt API the platform implements, e.g. 9.0.0")
    String getLibVersion();

    @Description("The libvirt API version as a number, e.g. 9000000")
    long getLibVersionNumber();

    @Description("Whether the connection is still usable")
    boolean isAlive();

    @Description("The capabilities XML of the host and its hypervisor (virsh capabilities)")
    String getCapabilities();

    @Description("How many objects of each kind the connection shows as MBeans, by type: Domain, Network, "
            + "StoragePool (a kind the driver does not have is left out)")
    Map<String, Integer> getObjectCounts();

    // ---- the host (virNodeGetInfo)

    @Description("The host's CPU model, e.g. x86_64")
    String getCPUModel();

    @Description("The host's number of active CPUs")
    int getCPUs();

    @Description("The host's expected CPU frequency in MHz (0 when unknown)")
    int getCPUFrequencyMHz();

    @Description("CPU sockets per NUMA cell")
    int getCPUSockets();

    @Description("Cores per CPU socket")
    int getCoresPerSocket();

    @Description("Threads per core")
    int getThreadsPerCore();

    @Description("The host's number of NUMA cells")
    int getNUMACells();

    @Description("The host's memory in KiB")
    long getMemoryKiB();

    // ---- domains

    @Description("The number of running domains")
    int getActiveDomains();

    @Description("The number of defined domains that are not running")
    int getInactiveDomains();

    @Description("The MBeans of this connection's domains")
    ObjectName[] getDomains();

    @Description("Defines (or redefines) a persistent domain from its XML, without starting it; returns its name")
    String defineXML(String xml);

    @Description("Creates and starts a transient domain from its XML; returns its name")
    String createXML(String xml);

    @Description("The MBean of the domain with this name")
    ObjectName lookupDomainByName(String name);

    @Description("The MBean of the domain with this UUID (with or without dashes)")
    ObjectName lookupDomainByUUID(String uuid);

    @Description("The MBean of the running domain with this id")
    ObjectName lookupDomainByID(int id);
}
