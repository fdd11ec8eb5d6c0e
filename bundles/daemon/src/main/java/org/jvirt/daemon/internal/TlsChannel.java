package org.jvirt.daemon.internal;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TLS over a blocking socket channel, for the RPC connection above it: the handshake on the first read, then the
 * client's check and libvirtd's confirmation byte (1, which libvirt's client waits for before its first call), then
 * records both ways. Reads come from the connection's reader thread; writes from any thread, under one lock shared
 * with what a read must send (TLS 1.3's post-handshake messages).
 */
final class TlsChannel implements ByteChannel {
    private static final Logger LOG = LoggerFactory.getLogger(TlsChannel.class);

    /** What decides whether a client that completed the handshake may go on. */
    @FunctionalInterface
    interface PeerCheck {
        void check(SSLSession session) throws IOException;
    }

    private final ByteChannel socket;
    private final SSLEngine engine;
    private final String name;
    private final PeerCheck check;
    private final Object writeLock = new Object();
    private ByteBuffer netIn;
    private ByteBuffer appIn;
    private ByteBuffer netOut;
    private volatile boolean ready;
    private boolean closedInbound;

    TlsChannel(ByteChannel socket, SSLEngine engine, String name, PeerCheck check) {
        this.socket = socket;
        this.engine = engine;
        this.name = name;
        this.check = check;
        SSLSession s = engine.getSession();
        this.netIn = ByteBuffer.allocate(s.getPacketBufferSize());
        this.appIn = ByteBuffer.allocate(s.getApplicationBufferSize());
        this.appIn.flip();
        this.netOut = ByteBuffer.allocate(s.getPacketBufferSize());
    }

    private synchronized void handshake() throws IOException {
        if (ready) {
            return;
        }
        engine.beginHandshake();
        java.io.ByteArrayOutputStream pending = new java.io.ByteArrayOutputStream();
        while (true) {
            HandshakeStatus hs = engine.getHandshakeStatus();
            switch (hs) {
                case NEED_WRAP -> wrapInto(ByteBuffer.allocate(0), pending);
                case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> {
                    flush(pending);
                    if (!unwrapOnce()) {
                        throw new EOFException("the client closed during the TLS handshake");
                    }
                }
                case NEED_TASK -> runTasks();
                case FINISHED, NOT_HANDSHAKING -> {
                    check.check(engine.getSession());
                    ready = true;
                    // libvirt's client reads this one byte before it believes the server accepted it; it goes in
                    // the same write as TLS 1.3's session tickets, which that client would otherwise read alone
                    // and take for "nothing yet"
                    wrapInto(ByteBuffer.wrap(new byte[] {1}), pending);
                    flush(pending);
                    LOG.debug("{}: TLS ready ({}, {})", name, engine.getSession().getProtocol(),
                            engine.getSession().getCipherSuite());
                    return;
                }
                default -> throw new SSLException("unexpected handshake status " + hs);
            }
        }
    }

    /** Wraps {@code src} into {@code out} without sending it yet. */
    private void wrapInto(ByteBuffer src, java.io.ByteArrayOutputStream out) throws IOException {
        synchronized (writeLock) {
            do {
                netOut.clear();
                SSLEngineResult r = engine.wrap(src, netOut);
                if (r.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
                    netOut = ByteBuffer.allocate(netOut.capacity() * 2);
                    continue;
                }
                if (r.getStatus() != SSLEngineResult.Status.OK) {
                    throw new SSLException("unexpected wrap status " + r.getStatus());
                }
                out.write(netOut.array(), 0, netOut.position());
                if (r.getHandshakeStatus() == HandshakeStatus.NEED_TASK) {
                    runTasks();
                }
            } while (src.hasRemaining());
        }
    }

    private void flush(java.io.ByteArrayOutputStream pending) throws IOException {
        if (pending.size() == 0) {
            return;
        }
        ByteBuffer b = ByteBuffer.wrap(pending.toByteArray());
        synchronized (writeLock) {
            while (b.hasRemaining()) {
                socket.write(b);
            }
        }
        pending.reset();
    }

    private void runTasks() {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
        }
    }

    /** Unwraps one record into appIn (reading the socket as needed); false at the end of the stream. */
    private boolean unwrapOnce() throws IOException {
        while (true) {
            netIn.flip();
            appIn.compact();
            SSLEngineResult r;
            try {
                r = engine.unwrap(netIn, appIn);
            } finally {
                netIn.compact();
                appIn.flip();
            }
            switch (r.getStatus()) {
                case OK -> {
                    followUp(r.getHandshakeStatus());
                    return true;
                }
                case CLOSED -> {
                    closedInbound = true;
                    return false;
                }
                case BUFFER_OVERFLOW -> appIn = grow(appIn, engine.getSession().getApplicationBufferSize(), true);
                case BUFFER_UNDERFLOW -> {
                    if (netIn.remaining() == 0) {
                        netIn = grow(netIn, engine.getSession().getPacketBufferSize(), false);
                    }
                    if (socket.read(netIn) < 0) {
                        engine.closeInbound();
                        return false;
                    }
                }
                default -> throw new SSLException("unexpected unwrap status " + r.getStatus());
            }
        }
    }

    /** What a record asked for after it: tasks, or a reply (a TLS 1.3 key update, session tickets). */
    private void followUp(HandshakeStatus hs) throws IOException {
        if (hs == HandshakeStatus.NEED_TASK) {
            runTasks();
            hs = engine.getHandshakeStatus();
        }
        if (ready && hs == HandshakeStatus.NEED_WRAP) {
            wrap(ByteBuffer.allocate(0));
        }
    }

    private static ByteBuffer grow(ByteBuffer b, int size, boolean readMode) {
        ByteBuffer bigger = ByteBuffer.allocate(Math.max(size, b.capacity() * 2));
        if (readMode) {
            bigger.put(b);
            bigger.flip();
        } else {
            b.flip();
            bigger.put(b);
        }
        return bigger;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        handshake();
        while (!appIn.hasRemaining()) {
            if (closedInbound || !unwrapOnce()) {
                return -1;
            }
        }
        int n = Math.min(dst.remaining(), appIn.remaining());
        ByteBuffer slice = appIn.slice().limit(n);
        dst.put(slice);
        appIn.position(appIn.position() + n);
        return n;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        if (!ready) {
            handshake();
        }
        int n = src.remaining();
        wrap(src);
        return n;
    }

    private void wrap(ByteBuffer src) throws IOException {
        synchronized (writeLock) {
            do {
                netOut.clear();
                SSLEngineResult r = engine.wrap(src, netOut);
                switch (r.getStatus()) {
                    case OK, CLOSED -> {
                        netOut.flip();
                        while (netOut.hasRemaining()) {
                            socket.write(netOut);
                        }
                        if (r.getStatus() == SSLEngineResult.Status.CLOSED) {
                            return;
                        }
                    }
                    case BUFFER_OVERFLOW -> netOut = ByteBuffer.allocate(netOut.capacity() * 2);
                    default -> throw new SSLException("unexpected wrap status " + r.getStatus());
                }
                if (r.getHandshakeStatus() == HandshakeStatus.NEED_TASK) {
                    runTasks();
                }
            } while (src.hasRemaining());
        }
    }

    @Override
    public boolean isOpen() {
        return socket.isOpen();
    }

    @Override
    public void close() throws IOException {
        try {
            if (ready) {
                engine.closeOutbound();
                wrap(ByteBuffer.allocate(0));
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("{}: TLS close: {}", name, e.toString());
        } finally {
            socket.close();
        }
    }
}
