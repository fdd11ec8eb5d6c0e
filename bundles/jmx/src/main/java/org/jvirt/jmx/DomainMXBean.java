package org.jvirt.jmx;

/**
 * One domain, registered as {@code org.jvirt:type=Domain,connection="<uri>",name="<name>"}, with what
 * {@code virsh dominfo} shows. Every attribute asks the hypervisor when read, so it is live. Every operation either
 * does what it says or raises an exception whose message is libvirt's.
 *
 * <p>The MBean emits an {@link javax.management.AttributeChangeNotification} for {@code State} each time the domain's
 * lifecycle changes it (started, suspended, resumed, stopped, ...).
 */
public interface DomainMXBean {

    /** The id of a running domain, -1 when it is not running (virsh shows "-"). */
    int getId();

    String getName();

    /** The UUID in its usual form, e.g. "6695eb01-f6a4-8304-79aa-97f2502e193f". */
    String getUUID();

    /** The guest's OS type, e.g. "linux" or "hvm". */
    String getOSType();

    /** The state in virsh's words: "running", "paused", "shut off", "in shutdown", ... */
    String getState();

    /** Why the domain is in its state, in virsh's words ("booted", "user", "destroyed", ...). */
    String getStateReason();

    /** The number of virtual CPUs. */
    int getCPUs();

    /** The CPU time used, in nanoseconds. */
    long getCPUTime();

    /** The most memory the domain may have, in KiB. */
    long getMaxMemoryKiB();

    /** The memory the domain has now, in KiB. */
    long getUsedMemoryKiB();

    boolean isPersistent();

    boolean isAutostart();

    /** Starts the domain when the host starts (persistent domains only). */
    void setAutostart(boolean autostart);

    /** Whether a managed save image exists. */
    boolean isManagedSave();

    /** The host's security model ("selinux", "apparmor"), or "" when none is active. */
    String getSecurityModel();

    /** The security model's domain of interpretation, or "" when none is active. */
    String getSecurityDOI();

    /** The domain's security label, or "" when there is none. */
    String getSecurityLabel();

    /** Whether the security label is enforced (false when there is none). */
    boolean isSecurityLabelEnforcing();

    /** The domain's XML description. */
    String getXML();

    /** Starts a defined domain (virDomainCreate). */
    void start();

    /** Asks the guest to shut down (virDomainShutdown). */
    void shutdown();

    /** Stops the domain at once (virDomainDestroy). */
    void destroy();

    /** Asks the guest to reboot (virDomainReboot). */
    void reboot();

    void suspend();

    void resume();

    /** Removes the domain's persistent configuration; a running domain goes on, as transient. */
    void undefine();
}
