package org.jvirt.api.event;

/** A subscription to events; closing it ends the deliveries. Closing twice does nothing more. */
public interface EventSubscription extends AutoCloseable {
    /** The callback id libvirt would have given this subscription (unique within its connection). */
    int callbackId();

    @Override
    void close();
}
