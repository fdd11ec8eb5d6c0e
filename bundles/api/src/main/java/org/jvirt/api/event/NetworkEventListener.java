package org.jvirt.api.event;

/** Receives network events of a connection, in order, one at a time, on a thread of the platform's. */
@FunctionalInterface
public interface NetworkEventListener {
    void onEvent(NetworkEvent event);
}
