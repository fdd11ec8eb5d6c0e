package org.jvirt.api.event;

import org.jvirt.api.Network;

/** Something that happened to a virtual network. */
public interface NetworkEvent extends ObjectEvent {
    Network network();

    NetworkEventId id();

    @Override
    default Object subject() {
        return network();
    }
}
