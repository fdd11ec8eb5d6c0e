package org.jvirt.core.internal;

import java.util.EnumSet;
import java.util.Set;

import org.jvirt.api.Connect;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.SparseStreamSink;
import org.jvirt.api.SparseStreamSource;
import org.jvirt.api.Stream;
import org.jvirt.api.StreamEventListener;
import org.jvirt.api.StreamEventType;
import org.jvirt.api.StreamFlag;
import org.jvirt.api.StreamRecvFlag;
import org.jvirt.api.StreamSink;
import org.jvirt.api.StreamSource;
import org.jvirt.api.VirtException;
import org.jvirt.api.driver.AttachableStream;
import org.jvirt.api.driver.StreamChannel;

/**
 * A stream as the platform makes it (virStreamNew): empty until a driver's call attaches a {@link StreamChannel},
 * then a pipe of chunks and holes to it, until finished or aborted. Event callbacks run on the connection's event
 * queue, in order with its other events.
 */
final class PlatformStream implements Stream, AttachableStream {
    private final OpenConnection connection;
    private final Set<StreamFlag> flags;
    private volatile StreamChannel channel;
    private volatile boolean ended;
    private volatile Stream handle;
    private StreamEventListener listener;
    private Set<StreamEventType> wanted = Set.of();

    PlatformStream(OpenConnection connection, Set<StreamFlag> flags) {
        this.connection = connection;
        this.flags = flags == null || flags.isEmpty() ? Set.of() : Set.copyOf(flags);
    }

    void handle(Stream handle) {
        this.handle = handle;
    }

    OpenConnection connection() {
        return connection;
    }

    @Override
    public Connect getConnect() {
        return connection.proxy();
    }

    @Override
    public Set<StreamFlag> flags() {
        return flags;
    }

    @Override
    public synchronized void attach(StreamChannel channel) {
        if (this.channel != null || ended) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.STREAMS, "stream is already in use");
        }
        this.channel = java.util.Objects.requireNonNull(channel, "channel");
    }

    private StreamChannel channel() {
        StreamChannel c = channel;
        if (c == null) {
            throw VirtException.noSupport();
        }
        if (ended) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.STREAMS, "stream is closed");
        }
        return c;
    }

    @Override
    public int send(byte[] data, int off, int len) {
        java.util.Objects.checkFromIndexSize(off, len, data.length);
        return channel().send(data, off, len);
    }

    @Override
    public int recv(byte[] buf, int off, int len) {
        return recv(buf, off, len, Set.of());
    }

    @Override
    public int recv(byte[] buf, int off, int len, Set<StreamRecvFlag> recvFlags) {
        java.util.Objects.checkFromIndexSize(off, len, buf.length);
        return channel().recv(buf, off, len, recvFlags.contains(StreamRecvFlag.STOP_AT_HOLE));
    }

    @Override
    public void sendHole(long length) {
        if (length < 0) {
            throw VirtException.invalidArg("length in virStreamSendHole must be non-negative");
        }
        channel().sendHole(length);
    }

    @Override
    public long recvHole() {
        return channel().recvHole();
    }

    @Override
    public void finish() {
        StreamChannel c = channel();
        try {
            c.finish();
        } finally {
            end();
        }
    }

    @Override
    public void abort() {
        StreamChannel c = channel;
        if (c == null || ended) {
            // aborting a stream nothing uses is allowed, as libvirt allows it
            end();
            return;
        }
        try {
            c.abort();
        } finally {
            end();
        }
    }

    private synchronized void end() {
        ended = true;
        listener = null;
    }

    @Override
    public synchronized void eventAddCallback(Set<StreamEventType> events, StreamEventListener l) {
        if (l == null) {
            throw VirtException.invalidArg("cb must not be NULL");
        }
        if (listener != null) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.STREAMS,
                    "stream already has a callback registered");
        }
        StreamChannel c = channel();
        c.watch(this::ready);
        listener = l;
        wanted = events == null ? Set.of() : Set.copyOf(events);
    }

    @Override
    public synchronized void eventUpdateCallback(Set<StreamEventType> events) {
        if (listener == null) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.STREAMS,
                    "stream does not have a callback registered");
        }
        wanted = events == null ? Set.of() : Set.copyOf(events);
    }

    @Override
    public synchronized void eventRemoveCallback() {
        if (listener == null) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.STREAMS,
                    "stream does not have a callback registered");
        }
        listener = null;
        wanted = Set.of();
    }

    /** The channel's readiness changed: tell the listener, on the connection's queue, what it asked for. */
    private void ready(Set<StreamEventType> events) {
        connection.events().enqueue(() -> {
            StreamEventListener l;
            Set<StreamEventType> hit;
            synchronized (this) {
                l = listener;
                hit = EnumSet.noneOf(StreamEventType.class);
                for (StreamEventType e : events) {
                    // errors and hang-ups are told whether asked for or not, as poll(2) tells them
                    if (wanted.contains(e) || e == StreamEventType.ERROR || e == StreamEventType.HANGUP) {
                        hit.add(e);
                    }
                }
            }
            if (l != null && !hit.isEmpty() && !connection.isClosed()) {
                l.onStreamEvent(handle, java.util.Collections.unmodifiableSet(hit));
            }
        });
    }

    private void blockingOnly(String what) {
        if (flags.contains(StreamFlag.NONBLOCK)) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.STREAMS,
                    what + " cannot be used for non-blocking streams");
        }
    }

    @Override
    public void sendAll(StreamSource source) {
        blockingOnly("data sources");
        Stream.super.sendAll(source);
    }

    @Override
    public void recvAll(StreamSink sink) {
        blockingOnly("data sinks");
        Stream.super.recvAll(sink);
    }

    @Override
    public void sparseSendAll(SparseStreamSource source) {
        blockingOnly("data sources");
        Stream.super.sparseSendAll(source);
    }

    @Override
    public void sparseRecvAll(SparseStreamSink sink) {
        blockingOnly("data sinks");
        Stream.super.sparseRecvAll(sink);
    }

    @Override
    public String toString() {
        return "Stream[" + connection.uri() + (ended ? ", ended" : channel != null ? ", attached" : "") + "]";
    }
}
