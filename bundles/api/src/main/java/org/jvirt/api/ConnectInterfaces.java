package org.jvirt.api;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A connection's host network interfaces: the part of {@link Connect} that libvirt's interface driver serves. A
 * hypervisor driver that implements none of these methods gets the platform's shared
 * {@link org.jvirt.api.driver.InterfaceDriver} behind them.
 */
public interface ConnectInterfaces {

    @Libvirt("virConnectListAllInterfaces")
    default List<Interface> listAllInterfaces(Set<ListInterfacesFlag> flags) {
        throw VirtException.noSupport();
    }

    @Libvirt(value = "virConnectNumOfInterfaces", via = "virConnectListAllInterfaces")
    default int numOfInterfaces() {
        return listAllInterfaces(EnumSet.of(ListInterfacesFlag.ACTIVE)).size();
    }

    /** The names of the active interfaces. */
    @Libvirt(value = "virConnectListInterfaces", via = "virConnectListAllInterfaces")
    default List<String> listInterfaces() {
        return listAllInterfaces(EnumSet.of(ListInterfacesFlag.ACTIVE)).stream().map(Interface::getName).toList();
    }

    @Libvirt(value = "virConnectNumOfDefinedInterfaces", via = "virConnectListAllInterfaces")
    default int numOfDefinedInterfaces() {
        return listAllInterfaces(EnumSet.of(ListInterfacesFlag.INACTIVE)).size();
    }

    /** The names of the defined interfaces that are not active. */
    @Libvirt(value = "virConnectListDefinedInterfaces", via = "virConnectListAllInterfaces")
    default List<String> listDefinedInterfaces() {
        return listAllInterfaces(EnumSet.of(ListInterfacesFlag.INACTIVE)).stream().map(Interface::getName)
                .toList();
    }

    @Libvirt("virInterfaceLookupByName")
    default Interface interfaceLookupByName(String name) {
        throw VirtException.noSupport();
    }

    @Libvirt("virInterfaceLookupByMACString")
    default Interface interfaceLookupByMACString(String mac) {
        throw VirtException.noSupport();
    }

    /** Defines (or redefines) an interface from its XML; it is not started. */
    @Modifies
    @Libvirt("virInterfaceDefineXML")
    default Interface interfaceDefineXML(String xml, Set<InterfaceDefineFlag> flags) {
        throw VirtException.noSupport();
    }

    /** Starts a transaction: changes until commit or rollback can be undone together. */
    @Modifies
    @Libvirt("virInterfaceChangeBegin")
    default void interfaceChangeBegin() {
        throw VirtException.noSupport();
    }

    @Modifies
    @Libvirt("virInterfaceChangeCommit")
    default void interfaceChangeCommit() {
        throw VirtException.noSupport();
    }

    @Modifies
    @Libvirt("virInterfaceChangeRollback")
    default void interfaceChangeRollback() {
        throw VirtException.noSupport();
    }
}
