package org.jvirt.api.event;

import org.jvirt.api.Network;

/** A network was defined, undefined, started or stopped (VIR_NETWORK_EVENT_ID_LIFECYCLE); the detail is 0 for now. */
public record NetworkLifecycleEvent(Network network, NetworkLifecycleType type, int detail) implements NetworkEvent {
    @Override
    public NetworkEventId id() {
        return NetworkEventId.LIFECYCLE;
    }
}
