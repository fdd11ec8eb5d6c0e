package org.jvirt.api;

import java.util.List;

/**
 * A device of the host (virNodeDevicePtr): a handle naming it. Two handles are equal when they name the same device
 * on the same connection.
 */
public interface NodeDevice {

    /** The connection the device was found on. */
    Connect getConnect();

    @Libvirt("virNodeDeviceGetName")
    String getName();

    /** The name of the device's parent, or null for the root. */
    @Libvirt("virNodeDeviceGetParent")
    default String getParent() {
        throw VirtException.noSupport();
    }

    @Libvirt("virNodeDeviceGetXMLDesc")
    default String getXMLDesc() {
        throw VirtException.noSupport();
    }

    /** The device's capability names ("pci", "net", "scsi_host", …). */
    @Libvirt("virNodeDeviceListCaps")
    default List<String> listCaps() {
        throw VirtException.noSupport();
    }

    @Libvirt(value = "virNodeDeviceNumOfCaps", via = "virNodeDeviceListCaps")
    default int numOfCaps() {
        return listCaps().size();
    }

    /** Detaches the device from its host driver, to assign it to a guest, binding it to {@code driverName} (null: the default). */
    @Modifies
    @Libvirt("virNodeDeviceDetachFlags")
    default void detachFlags(String driverName) {
        throw VirtException.noSupport();
    }

    /** Detaches the device from its host driver (libvirt's old spelling). */
    @Modifies
    @Libvirt(value = "virNodeDeviceDettach", via = "virNodeDeviceDetachFlags")
    default void dettach() {
        detachFlags(null);
    }

    /** Gives the device back to its host driver. */
    @Modifies
    @Libvirt("virNodeDeviceReAttach")
    default void reAttach() {
        throw VirtException.noSupport();
    }

    @Modifies
    @Libvirt("virNodeDeviceReset")
    default void reset() {
        throw VirtException.noSupport();
    }

    /** Destroys a device made with nodeDeviceCreateXML, or stops a defined one. */
    @Modifies
    @Libvirt("virNodeDeviceDestroy")
    default void destroy() {
        throw VirtException.noSupport();
    }

    /** Starts a defined device. */
    @Modifies
    @Libvirt("virNodeDeviceCreate")
    default void create() {
        throw VirtException.noSupport();
    }

    @Modifies
    @Libvirt("virNodeDeviceUndefine")
    default void undefine() {
        throw VirtException.noSupport();
    }

    @Modifies
    @Libvirt("virNodeDeviceGetAutostart")
    default boolean getAutostart() {
        throw VirtException.noSupport();
    }

    @Modifies
    @Libvirt("virNodeDeviceSetAutostart")
    default void setAutostart(boolean autostart) {
        throw VirtException.noSupport();
    }

    @Libvirt("virNodeDeviceIsActive")
    default boolean isActive() {
        throw VirtException.noSupport();
    }

    @Libvirt("virNodeDeviceIsPersistent")
    default boolean isPersistent() {
        throw VirtException.noSupport();
    }
}
