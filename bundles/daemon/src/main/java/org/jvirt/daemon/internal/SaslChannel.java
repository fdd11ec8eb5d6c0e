package org.jvirt.daemon.internal;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.ClosedChannelException;

/**
 * A SASL security layer over the connection's channel, as cyrus-sasl frames it: each buffer wrapped by the
 * mechanism and sent behind a four-byte length; what arrives is read the same way and unwrapped. Inserted after
 * the reply that completed the authentication, for every packet after it, both ways.
 */
final class SaslChannel implements ByteChannel {
    /** The largest wrapped buffer accepted from a client: its plain data is at most our 64 KiB, plus overhead. */
    private static final int MAX_WRAPPED = 65536 + 4096;

    private final ByteChannel inner;
    private final SaslExchange sasl;
    private final ByteBuffer length = ByteBuffer.allocate(4);
    private ByteBuffer plain = ByteBuffer.allocate(0);

    SaslChannel(ByteChannel inner, SaslExchange sasl) {
        this.inner = inner;
        this.sasl = sasl;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        while (!plain.hasRemaining()) {
            length.clear();
            if (!fill(length)) {
                return -1;
            }
            int n = length.getInt(0);
            if (n <= 0 || n > MAX_WRAPPED) {
                throw new IOException("SASL buffer of " + n + " bytes refused");
            }
            ByteBuffer wrapped = ByteBuffer.allocate(n);
            if (!fill(wrapped)) {
                throw new EOFException("end of file inside a SASL buffer");
            }
            plain = ByteBuffer.wrap(unwrap(wrapped.array(), n));
        }
        int n = Math.min(dst.remaining(), plain.remaining());
        dst.put(plain.slice().limit(n));
        plain.position(plain.position() + n);
        return n;
    }

    private boolean fill(ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            if (inner.read(b) < 0) {
                return false;
            }
        }
        return true;
    }

    private byte[] unwrap(byte[] wrapped, int n) throws IOException {
        try {
            return sasl.unwrap(wrapped, 0, n);
        } catch (IllegalStateException e) {
            // the exchange was disposed: the channel was closed under this read
            throw new ClosedChannelException();
        }
    }

    // synchronized with close: an event may be on its way out while the client goes, and a disposed exchange
    // answers wrap with an IllegalStateException, which must not reach the thread that sends events
    @Override
    public synchronized int write(ByteBuffer src) throws IOException {
        if (!inner.isOpen()) {
            throw new ClosedChannelException();
        }
        int total = src.remaining();
        int chunk = Math.max(1024, sasl.maxRawSend());
        byte[] buf = new byte[Math.min(chunk, total)];
        while (src.hasRemaining()) {
            int n = Math.min(buf.length, src.remaining());
            src.get(buf, 0, n);
            byte[] wrapped = sasl.wrap(buf, 0, n);
            ByteBuffer out = ByteBuffer.allocate(4 + wrapped.length);
            out.putInt(wrapped.length).put(wrapped).flip();
            while (out.hasRemaining()) {
                inner.write(out);
            }
        }
        return total;
    }

    @Override
    public boolean isOpen() {
        return inner.isOpen();
    }

    @Override
    public synchronized void close() throws IOException {
        sasl.dispose();
        inner.close();
    }
}
