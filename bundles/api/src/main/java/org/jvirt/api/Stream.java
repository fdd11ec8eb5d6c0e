package org.jvirt.api;

import java.io.IOException;
import java.util.Set;

/**
 * A data stream between a client and a driver (virStreamPtr), as libvirt has it: a connection makes one with
 * {@link Connect#newStream}, an API call attaches it to a source or sink (volume upload and download, consoles,
 * channels, screenshots), and the client then sends or receives chunks until it finishes or aborts.
 *
 * <p>The model is the wire protocol's: data travels in chunks; a sparse stream also carries holes (a length with
 * no data); the end is an orderly {@link #finish()} or an {@link #abort()}. A blocking stream's calls wait; a
 * non-blocking one's return {@link #WOULD_BLOCK} and tell an event listener when to try again.
 */
public interface Stream {
    /** What send and recv return on a non-blocking stream that cannot move data now. */
    int WOULD_BLOCK = -2;
    /** What {@link #recv(byte[], int, int, Set)} with STOP_AT_HOLE returns at a hole; read it with recvHole. */
    int AT_HOLE = -3;

    /** The connection the stream was made on. */
    Connect getConnect();

    /** Sends {@code len} bytes of {@code data} from {@code off}; returns how many were taken (or WOULD_BLOCK). */
    @Libvirt("virStreamSend")
    default int send(byte[] data, int off, int len) {
        throw VirtException.noSupport();
    }

    /**
     * Receives up to {@code len} bytes into {@code buf} at {@code off}; returns how many, 0 at the end of the
     * stream, or WOULD_BLOCK.
     */
    @Libvirt("virStreamRecv")
    default int recv(byte[] buf, int off, int len) {
        throw VirtException.noSupport();
    }

    /** As {@link #recv(byte[], int, int)}; with STOP_AT_HOLE it returns {@link #AT_HOLE} at a hole. */
    @Libvirt("virStreamRecvFlags")
    default int recv(byte[] buf, int off, int len, Set<StreamRecvFlag> flags) {
        throw VirtException.noSupport();
    }

    /** Sends a hole of {@code length} bytes (a sparse stream). */
    @Libvirt("virStreamSendHole")
    default void sendHole(long length) {
        throw VirtException.noSupport();
    }

    /** The length of the hole at the current position (after recv returned AT_HOLE). */
    @Libvirt("virStreamRecvHole")
    default long recvHole() {
        throw VirtException.noSupport();
    }

    /** Ends the stream in order: every byte sent has arrived, the other side's status is reported. */
    @Libvirt("virStreamFinish")
    default void finish() {
        throw VirtException.noSupport();
    }

    /** Ends the stream at once, discarding what is in flight. */
    @Libvirt("virStreamAbort")
    default void abort() {
        throw VirtException.noSupport();
    }

    /** Asks to be told when the stream becomes ready for {@code events}; one listener per stream. */
    @Libvirt("virStreamEventAddCallback")
    default void eventAddCallback(Set<StreamEventType> events, StreamEventListener listener) {
        throw VirtException.noSupport();
    }

    /** Changes the events the listener is told about. */
    @Libvirt("virStreamEventUpdateCallback")
    default void eventUpdateCallback(Set<StreamEventType> events) {
        throw VirtException.noSupport();
    }

    @Libvirt("virStreamEventRemoveCallback")
    default void eventRemoveCallback() {
        throw VirtException.noSupport();
    }

    /**
     * Sends everything {@code source} yields, then finishes; on any failure aborts and rethrows. Blocking streams
     * only.
     */
    @Libvirt(value = "virStreamSendAll", via = {"virStreamSend", "virStreamFinish", "virStreamAbort"})
    default void sendAll(StreamSource source) {
        byte[] buf = new byte[StreamChunks.SIZE];
        try {
            while (true) {
                int n = source.read(buf, 0, buf.length);
                if (n < 0) {
                    break;
                }
                StreamChunks.sendFully(this, buf, n);
            }
        } catch (IOException | RuntimeException e) {
            throw StreamChunks.abortWith(this, e);
        }
        finish();
    }

    /** Receives everything into {@code sink}, then finishes; on any failure aborts and rethrows. */
    @Libvirt(value = "virStreamRecvAll", via = {"virStreamRecv", "virStreamFinish", "virStreamAbort"})
    default void recvAll(StreamSink sink) {
        byte[] buf = new byte[StreamChunks.SIZE];
        try {
            while (true) {
                int n = recv(buf, 0, buf.length);
                if (n == 0) {
                    break;
                }
                if (n < 0) {
                    throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.STREAMS,
                            "data sinks cannot be used for non-blocking streams");
                }
                sink.write(buf, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            throw StreamChunks.abortWith(this, e);
        }
        finish();
    }

    /** As {@link #sendAll}, sending the source's holes as holes. */
    @Libvirt(value = "virStreamSparseSendAll",
            via = {"virStreamSend", "virStreamSendHole", "virStreamFinish", "virStreamAbort"})
    default void sparseSendAll(SparseStreamSource source) {
        byte[] buf = new byte[StreamChunks.SIZE];
        try {
            while (true) {
                SparseStreamSource.Section section = source.section();
                if (section.length() <= 0) {
                    break;
                }
                if (!section.data()) {
                    sendHole(section.length());
                    source.skip(section.length());
                    continue;
                }
                long left = section.length();
                while (left > 0) {
                    int n = source.read(buf, 0, (int) Math.min(buf.length, left));
                    if (n < 0) {
                        left = 0;
                        break;
                    }
                    StreamChunks.sendFully(this, buf, n);
                    left -= n;
                }
            }
        } catch (IOException | RuntimeException e) {
            throw StreamChunks.abortWith(this, e);
        }
        finish();
    }

    /** As {@link #recvAll}, handing holes to the sink as holes. */
    @Libvirt(value = "virStreamSparseRecvAll",
            via = {"virStreamRecvFlags", "virStreamRecvHole", "virStreamFinish", "virStreamAbort"})
    default void sparseRecvAll(SparseStreamSink sink) {
        byte[] buf = new byte[StreamChunks.SIZE];
        Set<StreamRecvFlag> stopAtHole = Set.of(StreamRecvFlag.STOP_AT_HOLE);
        try {
            while (true) {
                int n = recv(buf, 0, buf.length, stopAtHole);
                if (n == 0) {
                    break;
                }
                if (n == AT_HOLE) {
                    sink.hole(recvHole());
                    continue;
                }
                if (n < 0) {
                    throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.STREAMS,
                            "data sinks cannot be used for non-blocking streams");
                }
                sink.write(buf, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            throw StreamChunks.abortWith(this, e);
        }
        finish();
    }
}
