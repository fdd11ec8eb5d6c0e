package org.jvirt.jmx;

/**
 * One domain, registered as {@code org.jvirt:type=Domain,connection="<uri>",name="<name>"}, with what
 * {@code virsh dominfo} shows. Every attribute asks the hypervisor when read, so it is live. Every operation either
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
}
