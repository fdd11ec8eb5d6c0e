package org.jvirt.rpc.transport;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.ClosedChannelException;
import javax.security.sasl.SaslException;

/**
 * A channel with room for a SASL security layer, framed as cyrus-sasl frames it (libvirt's socket code relies on it):
 * bytes pass as they are until {@link #secure} installs a layer; then every buffer written is wrapped and sent behind
 * a four-byte length, and what arrives is read the same way and unwrapped. The client installs its layer before its
 * first wrapped call goes out, the server after the reply that completed the authentication, so on each side the
 * first wrapped bytes read are the first bytes read after the layer is in place.
 *
 * <p>Writes are serialised with {@link #close}: an event may be on its way out while the peer goes, and a disposed
 * layer must never be asked to wrap.
 */
public final class SaslFramedChannel implements ByteChannel {
    /** The largest wrapped buffer accepted: 64 KiB of plain data (the size both sides ask for), plus the layer's own. */
    private static final int MAX_WRAPPED = 65536 + 4096;

    private final ByteChannel inner;
    private final ByteBuffer raw = ByteBuffer.allocate(MAX_WRAPPED + 4).flip();
    private ByteBuffer plain = ByteBuffer.allocate(0);
    private volatile SaslLayer layer;
    private boolean disposed;

    /** Bytes as they are until a layer is installed. */
    public SaslFramedChannel(ByteChannel inner) {
        this.inner = inner;
    }

    /** Wrapped and unwrapped by {@code layer} from the first byte. */
    public SaslFramedChannel(ByteChannel inner, SaslLayer layer) {
        this.inner = inner;
        this.layer = layer;
    }

    /** From now on, both ways go through {@code layer}. */
    public void secure(SaslLayer layer) {
        this.layer = layer;
    }

    /** Whether a security layer is in place. */
    public boolean layered() {
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
        SaslLayer l = layer;
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

    /** Reads what the channel has into {@code raw}, after what is still unread; false at its end. */
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
                throw new EOFException(atStart && !raw.hasRemaining() ? "end of file"
                        : "end of file inside a SASL buffer");
            }
        }
    }

    private byte[] unwrapOne(SaslLayer l) throws IOException {
        need(4, true);
        int n = raw.getInt();
        if (n <= 0 || n > MAX_WRAPPED) {
            throw new IOException("SASL buffer of " + n + " bytes refused");
        }
        need(n, false);
        byte[] wrapped = new byte[n];
        raw.get(wrapped);
        try {
            return l.unwrap(wrapped, 0, n);
        } catch (SaslException e) {
            throw new IOException("cannot decode SASL data: " + e.getMessage(), e);
        } catch (IllegalStateException e) {
            // the layer was disposed: the channel was closed under this read
            throw new ClosedChannelException();
        }
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        SaslLayer l = layer;
        if (l == null) {
            return inner.write(src);
        }
        synchronized (this) {
            if (disposed || !inner.isOpen()) {
                throw new ClosedChannelException();
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
                    wrapped = l.wrap(chunk, 0, n);
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
    }

    @Override
    public boolean isOpen() {
        return inner.isOpen();
    }

    @Override
    public void close() throws IOException {
        // the channel first: a write waiting for room fails and lets go, then the layer
        inner.close();
        SaslLayer l = layer;
        if (l != null) {
            synchronized (this) {
                if (!disposed) {
                    disposed = true;
                    l.dispose();
                }
            }
        }
    }
}
