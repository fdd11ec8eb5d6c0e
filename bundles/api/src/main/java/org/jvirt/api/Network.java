package org.jvirt.api;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A virtual network (virNetworkPtr): a handle naming it by name and UUID. Its methods ask the driver each time;
 * two handles are equal when they name the same network (UUID) on the same connection.
 */
public interface Network {

    @Libvirt("virNetworkGetConnect")
    Connect getConnect();

    @Libvirt("virNetworkGetName")
    String getName();

    @Libvirt("virNetworkGetUUID")
    UUID getUUID();

    @Libvirt(value = "virNetworkGetUUIDString", via = "virNetworkGetUUID")
    default String getUUIDString() {
        return getUUID().toString();
    }

    @Libvirt("virNetworkGetXMLDesc")
    default String getXMLDesc(Set<NetworkXMLFlag> flags) {
        throw VirtException.noSupport();
    }

    /** The name of the bridge guests join the network through. */
    @Libvirt("virNetworkGetBridgeName")
    default String getBridgeName() {
        throw VirtException.noSupport();
    }

    @Libvirt("virNetworkGetAutostart")
    default boolean getAutostart() {
        throw VirtException.noSupport();
    }

    @Modifies
    @Libvirt("virNetworkSetAutostart")
    default void setAutostart(boolean autostart) {
        throw VirtException.noSupport();
    }

    @Libvirt("virNetworkIsActive")
    default boolean isActive() {
        throw VirtException.noSupport();
    }

    @Libvirt("virNetworkIsPersistent")
    default boolean isPersistent() {
        throw VirtException.noSupport();
    }

    /** Starts a defined network. */
    @Modifies
    @Libvirt("virNetworkCreate")
    default void create() {
        throw VirtException.noSupport();
    }

    /** Stops a running network; a transient one vanishes. */
    @Modifies
    @Libvirt("virNetworkDestroy")
    default void destroy() {
        throw VirtException.noSupport();
    }

    /** Removes the persistent definition; a running network goes on, as transient. */
    @Modifies
    @Libvirt("virNetworkUndefine")
    default void undefine() {
        throw VirtException.noSupport();
    }

    /**
     * Changes one part of the definition: {@code command} (add, delete, modify) applied to {@code xml} in
     * {@code section}, under the parent element numbered {@code parentIndex} (-1: any).
     */
    @Modifies
    @Libvirt("virNetworkUpdate")
    default void update(NetworkUpdateCommand command, NetworkUpdateSection section, int parentIndex, String xml,
            Set<NetworkUpdateFlag> flags) {
        throw VirtException.noSupport();
    }

    /** The DHCP leases of the network, of the interface with MAC address {@code mac} only when not null. */
    @Libvirt("virNetworkGetDHCPLeases")
    default List<NetworkDHCPLease> getDHCPLeases(String mac) {
        throw VirtException.noSupport();
    }

    @Libvirt("virNetworkListAllPorts")
    default List<NetworkPort> listAllPorts() {
        throw VirtException.noSupport();
    }

    @Libvirt("virNetworkPortLookupByUUID")
    default NetworkPort portLookupByUUID(UUID uuid) {
        throw VirtException.noSupport();
    }

    @Libvirt(value = "virNetworkPortLookupByUUIDString", via = "virNetworkPortLookupByUUID")
    default NetworkPort portLookupByUUIDString(String uuid) {
        return portLookupByUUID(Uuids.parse(uuid));
    }

    /** Creates a port of the network from its XML (a guest interface's connection). */
    @Modifies
    @Libvirt("virNetworkPortCreateXML")
    default NetworkPort portCreateXML(String xml, Set<NetworkPortCreateFlag> flags) {
        throw VirtException.noSupport();
    }
}
