package org.jvirt.api;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jvirt.api.event.ConnectCloseListener;
import org.jvirt.api.event.DomainEventId;
import org.jvirt.api.event.DomainEventListener;
import org.jvirt.api.event.EventSubscription;
import org.jvirt.api.qemu.QemuMonitorEventListener;
import org.jvirt.api.qemu.QemuMonitorEventRegisterFlag;

/**
 * A connection to a hypervisor (virConnectPtr). Safe for use from several threads. Once closed, or once its driver
 * has left the platform, every call fails with {@link ErrorCode#INVALID_CONN}.
 *
 * <p>A driver implements what it supports; the rest keeps the default body, which fails with libvirt's
 * {@link ErrorCode#NO_SUPPORT} ("this function is not supported by the connection driver: virX"). The networks,
 * storage, node devices, host interfaces, network filters and secrets of a connection are declared by the
 * interfaces it extends ({@link ConnectNetworks}, …): a hypervisor driver that leaves one of them wholly
 * unimplemented gets the platform's shared secondary driver behind it. Event subscriptions, close callbacks and
 * streams are the platform's, for every driver.
 */
public interface Connect extends ConnectNetworks, ConnectStorage, ConnectNodeDevices, ConnectInterfaces,
        ConnectNWFilters, ConnectSecrets, AutoCloseable {

    @Libvirt("virConnectGetURI")
    String getURI();

    /** The hypervisor's name, as libvirt spells it ("TEST", "QEMU", "LXC"). */
    @Libvirt("virConnectGetType")
    String getType();

    /** The hypervisor's version, major * 1,000,000 + minor * 1,000 + release. */
    @Libvirt("virConnectGetVersion")
    default long getVersion() {
        throw VirtException.noSupport();
    }

    /** The version of the libvirt API this platform implements, major * 1,000,000 + minor * 1,000 + release. */
    @Libvirt("virConnectGetLibVersion")
    default long getLibVersion() {
        return Versions.LIBVIRT_API;
    }

    @Libvirt("virConnectGetHostname")
    default String getHostname() {
        throw VirtException.noSupport();
    }

    /** The capabilities XML of the host and its hypervisor. */
    @Libvirt("virConnectGetCapabilities")
    default String getCapabilities() {
        throw VirtException.noSupport();
    }

    /**
     * What the hypervisor can offer a guest of this emulator, architecture, machine type and virtualization type
     * (each may be null for the default), as a {@code <domainCapabilities>} document.
     */
    @Modifies
    @Libvirt("virConnectGetDomainCapabilities")
    default String getDomainCapabilities(String emulatorbin, String arch, String machine, String virttype) {
        throw VirtException.noSupport();
    }

    /** The host's SMBIOS description, as a {@code <sysinfo>} document. */
    @Libvirt("virConnectGetSysinfo")
    default String getSysinfo() {
        throw VirtException.noSupport();
    }

    /** The most vCPUs a guest of {@code type} (may be null) can have. */
    @Libvirt("virConnectGetMaxVcpus")
    default int getMaxVcpus(String type) {
        throw VirtException.noSupport();
    }

    @Libvirt("virConnectIsAlive")
    default boolean isAlive() {
        return true;
    }

    /** Whether the channel to the driver cannot be eavesdropped (always so for a local driver). */
    @Libvirt("virConnectIsSecure")
    default boolean isSecure() {
        return true;
    }

    @Libvirt("virConnectIsEncrypted")
    default boolean isEncrypted() {
        return false;
    }

    /**
     * Starts keepalive messages after {@code interval} seconds of silence, giving up after {@code count} unanswered
     * ones (a remote connection); returns false when the server does not support keepalive.
     */
    @Libvirt("virConnectSetKeepAlive")
    default boolean setKeepAlive(int interval, int count) {
        throw VirtException.noSupport();
    }

    /**
     * Tells the driver whom the calls are made for ({@code TypedParamFields.CONNECT_IDENTITY_*}): a daemon relaying
     * a client's calls to another daemon.
     */
    @Libvirt("virConnectSetIdentity")
    default void setIdentity(TypedParameters identity) {
        throw VirtException.noSupport();
    }

    // ---- the host

    @Libvirt("virNodeGetInfo")
    default NodeInfo nodeInfo() {
        throw VirtException.noSupport();
    }

    @Libvirt("virNodeGetSecurityModel")
    default SecurityModel getSecurityModel() {
        throw VirtException.noSupport();
    }

    /**
     * The host's CPU time counters ({@code TypedParamFields.NODE_CPU_STATS_*}, ULLONG, nanoseconds) of CPU
     * {@code cpuNum}, or of all with {@link VirConstants#NODE_CPU_STATS_ALL_CPUS}.
     */
    @Libvirt("virNodeGetCPUStats")
    default TypedParameters nodeGetCPUStats(@Arg(value = "cpuNum", check = Arg.Check.ALL_OR_NON_NEGATIVE) int cpuNum) {
        throw VirtException.noSupport();
    }

    /**
     * The host's memory counters ({@code TypedParamFields.NODE_MEMORY_STATS_*}, ULLONG, KiB) of NUMA cell
     * {@code cellNum}, or of all with {@link VirConstants#NODE_MEMORY_STATS_ALL_CELLS}.
     */
    @Libvirt("virNodeGetMemoryStats")
    default TypedParameters nodeGetMemoryStats(
            @Arg(value = "cellNum", check = Arg.Check.ALL_OR_NON_NEGATIVE) int cellNum) {
        throw VirtException.noSupport();
    }

    /** The host's free memory, in bytes. */
    @Libvirt("virNodeGetFreeMemory")
    default long nodeGetFreeMemory() {
        throw VirtException.noSupport();
    }

    /** The free memory in bytes of NUMA cells {@code startCell} onwards, at most {@code maxCells} of them. */
    @Libvirt("virNodeGetCellsFreeMemory")
    default long[] nodeGetCellsFreeMemory(
            @Arg(value = "startCell", check = Arg.Check.NON_NEGATIVE, order = 1) int startCell,
            @Arg(value = "maxCells", check = Arg.Check.POSITIVE) int maxCells) {
        throw VirtException.noSupport();
    }

    /** The host's memory tunables ({@code TypedParamFields.NODE_MEMORY_SHARED_*}). */
    @Libvirt("virNodeGetMemoryParameters")
    default TypedParameters nodeGetMemoryParameters() {
        throw VirtException.noSupport();
    }

    @Modifies
    @Libvirt("virNodeSetMemoryParameters")
    default void nodeSetMemoryParameters(@Arg(value = "params", check = Arg.Check.NON_NULL) TypedParameters params) {
        throw VirtException.noSupport();
    }

    /** Suspends the host to {@code target} for {@code duration} seconds. */
    @Modifies
    @Libvirt("virNodeSuspendForDuration")
    default void nodeSuspendForDuration(NodeSuspendTarget target, long duration) {
        throw VirtException.noSupport();
    }

    @Libvirt("virNodeGetCPUMap")
    default NodeCPUMap nodeGetCPUMap() {
        throw VirtException.noSupport();
    }

    /**
     * How many free pages of each size in {@code pages} (KiB) each NUMA cell from {@code startCell} has, for
     * {@code cellCount} cells: the counts of the first cell, then of the next.
     */
    @Libvirt("virNodeGetFreePages")
    default long[] nodeGetFreePages(
            @Arg(value = "npages", check = Arg.Check.NON_ZERO) @Arg(value = "pages", check = Arg.Check.NON_NULL)
            int[] pages, int startCell, @Arg(value = "cellCount", check = Arg.Check.NON_ZERO) int cellCount) {
        throw VirtException.noSupport();
    }

    /**
     * Adds (or with SET, sets) {@code pageCounts[i]} huge pages of size {@code pageSizes[i]} KiB on {@code cellCount}
     * cells from {@code startCell} (-1: spread over all); returns how many cells were changed.
     */
    @Modifies
    @Libvirt("virNodeAllocPages")
    default int nodeAllocPages(
            @Arg(value = "npages", check = Arg.Check.NON_ZERO) @Arg(value = "pageSizes", check = Arg.Check.NON_NULL)
            int[] pageSizes,
            @Arg(value = "pageCounts", check = Arg.Check.NON_NULL) long[] pageCounts, int startCell,
            @Arg(value = "cellCount", check = Arg.Check.NON_ZERO) int cellCount,
            Set<NodeAllocPagesFlag> flags) {
        throw VirtException.noSupport();
    }

    /** The host's AMD SEV platform data ({@code TypedParamFields.NODE_SEV_*}). */
    @Modifies
    @Libvirt("virNodeGetSEVInfo")
    default TypedParameters nodeGetSEVInfo() {
        throw VirtException.noSupport();
    }

    // ---- CPU models

    /** How the CPU described by {@code xml} compares with the host's. */
    @Libvirt("virConnectCompareCPU")
    default CpuCompareResult compareCPU(@Arg(value = "xmlDesc", check = Arg.Check.NON_NULL) String xml,
            Set<CompareCPUFlag> flags) {
        throw VirtException.noSupport();
    }

    /** How {@code xmlCPU} compares with the CPU this hypervisor can give a guest on this host. */
    @Modifies
    @Libvirt("virConnectCompareHypervisorCPU")
    default CpuCompareResult compareHypervisorCPU(String emulator, String arch, String machine, String virttype,
            @Arg(value = "xmlCPU", check = Arg.Check.NON_NULL, beforeReadOnly = true) String xmlCPU,
            Set<CompareCPUFlag> flags) {
        throw VirtException.noSupport();
    }

    /** The CPU model names of {@code arch}; empty when any model is accepted. */
    @Libvirt("virConnectGetCPUModelNames")
    default List<String> getCPUModelNames(@Arg(value = "arch", check = Arg.Check.NON_NULL) String arch) {
        throw VirtException.noSupport();
    }

    /** The richest CPU compatible with every CPU in {@code xmlCPUs}. */
    @Libvirt("virConnectBaselineCPU")
    default String baselineCPU(@Arg(value = "xmlCPUs", check = Arg.Check.NON_NULL) List<String> xmlCPUs,
            Set<BaselineCPUFlag> flags) {
        throw VirtException.noSupport();
    }

    /** The richest CPU compatible with every CPU in {@code xmlCPUs} that this hypervisor can provide. */
    @Modifies
    @Libvirt("virConnectBaselineHypervisorCPU")
    default String baselineHypervisorCPU(String emulator, String arch, String machine, String virttype,
            @Arg(value = "xmlCPUs", check = Arg.Check.NON_NULL, beforeReadOnly = true) List<String> xmlCPUs,
            Set<BaselineCPUFlag> flags) {
        throw VirtException.noSupport();
    }

    // ---- domains

    /** The domains matching every filter group present in {@code flags} (all domains for an empty set). */
    @Libvirt("virConnectListAllDomains")
    List<Domain> listAllDomains(Set<ListDomainsFlag> flags);

    @Libvirt(value = "virConnectNumOfDomains", via = "virConnectListAllDomains")
    default int numOfDomains() {
        return listAllDomains(EnumSet.of(ListDomainsFlag.ACTIVE)).size();
    }

    /** The ids of the running domains. */
    @Libvirt(value = "virConnectListDomains", via = "virConnectListAllDomains")
    default int[] listDomains() {
        return listAllDomains(EnumSet.of(ListDomainsFlag.ACTIVE)).stream().mapToInt(Domain::getID).toArray();
    }

    @Libvirt(value = "virConnectNumOfDefinedDomains", via = "virConnectListAllDomains")
    default int numOfDefinedDomains() {
        return listAllDomains(EnumSet.of(ListDomainsFlag.INACTIVE)).size();
    }

    /** The names of the defined domains that are not running. */
    @Libvirt(value = "virConnectListDefinedDomains", via = "virConnectListAllDomains")
    default List<String> listDefinedDomains() {
        return listAllDomains(EnumSet.of(ListDomainsFlag.INACTIVE)).stream().map(Domain::getName).toList();
    }

    /** The domain named {@code name}, or NO_DOMAIN "Domain not found: no domain with matching name 'x'". */
    @Libvirt("virDomainLookupByName")
    Domain domainLookupByName(@Arg(value = "name", check = Arg.Check.NON_NULL) String name);

    @Libvirt("virDomainLookupByUUID")
    Domain domainLookupByUUID(@Arg(value = "uuid", check = Arg.Check.NON_NULL) UUID uuid);

    /** The domain with this UUID, given in any form libvirt accepts (with or without dashes). */
    @Libvirt(value = "virDomainLookupByUUIDString", via = "virDomainLookupByUUID")
    default Domain domainLookupByUUIDString(
            @Arg(value = "uuidstr", check = Arg.Check.NON_NULL)
            @Arg(value = "uuidstr", check = Arg.Check.VALID_UUID, message = "Invalid UUID") String uuid) {
        return domainLookupByUUID(Uuids.parse(uuid));
    }

    /** The running domain with this id. */
    @Libvirt("virDomainLookupByID")
    Domain domainLookupByID(@Arg(value = "id", check = Arg.Check.NON_NEGATIVE) int id);

    /** Defines (or redefines) a persistent domain from its XML; it is not started. */
    @Modifies
    @Libvirt("virDomainDefineXMLFlags")
    default Domain domainDefineXML(@Arg(value = "xml", check = Arg.Check.NON_NULL) String xml,
            Set<DomainDefineFlag> flags) {
        throw VirtException.noSupport();
    }

    @Modifies
    @Libvirt(value = "virDomainDefineXML", via = "virDomainDefineXMLFlags")
    default Domain domainDefineXML(@Arg(value = "xml", check = Arg.Check.NON_NULL) String xml) {
        return domainDefineXML(xml, Set.of());
    }

    /** Creates and starts a transient domain from its XML. */
    @Modifies
    @Libvirt("virDomainCreateXML")
    default Domain domainCreateXML(
            @Arg(value = "xmlDesc", check = Arg.Check.NON_NULL, beforeReadOnly = true) String xml,
            Set<DomainCreateFlag> flags) {
        throw VirtException.noSupport();
    }

    /**
     * Creates and starts a transient domain from its XML, handing its guest open files (virDomainCreateXMLWithFiles):
     * container drivers give them to the guest's init, renumbered from 3; a driver whose guests take none (the test
     * driver) ignores them, as libvirt's does. The caller keeps its own descriptors.
     */
    @Modifies
    @Libvirt("virDomainCreateXMLWithFiles")
    default Domain domainCreateXMLWithFiles(
            @Arg(value = "xmlDesc", check = Arg.Check.NON_NULL, beforeReadOnly = true) String xml,
            List<java.io.FileDescriptor> files, Set<DomainCreateFlag> flags) {
        throw VirtException.noSupport();
    }

    /** virDomainCreateXML's name before libvirt 0.4.6. */
    @Modifies(message = "read only access prevents virDomainCreateXML")
    @Libvirt(value = "virDomainCreateLinux", via = "virDomainCreateXML")
    default Domain domainCreateLinux(String xml) {
        return domainCreateXML(xml, Set.of());
    }

    /** Restores a domain saved to the file {@code from}. */
    @Modifies
    @Libvirt("virDomainRestore")
    default void domainRestore(@Arg(value = "from", check = Arg.Check.NON_NULL) String from) {
        throw VirtException.noSupport();
    }

    /** Restores a domain saved to {@code from}, with its XML replaced by {@code dxml} when not null. */
    @Modifies
    @FlagRule(exclusive = {"VIR_DOMAIN_SAVE_RUNNING", "VIR_DOMAIN_SAVE_PAUSED"})
    @Libvirt("virDomainRestoreFlags")
    default void domainRestore(@Arg(value = "from", check = Arg.Check.NON_NULL) String from, String dxml,
            Set<DomainSaveRestoreFlag> flags) {
        throw VirtException.noSupport();
    }

    /** Restores a domain as {@code params} say ({@code TypedParamFields.DOMAIN_SAVE_PARAM_*}). */
    @Modifies
    @FlagRule(exclusive = {"VIR_DOMAIN_SAVE_RUNNING", "VIR_DOMAIN_SAVE_PAUSED"})
    @Libvirt("virDomainRestoreParams")
    default void domainRestoreParams(TypedParameters params, Set<DomainSaveRestoreFlag> flags) {
        throw VirtException.noSupport();
    }

    /** The XML of the domain saved in {@code file}. */
    @Modifies
    @Libvirt("virDomainSaveImageGetXMLDesc")
    default String domainSaveImageGetXMLDesc(@Arg(value = "file", check = Arg.Check.NON_NULL, beforeReadOnly = true)
            String file,
            Set<DomainSaveImageXMLFlag> flags) {
        throw VirtException.noSupport();
    }

    /** Replaces the XML of the domain saved in {@code file}. */
    @Modifies
    @FlagRule(exclusive = {"VIR_DOMAIN_SAVE_RUNNING", "VIR_DOMAIN_SAVE_PAUSED"})
    @Libvirt("virDomainSaveImageDefineXML")
    default void domainSaveImageDefineXML(@Arg(value = "file", check = Arg.Check.NON_NULL) String file,
            @Arg(value = "dxml", check = Arg.Check.NON_NULL) String dxml,
            Set<DomainSaveRestoreFlag> flags) {
        throw VirtException.noSupport();
    }

    /** Converts a configuration in a hypervisor's own format (e.g. "qemu-argv") to domain XML. */
    @Modifies
    @Libvirt("virConnectDomainXMLFromNative")
    default String domainXMLFromNative(@Arg(value = "nativeFormat", check = Arg.Check.NON_NULL) String nativeFormat,
            @Arg(value = "nativeConfig", check = Arg.Check.NON_NULL) String nativeConfig) {
        throw VirtException.noSupport();
    }

    /** Converts domain XML to a hypervisor's own format (e.g. "qemu-argv"). */
    @Modifies
    @Libvirt("virConnectDomainXMLToNative")
    default String domainXMLToNative(@Arg(value = "nativeFormat", check = Arg.Check.NON_NULL) String nativeFormat,
            @Arg(value = "domainXml", check = Arg.Check.NON_NULL) String domainXml) {
        throw VirtException.noSupport();
    }

    /**
     * The statistics of every domain {@code flags} select, in the groups {@code stats} names (all groups the
     * driver has when empty).
     */
    @Libvirt("virConnectGetAllDomainStats")
    default List<DomainStatsRecord> getAllDomainStats(Set<DomainStatsType> stats, Set<GetAllDomainStatsFlag> flags) {
        throw VirtException.noSupport();
    }

    /** The statistics of {@code domains} (all of this connection), in the groups {@code stats} names. */
    @Libvirt("virDomainListGetStats")
    default List<DomainStatsRecord> domainListGetStats(
            @Arg(value = "doms", check = Arg.Check.NON_NULL)
            @Arg(value = "doms", check = Arg.Check.POSITIVE, code = ErrorCode.INVALID_ARG,
            message = "doms array in {fn} must contain at least one domain")
            @Arg(value = "doms", check = Arg.Check.SAME_CONNECTION, code = ErrorCode.INVALID_ARG,
            message = "domains in 'doms' array must belong to a single connection") List<Domain> domains,
            Set<DomainStatsType> stats, Set<GetAllDomainStatsFlag> flags) {
        throw VirtException.noSupport();
    }

    // ---- streams, events and closing; the platform implements these for every driver

    /** A new stream on this connection, to attach to an upload, download, console or channel. */
    @Libvirt("virStreamNew")
    default Stream newStream(Set<StreamFlag> flags) {
        throw VirtException.noSupport();
    }

    /**
     * Subscribes to events of kind {@code id}, of one domain or (with {@code domain} null) of all. The
     * subscription ends when closed, or when the connection closes.
     */
    @Libvirt("virConnectDomainEventRegisterAny")
    default EventSubscription domainEventRegisterAny(
            @Arg(value = "dom", check = Arg.Check.SAME_CONNECTION, message = "domain '{object}' must match connection")
            Domain domain,
            DomainEventId id, @Arg(value = "cb", check = Arg.Check.NON_NULL) DomainEventListener listener) {
        throw VirtException.noSupport();
    }

    /** Ends the subscription with this callback id (of a domain subscription). */
    @Libvirt("virConnectDomainEventDeregisterAny")
    default void domainEventDeregisterAny(@Arg(value = "callbackID", check = Arg.Check.NON_NEGATIVE) int callbackId) {
        throw VirtException.noSupport();
    }

    /** Subscribes to the lifecycle events of every domain (libvirt's first event API). */
    @Libvirt("virConnectDomainEventRegister")
    default void domainEventRegister(@Arg(value = "cb", check = Arg.Check.NON_NULL) DomainEventListener listener) {
        throw VirtException.noSupport();
    }

    /** Ends a subscription made with {@link #domainEventRegister}. */
    @Libvirt("virConnectDomainEventDeregister")
    default void domainEventDeregister(@Arg(value = "cb", check = Arg.Check.NON_NULL) DomainEventListener listener) {
        throw VirtException.noSupport();
    }

    /** Asks to be told when the connection closes for any reason but its own {@link #close()}. */
    @Libvirt("virConnectRegisterCloseCallback")
    default EventSubscription registerCloseCallback(
            @Arg(value = "cb", check = Arg.Check.NON_NULL) ConnectCloseListener listener) {
        throw VirtException.noSupport();
    }

    /** Ends what {@link #registerCloseCallback} started for this listener. */
    @Libvirt("virConnectUnregisterCloseCallback")
    default void unregisterCloseCallback(@Arg(value = "cb", check = Arg.Check.NON_NULL) ConnectCloseListener listener) {
        throw VirtException.noSupport();
    }

    /** Closes the connection; its subscriptions end. Closing twice does nothing more. */
    @Libvirt("virConnectClose")
    @Override
    void close();

    // ---- QEMU (libvirt-qemu)

    /** Takes over a QEMU process libvirt did not start (process id {@code pid}). */
    @Modifies
    @Libvirt("virDomainQemuAttach")
    default Domain domainQemuAttach(
            @Arg(value = "pid_value", check = Arg.Check.NON_ZERO, beforeReadOnly = true) int pid) {
        throw VirtException.noSupport();
    }

    /**
     * Subscribes to QEMU monitor events named {@code event} (all when null; a regular expression with REGEX,
     * case-insensitive with NOCASE), of one domain or of all. The platform implements it for every driver.
     */
    @Modifies
    @Libvirt("virConnectDomainQemuMonitorEventRegister")
    default EventSubscription domainQemuMonitorEventRegister(
            @Arg(value = "dom", check = Arg.Check.SAME_CONNECTION,
            message = "domain '{object}' in {fn} must match connection") Domain domain,
            String event,
            @Arg(value = "cb", check = Arg.Check.NON_NULL, beforeReadOnly = true) QemuMonitorEventListener listener,
            Set<QemuMonitorEventRegisterFlag> flags) {
        throw VirtException.noSupport();
    }

    @Modifies
    @Libvirt("virConnectDomainQemuMonitorEventDeregister")
    default void domainQemuMonitorEventDeregister(
            @Arg(value = "callbackID", check = Arg.Check.NON_NEGATIVE, beforeReadOnly = true) int callbackId) {
        throw VirtException.noSupport();
    }
}
