package org.jvirt.api;

import java.time.Instant;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jvirt.api.qemu.QemuMonitorCommandFlag;

/**
 * A domain (virDomainPtr): a handle that names a guest by name, UUID and id. Its methods ask the driver each time,
 * so a handle to a domain that has since been undefined fails with {@link ErrorCode#NO_DOMAIN}.
 *
 * <p>Two handles are equal when they name the same domain (UUID) on the same connection. Flags that libvirt
 * reserves (always 0) have no parameter; CPU maps are {@link BitSet}s, bit n for host CPU n.
 */
public interface Domain {

    /** The connection this handle belongs to. */
    @Libvirt("virDomainGetConnect")
    Connect getConnect();

    @Libvirt("virDomainGetName")
    String getName();

    @Libvirt("virDomainGetUUID")
    UUID getUUID();

    @Libvirt(value = "virDomainGetUUIDString", via = "virDomainGetUUID")
    default String getUUIDString() {
        return getUUID().toString();
    }

    /** The id of a running domain, or -1 when it is not running. */
    @Libvirt("virDomainGetID")
    int getID();

    @Libvirt("virDomainGetOSType")
    default String getOSType() {
        throw VirtException.noSupport();
    }

    @Libvirt("virDomainGetInfo")
    DomainInfo getInfo();

    @Libvirt("virDomainGetState")
    DomainStateInfo getState();

    /** The state of the channel to the domain's hypervisor process. */
    @Libvirt("virDomainGetControlInfo")
    default DomainControlInfo getControlInfo() {
        throw VirtException.noSupport();
    }

    @Modifies(when = {"SECURE", "MIGRATABLE"}, message = "virDomainGetXMLDesc with secure flag")
    @Libvirt("virDomainGetXMLDesc")
    String getXMLDesc(Set<DomainXMLFlag> flags);

    @Libvirt(value = "virDomainIsActive", via = "virDomainGetID")
    default boolean isActive() {
        return getID() != -1;
    }

    @Libvirt("virDomainIsPersistent")
    default boolean isPersistent() {
        throw VirtException.noSupport();
    }

    /** Whether the running domain's configuration differs from its persistent one. */
    @Libvirt("virDomainIsUpdated")
    default boolean isUpdated() {
        throw VirtException.noSupport();
    }

    @Libvirt("virDomainGetAutostart")
    default boolean getAutostart() {
        throw VirtException.noSupport();
    }

    @Modifies
    @Libvirt("virDomainSetAutostart")
    default void setAutostart(boolean autostart) {
        throw VirtException.noSupport();
    }

    /** The security label of a running domain. */
    @Libvirt("virDomainGetSecurityLabel")
    default SecurityLabel getSecurityLabel() {
        throw VirtException.noSupport();
    }

    /** The security labels of a running domain, one per active security driver. */
    @Libvirt("virDomainGetSecurityLabelList")
    default List<SecurityLabel> getSecurityLabelList() {
        throw VirtException.noSupport();
    }

    /**
     * What the hypervisor says about the domain's configuration: "tainted: …" and "deprecated configuration: …"
     * lines, of the kinds in {@code flags} (all kinds when empty).
     */
    @Libvirt("virDomainGetMessages")
    default List<String> getMessages(Set<DomainMessageType> flags) {
        throw VirtException.noSupport();
    }

    /** The domain's metadata of {@code type}; for ELEMENT, the element in namespace {@code uri}. */
    @FlagRule(exclusive = {"VIR_DOMAIN_AFFECT_LIVE", "VIR_DOMAIN_AFFECT_CONFIG"})
    @Libvirt("virDomainGetMetadata")
    default String getMetadata(DomainMetadataType type,
            @Arg(value = "uri", check = Arg.Check.NULL,
            when = {"VIR_DOMAIN_METADATA_TITLE", "VIR_DOMAIN_METADATA_DESCRIPTION"}, order = 1)
            @Arg(value = "uri", check = Arg.Check.NON_NULL, when = "VIR_DOMAIN_METADATA_ELEMENT", order = 1)
            String uri,
            Set<DomainAffect> flags) {
        throw VirtException.noSupport();
    }

    /**
     * Sets (or with {@code metadata} null, removes) the domain's metadata of {@code type}; for ELEMENT, the
     * element {@code key} in namespace {@code uri}.
     */
    @Modifies
    @Libvirt("virDomainSetMetadata")
    default void setMetadata(DomainMetadataType type,
            @Arg(value = "metadata", check = Arg.Check.NO_NEWLINE, when = "VIR_DOMAIN_METADATA_TITLE") String metadata,
            @Arg(value = "key", check = Arg.Check.NULL,
            when = {"VIR_DOMAIN_METADATA_TITLE", "VIR_DOMAIN_METADATA_DESCRIPTION"}, order = 2)
            @Arg(value = "key", check = Arg.Check.NON_NULL, when = "VIR_DOMAIN_METADATA_ELEMENT", given = "metadata",
            order = 2) String key,
            @Arg(value = "uri", check = Arg.Check.NULL,
            when = {"VIR_DOMAIN_METADATA_TITLE", "VIR_DOMAIN_METADATA_DESCRIPTION"}, order = 1)
            @Arg(value = "uri", check = Arg.Check.NON_NULL, when = "VIR_DOMAIN_METADATA_ELEMENT", order = 1)
            String uri,
            Set<DomainAffect> flags) {
        throw VirtException.noSupport();
    }

    // ---- lifecycle

    /** Starts a defined domain. */
    @Modifies
    @Libvirt("virDomainCreateWithFlags")
    default void create(Set<DomainCreateFlag> flags) {
        throw VirtException.noSupport();
    }

    /**
     * Starts a defined domain, handing its guest open files (virDomainCreateWithFiles): container drivers give them
     * to the guest's init, renumbered from 3; a driver whose guests take none (the test driver) ignores them, as
     * libvirt's does. The caller keeps its own descriptors.
     */
    @Modifies
    @Libvirt("virDomainCreateWithFiles")
    default void createWithFiles(List<java.io.FileDescriptor> files, Set<DomainCreateFlag> flags) {
        throw VirtException.noSupport();
    }

    @Modifies
    @Libvirt(value = "virDomainCreate", via = "virDomainCreateWithFlags")
    default void create() {
        create(Set.of());
    }

    /** Stops a running domain at once, as pulling its plug. */
    @Modifies
    @Libvirt("virDomainDestroyFlags")
    default void destroy(Set<DomainDestroyFlag> flags) {
        throw VirtException.noSupport();
    }

    @Modifies
    @Libvirt(value = "virDomainDestroy", via = "virDomainDestroyFlags")
    default void destroy() {
        destroy(Set.of());
    }

    /** Asks the guest to shut down. */
    @Modifies
    @Libvirt("virDomainShutdownFlags")
    default void shutdown(Set<DomainShutdownFlag> flags) {
        throw VirtException.noSupport();
    }

    @Modifies
    @Libvirt(value = "virDomainShutdown", via = "virDomainShutdownFlags")
    default void shutdown() {
        shutdown(Set.of());
    }

    /** Asks the guest to reboot. */
    @Modifies
    @Libvirt("virDomainReboot")
    default void reboot(Set<DomainRebootFlag> flags) {
        throw VirtException.noSupport();
    }

