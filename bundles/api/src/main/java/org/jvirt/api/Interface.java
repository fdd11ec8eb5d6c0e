package org.jvirt.api;

import java.util.Set;

/**
 * A network interface of the host (virInterfacePtr): a handle naming it by name and MAC address. Two handles are
 * equal when they name the same interface on the same connection.
 */
public interface Interface {

    @Libvirt("virInterfaceGetConnect")
    Connect getConnect();

    @Libvirt("virInterfaceGetName")
    String getName();

    @Libvirt("virInterfaceGetMACString")
    String getMACString();

    @Libvirt("virInterfaceGetXMLDesc")
    default String getXMLDesc(Set<InterfaceXMLFlag> flags) {
        throw VirtException.noSupport();
    }

    @Libvirt("virInterfaceIsActive")
    default boolean isActive() {
        throw VirtException.noSupport();
    }

    /** Brings the interface up. */
    @Modifies
    @Libvirt("virInterfaceCreate")
    default void create() {
        throw VirtException.noSupport();
    }

    /** Takes the interface down. */
    @Modifies
    @Libvirt("virInterfaceDestroy")
    default void destroy() {
        throw VirtException.noSupport();
    }

    @Modifies
    @Libvirt("virInterfaceUndefine")
    default void undefine() {
        throw VirtException.noSupport();
    }
}
