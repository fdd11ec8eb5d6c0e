package org.jvirt.rpc.transport;

import org.jvirt.rpc.Procedure;

/** Receives a program's events (MESSAGE packets), decoded, in the order the server sent them. */
@FunctionalInterface
public interface EventListener {
    void event(Procedure<?, ?> procedure, Object body);
}