    /** Resets the guest at once, as pressing its reset button. */
    @Modifies
    @Libvirt("virDomainReset")
    default void reset() {
        throw VirtException.noSupport();
    }

    @Modifies
    @Libvirt("virDomainSuspend")
    default void suspend() {
        throw VirtException.noSupport();
    }

    @Modifies
    @Libvirt("virDomainResume")
    default void resume() {
        throw VirtException.noSupport();
    }

    /** Asks the guest to sleep to {@code target} for {@code duration} seconds (0: until woken). */
    @Modifies
    @Libvirt("virDomainPMSuspendForDuration")
    default void pmSuspendForDuration(NodeSuspendTarget target, long duration) {
        throw VirtException.noSupport();
    }

    /** Wakes a guest that sleeps after pmSuspendForDuration. */
    @Modifies
    @Libvirt("virDomainPMWakeup")
    default void pmWakeup() {
        throw VirtException.noSupport();
    }

    /** Removes a domain's persistent configuration; a running domain goes on, as transient. */
    @Modifies
    @Libvirt("virDomainUndefineFlags")
    default void undefine(Set<DomainUndefineFlag> flags) {
        throw VirtException.noSupport();
    }

    @Modifies
    @Libvirt(value = "virDomainUndefine", via = "virDomainUndefineFlags")
    default void undefine() {
        undefine(Set.of());
    }

    @Modifies
    @Libvirt("virDomainRename")
    default void rename(
            @Arg(value = "new_name", check = Arg.Check.NON_EMPTY_STRING, beforeReadOnly = true) String newName) {
        throw VirtException.noSupport();
    }

    /** Sets what the domain does on power-off, reboot or crash. */
    @Modifies
    @Libvirt("virDomainSetLifecycleAction")
    default void setLifecycleAction(DomainLifecycle type, DomainLifecycleAction action, Set<DomainAffect> flags) {
        throw VirtException.noSupport();
    }

    @Modifies
    @Libvirt("virDomainInjectNMI")
    default void injectNMI() {
        throw VirtException.noSupport();
    }

    /** Presses {@code keycodes} (at most {@value VirConstants#DOMAIN_SEND_KEY_MAX_KEYS}) for {@code holdtime} ms. */
    @Modifies
    @Libvirt("virDomainSendKey")
    default void sendKey(KeycodeSet codeset, int holdtime,
            @Arg(value = "keycodes", check = Arg.Check.NON_NULL) @Arg(value = "nkeycodes", check = Arg.Check.POSITIVE)
            @Arg(value = "nkeycodes", check = Arg.Check.AT_MOST, limit = 16) int[] keycodes) {
        throw VirtException.noSupport();
    }

    /** Sends {@code signal} to process {@code pid} (negative: process group) in the guest. */
    @Modifies
    @Libvirt("virDomainSendProcessSignal")
    default void sendProcessSignal(
            @Arg(value = "pid_value", check = Arg.Check.NON_ZERO, beforeReadOnly = true) long pid,
            DomainProcessSignal signal) {
        throw VirtException.noSupport();
    }

    // ---- save, restore, dumps

    /** Saves the running domain's memory to the file {@code to} and stops it. */
    @Modifies
    @Libvirt("virDomainSave")
    default void save(@Arg(value = "to", check = Arg.Check.NON_NULL) String to) {
        throw VirtException.noSupport();
    }

    /** As {@link #save(String)}, with the saved XML replaced by {@code dxml} when not null. */
    @Modifies
    @FlagRule(exclusive = {"VIR_DOMAIN_SAVE_RUNNING", "VIR_DOMAIN_SAVE_PAUSED"})
    @Libvirt("virDomainSaveFlags")
    default void save(@Arg(value = "to", check = Arg.Check.NON_NULL) String to, String dxml,
            Set<DomainSaveRestoreFlag> flags) {
        throw VirtException.noSupport();
    }

    /** Saves the domain as {@code params} say ({@code TypedParamFields.DOMAIN_SAVE_PARAM_*}). */
    @Modifies
    @FlagRule(exclusive = {"VIR_DOMAIN_SAVE_RUNNING", "VIR_DOMAIN_SAVE_PAUSED"})
    @Libvirt("virDomainSaveParams")
    default void saveParams(TypedParameters params, Set<DomainSaveRestoreFlag> flags) {
        throw VirtException.noSupport();
    }

    /** Saves the domain to a file libvirt keeps, restored when the domain next starts. */
    @Modifies
    @FlagRule(exclusive = {"VIR_DOMAIN_SAVE_RUNNING", "VIR_DOMAIN_SAVE_PAUSED"})
    @Libvirt("virDomainManagedSave")
    default void managedSave(Set<DomainSaveRestoreFlag> flags) {
        throw VirtException.noSupport();
    }

    @Libvirt("virDomainHasManagedSaveImage")
    default boolean hasManagedSaveImage() {
        throw VirtException.noSupport();
    }

    @Modifies
    @Libvirt("virDomainManagedSaveRemove")
    default void managedSaveRemove() {
        throw VirtException.noSupport();
    }

    /** The XML saved with the domain's managed save image. */
    @Modifies(when = "SECURE", message = "virDomainManagedSaveGetXMLDesc with secure flag")
    @Libvirt("virDomainManagedSaveGetXMLDesc")
    default String managedSaveGetXMLDesc(Set<DomainSaveImageXMLFlag> flags) {
        throw VirtException.noSupport();
    }

    /** Replaces the XML saved with the domain's managed save image. */
    @Modifies
    @FlagRule(exclusive = {"VIR_DOMAIN_SAVE_RUNNING", "VIR_DOMAIN_SAVE_PAUSED"}, beforeReadOnly = true)
    @Libvirt("virDomainManagedSaveDefineXML")
    default void managedSaveDefineXML(String dxml, Set<DomainSaveRestoreFlag> flags) {
        throw VirtException.noSupport();
    }

    /** Dumps the guest's memory to the file {@code to}. */
    @Modifies
    @FlagRule(exclusive = {"VIR_DUMP_CRASH", "VIR_DUMP_LIVE"})
    @FlagRule(exclusive = {"VIR_DUMP_CRASH", "VIR_DUMP_RESET"})
    @FlagRule(exclusive = {"VIR_DUMP_LIVE", "VIR_DUMP_RESET"})
    @Libvirt("virDomainCoreDump")
    default void coreDump(@Arg(value = "to", check = Arg.Check.NON_NULL) String to, Set<DomainCoreDumpFlag> flags) {
        throw VirtException.noSupport();
    }

    @Modifies
    @FlagRule(exclusive = {"VIR_DUMP_CRASH", "VIR_DUMP_LIVE"})
    @FlagRule(exclusive = {"VIR_DUMP_CRASH", "VIR_DUMP_RESET"})
    @FlagRule(exclusive = {"VIR_DUMP_LIVE", "VIR_DUMP_RESET"})
    @Libvirt("virDomainCoreDumpWithFormat")
    default void coreDumpWithFormat(@Arg(value = "to", check = Arg.Check.NON_NULL) String to,
            DomainCoreDumpFormat format,
            Set<DomainCoreDumpFlag> flags) {
        throw VirtException.noSupport();
    }

