package org.jvirt.rpc.transport;

/**
 * Answers one procedure on the server: returns the result (or {@code null} for a void one), or throws a
 * VirtException that goes back to the client as its error.
 */
@FunctionalInterface
public interface CallHandler<A, R> {
    R handle(ServerCall call, A args);
}
