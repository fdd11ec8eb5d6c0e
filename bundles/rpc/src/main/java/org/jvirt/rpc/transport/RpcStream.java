package org.jvirt.rpc.transport;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.Header;
import org.jvirt.rpc.Limits;
import org.jvirt.rpc.MessageStatus;
import org.jvirt.rpc.MessageType;
import org.jvirt.rpc.NetError;
import org.jvirt.rpc.Packet;
import org.jvirt.rpc.ProtocolException;
import org.jvirt.rpc.StreamHole;
import org.jvirt.rpc.xdr.Xdr;

/**
 * One stream of a call (volume upload and download, consoles), on either side: STREAM packets with the call's
 * program, procedure and serial. Data goes out in packets of at most libvirt's legacy payload size; what arrives
 * waits in a bounded queue: when the reader finds it full, it stops reading the connection until the owner takes
 * from it, so a slow consumer slows the sender (TCP's flow control), and memory stays bounded.
 */
public final class RpcStream implements AutoCloseable {
    /** Packets waiting to be taken, at most: with 256 KiB packets, 8 MiB per stream. */
    public static final int QUEUE_PACKETS = 32;

    private final RpcConnection connection;
    private final Header template;
    private final boolean serverSide;
    private final BlockingQueue<StreamEvent> incoming = new ArrayBlockingQueue<>(QUEUE_PACKETS);
    private final Runnable onDone;
    private volatile boolean localDone;
    private volatile boolean remoteDone;

    RpcStream(RpcConnection connection, Header call, boolean serverSide, Runnable onDone) {
        this.connection = connection;
        this.template = call;
        this.serverSide = serverSide;
        this.onDone = onDone;
    }

    /** The serial of the call the stream belongs to. */
    public int serial() {
        return template.serial();
    }

    /** Sends data, split into packets of libvirt's size. */
    public void send(ByteBuffer data) {
        checkSending();
        ByteBuffer rest = data.duplicate();
        while (rest.hasRemaining()) {
            int n = Math.min(rest.remaining(), Limits.MESSAGE_LEGACY_PAYLOAD_MAX);
            ByteBuffer chunk = rest.slice().limit(n);
            connection.sendData(template.with(MessageType.STREAM, MessageStatus.CONTINUE), chunk);
            rest.position(rest.position() + n);
        }
    }

    /** Sends a hole of {@code length} bytes (sparse streams). */
    public void sendHole(long length) {
        checkSending();
        connection.send(template.with(MessageType.STREAM_HOLE, MessageStatus.CONTINUE), StreamHole.XDR,
                new StreamHole(length, 0));
    }

    /**
     * Marks the end of what a server sends (a download's data, a console's output): an empty STREAM packet with
     * status CONTINUE, which libvirt's client reads as the end of the data. The stream stays open: the client then
     * finishes it (its OK arrives as {@link StreamEvent.End}), and {@link #finish()} confirms.
     */
    public void sendEof() {
        checkSending();
        connection.sendData(template.with(MessageType.STREAM, MessageStatus.CONTINUE), ByteBuffer.allocate(0));
    }

    /**
     * Ends the sending side: an empty STREAM packet with status OK (a client's finish, or a server's confirmation of
     * the client's finish).
     */
    public void finish() {
        checkSending();
        localDone = true;
        connection.send(template.with(MessageType.STREAM, MessageStatus.OK), Xdr.VOID, null);
        doneIfBoth();
    }

    /** Aborts: a client sends an empty ERROR packet; a server sends {@code error} as the body. */
    public void abort(VirtException error) {
        if (localDone) {
            return;
        }
        localDone = true;
        remoteDone = true;
        Header h = template.with(MessageType.STREAM, MessageStatus.ERROR);
        if (connection.isOpen()) {
            if (serverSide) {
                connection.send(h, NetError.XDR, NetError.of(error == null
                        ? new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.STREAMS, "stream aborted") : error));
            } else {
                connection.send(h, Xdr.VOID, null);
            }
        }
        onDone.run();
    }

    /**
     * A server's answer to a client's abort ({@link StreamEvent.Aborted}): libvirtd confirms it with an empty STREAM
     * packet with status OK, which the client's abort waits for.
     */
    public void confirmAbort() {
        if (serverSide && connection.isOpen()) {
            connection.send(template.with(MessageType.STREAM, MessageStatus.OK), Xdr.VOID, null);
        }
    }

    private void checkSending() {
        if (localDone) {
            throw new VirtException(ErrorCode.RPC, ErrorDomain.STREAMS, "stream is not open");
        }
    }

    /** The next thing received, waiting as long as needed. */
    public StreamEvent receive() throws InterruptedException {
        return incoming.take();
    }

    /** The next thing received, or {@code null} after {@code timeout}. */
    public StreamEvent receive(Duration timeout) throws InterruptedException {
        return incoming.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** A packet for this stream, on the reader thread: copied, queued (waiting while the queue is full). */
    void deliver(Packet p) {
        StreamEvent event;
        MessageStatus status = p.header().status();
        if (p.header().type() == MessageType.STREAM_HOLE) {
            if (status != MessageStatus.CONTINUE) {
                throw new ProtocolException("Unexpected stream hole status " + status);
            }
            event = new StreamEvent.Hole(p.decode(StreamHole.XDR).length());
        } else if (status == MessageStatus.CONTINUE) {
            ByteBuffer copy = ByteBuffer.allocate(p.payload().remaining());
            copy.put(p.payload().duplicate()).flip();
            event = new StreamEvent.Data(copy);
        } else if (status == MessageStatus.OK) {
            remoteDone = true;
            event = new StreamEvent.End();
        } else {
            remoteDone = true;
            localDone = true;
            VirtException error = p.payload().hasRemaining() ? p.error().toException()
                    : new VirtException(ErrorCode.RPC, ErrorDomain.STREAMS, "stream aborted by the peer");
            event = new StreamEvent.Aborted(error);
        }
        try {
            incoming.put(event);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (event instanceof StreamEvent.Aborted) {
            onDone.run();
        } else {
            doneIfBoth();
        }
    }

    /** The connection went away: whoever waits hears it as an abort. */
    void connectionClosed(VirtException reason) {
        remoteDone = true;
        localDone = true;
        incoming.offer(new StreamEvent.Aborted(reason));
    }

    private void doneIfBoth() {
        if (localDone && remoteDone) {
            onDone.run();
        }
    }

    /** Aborts the stream unless both sides finished. */
    @Override
    public void close() {
        if (!(localDone && remoteDone)) {
            abort(null);
        }
    }
}