    /** Attaches {@code stream} to a screenshot of display {@code screen}; returns the image's MIME type. */
    @Modifies
    @Libvirt("virDomainScreenshot")
    default String screenshot(
            @Arg(value = "stream", check = Arg.Check.VALID_OBJECT, beforeReadOnly = true)
            @Arg(value = "stream", check = Arg.Check.SAME_CONNECTION,
            message = "stream must match connection of domain '{self}'") Stream stream,
            int screen) {
        throw VirtException.noSupport();
    }

    // ---- vCPUs and I/O threads

    /** The most vCPUs the domain may have. */
    @Libvirt("virDomainGetMaxVcpus")
    default int getMaxVcpus() {
        throw VirtException.noSupport();
    }

    @Modifies(when = "GUEST")
    @FlagRule(exclusive = {"VIR_DOMAIN_AFFECT_LIVE", "VIR_DOMAIN_AFFECT_CONFIG"})
    @Libvirt("virDomainGetVcpusFlags")
    default int getVcpusFlags(Set<DomainVcpuFlag> flags) {
        throw VirtException.noSupport();
    }

    @Modifies
    @Libvirt("virDomainSetVcpus")
    default void setVcpus(@Arg(value = "nvcpus", check = Arg.Check.NON_ZERO) int nvcpus) {
        throw VirtException.noSupport();
    }

    @Modifies
    @FlagRule(flag = "VIR_DOMAIN_VCPU_MAXIMUM", requires = "VIR_DOMAIN_AFFECT_CONFIG")
    @FlagRule(exclusive = {"VIR_DOMAIN_VCPU_GUEST", "VIR_DOMAIN_AFFECT_CONFIG"})
    @Libvirt("virDomainSetVcpusFlags")
    default void setVcpusFlags(@Arg(value = "nvcpus", check = Arg.Check.NON_ZERO) int nvcpus,
            Set<DomainVcpuFlag> flags) {
        throw VirtException.noSupport();
    }

    /** The running domain's vCPUs and where they may run. */
    @Libvirt("virDomainGetVcpus")
    default List<VcpuInfo> getVcpus() {
        throw VirtException.noSupport();
    }

    @Modifies
    @Libvirt("virDomainPinVcpu")
    default void pinVcpu(int vcpu, @Arg(value = "cpumap", check = Arg.Check.NON_NULL) BitSet cpumap) {
        throw VirtException.noSupport();
    }

    @Modifies
    @Libvirt("virDomainPinVcpuFlags")
    default void pinVcpuFlags(int vcpu, @Arg(value = "cpumap", check = Arg.Check.NON_NULL) BitSet cpumap,
            Set<DomainAffect> flags) {
        throw VirtException.noSupport();
    }

    /** The host CPUs each vCPU may run on, in vCPU order. */
    @FlagRule(exclusive = {"VIR_DOMAIN_AFFECT_LIVE", "VIR_DOMAIN_AFFECT_CONFIG"})
    @Libvirt("virDomainGetVcpuPinInfo")
    default List<BitSet> getVcpuPinInfo(Set<DomainAffect> flags) {
        throw VirtException.noSupport();
    }

    @Modifies
    @Libvirt("virDomainPinEmulator")
    default void pinEmulator(@Arg(value = "cpumap", check = Arg.Check.NON_NULL) BitSet cpumap,
            Set<DomainAffect> flags) {
        throw VirtException.noSupport();
    }

    /** The host CPUs the emulator threads may run on; empty when they are not pinned. */
    @FlagRule(exclusive = {"VIR_DOMAIN_AFFECT_LIVE", "VIR_DOMAIN_AFFECT_CONFIG"})
    @Libvirt("virDomainGetEmulatorPinInfo")
    default Optional<BitSet> getEmulatorPinInfo(Set<DomainAffect> flags) {
        throw VirtException.noSupport();
    }

    /** Turns the vCPUs of {@code vcpumap} (e.g. "1-3,^2") on or off in the hypervisor. */
    @Modifies
    @Libvirt("virDomainSetVcpu")
    default void setVcpu(@Arg(value = "vcpumap", check = Arg.Check.NON_NULL) String vcpumap, boolean enable,
            Set<DomainAffect> flags) {
        throw VirtException.noSupport();
    }

    /** The guest's view of its vCPUs, from its agent ("vcpus", "online", "offlinable"). */
    @Modifies
    @Libvirt("virDomainGetGuestVcpus")
    default TypedParameters getGuestVcpus() {
        throw VirtException.noSupport();
    }

    /** Turns the vCPUs of {@code cpumap} on or off inside the guest, through its agent. */
    @Modifies
    @Libvirt("virDomainSetGuestVcpus")
    default void setGuestVcpus(@Arg(value = "cpumap", check = Arg.Check.NON_NULL) String cpumap, boolean enable) {
        throw VirtException.noSupport();
    }

    @FlagRule(exclusive = {"VIR_DOMAIN_AFFECT_LIVE", "VIR_DOMAIN_AFFECT_CONFIG"})
    @Libvirt("virDomainGetIOThreadInfo")
    default List<DomainIOThreadInfo> getIOThreadInfo(Set<DomainAffect> flags) {
        throw VirtException.noSupport();
    }

    @Modifies
    @Libvirt("virDomainPinIOThread")
    default void pinIOThread(int iothreadId, @Arg(value = "cpumap", check = Arg.Check.NON_NULL) BitSet cpumap,
            Set<DomainAffect> flags) {
        throw VirtException.noSupport();
    }

    @Modifies
    @Libvirt("virDomainAddIOThread")
    default void addIOThread(int iothreadId, Set<DomainAffect> flags) {
        throw VirtException.noSupport();
    }

    @Modifies
    @Libvirt("virDomainDelIOThread")
    default void delIOThread(@Arg(value = "iothread_id", check = Arg.Check.NON_ZERO) int iothreadId,
            Set<DomainAffect> flags) {
        throw VirtException.noSupport();
    }

    /** Tunes an I/O thread ({@code TypedParamFields.DOMAIN_IOTHREAD_*}). */
    @Modifies
    @Libvirt("virDomainSetIOThreadParams")
    default void setIOThreadParams(int iothreadId,
            @Arg(value = "params", check = Arg.Check.NON_NULL) @Arg(value = "nparams", check = Arg.Check.POSITIVE)
            TypedParameters params,
            Set<DomainAffect> flags) {
        throw VirtException.noSupport();
    }

    /**
     * CPU time counters ({@code TypedParamFields.DOMAIN_CPU_STATS_*}): of the whole domain with {@code startCpu}
     * -1 and {@code ncpus} 1, else of each host CPU from {@code startCpu}, at most {@code ncpus} of them.
     */
    @Libvirt("virDomainGetCPUStats")
    default List<TypedParameters> getCPUStats(
            @Arg(value = "start_cpu", check = Arg.Check.ALL_OR_NON_NEGATIVE,
            message = "{arg} in {fn} must be zero or greater", order = 1) int startCpu,
            @Arg(value = "ncpus", check = Arg.Check.ONE_FOR_WHOLE, given = "start_cpu") int ncpus) {
        throw VirtException.noSupport();
    }

    // ---- memory

    /** The most memory the domain may have, in KiB. */
    @Libvirt(value = "virDomainGetMaxMemory", via = "virDomainGetInfo")
    default long getMaxMemory() {
        return getInfo().maxMemKiB();
    }

