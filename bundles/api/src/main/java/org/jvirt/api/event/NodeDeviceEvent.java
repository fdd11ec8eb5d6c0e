package org.jvirt.api.event;

import org.jvirt.api.NodeDevice;

/** Something that happened to a host device. */
public interface NodeDeviceEvent extends ObjectEvent {
    NodeDevice device();

    NodeDeviceEventId id();

    @Override
    default Object subject() {
        return device();
    }
}
