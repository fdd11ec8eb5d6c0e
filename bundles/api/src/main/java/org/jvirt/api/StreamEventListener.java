package org.jvirt.api;

import java.util.Set;

/** Told when a non-blocking stream can be read or written, or failed or hung up (virStreamEventCallback). */
@FunctionalInterface
public interface StreamEventListener {
    void onStreamEvent(Stream stream, Set<StreamEventType> events);
}
