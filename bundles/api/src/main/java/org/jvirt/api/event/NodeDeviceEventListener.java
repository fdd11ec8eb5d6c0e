package org.jvirt.api.event;

/** Receives node device events of a connection, in order, one at a time, on a thread of the platform's. */
@FunctionalInterface
public interface NodeDeviceEventListener {
    void onEvent(NodeDeviceEvent event);
}
