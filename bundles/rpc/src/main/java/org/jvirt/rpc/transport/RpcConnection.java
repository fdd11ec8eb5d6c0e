package org.jvirt.rpc.transport;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.ClosedChannelException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.Header;
import org.jvirt.rpc.KeepaliveProtocol;
import org.jvirt.rpc.MessageStatus;
import org.jvirt.rpc.MessageType;
import org.jvirt.rpc.Packet;
import org.jvirt.rpc.PacketReader;
import org.jvirt.rpc.PacketWriter;
import org.jvirt.rpc.ProtocolException;
import org.jvirt.rpc.xdr.Xdr;
import org.jvirt.rpc.xdr.XdrType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a client and a server connection share: one byte channel (a socket, or a TLS or SASL layer over it), a
 * reader thread that frames packets and hands them on, a write lock, keepalive, and one close with its reason.
 *
 * <p>Layers: {@link #wrapChannel} replaces the channel by one wrapping it (TLS after the socket connects, SASL
 * after authentication). The reader picks the new channel up for the next packet, so a layer is inserted between
 * two packets, as libvirt does.
 */
public abstract class RpcConnection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RpcConnection.class);

    private final String name;
    private final Object writeLock = new Object();
    private final PacketWriter writer;
    private final PacketReader reader;
    private final List<Consumer<VirtException>> closeListeners = new CopyOnWriteArrayList<>();
    private volatile ByteChannel channel;
    private volatile VirtException closedBy;
    private volatile Keepalive keepalive;
    private volatile FilePassing filePassing;
    private Thread readerThread;

    protected RpcConnection(String name, ByteChannel channel, int maxMessage) {
        this.name = name;
        this.channel = channel;
        this.reader = new PacketReader(maxMessage);
        this.writer = new PacketWriter(maxMessage + 4);
    }

    /** A name for logs and threads: the peer's address, or what the owner calls it. */
    public String name() {
        return name;
    }

    /** Starts the reader thread. */
    protected final void startReading(String role) {
        readerThread = new Thread(this::readLoop, "jvirt-rpc-" + role + "-" + name);
        readerThread.setDaemon(true);
        readerThread.start();
    }

    /** Inserts a layer (TLS, SASL) over the current channel; takes effect for the next packet either way. */
    public void wrapChannel(UnaryOperator<ByteChannel> layer) {
        synchronized (writeLock) {
            channel = layer.apply(channel);
        }
    }

    /**
     * Lets this connection carry open files ({@code passing} is its unix socket's, or {@code null}): sent beside
     * calls, and, with {@code receive}, taken in with the messages that announce them, reading stopping short of
     * the bytes that carry them. Called before reading starts.
     */
    protected void carryFiles(FilePassing passing, boolean receive) {
        filePassing = passing;
        if (passing != null && receive) {
            reader.stopAtDescriptors();
        }
    }

    /** Starts libvirt's keepalive: a PING after {@code intervalSeconds} of silence, close after {@code count}. */
    public void startKeepalive(int intervalSeconds, int count) {
        Keepalive k = new Keepalive(this, intervalSeconds, count);
        keepalive = k;
        k.start();
    }

    public boolean isOpen() {
        return closedBy == null;
    }

    /** Why the connection closed, or {@code null} while it is open. */
    public VirtException closeReason() {
        return closedBy;
    }

    /** Called once, with the reason, when the connection closes (at once if it already has). */
    public void onClose(Consumer<VirtException> listener) {
        closeListeners.add(listener);
        VirtException r = closedBy;
        if (r != null && closeListeners.remove(listener)) {
            listener.accept(r);
        }
    }

    /** Sends one message. Thread-safe; fails with libvirt's error when the connection is closed. */
    public <T> void send(Header header, XdrType<T> type, T body) {
        synchronized (writeLock) {
            ensureOpen();
            write(writer.encode(header, type, body));
        }
    }

    /**
     * Sends a *_WITH_FDS message, then each of {@code fds} beside a byte of its own, nothing else written between
     * them. A connection that cannot carry files fails with libvirt's error and closes, as libvirt's client does
     * (its message already written when the descriptors cannot follow).
     */
    protected <T> void sendWithFiles(Header header, XdrType<T> type, T body, int[] fds) {
        synchronized (writeLock) {
            ensureOpen();
            FilePassing passing = filePassing;
            if (passing == null) {
                VirtException reason = FilePassing.cannotSend();
                closeWith(reason);
                throw reason;
            }
            write(writer.encodeWithFds(header, fds.length, type, body));
            try {
                passing.send(fds);
            } catch (VirtException e) {
                closeWith(e);
                throw e;
            }
        }
    }

    /** Sends raw stream data: a packet whose body is the bytes as they are. */
    public void sendData(Header header, ByteBuffer data) {
        synchronized (writeLock) {
            ensureOpen();
            write(writer.encodeData(header, data));
        }
    }

    private void write(ByteBuffer message) {
        try {
            ByteChannel ch = channel;
            while (message.hasRemaining()) {
                ch.write(message);
            }
        } catch (IOException e) {
            VirtException reason = new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.RPC,
                    "Cannot write data: " + e.getMessage(), e);
            closeWith(reason);
            throw reason;
        }
    }

    protected void ensureOpen() {
        VirtException r = closedBy;
        if (r != null) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC, "client socket is closed");
        }
    }

    private void readLoop() {
        try {
            while (closedBy == null) {
                Packet p = reader.read(channel);
                if (p == null) {
                    continue;
                }
                Keepalive k = keepalive;
                if (k != null) {
                    k.received();
                }
                if (p.fdCount() > 0) {
                    handle(p, receiveFiles(p.fdCount()));
                } else if (p.header().program() == KeepaliveProtocol.PROGRAM) {
                    keepaliveMessage(p);
                } else {
                    handle(p);
                }
            }
        } catch (EOFException e) {
            closeWith(new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.RPC,
                    "End of file while reading data: Input/output error"));
        } catch (ClosedChannelException e) {
            closeWith(new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC, "client socket is closed"));
        } catch (IOException e) {
            closeWith(new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.RPC,
                    "Cannot recv data: " + e.getMessage(), e));
        } catch (VirtException e) {
            LOG.debug("{}: closing on a protocol error: {}", name, e.getMessage());
            closeWith(e);
        } catch (RuntimeException e) {
            LOG.warn("{}: closing on an unexpected failure", name, e);
            closeWith(new ProtocolException("Unable to decode message: " + e, e));
        }
    }

    private void keepaliveMessage(Packet p) {
        Header h = p.header();
        if (h.type() != MessageType.MESSAGE) {
            throw new ProtocolException("Unexpected keepalive message type " + h.type());
        }
        if (h.procedure() == KeepaliveProtocol.PING.number()) {
            send(new Header(KeepaliveProtocol.PROGRAM, KeepaliveProtocol.VERSION, KeepaliveProtocol.PONG.number(),
                    MessageType.MESSAGE, 0, MessageStatus.OK), Xdr.VOID, null);
        }
        keepaliveReceived(h.procedure());
    }

    /** A PING or PONG arrived (after a PING was answered). */
    protected void keepaliveReceived(int procedure) {
    }

    protected void sendPing() {
        try {
            send(new Header(KeepaliveProtocol.PROGRAM, KeepaliveProtocol.VERSION, KeepaliveProtocol.PING.number(),
                    MessageType.MESSAGE, 0, MessageStatus.OK), Xdr.VOID, null);
        } catch (VirtException e) {
            LOG.debug("{}: keepalive ping not sent: {}", name, e.getMessage());
        }
    }

    void keepaliveTimedOut() {
        LOG.info("{}: no answer to keepalive, closing", name);
        closeWith(new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.RPC,
                "connection closed due to keepalive timeout"));
    }

    /** One packet that is not keepalive, on the reader thread; its payload is only valid during the call. */
    protected abstract void handle(Packet packet);

    /**
     * A packet that brought open files: they are the handler's to close. By default they are closed and the
     * packet handled as any other.
     */
    protected void handle(Packet packet, ReceivedFiles files) {
        files.close();
        if (packet.header().program() == KeepaliveProtocol.PROGRAM) {
            keepaliveMessage(packet);
        } else {
            handle(packet);
        }
    }

    /**
     * The descriptors that follow a *_WITH_FDS message; libvirt's error when this connection cannot take them. A
     * reader still reading greedily (the peer sent files without asking first) takes them only when it read
     * nothing past the message: otherwise the byte a descriptor rode on may be in its buffer, the descriptor
     * gone, and the connection is closed rather than hand on the wrong files.
     */
    private ReceivedFiles receiveFiles(int count) {
        FilePassing passing = filePassing;
        if (passing == null) {
            throw FilePassing.cannotReceive();
        }
        if (!reader.stopsAtDescriptors() && reader.buffered() > 0) {
            throw new ProtocolException("file descriptors sent to a connection reading past them were lost "
                    + "(a client asks whether the server takes files before it sends some)");
        }
        return new ReceivedFiles(passing.receive(count, this::isOpen));
    }

    /**
     * From the next read on, reads stop short of bytes that may carry descriptors. Only on the reader thread, in a
     * call answered there: a read already under way elsewhere could take a descriptor's byte.
     */
    protected final void readUpToDescriptors() {
        if (Thread.currentThread() != readerThread) {
            throw new IllegalStateException("reads can change their bounds only on the reader thread");
        }
        if (filePassing != null) {
            reader.stopAtDescriptors();
        }
    }

    /** Closes because of {@code reason}: once; listeners and subclasses hear it. */
    protected final void closeWith(VirtException reason) {
        synchronized (this) {
            if (closedBy != null) {
                return;
            }
            closedBy = reason;
        }
        Keepalive k = keepalive;
        if (k != null) {
            k.stop();
        }
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("{}: close: {}", name, e.getMessage());
        }
        closed(reason);
        for (Consumer<VirtException> l : closeListeners) {
            if (closeListeners.remove(l)) {
                try {
                    l.accept(reason);
                } catch (RuntimeException e) {
                    LOG.warn("{}: a close listener failed", name, e);
                }
            }
        }
    }

    /** The connection closed: fail what waits on it. */
    protected abstract void closed(VirtException reason);

    /** Closes the connection; joins the reader thread unless called from it. */
    @Override
    public void close() {
        closeWith(new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC, "client socket is closed"));
        Thread t = readerThread;
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
