package org.jvirt.daemon.internal;

/** A client's streams (filled in with stream support). */
final class StreamRelays {
    private final ClientSession session;

    StreamRelays(ClientSession session) {
        this.session = session;
    }

    void abortAll() {
    }
}
