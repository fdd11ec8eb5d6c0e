package org.jvirt.api.event;

import org.jvirt.api.NodeDevice;

/** A host device's description changed (VIR_NODE_DEVICE_EVENT_ID_UPDATE). */
public record NodeDeviceUpdateEvent(NodeDevice device) implements NodeDeviceEvent {
    @Override
    public NodeDeviceEventId id() {
        return NodeDeviceEventId.UPDATE;
    }
}
