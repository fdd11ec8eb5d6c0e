package org.jvirt.jmx;

import javax.management.ObjectName;

/**
 * One open connection to a hypervisor, registered as {@code org.jvirt:type=Connection,uri="<uri>"}. Every
 * attribute asks the connection when read. A failure raises an exception whose message is libvirt's.
 */
public interface ConnectionMXBean {

    /** The connection's URI, as the driver gives it (virConnectGetURI). */
    String getURI();

    /** The host's name (virConnectGetHostname). */
    String getHostname();

    /** The hypervisor's name: "TEST", "QEMU", "LXC" (virConnectGetType). */
    String getHypervisorType();

    /** The hypervisor's version as libvirt prints it, e.g. "0.0.2". */
    String getHypervisorVersion();

    /** The hypervisor's version as libvirt encodes it: major * 1,000,000 + minor * 1,000 + release. */
    long getHypervisorVersionNumber();

    /** The version of the libvirt API the platform implements, e.g. "9.0.0". */
    String getLibVersion();

    /** The libvirt API version as a number, e.g. 9000000. */
    long getLibVersionNumber();

    /** Whether the connection is still usable (virConnectIsAlive). */
    boolean isAlive();

    // ---- the host (virNodeGetInfo)

    /** The CPU model, e.g. "x86_64". */
    String getCPUModel();

    /** The number of active CPUs. */
    int getCPUs();

    /** The expected CPU frequency in MHz (0 when unknown). */
    int getCPUFrequencyMHz();

    /** CPU sockets per NUMA cell. */
    int getCPUSockets();

    int getCoresPerSocket();

    int getThreadsPerCore();

    int getNUMACells();

    /** The host's memory in KiB. */
    long getMemoryKiB();

    // ---- domains

    /** The number of running domains (virConnectNumOfDomains). */
    int getActiveDomains();

    /** The number of defined domains that are not running (virConnectNumOfDefinedDomains). */
    int getInactiveDomains();

    /** The names of the domain MBeans this connection has registered now. */
    ObjectName[] getDomains();

    /** Defines (or redefines) a persistent domain from its XML, without starting it; returns its name. */
    String defineXML(String xml);

    /** Creates and starts a transient domain from its XML; returns its name. */
    String createXML(String xml);

    /** The MBean name of the domain called {@code name}; fails when there is no such domain. */
    ObjectName lookupDomainByName(String name);

    /** The MBean name of the domain with this UUID (with or without dashes). */
    ObjectName lookupDomainByUUID(String uuid);

    /** The MBean name of the running domain with this id. */
    ObjectName lookupDomainByID(int id);
}
