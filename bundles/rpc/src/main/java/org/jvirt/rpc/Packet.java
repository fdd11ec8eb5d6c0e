package org.jvirt.rpc;

import java.nio.ByteBuffer;
import org.jvirt.rpc.xdr.XdrReader;
import org.jvirt.rpc.xdr.XdrType;

/**
 * One received message: its header and its payload, a read-only view of the bytes after the header (no copy).
 * For the *_WITH_FDS types the payload starts after the count of descriptors.
 */
public record Packet(Header header, ByteBuffer payload, int fdCount) {

    /** Decodes the payload as {@code type}; all of it must be used. */
    public <T> T decode(XdrType<T> type) {
        XdrReader in = new XdrReader(payload);
        T value;
        try {
            value = type.read(in);
        } catch (ProtocolException e) {
            throw new ProtocolException("Unable to decode message payload", e);
        }
        if (in.remaining() != 0) {
            throw new ProtocolException("Unable to decode message payload");
        }
        return value;
    }

    /** The error in a failed reply or an aborted stream. */
    public NetError error() {
        return decode(NetError.XDR);
    }

    /** Decodes a packet's bytes, from the first header byte to the end (the length word already taken off). */
    public static Packet parse(ByteBuffer message) {
        XdrReader in = new XdrReader(message);
        Header h = Header.read(in);
        int fds = 0;
        if (h.type() == MessageType.CALL_WITH_FDS || h.type() == MessageType.REPLY_WITH_FDS) {
            fds = in.readInt();
            if (fds < 0 || fds > Limits.MESSAGE_NUM_FDS_MAX) {
                throw new ProtocolException("Received too many FDs " + fds + ", expected " + Limits.MESSAGE_NUM_FDS_MAX
                        + " maximum");
            }
        }
        return new Packet(h, in.rest(), fds);
    }
}
