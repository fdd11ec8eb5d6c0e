package org.jvirt.api.event;

/** Receives secret events of a connection, in order, one at a time, on a thread of the platform's. */
@FunctionalInterface
public interface SecretEventListener {
    void onEvent(SecretEvent event);
}
