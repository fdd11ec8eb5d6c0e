package org.jvirt.rpc;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;

/**
 * Reads framed messages from a channel, in blocking or non-blocking mode. Reads are buffered: one read from the
 * channel may bring several small messages, or a message's length word and body together, so a small call costs one
 * system call, not two. The length word is checked against the limit before the buffer grows, and the buffer grows
 * (doubling) only as the bytes of a valid message arrive: a peer announcing 32 MiB and sending little holds little.
 * The buffer starts at libvirt's initial 64 KiB and goes back to it once a large message is done with.
 */
public final class PacketReader {
    private final int maxMessage;
    private ByteBuffer buf = ByteBuffer.allocate(Limits.MESSAGE_INITIAL);
    /** The unconsumed bytes are buf's [start, end). */
    private int start;
    private int end;
    /** Whether reads stop where descriptors may follow (see {@link #stopAtDescriptors()}). */
    private boolean bounded;

    /** A reader accepting libvirt's largest message. */
    public PacketReader() {
        this(Limits.MESSAGE_MAX);
    }

    /** A reader accepting messages of at most {@code maxMessage} bytes (header and payload). */
    public PacketReader(int maxMessage) {
        this.maxMessage = Math.min(maxMessage, Limits.MESSAGE_MAX);
    }

    /**
     * Makes every read stop short of bytes that may carry descriptors. A peer passing files sends, after a
     * *_WITH_FDS message, one byte per descriptor with the descriptor beside it; a read reaching such a byte takes
     * the byte and the kernel discards its descriptor. So a read never goes past the end of a message announcing
     * descriptors, and otherwise no further than the current message's end plus the smallest message that could
     * announce some (length word, header, count): a message's first read brings at most that much.
     */
    public void stopAtDescriptors() {
        bounded = true;
    }

    /** Bytes read from the channel and not yet returned as a packet. */
    public int buffered() {
        return end - start;
    }

    /** Whether reads stop short of descriptors. */
    public boolean stopsAtDescriptors() {
        return bounded;
    }

    /**
     * Reads what the channel has; returns a whole packet, or {@code null} when more bytes are needed (non-blocking
     * channels). Throws {@link EOFException} when the peer closed, {@link ProtocolException} on a bad message.
     * A returned packet's payload is a view of this reader's buffer: decode it before the next call.
     */
    public Packet read(ReadableByteChannel channel) throws IOException {
        if (start == end) {
            start = 0;
            end = 0;
            if (buf.capacity() > Limits.MESSAGE_INITIAL) {
                // a large message is done with: idle connections keep only the initial buffer
                buf = ByteBuffer.allocate(Limits.MESSAGE_INITIAL);
            }
        }
        while (true) {
            int available = end - start;
            int need = Limits.MESSAGE_LEN_MAX;
            if (available >= Limits.MESSAGE_LEN_MAX) {
                int len = checkLength(buf.getInt(start));
                need = Limits.MESSAGE_LEN_MAX + len;
                if (available >= need) {
                    Packet p = Packet.parse(buf.duplicate().limit(start + need).position(start + 4).slice());
                    start += need;
                    return p;
                }
            }
            makeRoom(need);
            ByteBuffer io = buf.duplicate().limit(bounded ? safeLimit() : buf.capacity()).position(end);
            int n = channel.read(io);
            if (n < 0) {
                throw new EOFException(start == end ? "end of file" : "end of file inside a message");
            }
            if (n == 0) {
                return null;
            }
            end += n;
        }
    }

    /** How far the next read may fill the buffer without reaching a byte that carries a descriptor. */
    private int safeLimit() {
        int available = end - start;
        long safe;
        if (available < Limits.MESSAGE_LEN_MAX) {
            safe = start + SMALLEST_WITH_FDS;
        } else {
            long total = Integer.toUnsignedLong(buf.getInt(start));
            if (available < TYPE_END) {
                // the type is not known yet: this message itself may announce descriptors
                safe = start + total;
            } else {
                int type = buf.getInt(start + TYPE_END - 4);
                boolean withFds = type == MessageType.CALL_WITH_FDS.value()
                        || type == MessageType.REPLY_WITH_FDS.value();
                safe = withFds ? start + total : start + total + SMALLEST_WITH_FDS;
            }
        }
        return (int) Math.min(buf.capacity(), safe);
    }

    /** The smallest message announcing descriptors: length word, header and the count. */
    private static final int SMALLEST_WITH_FDS = Limits.MESSAGE_LEN_MAX + Limits.MESSAGE_HEADER_MAX + 4;
    /** Where the type ends, from the length word on (length, program, version, procedure, type). */
    private static final int TYPE_END = 20;

    /** Makes space after the data for more bytes of a message of {@code need} bytes (length word included). */
    private void makeRoom(int need) {
        if (end < buf.capacity()) {
            return;
        }
        int data = end - start;
        if (start > 0 && need <= buf.capacity()) {
            // the message fits: move what is unconsumed to the front
            System.arraycopy(buf.array(), start, buf.array(), 0, data);
        } else {
            // the buffer is full of this message's bytes: double it, never past the message
            ByteBuffer bigger = ByteBuffer.allocate((int) Math.min(need, 2L * buf.capacity()));
            System.arraycopy(buf.array(), start, bigger.array(), 0, data);
            buf = bigger;
        }
        start = 0;
        end = data;
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
            throw new ProtocolException("packet " + len + " bytes received from server too large, want "
                    + maxMessage);
        }
        if (len < Limits.MESSAGE_HEADER_MAX) {
            throw new ProtocolException("Unable to decode message header");
        }
        return (int) len;
    }

    /** The largest buffer this reader holds now: never more than twice the bytes of a valid message received. */
    public int bufferCapacity() {
        return buf.capacity();
    }
}
