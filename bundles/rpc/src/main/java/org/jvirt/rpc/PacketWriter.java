package org.jvirt.rpc;

import java.nio.ByteBuffer;
import org.jvirt.rpc.xdr.XdrType;
import org.jvirt.rpc.xdr.XdrWriter;

/**
 * Encodes whole messages (length word, header, body) into a reusable buffer that never grows past the message
 * limit. Not thread-safe: each sender keeps its own, or encodes under its write lock.
 */
public final class PacketWriter {
    private final XdrWriter out;

    public PacketWriter() {
        this(Limits.MESSAGE_MAX + Limits.MESSAGE_LEN_MAX);
    }

    /** A writer whose messages may not exceed {@code limit} bytes, length word included. */
    public PacketWriter(int limit) {
        this.out = new XdrWriter(Limits.MESSAGE_INITIAL, limit);
    }

    /** The message for {@code header} and {@code body}, as a buffer valid until the next call. */
    public <T> ByteBuffer encode(Header header, XdrType<T> type, T body) {
        out.reset();
        out.writeInt(0);
        header.write(out);
        type.write(out, body);
        return finish();
    }

    /** A *_WITH_FDS message: the header, the count of descriptors that follow it on the socket, then the body. */
    public <T> ByteBuffer encodeWithFds(Header header, int fdCount, XdrType<T> type, T body) {
        out.reset();
        out.writeInt(0);
        header.write(out);
        out.writeInt(fdCount);
        type.write(out, body);
        return finish();
    }

    /** A stream packet carrying raw data (not padded: libvirt sends stream bytes as they are). */
    public ByteBuffer encodeData(Header header, ByteBuffer data) {
        out.reset();
        out.writeInt(0);
        header.write(out);
        out.writeUnpadded(data);
        return finish();
    }

    private ByteBuffer finish() {
        int length = out.position();
        out.patchInt(0, length);
        return out.flip();
    }

    /** A copy of the message, for callers that keep it. */
    public static <T> byte[] toBytes(Header header, XdrType<T> type, T body) {
        ByteBuffer b = new PacketWriter().encode(header, type, body);
        byte[] copy = new byte[b.remaining()];
        b.get(copy);
        return copy;
    }
}