    @Modifies
    @Libvirt("virDomainSetMaxMemory")
    default void setMaxMemory(
            @Arg(value = "memory", check = Arg.Check.NON_ZERO) @Arg(value = "memory", check = Arg.Check.MEMORY_KIB)
            long memoryKiB) {
        throw VirtException.noSupport();
    }

    @Modifies
    @Libvirt("virDomainSetMemory")
    default void setMemory(
            @Arg(value = "memory", check = Arg.Check.NON_ZERO) @Arg(value = "memory", check = Arg.Check.MEMORY_KIB)
            long memoryKiB) {
        throw VirtException.noSupport();
    }

    @Modifies
    @Libvirt("virDomainSetMemoryFlags")
    default void setMemoryFlags(
            @Arg(value = "memory", check = Arg.Check.NON_ZERO) @Arg(value = "memory", check = Arg.Check.MEMORY_KIB)
            long memoryKiB,
            Set<DomainMemoryModFlag> flags) {
        throw VirtException.noSupport();
    }

    /** How often, in seconds, the balloon driver refreshes its statistics (0: never). */
    @Modifies
    @Libvirt("virDomainSetMemoryStatsPeriod")
    default void setMemoryStatsPeriod(@Arg(value = "period", check = Arg.Check.NON_NEGATIVE) int period,
            Set<DomainMemoryModFlag> flags) {
        throw VirtException.noSupport();
    }

    /** The memory tunables ({@code TypedParamFields.DOMAIN_MEMORY_*}). */
    @FlagRule(exclusive = {"VIR_DOMAIN_AFFECT_LIVE", "VIR_DOMAIN_AFFECT_CONFIG"})
    @Libvirt("virDomainGetMemoryParameters")
    default TypedParameters getMemoryParameters(Set<DomainAffect> flags) {
        throw VirtException.noSupport();
    }

    @Modifies
    @Libvirt("virDomainSetMemoryParameters")
    default void setMemoryParameters(
            @Arg(value = "params", check = Arg.Check.NON_NULL) @Arg(value = "nparams", check = Arg.Check.POSITIVE)
            TypedParameters params,
            Set<DomainAffect> flags) {
        throw VirtException.noSupport();
    }

    @Libvirt("virDomainMemoryStats")
    default List<DomainMemoryStat> memoryStats() {
        throw VirtException.noSupport();
    }

    /** Reads {@code size} bytes of guest memory at {@code start}. */
    @Modifies
    @FlagRule(exclusive = {"VIR_MEMORY_VIRTUAL", "VIR_MEMORY_PHYSICAL"})
    @Libvirt("virDomainMemoryPeek")
    default byte[] memoryPeek(long start, int size, Set<DomainMemoryFlag> flags) {
        throw VirtException.noSupport();
    }

    /** The NUMA tunables ({@code TypedParamFields.DOMAIN_NUMA_*}). */
    @FlagRule(exclusive = {"VIR_DOMAIN_AFFECT_LIVE", "VIR_DOMAIN_AFFECT_CONFIG"})
    @Libvirt("virDomainGetNumaParameters")
    default TypedParameters getNumaParameters(Set<DomainAffect> flags) {
        throw VirtException.noSupport();
    }

    @Modifies
    @Libvirt("virDomainSetNumaParameters")
    default void setNumaParameters(
            @Arg(value = "params", check = Arg.Check.NON_NULL) @Arg(value = "nparams", check = Arg.Check.POSITIVE)
            TypedParameters params,
            Set<DomainAffect> flags) {
        throw VirtException.noSupport();
    }

    // ---- tuning

    /** The block I/O tunables ({@code TypedParamFields.DOMAIN_BLKIO_*}). */
    @FlagRule(exclusive = {"VIR_DOMAIN_AFFECT_LIVE", "VIR_DOMAIN_AFFECT_CONFIG"})
    @Libvirt("virDomainGetBlkioParameters")
    default TypedParameters getBlkioParameters(Set<DomainAffect> flags) {
        throw VirtException.noSupport();
    }

    @Modifies
    @Libvirt("virDomainSetBlkioParameters")
    default void setBlkioParameters(@Arg(value = "params", check = Arg.Check.NON_NULL) TypedParameters params,
            Set<DomainAffect> flags) {
        throw VirtException.noSupport();
    }

    @Libvirt("virDomainGetSchedulerType")
    default DomainSchedulerType getSchedulerType() {
        throw VirtException.noSupport();
    }

    /** The scheduler tunables ({@code TypedParamFields.DOMAIN_SCHEDULER_*}) of the current definition. */
    @Libvirt(value = "virDomainGetSchedulerParameters", via = "virDomainGetSchedulerParametersFlags")
    default TypedParameters getSchedulerParameters() {
        return getSchedulerParameters(Set.of());
    }

    @FlagRule(exclusive = {"VIR_DOMAIN_AFFECT_LIVE", "VIR_DOMAIN_AFFECT_CONFIG"})
    @Libvirt("virDomainGetSchedulerParametersFlags")
    default TypedParameters getSchedulerParameters(Set<DomainAffect> flags) {
        throw VirtException.noSupport();
    }

    @Modifies
    @Libvirt(value = "virDomainSetSchedulerParameters", via = "virDomainSetSchedulerParametersFlags")
    default void setSchedulerParameters(@Arg(value = "params", check = Arg.Check.NON_NULL) TypedParameters params) {
        setSchedulerParameters(params, Set.of());
    }

    @Modifies
    @Libvirt("virDomainSetSchedulerParametersFlags")
    default void setSchedulerParameters(@Arg(value = "params", check = Arg.Check.NON_NULL) TypedParameters params,
            Set<DomainAffect> flags) {
        throw VirtException.noSupport();
    }

    /** Which perf events are on ({@code TypedParamFields.PERF_PARAM_*}, BOOLEAN). */
    @Libvirt("virDomainGetPerfEvents")
    default TypedParameters getPerfEvents(Set<DomainAffect> flags) {
        throw VirtException.noSupport();
    }

    @Modifies
    @Libvirt("virDomainSetPerfEvents")
    default void setPerfEvents(
            @Arg(value = "params", check = Arg.Check.NON_NULL) @Arg(value = "nparams", check = Arg.Check.POSITIVE)
            TypedParameters params,
            Set<DomainAffect> flags) {
        throw VirtException.noSupport();
    }

    // ---- disks

    /** The I/O counters of {@code disk} (a target such as "vda", or a source path). */
    @Libvirt("virDomainBlockStats")
    default DomainBlockStats blockStats(@Arg(value = "disk", check = Arg.Check.NON_NULL) String disk) {
        throw VirtException.noSupport();
    }

    /** The I/O counters of {@code disk} ({@code TypedParamFields.DOMAIN_BLOCK_STATS_*}). */
    @Libvirt("virDomainBlockStatsFlags")
    default TypedParameters blockStatsFlags(@Arg(value = "disk", check = Arg.Check.NON_NULL) String disk) {
        throw VirtException.noSupport();
    }

    @Libvirt("virDomainGetBlockInfo")
    default DomainBlockInfo getBlockInfo(@Arg(value = "disk", check = Arg.Check.NON_EMPTY_STRING) String disk) {
        throw VirtException.noSupport();
    }

