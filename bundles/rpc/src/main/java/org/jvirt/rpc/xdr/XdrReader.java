package org.jvirt.rpc.xdr;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.jvirt.rpc.ProtocolException;

/**
 * Reads XDR (RFC 4506) from a byte buffer. Every read is bounds-checked against what the buffer holds, and every
 * length read from the wire is checked against the declared maximum and against the bytes left, before anything
 * is allocated: a hostile length fails with a {@link ProtocolException}, it never makes a large array.
 */
public final class XdrReader {
    private final ByteBuffer buf;

    public XdrReader(ByteBuffer buffer) {
        this.buf = buffer.slice().order(ByteOrder.BIG_ENDIAN);
    }

    /** Bytes not yet read. */
    public int remaining() {
        return buf.remaining();
    }

    public int position() {
        return buf.position();
    }

    private void need(int n) {
        if (n < 0 || buf.remaining() < n) {
            throw new ProtocolException("XDR data truncated: need " + n + " bytes, " + buf.remaining() + " left");
        }
    }

    public int readInt() {
        need(4);
        return buf.getInt();
    }

    public long readHyper() {
        need(8);
        return buf.getLong();
    }

    public float readFloat() {
        need(4);
        return buf.getFloat();
    }

    public double readDouble() {
        need(8);
        return buf.getDouble();
    }

    public boolean readBool() {
        int v = readInt();
        if (v != 0 && v != 1) {
            throw new ProtocolException("XDR bool out of range: " + v);
        }
        return v == 1;
    }

    /**
     * A length or count: unsigned on the wire, at most {@code max}, and small enough that {@code count} elements of
     * at least {@code minElementSize} bytes each still fit in what is left.
     */
    public int readCount(long max, int minElementSize) {
        long n = Integer.toUnsignedLong(readInt());
        if (n > max) {
            throw new ProtocolException("XDR length " + n + " exceeds maximum " + max);
        }
        long bytes = n * Math.max(minElementSize, 0);
        if (bytes > buf.remaining()) {
            throw new ProtocolException("XDR length " + n + " exceeds the " + buf.remaining() + " bytes left");
        }
        return (int) n;
    }

    private static int padded(int n) {
        return (n + 3) & ~3;
    }

    /** Fixed-length opaque data of {@code n} bytes (plus padding), copied. */
    public byte[] readFixedOpaque(int n) {
        need(padded(n));
        byte[] out = new byte[n];
        buf.get(out);
        skipPadding(n);
        return out;
    }

    /** Variable-length opaque data of at most {@code max} bytes, copied. */
    public byte[] readOpaque(long max) {
        return readFixedOpaque(readCount(max, 1));
    }

    /** Variable-length opaque data as a read-only view of the packet: no copy. */
    public ByteBuffer readOpaqueView(long max) {
        int n = readCount(max, 1);
        return sliceAndSkip(n);
    }

    /** The next {@code n} bytes (and their padding) as a read-only view. */
    public ByteBuffer sliceAndSkip(int n) {
        need(padded(n));
        ByteBuffer view = buf.slice().limit(n).asReadOnlyBuffer();
        buf.position(buf.position() + n);
        skipPadding(n);
        return view;
    }

    /** The rest of the buffer, as a read-only view. */
    public ByteBuffer rest() {
        ByteBuffer view = buf.slice().asReadOnlyBuffer();
        buf.position(buf.limit());
        return view;
    }

    private void skipPadding(int n) {
        int pad = padded(n) - n;
        buf.position(buf.position() + pad);
    }

    /** A string of at most {@code max} bytes, decoded as UTF-8 (malformed bytes become U+FFFD, never an error). */
    public String readString(long max) {
        int n = readCount(max, 1);
        need(padded(n));
        String s;
        if (buf.hasArray()) {
            s = new String(buf.array(), buf.arrayOffset() + buf.position(), n, StandardCharsets.UTF_8);
            buf.position(buf.position() + n);
        } else {
            byte[] tmp = new byte[n];
            buf.get(tmp);
            s = new String(tmp, StandardCharsets.UTF_8);
        }
        skipPadding(n);
        return s;
    }
}
