package org.jvirt.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.util.List;
import java.util.Random;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.remote.RemoteProtocol;
import org.jvirt.rpc.xdr.XdrType;
import org.junit.jupiter.api.Test;

/**
 * Random, mutated and truncated packets: the only failure allowed is libvirt's RPC error, and decoding a packet
 * never allocates much more than the packet's own size, whatever its lengths claim.
 */
class FuzzTest {
    private static final List<Procedure<?, ?>> PROCS = ProtocolRoundTripTest.allProcedures().toList();

    @SuppressWarnings("restriction")
    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    /** Decodes {@code wire} (length word first) as {@code p}'s args and result; true when it decoded. */
    private static boolean tryDecode(byte[] wire, Procedure<?, ?> p) {
        try {
            PacketReader reader = new PacketReader(1 << 20);
            Packet packet = reader.read(Channels.newChannel(new java.io.ByteArrayInputStream(wire)));
            if (packet == null) {
                return false;
            }
            packet.decode(p.args());
            return true;
        } catch (java.io.EOFException e) {
            return false;
        } catch (VirtException e) {
            assertThat(e.code()).as("only RPC errors: %s", e).isEqualTo(ErrorCode.RPC);
            return false;
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] validPacket(Procedure<?, ?> p, RandomValues values) {
        return PacketWriter.toBytes(new Header(p.program(), p.version(), p.number(), MessageType.CALL, 1,
                MessageStatus.OK), cast(p.args()), values.of(p.args()));
    }

    @SuppressWarnings("unchecked")
    private static XdrType<Object> cast(XdrType<?> t) {
        return (XdrType<Object>) t;
    }

    @Test
    void mutatedAndTruncatedPacketsFailOnlyWithProtocolErrors() {
        Random random = new Random(42);
        RandomValues values = new RandomValues(7);
        int decoded = 0;
        int rejected = 0;
        for (int i = 0; i < 20_000; i++) {
            Procedure<?, ?> p = PROCS.get(random.nextInt(PROCS.size()));
            byte[] wire = validPacket(p, values);
            switch (random.nextInt(4)) {
                case 0 -> { // flip bytes
                    for (int k = 0; k < 1 + random.nextInt(4); k++) {
                        wire[random.nextInt(wire.length)] = (byte) random.nextInt();
                    }
                }
                case 1 -> { // truncate, fixing the length word so the body is read and found short
                    int n = 28 + random.nextInt(Math.max(1, wire.length - 28));
                    wire = java.util.Arrays.copyOf(wire, n);
                    ByteBuffer.wrap(wire).putInt(0, n);
                }
                case 2 -> { // a hostile count where a length may sit
                    if (wire.length > 32) {
                        ByteBuffer.wrap(wire).putInt(28 + 4 * random.nextInt((wire.length - 28) / 4),
                                random.nextBoolean() ? 0x7fffffff : 0x00ffffff);
                    }
                }
                default -> { // random bytes after a valid length word
                    random.nextBytes(wire);
                    ByteBuffer.wrap(wire).putInt(0, wire.length);
                }
            }
            if (tryDecode(wire, p)) {
                decoded++;
            } else {
                rejected++;
            }
        }
        assertThat(decoded + rejected).isEqualTo(20_000);
        assertThat(rejected).isPositive();
    }

    @Test
    void hostileLengthsAllocateNoMoreThanThePacketHolds() {
        // DOMAIN_GET_ALL_DOMAIN_STATS ret: lists of lists of typed params, each count claiming its maximum
        ByteBuffer body = ByteBuffer.allocate(64);
        body.putInt(RemoteProtocol.REMOTE_DOMAIN_LIST_MAX);
        while (body.hasRemaining()) {
            body.putInt(0x7fffffff);
        }
        byte[] wire = ByteBuffer.allocate(4 + 24 + 64).putInt(92).putInt(RemoteProtocol.PROGRAM_NUMBER).putInt(1)
                .putInt(344).putInt(1).putInt(1).putInt(0).put(body.array()).array();
        tryDecode(wire, RemoteProtocol.CONNECT_GET_ALL_DOMAIN_STATS); // warm up
        long before = allocated();
        for (int i = 0; i < 100; i++) {
            Packet packet = Packet.parse(ByteBuffer.wrap(wire, 4, wire.length - 4));
            try {
                packet.decode(RemoteProtocol.CONNECT_GET_ALL_DOMAIN_STATS.ret());
                throw new AssertionError("decoded a hostile packet");
            } catch (ProtocolException expected) {
                // what must happen
            }
        }
        long perPacket = (allocated() - before) / 100;
        // the bookkeeping of one attempt (exception, views, a small list), never the 16384 × 16 MiB it claims
        assertThat(perPacket).isLessThan(64 * 1024);
    }

    @Test
    void lengthWordsAreCheckedBeforeTheBufferGrows() throws Exception {
        for (int bad : new int[] {0, 3, 27, Limits.MESSAGE_MAX + 5, -1, Integer.MIN_VALUE}) {
            PacketReader reader = new PacketReader();
            byte[] wire = ByteBuffer.allocate(8).putInt(bad).array();
            try {
                reader.read(Channels.newChannel(new java.io.ByteArrayInputStream(wire)));
                throw new AssertionError("accepted length " + bad);
            } catch (ProtocolException e) {
                assertThat(reader.bufferCapacity()).isEqualTo(Limits.MESSAGE_INITIAL);
            }
        }
        PacketReader reader = new PacketReader();
        try {
            reader.read(Channels.newChannel(new java.io.ByteArrayInputStream(
                    ByteBuffer.allocate(4).putInt(Limits.MESSAGE_MAX + 5).array())));
        } catch (ProtocolException e) {
            assertThat(e.getMessage()).isEqualTo("packet " + (Limits.MESSAGE_MAX + 1)
                    + " bytes received from server too large, want " + Limits.MESSAGE_MAX);
        }
    }
}
