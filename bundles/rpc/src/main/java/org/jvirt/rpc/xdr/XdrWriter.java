package org.jvirt.rpc.xdr;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.jvirt.rpc.ProtocolException;

/**
 * Writes XDR (RFC 4506) into a growable heap buffer that never exceeds a hard limit (a message's maximum size):
 * what cannot fit fails with a {@link ProtocolException}. One writer is reused for many messages ({@link #reset}).
 */
public final class XdrWriter {
    private final int limit;
    private ByteBuffer buf;

    public XdrWriter(int initialCapacity, int limit) {
        this.limit = limit;
        this.buf = ByteBuffer.allocate(Math.min(initialCapacity, limit)).order(ByteOrder.BIG_ENDIAN);
    }

    /** Forget what was written; keeps the buffer. */
    public XdrWriter reset() {
        buf.clear();
        return this;
    }

    public int position() {
        return buf.position();
    }

    /** What was written, as a buffer positioned at 0 and limited to the end (shares this writer's storage). */
    public ByteBuffer flip() {
        return buf.duplicate().flip();
    }

    /** A copy of what was written. */
    public byte[] toByteArray() {
        byte[] out = new byte[buf.position()];
        System.arraycopy(buf.array(), buf.arrayOffset(), out, 0, out.length);
        return out;
    }

    private void ensure(int n) {
        if (buf.remaining() >= n) {
            return;
        }
        long needed = (long) buf.position() + n;
        if (needed > limit) {
            throw new ProtocolException("message of " + needed + " bytes exceeds the maximum of " + limit);
        }
        long grown = Math.max(needed, Math.min((long) buf.capacity() * 4, limit));
        ByteBuffer bigger = ByteBuffer.allocate((int) grown).order(ByteOrder.BIG_ENDIAN);
        buf.flip();
        bigger.put(buf);
        buf = bigger;
    }

    public XdrWriter writeInt(int v) {
        ensure(4);
        buf.putInt(v);
        return this;
    }

    /** Overwrite the int at {@code position} (a length word written before its message). */
    public void patchInt(int position, int v) {
        buf.putInt(position, v);
    }

    public XdrWriter writeHyper(long v) {
        ensure(8);
        buf.putLong(v);
        return this;
    }

    public XdrWriter writeFloat(float v) {
        ensure(4);
        buf.putFloat(v);
        return this;
    }

    public XdrWriter writeDouble(double v) {
        ensure(8);
        buf.putDouble(v);
        return this;
    }

    public XdrWriter writeBool(boolean v) {
        return writeInt(v ? 1 : 0);
    }

    /** A count or length, checked against the declared maximum before anything is written. */
    public XdrWriter writeCount(int n, long max) {
        if (n < 0 || n > max) {
            throw new ProtocolException("XDR length " + n + " exceeds maximum " + max);
        }
        return writeInt(n);
    }

    private void pad(int n) {
        int pad = ((n + 3) & ~3) - n;
        for (int i = 0; i < pad; i++) {
            buf.put((byte) 0);
        }
    }

    /** Fixed-length opaque data: exactly {@code n} bytes expected. */
    public XdrWriter writeFixedOpaque(byte[] data, int n) {
        if (data == null || data.length != n) {
            throw new ProtocolException("fixed opaque data of " + n + " bytes expected, got "
                    + (data == null ? "null" : data.length));
        }
        ensure(n + 3);
        buf.put(data);
        pad(n);
        return this;
    }

    public XdrWriter writeOpaque(byte[] data, long max) {
        writeCount(data.length, max);
        ensure(data.length + 3);
        buf.put(data);
        pad(data.length);
        return this;
    }

    /** Variable-length opaque data from a buffer (its remaining bytes; the buffer's position is not moved). */
    public XdrWriter writeOpaque(ByteBuffer data, long max) {
        int n = data.remaining();
        writeCount(n, max);
        return writeRaw(data);
    }

    /** Bytes with no length word (a stream packet's body), padded to four. */
    public XdrWriter writeRaw(ByteBuffer data) {
        int n = data.remaining();
        ensure(n + 3);
        buf.put(data.duplicate());
        pad(n);
        return this;
    }

    /** Bytes with no length word and no padding: a stream's data, which libvirt sends as it is. */
    public XdrWriter writeUnpadded(ByteBuffer data) {
        ensure(data.remaining());
        buf.put(data.duplicate());
        return this;
    }

    public XdrWriter writeString(String s, long max) {
        int n = s.length();
        boolean ascii = n <= max;
        for (int i = 0; ascii && i < n; i++) {
            ascii = s.charAt(i) < 0x80;
        }
        if (!ascii) {
            return writeOpaque(s.getBytes(StandardCharsets.UTF_8), max);
        }
        // the common case: ASCII goes straight into the buffer, with no intermediate byte array
        writeCount(n, max);
        ensure(n + 3);
        int p = buf.position();
        byte[] a = buf.array();
        int base = buf.arrayOffset() + p;
        for (int i = 0; i < n; i++) {
            a[base + i] = (byte) s.charAt(i);
        }
        buf.position(p + n);
        pad(n);
        return this;
    }
}
