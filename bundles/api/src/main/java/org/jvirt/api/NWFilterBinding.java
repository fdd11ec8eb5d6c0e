package org.jvirt.api;

/**
 * A network filter bound to a guest's port (virNWFilterBindingPtr): a handle naming it by port device and filter.
 * Two handles are equal when they name the same port device on the same connection.
 */
public interface NWFilterBinding {

    /** The connection the binding was found on. */
    Connect getConnect();

    /** The host device of the guest's port, e.g. "vnet0". */
    @Libvirt("virNWFilterBindingGetPortDev")
    String getPortDev();

    @Libvirt("virNWFilterBindingGetFilterName")
    String getFilterName();

    @Libvirt("virNWFilterBindingGetXMLDesc")
    default String getXMLDesc() {
        throw VirtException.noSupport();
    }

    @Modifies
    @Libvirt("virNWFilterBindingDelete")
    default void delete() {
        throw VirtException.noSupport();
    }
}
