package org.jvirt.rpc.transport;

import java.nio.ByteBuffer;
import org.jvirt.api.VirtException;

/** What a stream receives: data, a hole (sparse streams), its end, or its abort. */
public sealed interface StreamEvent {
    /** Bytes of the stream (a buffer of its own, safe to keep). */
    record Data(ByteBuffer bytes) implements StreamEvent {
    }

    /** A run of {@code length} zero bytes that a sparse stream skips. */
    record Hole(long length) implements StreamEvent {
    }

    /** The sender finished: no more data. */
    record End() implements StreamEvent {
    }

    /** The sender aborted; {@code error} is the server's error, or libvirt's generic one for a client's abort. */
    record Aborted(VirtException error) implements StreamEvent {
    }
}