    /** Reads {@code size} bytes of {@code disk} at {@code offset}. */
    @Modifies
    @Libvirt("virDomainBlockPeek")
    default byte[] blockPeek(@Arg(value = "disk", check = Arg.Check.NON_EMPTY_STRING) String disk, long offset,
            int size) {
        throw VirtException.noSupport();
    }

    /** Resizes {@code disk} of a running domain to {@code size} KiB (bytes with BYTES). */
    @Modifies
    @Libvirt("virDomainBlockResize")
    default void blockResize(@Arg(value = "disk", check = Arg.Check.NON_NULL) String disk, long size,
            Set<DomainBlockResizeFlag> flags) {
        throw VirtException.noSupport();
    }

    /** The I/O limits of {@code disk} ({@code TypedParamFields.DOMAIN_BLOCK_IOTUNE_*}). */
    @FlagRule(exclusive = {"VIR_DOMAIN_AFFECT_LIVE", "VIR_DOMAIN_AFFECT_CONFIG"})
    @Libvirt("virDomainGetBlockIoTune")
    default TypedParameters getBlockIoTune(@Arg(value = "disk", check = Arg.Check.NON_NULL) String disk,
            Set<DomainAffect> flags) {
        throw VirtException.noSupport();
    }

    @Modifies
    @Libvirt("virDomainSetBlockIoTune")
    default void setBlockIoTune(@Arg(value = "disk", check = Arg.Check.NON_NULL) String disk,
            @Arg(value = "nparams", check = Arg.Check.POSITIVE) @Arg(value = "params", check = Arg.Check.NON_NULL)
            TypedParameters params,
            Set<DomainAffect> flags) {
        throw VirtException.noSupport();
    }

    /** The disks that met I/O errors. */
    @Libvirt("virDomainGetDiskErrors")
    default List<DomainDiskError> getDiskErrors() {
        throw VirtException.noSupport();
    }

    /** Raises a BLOCK_THRESHOLD event once {@code dev} (e.g. "vda" or "vda[3]") is written past {@code threshold}. */
    @Modifies
    @Libvirt("virDomainSetBlockThreshold")
    default void setBlockThreshold(@Arg(value = "dev", check = Arg.Check.NON_NULL) String dev, long threshold) {
        throw VirtException.noSupport();
    }

    // ---- block jobs

    /** The block job on {@code disk}; empty when there is none. */
    @Libvirt("virDomainGetBlockJobInfo")
    default Optional<DomainBlockJobInfo> getBlockJobInfo(@Arg(value = "disk", check = Arg.Check.NON_NULL) String disk,
            Set<DomainBlockJobInfoFlag> flags) {
        throw VirtException.noSupport();
    }

    /** Cancels the block job on {@code disk}, or with PIVOT ends a copy or commit by switching to its target. */
    @Modifies
    @Libvirt("virDomainBlockJobAbort")
    default void blockJobAbort(@Arg(value = "disk", check = Arg.Check.NON_NULL) String disk,
            Set<DomainBlockJobAbortFlag> flags) {
        throw VirtException.noSupport();
    }

    @Modifies
    @Libvirt("virDomainBlockJobSetSpeed")
    default void blockJobSetSpeed(@Arg(value = "disk", check = Arg.Check.NON_NULL) String disk, long bandwidth,
            Set<DomainBlockJobSetSpeedFlag> flags) {
        throw VirtException.noSupport();
    }

    /** Starts pulling the backing chain's data into {@code disk}'s top image. */
    @Modifies
    @Libvirt("virDomainBlockPull")
    default void blockPull(@Arg(value = "disk", check = Arg.Check.NON_NULL) String disk, long bandwidth,
            Set<DomainBlockPullFlag> flags) {
        throw VirtException.noSupport();
    }

    /** Starts a pull down to {@code base}, or with COPY a copy of the chain to {@code base}. */
    @Modifies
    @FlagRule(flag = "VIR_DOMAIN_BLOCK_REBASE_SHALLOW | VIR_DOMAIN_BLOCK_REBASE_REUSE_EXT"
            + " | VIR_DOMAIN_BLOCK_REBASE_COPY_RAW | VIR_DOMAIN_BLOCK_REBASE_COPY_DEV",
            requires = "VIR_DOMAIN_BLOCK_REBASE_COPY", message = "use of flags requires a copy job")
    @Libvirt("virDomainBlockRebase")
    default void blockRebase(@Arg(value = "disk", check = Arg.Check.NON_NULL) String disk,
            @Arg(value = "base", check = Arg.Check.NON_NULL, when = "VIR_DOMAIN_BLOCK_REBASE_COPY") String base,
            long bandwidth, Set<DomainBlockRebaseFlag> flags) {
        throw VirtException.noSupport();
    }

    /** Starts copying {@code disk} to the destination {@code destxml} describes ({@code <disk>}). */
    @Modifies
    @Libvirt("virDomainBlockCopy")
    default void blockCopy(@Arg(value = "disk", check = Arg.Check.NON_NULL) String disk,
            @Arg(value = "destxml", check = Arg.Check.NON_NULL) String destxml,
            TypedParameters params, Set<DomainBlockCopyFlag> flags) {
        throw VirtException.noSupport();
    }

    /** Starts committing the images from {@code top} down into {@code base} (nulls: the defaults). */
    @Modifies
    @Libvirt("virDomainBlockCommit")
    default void blockCommit(@Arg(value = "disk", check = Arg.Check.NON_NULL) String disk, String base, String top,
            long bandwidth,
            Set<DomainBlockCommitFlag> flags) {
        throw VirtException.noSupport();
    }

    // ---- network interfaces

    /** The counters of {@code device} (an interface name or MAC address). */
    @Libvirt("virDomainInterfaceStats")
    default DomainInterfaceStats interfaceStats(@Arg(value = "device", check = Arg.Check.NON_NULL) String device) {
        throw VirtException.noSupport();
    }

    /** The bandwidth limits of {@code device} ({@code TypedParamFields.DOMAIN_BANDWIDTH_*}). */
    @Libvirt("virDomainGetInterfaceParameters")
    default TypedParameters getInterfaceParameters(String device, Set<DomainAffect> flags) {
        throw VirtException.noSupport();
    }

    @Modifies
    @Libvirt("virDomainSetInterfaceParameters")
    default void setInterfaceParameters(String device,
            @Arg(value = "params", check = Arg.Check.NON_NULL) @Arg(value = "nparams", check = Arg.Check.POSITIVE)
            TypedParameters params,
            Set<DomainAffect> flags) {
        throw VirtException.noSupport();
    }

    /** The guest's interfaces and their addresses, as {@code source} knows them. */
    @Modifies(when = "AGENT")
    @Libvirt("virDomainInterfaceAddresses")
    default List<DomainInterface> interfaceAddresses(DomainInterfaceAddressesSource source) {
        throw VirtException.noSupport();
    }

    // ---- devices

    /** Hot-plugs the device {@code xml} describes into the running domain. */
    @Modifies
    @Libvirt(value = "virDomainAttachDevice", via = "virDomainAttachDeviceFlags")
    default void attachDevice(@Arg(value = "xml", check = Arg.Check.NON_NULL, beforeReadOnly = true) String xml) {
        attachDeviceFlags(xml, Set.of(DomainDeviceModifyFlag.LIVE));
    }

