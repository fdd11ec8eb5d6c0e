package org.jvirt.driver.remote.internal;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;

import javax.security.sasl.SaslException;

/**
 * The transport's channel, with room for a SASL security layer: bytes pass as they are until {@link #secure}
 * installs a layer, then every buffer written is wrapped and sent behind a four-byte length, and what arrives is
 * read the same way and unwrapped (cyrus-sasl's framing, which libvirt's socket code relies on).
 *
 * <p>Why not {@code RpcConnection.wrapChannel}: the client's reader thread is already blocked reading the next
 * packet when authentication completes. This channel reads raw bytes first and decides how to treat them once
 * they arrive; the server sends nothing wrapped before the client's first wrapped call, and the layer is in place
 * before that call goes out.
 */
final class SaslLayerChannel implements ByteChannel {
    /** The largest wrapped buffer accepted: 64 KiB of plain data (the size we ask for), plus the mechanism's own. */
    private static final int MAX_WRAPPED = 65536 + 4096;

    private final ByteChannel inner;
    private final ByteBuffer raw = ByteBuffer.allocate(MAX_WRAPPED + 4).flip();
    private ByteBuffer plain = ByteBuffer.allocate(0);
    private volatile SaslClientSession layer;

    SaslLayerChannel(ByteChannel inner) {
        this.inner = inner;
    }

    /** From now on, both ways go through {@code session}'s layer. */
    void secure(SaslClientSession session) {
        this.layer = session;
    }

    /** Whether a security layer is in place. */
    boolean layered() {
        return layer != null;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        if (plain.hasRemaining()) {
            return drainPlain(dst);
        }
        if (!raw.hasRemaining() && !readRaw()) {
            return -1;
        }
        SaslClientSession l = layer;
        if (l == null) {
            int n = Math.min(dst.remaining(), raw.remaining());
            dst.put(raw.slice().limit(n));
            raw.position(raw.position() + n);
            return n;
        }
        while (!plain.hasRemaining()) {
            plain = ByteBuffer.wrap(unwrapOne(l));
        }
        return drainPlain(dst);
    }

    private int drainPlain(ByteBuffer dst) {
        int n = Math.min(dst.remaining(), plain.remaining());
        dst.put(plain.slice().limit(n));
        plain.position(plain.position() + n);
        return n;
    }

    /** Reads what the transport has into {@code raw}, kept after what is still unread; false at its end. */
    private boolean readRaw() throws IOException {
        raw.compact();
        try {
            int n;
            do {
                n = inner.read(raw);
            } while (n == 0);
            return n > 0;
        } finally {
            raw.flip();
        }
    }

    private void need(int bytes, boolean atStart) throws IOException {
        while (raw.remaining() < bytes) {
            if (!readRaw()) {
                if (atStart && !raw.hasRemaining()) {
                    throw new EOFException("end of file");
                }
                throw new EOFException("end of file inside a SASL buffer");
            }
        }
    }

    private byte[] unwrapOne(SaslClientSession l) throws IOException {
        need(4, true);
        int n = raw.getInt();
        if (n <= 0 || n > MAX_WRAPPED) {
            throw new IOException("SASL buffer of " + n + " bytes refused");
        }
        need(n, false);
        byte[] wrapped = new byte[n];
        raw.get(wrapped);
        try {
            return l.unwrap(wrapped);
        } catch (SaslException e) {
            throw new IOException("cannot decode SASL data: " + e.getMessage(), e);
        }
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        SaslClientSession l = layer;
        if (l == null) {
            return inner.write(src);
        }
        int total = src.remaining();
        // each wrapped buffer carries no more than the peer's buffer, as negotiated, allows
        int most = l.maxRawSend() > 0 ? l.maxRawSend() : 65536;
        byte[] chunk = new byte[Math.max(1, Math.min(total, most))];
        while (src.hasRemaining()) {
            int n = Math.min(chunk.length, src.remaining());
            src.get(chunk, 0, n);
            byte[] wrapped;
            try {
                wrapped = l.wrap(chunk, n);
            } catch (SaslException e) {
                throw new IOException("cannot encode SASL data: " + e.getMessage(), e);
            }
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
    public void close() throws IOException {
        SaslClientSession l = layer;
        if (l != null) {
            l.dispose();
        }
        inner.close();
    }
}
