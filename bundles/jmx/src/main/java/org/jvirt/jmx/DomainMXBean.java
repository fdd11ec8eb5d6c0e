package org.jvirt.jmx;

/**
 * One domain, registered as {@code org.jvirt:type=Domain,connection="<uri>",name="<name>"}, with what
 * {@code virsh dominfo} and {@code domstats} show, per-device block and interface statistics, and operations for its
 * lifecycle, memory, vCPUs, snapshots and block jobs. Every attribute asks the hypervisor when read, so it is live. Every operation either
 * does what it says or raises an exception whose message is libvirt's.
 *
 * <p>The MBean emits an {@link javax.management.AttributeChangeNotification} for {@code State} each time the domain's
 * lifecycle changes it (started, suspended, resumed, stopped, ...).
 */
@Description("A domain (a guest) of one connection, as virsh dominfo shows it; State changes are notified")
public interface DomainMXBean {

    @Description("The id of the running domain; -1 when it is not running")
    int getId();

    @Description("The domain's name")
    String getName();

    @Description("The domain's UUID")
    String getUUID();

    @Description("The guest's OS type, e.g. linux or hvm")
    String getOSType();

    @Description("The state in virsh's words: running, paused, shut off, in shutdown, crashed, pmsuspended, ...")
    String getState();

    @Description("Why the domain is in its state, in virsh's words: booted, user, destroyed, ...")
    String getStateReason();

    @Description("The number of virtual CPUs")
    int getCPUs();

    @Description("The CPU time used, in nanoseconds")
    long getCPUTime();

    @Description("The most memory the domain may have, in KiB")
    long getMaxMemoryKiB();

    @Description("The memory the domain has now, in KiB")
    long getUsedMemoryKiB();

    @Description("Whether the domain has a persistent configuration")
    boolean isPersistent();

    @Description("Whether the domain starts when the host starts")
    boolean isAutostart();

    void setAutostart(boolean autostart);

    @Description("Whether a managed save image exists")
    boolean isManagedSave();

    @Description("The host's security model (selinux, apparmor, ...); empty when none is active")
    String getSecurityModel();

    @Description("The security model's domain of interpretation; empty when none is active")
    String getSecurityDOI();

    @Description("The domain's security label; empty when it has none")
    String getSecurityLabel();

    @Description("Whether the security label is enforced")
    boolean isSecurityLabelEnforcing();

    @Description("What the hypervisor says of the configuration (tainted: ..., deprecated configuration: ...)")
    String[] getMessages();

    @Description("The domain's XML description")
    String getXML();

    @Description("Every statistic the hypervisor has for the domain (virsh domstats): state.state, cpu.time, block.0.rd.bytes, ...")
    java.util.Map<String, String> getStats();

    @Description("The disks' targets (vda, hdc, ...), as virsh domblklist lists them")
    String[] getDisks();

    @Description("The guest interfaces' host-side names (vnet0, ...), as virsh domiflist lists them")
    String[] getInterfaces();

    @Description("Each disk's I/O counters (virsh domblkstat); the domain must be running")
    BlockStats[] getBlockStats();

    @Description("Each interface's counters (virsh domifstat); the domain must be running")
    InterfaceStats[] getInterfaceStats();

    @Description("The balloon's memory statistics in KiB (virsh dommemstat): actual, rss, unused, available, ...")
    java.util.Map<String, Long> getMemoryStats();

    @Description("The most virtual CPUs the domain may have")
    int getMaxCPUs();

    @Description("The names of the domain's snapshots")
    String[] getSnapshots();

    @Description("The name of the current snapshot; empty when there is none")
    String getCurrentSnapshot();

    @Description("Starts the defined domain")
    void start();

    @Description("Asks the guest to shut down")
    void shutdown();

    @Description("Stops the domain at once, as pulling its plug")
    void destroy();

    @Description("Asks the guest to reboot")
    void reboot();

    @Description("Pauses the domain")
    void suspend();

    @Description("Resumes the paused domain")
    void resume();

    @Description("Removes the domain's persistent configuration; a running domain goes on, as transient")
    void undefine();

    // ---- memory and vCPUs (not named set...: JMX would take a one-argument setter for a writable attribute)

    @Description("Changes the memory the domain has (virsh setmem), in KiB: the running domain's when it runs, else its configuration's")
    void changeMemory(long memoryKiB);

    @Description("Changes the most memory the domain may have (virsh setmaxmem), in KiB")
    void changeMaxMemory(long memoryKiB);

    @Description("Changes the number of virtual CPUs (virsh setvcpus): the running domain's when it runs, else its configuration's")
    void changeCPUs(int count);

    // ---- snapshots

    @Description("Takes a snapshot from its XML (<domainsnapshot>...; empty: libvirt names it); returns its name")
    String createSnapshot(String xml);

    @Description("Takes a snapshot with this name (virsh snapshot-create-as NAME); returns its name")
    String createSnapshotNamed(String name);

    @Description("Reverts the domain to the snapshot with this name")
    void revertToSnapshot(String name);

    @Description("Deletes the snapshot with this name (its children become its parent's)")
    void deleteSnapshot(String name);

    // ---- block jobs

    @Description("The block job running on this disk; null when there is none (virsh blockjob --info)")
    BlockJob blockJobInfo(String disk);

    @Description("Cancels the block job on this disk")
    void blockJobAbort(String disk);

    @Description("Changes the bandwidth limit of the block job on this disk, in MiB/s (0: none)")
    void blockJobSetSpeed(String disk, long bandwidthMiB);

    @Description("Starts pulling the backing chain's data into this disk's image (virsh blockpull); bandwidth in MiB/s, 0: none")
    void blockPull(String disk, long bandwidthMiB);

    @Description("Starts committing the images from top down into base (virsh blockcommit; empty: the defaults); bandwidth in MiB/s")
    void blockCommit(String disk, String base, String top, long bandwidthMiB);

    @Description("Starts copying this disk to the destination a <disk> XML describes (virsh blockcopy --xml)")
    void blockCopy(String disk, String destinationXML);

    @Description("Asks for a block-threshold notification once this disk (vda, or vda[1] for a backing image) is written past threshold bytes")
    void setBlockThreshold(String dev, long thresholdBytes);
}