    @Modifies
    @Libvirt("virDomainAttachDeviceFlags")
    default void attachDeviceFlags(@Arg(value = "xml", check = Arg.Check.NON_NULL, beforeReadOnly = true) String xml,
            Set<DomainDeviceModifyFlag> flags) {
        throw VirtException.noSupport();
    }

    /** Unplugs the device {@code xml} describes from the running domain. */
    @Modifies
    @Libvirt(value = "virDomainDetachDevice", via = "virDomainDetachDeviceFlags")
    default void detachDevice(@Arg(value = "xml", check = Arg.Check.NON_NULL, beforeReadOnly = true) String xml) {
        detachDeviceFlags(xml, Set.of(DomainDeviceModifyFlag.LIVE));
    }

    @Modifies
    @Libvirt("virDomainDetachDeviceFlags")
    default void detachDeviceFlags(@Arg(value = "xml", check = Arg.Check.NON_NULL, beforeReadOnly = true) String xml,
            Set<DomainDeviceModifyFlag> flags) {
        throw VirtException.noSupport();
    }

    /** Asks the guest to give up the device with this alias; a DEVICE_REMOVED event says when it did. */
    @Modifies
    @Libvirt("virDomainDetachDeviceAlias")
    default void detachDeviceAlias(
            @Arg(value = "alias", check = Arg.Check.NON_NULL, beforeReadOnly = true) String alias,
            Set<DomainDeviceModifyFlag> flags) {
        throw VirtException.noSupport();
    }

    /** Changes a device (a CD's medium, a NIC's link state, …) to what {@code xml} describes. */
    @Modifies
    @Libvirt("virDomainUpdateDeviceFlags")
    default void updateDeviceFlags(@Arg(value = "xml", check = Arg.Check.NON_NULL, beforeReadOnly = true) String xml,
            Set<DomainDeviceModifyFlag> flags) {
        throw VirtException.noSupport();
    }

    /** Attaches {@code stream} to the console, serial or parallel device {@code devName} (null: the first). */
    @Modifies
    @Libvirt("virDomainOpenConsole")
    default void openConsole(String devName,
            @Arg(value = "st", check = Arg.Check.VALID_OBJECT, beforeReadOnly = true)
            @Arg(value = "st", check = Arg.Check.SAME_CONNECTION,
            message = "stream must match connection of domain '{self}'") Stream stream,
            Set<DomainConsoleFlag> flags) {
        throw VirtException.noSupport();
    }

    /** Attaches {@code stream} to the channel {@code name} (an alias or virtio target name; null: the first). */
    @Modifies
    @Libvirt("virDomainOpenChannel")
    default void openChannel(String name,
            @Arg(value = "st", check = Arg.Check.VALID_OBJECT, beforeReadOnly = true)
            @Arg(value = "st", check = Arg.Check.SAME_CONNECTION,
            message = "stream must match connection of domain '{self}'") Stream stream,
            Set<DomainChannelFlag> flags) {
        throw VirtException.noSupport();
    }

    // ---- jobs

    @Libvirt("virDomainGetJobInfo")
    default DomainJobInfo getJobInfo() {
        throw VirtException.noSupport();
    }

    @FlagRule(flag = "VIR_DOMAIN_JOB_STATS_KEEP_COMPLETED", requires = "VIR_DOMAIN_JOB_STATS_COMPLETED")
    @Libvirt("virDomainGetJobStats")
    default DomainJobStats getJobStats(Set<DomainGetJobStatsFlag> flags) {
        throw VirtException.noSupport();
    }

    @Modifies
    @Libvirt("virDomainAbortJob")
    default void abortJob() {
        throw VirtException.noSupport();
    }

    @Modifies
    @Libvirt("virDomainAbortJobFlags")
    default void abortJob(Set<DomainAbortJobFlag> flags) {
        throw VirtException.noSupport();
    }

    /** Starts a backup job as {@code backupXML} describes, with the checkpoint {@code checkpointXML} (may be null). */
    @Modifies
    @Libvirt("virDomainBackupBegin")
    default void backupBegin(
            @Arg(value = "backupXML", check = Arg.Check.NON_NULL, beforeReadOnly = true) String backupXML,
            String checkpointXML, Set<DomainBackupBeginFlag> flags) {
        throw VirtException.noSupport();
    }

    /** The XML of the running backup job. */
    @Libvirt("virDomainBackupGetXMLDesc")
    default String backupGetXMLDesc() {
        throw VirtException.noSupport();
    }

    /** Starts measuring how fast the guest dirties its memory, for {@code seconds}. */
    @Modifies
    @FlagRule(exclusive = {"VIR_DOMAIN_DIRTYRATE_MODE_DIRTY_BITMAP", "VIR_DOMAIN_DIRTYRATE_MODE_DIRTY_RING"})
    @Libvirt("virDomainStartDirtyRateCalc")
    default void startDirtyRateCalc(int seconds, Set<DomainDirtyRateCalcFlag> flags) {
        throw VirtException.noSupport();
    }

    // ---- migration

    /** Migrates the domain to the host {@code dconn} is connected to; returns it there. */
    @Modifies
    @FlagRule(exclusive = {"VIR_MIGRATE_NON_SHARED_DISK", "VIR_MIGRATE_NON_SHARED_INC"})
    @FlagRule(exclusive = {"VIR_MIGRATE_TUNNELLED", "VIR_MIGRATE_PARALLEL"})
    @FlagRule(flag = "VIR_MIGRATE_NON_SHARED_SYNCHRONOUS_WRITES",
            requires = "VIR_MIGRATE_NON_SHARED_DISK | VIR_MIGRATE_NON_SHARED_INC")
    @FlagRule(flag = "VIR_MIGRATE_TUNNELLED", requires = "VIR_MIGRATE_PEER2PEER", code = ErrorCode.OPERATION_INVALID,
            message = "cannot perform tunnelled migration without using peer2peer flag")
    @Libvirt("virDomainMigrate")
    default Domain migrate(@Arg(value = "dconn", check = Arg.Check.VALID_OBJECT) Connect dconn,
            Set<DomainMigrateFlag> flags,
            String dname, String uri, long bandwidth) {
        throw VirtException.noSupport();
    }

    @Modifies
    @FlagRule(exclusive = {"VIR_MIGRATE_NON_SHARED_DISK", "VIR_MIGRATE_NON_SHARED_INC"})
    @FlagRule(exclusive = {"VIR_MIGRATE_TUNNELLED", "VIR_MIGRATE_PARALLEL"})
    @FlagRule(flag = "VIR_MIGRATE_NON_SHARED_SYNCHRONOUS_WRITES",
            requires = "VIR_MIGRATE_NON_SHARED_DISK | VIR_MIGRATE_NON_SHARED_INC")
    @FlagRule(flag = "VIR_MIGRATE_TUNNELLED", requires = "VIR_MIGRATE_PEER2PEER", code = ErrorCode.OPERATION_INVALID,
            message = "cannot perform tunnelled migration without using peer2peer flag")
    @Libvirt("virDomainMigrate2")
    default Domain migrate2(@Arg(value = "dconn", check = Arg.Check.VALID_OBJECT) Connect dconn, String dxml,
            Set<DomainMigrateFlag> flags,
            String dname, String uri, long bandwidth) {
        throw VirtException.noSupport();
    }

