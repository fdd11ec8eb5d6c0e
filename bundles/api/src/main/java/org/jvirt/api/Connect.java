package org.jvirt.api;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jvirt.api.event.ConnectCloseListener;
import org.jvirt.api.event.DomainEventId;
import org.jvirt.api.event.DomainEventListener;
import org.jvirt.api.event.EventSubscription;

/**
 * A connection to a hypervisor (virConnectPtr). Safe for use from several threads. Once closed, or once its driver
 * has left the platform, every call fails with {@link ErrorCode#INVALID_CONN}.
 *
 * <p>A driver implements what it supports; the rest keeps the default body, which fails with libvirt's
 * {@link ErrorCode#NO_SUPPORT} ("this function is not supported by the connection driver: virX").
 */
public interface Connect extends AutoCloseable {

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

    /** The most vCPUs a guest of {@code type} (may be null) can have. */
    @Libvirt("virConnectGetMaxVcpus")
    default int getMaxVcpus(String type) {
        throw VirtException.noSupport();
    }

    @Libvirt("virNodeGetInfo")
    default NodeInfo nodeInfo() {
        throw VirtException.noSupport();
    }

    @Libvirt("virNodeGetSecurityModel")
    default SecurityModel getSecurityModel() {
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

    // ---- domains

    /** The domains matching every filter group present in {@code flags} (all domains for an empty set). */
    @Libvirt("virConnectListAllDomains")
    List<Domain> listAllDomains(Set<ListDomainsFlag> flags);

    @Libvirt("virConnectNumOfDomains")
    default int numOfDomains() {
        return listAllDomains(EnumSet.of(ListDomainsFlag.ACTIVE)).size();
    }

    /** The ids of the running domains. */
    @Libvirt("virConnectListDomains")
    default int[] listDomains() {
        return listAllDomains(EnumSet.of(ListDomainsFlag.ACTIVE)).stream().mapToInt(Domain::getID).toArray();
    }

    @Libvirt("virConnectNumOfDefinedDomains")
    default int numOfDefinedDomains() {
        return listAllDomains(EnumSet.of(ListDomainsFlag.INACTIVE)).size();
    }

    /** The names of the defined domains that are not running. */
    @Libvirt("virConnectListDefinedDomains")
    default List<String> listDefinedDomains() {
        return listAllDomains(EnumSet.of(ListDomainsFlag.INACTIVE)).stream().map(Domain::getName).toList();
    }

    /** The domain named {@code name}, or NO_DOMAIN "Domain not found: no domain with matching name 'x'". */
    @Libvirt("virDomainLookupByName")
    Domain domainLookupByName(String name);

    @Libvirt("virDomainLookupByUUID")
    Domain domainLookupByUUID(UUID uuid);

    /** The domain with this UUID, given in any form libvirt accepts (with or without dashes). */
    @Libvirt("virDomainLookupByUUIDString")
    default Domain domainLookupByUUIDString(String uuid) {
        return domainLookupByUUID(Uuids.parse(uuid));
    }

    /** The running domain with this id. */
    @Libvirt("virDomainLookupByID")
    Domain domainLookupByID(int id);

    /** Defines (or redefines) a persistent domain from its XML; it is not started. */
    @Modifies
    @Libvirt("virDomainDefineXMLFlags")
    default Domain domainDefineXML(String xml, Set<DomainDefineFlag> flags) {
        throw VirtException.noSupport();
    }

    @Modifies
    @Libvirt("virDomainDefineXML")
    default Domain domainDefineXML(String xml) {
        return domainDefineXML(xml, Set.of());
    }

    /** Creates and starts a transient domain from its XML. */
    @Modifies
    @Libvirt("virDomainCreateXML")
    default Domain domainCreateXML(String xml, Set<DomainCreateFlag> flags) {
        throw VirtException.noSupport();
    }

    // ---- events and closing; the platform implements these for every driver

    /**
     * Subscribes to events of kind {@code id}, of one domain or (with {@code domain} null) of all. The
     * subscription ends when closed, or when the connection closes.
     */
    @Libvirt("virConnectDomainEventRegisterAny")
    default EventSubscription domainEventRegisterAny(Domain domain, DomainEventId id, DomainEventListener listener) {
        throw VirtException.noSupport();
    }

    /** Asks to be told when the connection closes for any reason but its own {@link #close()}. */
    @Libvirt("virConnectRegisterCloseCallback")
    default EventSubscription registerCloseCallback(ConnectCloseListener listener) {
        throw VirtException.noSupport();
    }

    /** Closes the connection; its subscriptions end. Closing twice does nothing more. */
    @Libvirt("virConnectClose")
    @Override
    void close();
}
