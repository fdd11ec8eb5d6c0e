package org.jvirt.api;

import java.util.List;
import java.util.Set;

import org.jvirt.api.event.EventSubscription;
import org.jvirt.api.event.NodeDeviceEventId;
import org.jvirt.api.event.NodeDeviceEventListener;

/**
 * A connection's host devices: the part of {@link Connect} that libvirt's node device driver serves. A hypervisor
 * driver that implements none of these methods gets the platform's shared
 * {@link org.jvirt.api.driver.NodeDeviceDriver} behind them.
 */
public interface ConnectNodeDevices {

    @Libvirt("virConnectListAllNodeDevices")
    default List<NodeDevice> listAllNodeDevices(Set<ListNodeDevicesFlag> flags) {
        throw VirtException.noSupport();
    }

    /** The names of the devices with capability {@code cap} (all devices when null). */
    @Libvirt("virNodeListDevices")
    default List<String> nodeListDevices(String cap) {
        throw VirtException.noSupport();
    }

    @Libvirt(value = "virNodeNumOfDevices", via = "virNodeListDevices")
    default int nodeNumOfDevices(String cap) {
        return nodeListDevices(cap).size();
    }

    @Libvirt("virNodeDeviceLookupByName")
    default NodeDevice nodeDeviceLookupByName(String name) {
        throw VirtException.noSupport();
    }

    /** The SCSI host (vHBA) with these world-wide node and port names. */
    @Libvirt("virNodeDeviceLookupSCSIHostByWWN")
    default NodeDevice nodeDeviceLookupSCSIHostByWWN(String wwnn, String wwpn) {
        throw VirtException.noSupport();
    }

    /** Creates a transient device (a vHBA, a mediated device) from its XML. */
    @Modifies
    @Libvirt("virNodeDeviceCreateXML")
    default NodeDevice nodeDeviceCreateXML(String xml, Set<NodeDeviceCreateXMLFlag> flags) {
        throw VirtException.noSupport();
    }

    /** Defines a persistent device from its XML; it is not started. */
    @Modifies
    @Libvirt("virNodeDeviceDefineXML")
    default NodeDevice nodeDeviceDefineXML(String xml, Set<NodeDeviceDefineXMLFlag> flags) {
        throw VirtException.noSupport();
    }

    /** Subscribes to node device events; the platform implements it for every driver. */
    @Libvirt("virConnectNodeDeviceEventRegisterAny")
    default EventSubscription nodeDeviceEventRegisterAny(NodeDevice device, NodeDeviceEventId id,
            NodeDeviceEventListener listener) {
        throw VirtException.noSupport();
    }

    @Libvirt("virConnectNodeDeviceEventDeregisterAny")
    default void nodeDeviceEventDeregisterAny(int callbackId) {
        throw VirtException.noSupport();
    }
}