    /** Migrates as {@code params} say ({@code TypedParamFields.MIGRATE_PARAM_*}). */
    @Modifies
    @FlagRule(exclusive = {"VIR_MIGRATE_NON_SHARED_DISK", "VIR_MIGRATE_NON_SHARED_INC"})
    @FlagRule(flag = "VIR_MIGRATE_NON_SHARED_SYNCHRONOUS_WRITES",
            requires = "VIR_MIGRATE_NON_SHARED_DISK | VIR_MIGRATE_NON_SHARED_INC")
    @FlagRule(flag = "VIR_MIGRATE_PEER2PEER", refused = true,
            message = "use virDomainMigrateToURI3 for peer-to-peer migration")
    @FlagRule(flag = "VIR_MIGRATE_TUNNELLED", refused = true,
            message = "cannot perform tunnelled migration without using peer2peer flag")
    @Libvirt("virDomainMigrate3")
    default Domain migrate3(Connect dconn,
            @Arg(value = "params", check = Arg.Check.STRING_FIELD, field = "migrate_uri")
            @Arg(value = "params", check = Arg.Check.STRING_FIELD, field = "destination_name")
            @Arg(value = "params", check = Arg.Check.STRING_FIELD, field = "destination_xml")
            @Arg(value = "params", check = Arg.Check.ULLONG_FIELD, field = "bandwidth") TypedParameters params,
            Set<DomainMigrateFlag> flags) {
        throw VirtException.noSupport();
    }

    @Modifies
    @FlagRule(exclusive = {"VIR_MIGRATE_TUNNELLED", "VIR_MIGRATE_PARALLEL"})
    @FlagRule(exclusive = {"VIR_MIGRATE_NON_SHARED_DISK", "VIR_MIGRATE_NON_SHARED_INC"})
    @FlagRule(flag = "VIR_MIGRATE_NON_SHARED_SYNCHRONOUS_WRITES",
            requires = "VIR_MIGRATE_NON_SHARED_DISK | VIR_MIGRATE_NON_SHARED_INC")
    @Libvirt("virDomainMigrateToURI")
    default void migrateToURI(@Arg(value = "duri", check = Arg.Check.NON_NULL) String duri,
            Set<DomainMigrateFlag> flags,
            String dname, long bandwidth) {
        throw VirtException.noSupport();
    }

    @Modifies
    @FlagRule(exclusive = {"VIR_MIGRATE_TUNNELLED", "VIR_MIGRATE_PARALLEL"})
    @FlagRule(exclusive = {"VIR_MIGRATE_NON_SHARED_DISK", "VIR_MIGRATE_NON_SHARED_INC"})
    @FlagRule(flag = "VIR_MIGRATE_NON_SHARED_SYNCHRONOUS_WRITES",
            requires = "VIR_MIGRATE_NON_SHARED_DISK | VIR_MIGRATE_NON_SHARED_INC")
    @Libvirt("virDomainMigrateToURI2")
    default void migrateToURI2(String dconnuri, String miguri, String dxml, Set<DomainMigrateFlag> flags, String dname,
            long bandwidth) {
        throw VirtException.noSupport();
    }

    @Modifies
    @FlagRule(exclusive = {"VIR_MIGRATE_TUNNELLED", "VIR_MIGRATE_PARALLEL"})
    @FlagRule(exclusive = {"VIR_MIGRATE_NON_SHARED_DISK", "VIR_MIGRATE_NON_SHARED_INC"})
    @FlagRule(flag = "VIR_MIGRATE_NON_SHARED_SYNCHRONOUS_WRITES",
            requires = "VIR_MIGRATE_NON_SHARED_DISK | VIR_MIGRATE_NON_SHARED_INC")
    @Libvirt("virDomainMigrateToURI3")
    default void migrateToURI3(String dconnuri, TypedParameters params, Set<DomainMigrateFlag> flags) {
        throw VirtException.noSupport();
    }

    /** The longest pause allowed at the end of a live migration, in milliseconds. */
    @Libvirt("virDomainMigrateGetMaxDowntime")
    default long migrateGetMaxDowntime() {
        throw VirtException.noSupport();
    }

    @Modifies
    @Libvirt("virDomainMigrateSetMaxDowntime")
    default void migrateSetMaxDowntime(long downtime) {
        throw VirtException.noSupport();
    }

    /** The size of the migration's compression cache, in bytes. */
    @Libvirt("virDomainMigrateGetCompressionCache")
    default long migrateGetCompressionCache() {
        throw VirtException.noSupport();
    }

    @Modifies
    @Libvirt("virDomainMigrateSetCompressionCache")
    default void migrateSetCompressionCache(long cacheSize) {
        throw VirtException.noSupport();
    }

    /** The migration's bandwidth limit, in MiB/s. */
    @Modifies
    @Libvirt("virDomainMigrateGetMaxSpeed")
    default long migrateGetMaxSpeed(Set<DomainMigrateMaxSpeedFlag> flags) {
        throw VirtException.noSupport();
    }

    @Modifies
    @Libvirt("virDomainMigrateSetMaxSpeed")
    default void migrateSetMaxSpeed(long bandwidth, Set<DomainMigrateMaxSpeedFlag> flags) {
        throw VirtException.noSupport();
    }

    /** Switches a running migration to post-copy. */
    @Modifies
    @Libvirt("virDomainMigrateStartPostCopy")
    default void migrateStartPostCopy() {
        throw VirtException.noSupport();
    }

    // ---- the guest agent

    @Modifies
    @Libvirt("virDomainGetHostname")
    default String getHostname(Set<DomainGetHostnameFlag> flags) {
        throw VirtException.noSupport();
    }

    /** What the guest reports of itself ({@code types}: the groups; empty: all). */
    @Modifies
    @Libvirt("virDomainGetGuestInfo")
    default TypedParameters getGuestInfo(Set<DomainGuestInfoType> types) {
        throw VirtException.noSupport();
    }

    /** Discards unused blocks of the guest's file system at {@code mountPoint} (null: all). */
    @Modifies
    @Libvirt("virDomainFSTrim")
    default void fsTrim(String mountPoint, long minimum) {
        throw VirtException.noSupport();
    }

    /** Freezes the guest's file systems ({@code mountpoints}; empty: all); returns how many. */
    @Modifies
    @Libvirt("virDomainFSFreeze")
    default int fsFreeze(List<String> mountpoints) {
        throw VirtException.noSupport();
    }

    @Modifies
    @Libvirt("virDomainFSThaw")
    default int fsThaw(List<String> mountpoints) {
        throw VirtException.noSupport();
    }

    @Modifies
    @Libvirt("virDomainGetFSInfo")
    default List<DomainFSInfo> getFSInfo() {
        throw VirtException.noSupport();
    }

    /** The guest's clock. */
    @Modifies
    @Libvirt("virDomainGetTime")
    default Instant getTime() {
        throw VirtException.noSupport();
    }

    /** Sets the guest's clock (with SYNC, from its RTC, {@code time} ignored). */
    @Modifies
    @Libvirt("virDomainSetTime")
    default void setTime(Instant time, Set<DomainSetTimeFlag> flags) {
        throw VirtException.noSupport();
    }

