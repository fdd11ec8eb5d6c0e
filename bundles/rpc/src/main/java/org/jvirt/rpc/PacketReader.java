package org.jvirt.rpc;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;

/**
 * Reads framed messages from a channel, in blocking or non-blocking mode. The length word is checked against the
 * limit before the buffer grows to hold the message, so a peer announcing 2 GiB gets an error, not an allocation.
 * The buffer starts at libvirt's initial 64 KiB and grows, doubling, only as the bytes of a valid message arrive;
 * after a large message it goes back to 64 KiB.
 */
public final class PacketReader {
    private final int maxMessage;
    private final ByteBuffer lengthWord = ByteBuffer.allocate(Limits.MESSAGE_LEN_MAX);
    private ByteBuffer body = ByteBuffer.allocate(Limits.MESSAGE_INITIAL);
    private boolean haveLength;
    private int expected;

    /** A reader accepting libvirt's largest message. */
    public PacketReader() {
        this(Limits.MESSAGE_MAX);
    }

    /** A reader accepting messages of at most {@code maxMessage} bytes (header and payload). */
    public PacketReader(int maxMessage) {
        this.maxMessage = Math.min(maxMessage, Limits.MESSAGE_MAX);
    }

    /**
     * Reads what the channel has; returns a whole packet, or {@code null} when more bytes are needed (non-blocking
     * channels). Throws {@link EOFException} when the peer closed, {@link ProtocolException} on a bad message.
     * A returned packet's payload is a view of this reader's buffer: decode it before the next call.
     */
    public Packet read(ReadableByteChannel channel) throws IOException {
        if (!haveLength) {
            if (body.capacity() > Limits.MESSAGE_INITIAL) {
                // a large message is done with: idle connections keep only the initial buffer
                body = ByteBuffer.allocate(Limits.MESSAGE_INITIAL);
            }
            if (fill(channel, lengthWord) < 0) {
                throw new EOFException(lengthWord.position() == 0 ? "end of file" : "end of file inside a message");
            }
            if (lengthWord.hasRemaining()) {
                return null;
            }
            int total = lengthWord.getInt(0);
            expected = checkLength(total);
            body.clear().limit(Math.min(expected, body.capacity()));
            haveLength = true;
        }
        while (true) {
            if (fill(channel, body) < 0) {
                throw new EOFException("end of file inside a message");
            }
            if (body.hasRemaining()) {
                return null;
            }
            if (body.position() == expected) {
                break;
            }
            // the buffer grows as the bytes come, never ahead of them: a peer announcing a large message and
            // sending little of it holds little memory
            ByteBuffer bigger = ByteBuffer.allocate((int) Math.min(expected, 2L * body.capacity()));
            body.flip();
            bigger.put(body);
            bigger.limit(Math.min(expected, bigger.capacity()));
            body = bigger;
        }
        haveLength = false;
        lengthWord.clear();
        body.flip();
        return Packet.parse(body);
    }

    /** The message length after the length word, or a protocol error in libvirt's words. */
    int checkLength(int total) {
        long len = Integer.toUnsignedLong(total);
        if (total < Limits.MESSAGE_LEN_MAX && total >= 0) {
            throw new ProtocolException("packet " + total + " bytes received from server too small, want "
                    + Limits.MESSAGE_LEN_MAX);
        }
        len -= Limits.MESSAGE_LEN_MAX;
        if (total < 0 || len > maxMessage) {
            throw new ProtocolException("packet " + (total < 0 ? len : len) + " bytes received from server too large, want "
                    + maxMessage);
        }
        if (len < Limits.MESSAGE_HEADER_MAX) {
            throw new ProtocolException("Unable to decode message header");
        }
        return (int) len;
    }

    private static int fill(ReadableByteChannel channel, ByteBuffer into) throws IOException {
        while (into.hasRemaining()) {
            int n = channel.read(into);
            if (n < 0) {
                return -1;
            }
            if (n == 0) {
                return 0;
            }
        }
        return 1;
    }

    /** The largest buffer this reader holds now: never more than the largest valid message it has read. */
    public int bufferCapacity() {
        return body.capacity();
    }
}
