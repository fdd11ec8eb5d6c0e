package org.jvirt.api;

import java.util.Set;
import java.util.UUID;

/**
 * A domain (virDomainPtr): a handle that names a guest by name, UUID and id. Its methods ask the driver each time,
 * so a handle to a domain that has since been undefined fails with {@link ErrorCode#NO_DOMAIN}.
 *
 * <p>Two handles are equal when they name the same domain (UUID) on the same connection.
 */
public interface Domain {

    /** The connection this handle belongs to. */
    @Libvirt("virDomainGetConnect")
    Connect getConnect();

    @Libvirt("virDomainGetName")
    String getName();

    @Libvirt("virDomainGetUUID")
    UUID getUUID();

    @Libvirt("virDomainGetUUIDString")
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

    /** The most memory the domain may have, in KiB. */
    @Libvirt("virDomainGetMaxMemory")
    default long getMaxMemory() {
        return getInfo().maxMemKiB();
    }

    @Libvirt("virDomainGetXMLDesc")
    String getXMLDesc(Set<DomainXMLFlag> flags);

    @Libvirt("virDomainIsActive")
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

    @Libvirt("virDomainHasManagedSaveImage")
    default boolean hasManagedSaveImage() {
        throw VirtException.noSupport();
    }

    /** The security label of a running domain. */
    @Libvirt("virDomainGetSecurityLabel")
    default SecurityLabel getSecurityLabel() {
        throw VirtException.noSupport();
    }

    /**
     * What the hypervisor says about the domain's configuration: "tainted: …" and "deprecated configuration: …"
     * lines, of the kinds in {@code flags} (all kinds when empty).
     */
    @Libvirt("virDomainGetMessages")
    default java.util.List<String> getMessages(Set<DomainMessageType> flags) {
        throw VirtException.noSupport();
    }

    // ---- lifecycle

    /** Starts a defined domain. */
    @Modifies
    @Libvirt("virDomainCreateWithFlags")
    default void create(Set<DomainCreateFlag> flags) {
        throw VirtException.noSupport();
    }

    @Modifies
    @Libvirt("virDomainCreate")
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
    @Libvirt("virDomainDestroy")
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
    @Libvirt("virDomainShutdown")
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

    /** Removes a domain's persistent configuration; a running domain goes on, as transient. */
    @Modifies
    @Libvirt("virDomainUndefineFlags")
    default void undefine(Set<DomainUndefineFlag> flags) {
        throw VirtException.noSupport();
    }

    @Modifies
    @Libvirt("virDomainUndefine")
    default void undefine() {
        undefine(Set.of());
    }
}