    @Modifies
    @Libvirt("virDomainSetUserPassword")
    default void setUserPassword(@Arg(value = "user", check = Arg.Check.NON_NULL) String user,
            @Arg(value = "password", check = Arg.Check.NON_NULL) String password,
            Set<DomainSetUserPasswordFlag> flags) {
        throw VirtException.noSupport();
    }

    /** How long guest agent commands wait, in seconds, or a {@link DomainAgentResponseTimeout} value. */
    @Modifies
    @Libvirt("virDomainAgentSetResponseTimeout")
    default void agentSetResponseTimeout(int timeout) {
        throw VirtException.noSupport();
    }

    @Modifies
    @Libvirt("virDomainAuthorizedSSHKeysGet")
    default List<String> authorizedSSHKeysGet(
            @Arg(value = "user", check = Arg.Check.NON_NULL, beforeReadOnly = true) String user) {
        throw VirtException.noSupport();
    }

    @Modifies
    @FlagRule(exclusive = {"VIR_DOMAIN_AUTHORIZED_SSH_KEYS_SET_APPEND", "VIR_DOMAIN_AUTHORIZED_SSH_KEYS_SET_REMOVE"})
    @Libvirt("virDomainAuthorizedSSHKeysSet")
    default void authorizedSSHKeysSet(
            @Arg(value = "user", check = Arg.Check.NON_NULL, beforeReadOnly = true) String user,
            @Arg(value = "keys", check = Arg.Check.NON_NULL,
            when = {"VIR_DOMAIN_AUTHORIZED_SSH_KEYS_SET_APPEND", "VIR_DOMAIN_AUTHORIZED_SSH_KEYS_SET_REMOVE"})
            List<String> keys,
            Set<DomainAuthorizedSSHKeysSetFlag> flags) {
        throw VirtException.noSupport();
    }

    // ---- launch security

    /** The launch measurement of a secure guest ({@code TypedParamFields.DOMAIN_LAUNCH_SECURITY_*}). */
    @Modifies
    @Libvirt("virDomainGetLaunchSecurityInfo")
    default TypedParameters getLaunchSecurityInfo() {
        throw VirtException.noSupport();
    }

    /** Injects a launch secret into a paused secure guest. */
    @Modifies
    @Libvirt("virDomainSetLaunchSecurityState")
    default void setLaunchSecurityState(
            @Arg(value = "params", check = Arg.Check.NON_NULL, beforeReadOnly = true)
            @Arg(value = "nparams", check = Arg.Check.POSITIVE, beforeReadOnly = true) TypedParameters params) {
        throw VirtException.noSupport();
    }

    // ---- snapshots

    @Modifies
    @FlagRule(flag = "VIR_DOMAIN_SNAPSHOT_CREATE_CURRENT", requires = "VIR_DOMAIN_SNAPSHOT_CREATE_REDEFINE")
    @FlagRule(exclusive = {"VIR_DOMAIN_SNAPSHOT_CREATE_REDEFINE", "VIR_DOMAIN_SNAPSHOT_CREATE_NO_METADATA"})
    @FlagRule(exclusive = {"VIR_DOMAIN_SNAPSHOT_CREATE_REDEFINE", "VIR_DOMAIN_SNAPSHOT_CREATE_HALT"})
    @Libvirt("virDomainSnapshotCreateXML")
    default DomainSnapshot snapshotCreateXML(
            @Arg(value = "xmlDesc", check = Arg.Check.NON_NULL, beforeReadOnly = true) String xml,
            Set<DomainSnapshotCreateFlag> flags) {
        throw VirtException.noSupport();
    }

    @Libvirt("virDomainSnapshotLookupByName")
    default DomainSnapshot snapshotLookupByName(@Arg(value = "name", check = Arg.Check.NON_NULL) String name) {
        throw VirtException.noSupport();
    }

    /** The current snapshot; NO_DOMAIN_SNAPSHOT when there is none. */
    @Libvirt("virDomainSnapshotCurrent")
    default DomainSnapshot snapshotCurrent() {
        throw VirtException.noSupport();
    }

    @Libvirt("virDomainHasCurrentSnapshot")
    default boolean hasCurrentSnapshot() {
        throw VirtException.noSupport();
    }

    @Libvirt("virDomainListAllSnapshots")
    default List<DomainSnapshot> listAllSnapshots(Set<DomainSnapshotListFlag> flags) {
        throw VirtException.noSupport();
    }

    @Libvirt(value = "virDomainSnapshotNum", via = "virDomainListAllSnapshots")
    default int snapshotNum(Set<DomainSnapshotListFlag> flags) {
        return listAllSnapshots(flags).size();
    }

    @Libvirt(value = "virDomainSnapshotListNames", via = "virDomainListAllSnapshots")
    default List<String> snapshotListNames(Set<DomainSnapshotListFlag> flags) {
        return listAllSnapshots(flags).stream().map(DomainSnapshot::getName).toList();
    }

    /** Brings the domain back to {@code snapshot} (one of this domain's). */
    @Modifies
    @FlagRule(exclusive = {"VIR_DOMAIN_SNAPSHOT_REVERT_RUNNING", "VIR_DOMAIN_SNAPSHOT_REVERT_PAUSED"})
    @Libvirt("virDomainRevertToSnapshot")
    default void revertToSnapshot(
            @Arg(value = "snapshot", check = Arg.Check.VALID_OBJECT, beforeReadOnly = true) DomainSnapshot snapshot,
            Set<DomainSnapshotRevertFlag> flags) {
        throw VirtException.noSupport();
    }

    // ---- checkpoints

    @Modifies
    @FlagRule(exclusive = {"VIR_DOMAIN_CHECKPOINT_CREATE_REDEFINE", "VIR_DOMAIN_CHECKPOINT_CREATE_QUIESCE"})
    @FlagRule(flag = "VIR_DOMAIN_CHECKPOINT_CREATE_REDEFINE_VALIDATE",
            requires = "VIR_DOMAIN_CHECKPOINT_CREATE_REDEFINE")
    @Libvirt("virDomainCheckpointCreateXML")
    default DomainCheckpoint checkpointCreateXML(
            @Arg(value = "xmlDesc", check = Arg.Check.NON_NULL, beforeReadOnly = true) String xml,
            Set<DomainCheckpointCreateFlag> flags) {
        throw VirtException.noSupport();
    }

    @Libvirt("virDomainCheckpointLookupByName")
    default DomainCheckpoint checkpointLookupByName(@Arg(value = "name", check = Arg.Check.NON_NULL) String name) {
        throw VirtException.noSupport();
    }

    @Libvirt("virDomainListAllCheckpoints")
    default List<DomainCheckpoint> listAllCheckpoints(Set<DomainCheckpointListFlag> flags) {
        throw VirtException.noSupport();
    }

    // ---- QEMU (libvirt-qemu)

    /** Sends a command to QEMU's monitor (QMP JSON, or with HMP the human monitor) and returns its answer. */
    @Modifies
    @Libvirt("virDomainQemuMonitorCommand")
    default String qemuMonitorCommand(String command, Set<QemuMonitorCommandFlag> flags) {
        throw VirtException.noSupport();
    }

    /** Sends a JSON command to the guest agent, waiting {@code timeout} seconds or a special timeout value. */
    @Modifies
    @Libvirt("virDomainQemuAgentCommand")
    default String qemuAgentCommand(String command, int timeout) {
        throw VirtException.noSupport();
    }
}
