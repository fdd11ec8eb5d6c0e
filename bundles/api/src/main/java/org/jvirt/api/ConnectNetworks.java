package org.jvirt.api;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jvirt.api.event.EventSubscription;
import org.jvirt.api.event.NetworkEventId;
import org.jvirt.api.event.NetworkEventListener;

/**
 * A connection's virtual networks: the part of {@link Connect} that libvirt's network driver serves. A hypervisor
 * driver that implements none of these methods gets the platform's shared
 * {@link org.jvirt.api.driver.NetworkDriver} behind them.
 */
public interface ConnectNetworks {

    /** The networks matching every filter group present in {@code flags} (all networks for an empty set). */
    @Libvirt("virConnectListAllNetworks")
    default List<Network> listAllNetworks(Set<ListNetworksFlag> flags) {
        throw VirtException.noSupport();
    }

    @Libvirt(value = "virConnectNumOfNetworks", via = "virConnectListAllNetworks")
    default int numOfNetworks() {
        return listAllNetworks(EnumSet.of(ListNetworksFlag.ACTIVE)).size();
    }

    /** The names of the active networks. */
    @Libvirt(value = "virConnectListNetworks", via = "virConnectListAllNetworks")
    default List<String> listNetworks() {
        return listAllNetworks(EnumSet.of(ListNetworksFlag.ACTIVE)).stream().map(Network::getName).toList();
    }

    @Libvirt(value = "virConnectNumOfDefinedNetworks", via = "virConnectListAllNetworks")
    default int numOfDefinedNetworks() {
        return listAllNetworks(EnumSet.of(ListNetworksFlag.INACTIVE)).size();
    }

    /** The names of the defined networks that are not active. */
    @Libvirt(value = "virConnectListDefinedNetworks", via = "virConnectListAllNetworks")
    default List<String> listDefinedNetworks() {
        return listAllNetworks(EnumSet.of(ListNetworksFlag.INACTIVE)).stream().map(Network::getName).toList();
    }

    /** The network named {@code name}, or NO_NETWORK "Network not found: no network with matching name 'x'". */
    @Libvirt("virNetworkLookupByName")
    default Network networkLookupByName(String name) {
        throw VirtException.noSupport();
    }

    @Libvirt("virNetworkLookupByUUID")
    default Network networkLookupByUUID(UUID uuid) {
        throw VirtException.noSupport();
    }

    @Libvirt(value = "virNetworkLookupByUUIDString", via = "virNetworkLookupByUUID")
    default Network networkLookupByUUIDString(String uuid) {
        return networkLookupByUUID(Uuids.parse(uuid));
    }

    /** Creates and starts a transient network from its XML. */
    @Modifies
    @Libvirt("virNetworkCreateXMLFlags")
    default Network networkCreateXML(String xml, Set<NetworkCreateFlag> flags) {
        throw VirtException.noSupport();
    }

    @Modifies
    @Libvirt(value = "virNetworkCreateXML", via = "virNetworkCreateXMLFlags")
    default Network networkCreateXML(String xml) {
        return networkCreateXML(xml, Set.of());
    }

    /** Defines (or redefines) a persistent network from its XML; it is not started. */
    @Modifies
    @Libvirt("virNetworkDefineXMLFlags")
    default Network networkDefineXML(String xml, Set<NetworkDefineFlag> flags) {
        throw VirtException.noSupport();
    }

    @Modifies
    @Libvirt(value = "virNetworkDefineXML", via = "virNetworkDefineXMLFlags")
    default Network networkDefineXML(String xml) {
        return networkDefineXML(xml, Set.of());
    }

    /**
     * Subscribes to network events of kind {@code id}, of one network or (with {@code network} null) of all. The
     * platform implements it for every driver.
     */
    @Libvirt("virConnectNetworkEventRegisterAny")
    default EventSubscription networkEventRegisterAny(Network network, NetworkEventId id,
            NetworkEventListener listener) {
        throw VirtException.noSupport();
    }

    /** Ends the subscription with this callback id. */
    @Libvirt("virConnectNetworkEventDeregisterAny")
    default void networkEventDeregisterAny(int callbackId) {
        throw VirtException.noSupport();
    }
}
