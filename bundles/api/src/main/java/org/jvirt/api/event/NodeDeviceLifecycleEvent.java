package org.jvirt.api.event;

import org.jvirt.api.NodeDevice;

/**
 * A host device was created, deleted, defined or undefined (VIR_NODE_DEVICE_EVENT_ID_LIFECYCLE); the detail is 0
 * for now.
 */
public record NodeDeviceLifecycleEvent(NodeDevice device, NodeDeviceLifecycleType type,
        int detail) implements NodeDeviceEvent {
    @Override
    public NodeDeviceEventId id() {
        return NodeDeviceEventId.LIFECYCLE;
    }
}
