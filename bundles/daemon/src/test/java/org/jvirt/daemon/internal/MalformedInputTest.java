package org.jvirt.daemon.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jvirt.daemon.probe.BenignArgs;
import org.jvirt.rpc.Header;
import org.jvirt.rpc.MessageStatus;
import org.jvirt.rpc.MessageType;
import org.jvirt.rpc.PacketWriter;
import org.jvirt.rpc.Procedure;
import org.jvirt.rpc.remote.RemoteProtocol;
import org.jvirt.rpc.transport.RpcClient;
import org.jvirt.rpc.transport.Transports;
import org.jvirt.rpc.xdr.XdrType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile input from many connections at once: 100,000 packets with bad lengths, unknown programs and procedures,
 * truncated or mutated XDR, oversize strings and lists, random bodies, unsolicited stream and event packets, while
 * other connections send half a packet and wait. Every call is answered (an error, or by chance a result) or its
 * connection is closed; a well-behaved client is served all along; the heap stays bounded; every connection that
 * went away is gone from the server.
 */
class MalformedInputTest {
    private static final int PACKETS = 100_000;
    private static final int SENDERS = 12;
    private static final int STALLED = 40;
    private static final Duration ANSWER_BOUND = Duration.ofSeconds(20);
    /** Heap growth allowed, after collection, for 100,000 packets: the receive buffers grow only with bytes sent. */
    private static final long HEAP_BOUND = 96L << 20;

    @TempDir
    Path home;

    /** The kinds of hostile packet, and what must follow: a reply to its serial, or possibly a close. */
    enum Kind {
        BAD_LENGTH, UNKNOWN_PROGRAM, UNKNOWN_PROCEDURE, WRONG_VERSION, TRUNCATED, MUTATED, OVERSIZE_COUNT,
        RANDOM_BODY, UNSOLICITED_STREAM, UNSOLICITED_EVENT, VALID
    }

    private final Map<Kind, AtomicLong> answered = new ConcurrentHashMap<>();
    private final Map<Kind, AtomicLong> closed = new ConcurrentHashMap<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final List<Procedure<?, ?>> calls = RemoteProtocol.PROGRAM.procedures().stream()
            .filter(p -> !p.event()).toList();

    @Test
    void hostilePacketsFromManyConnections() throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        try (TestDaemon d = TestDaemon.start(home)) {
            int port = d.tcpPort;
            // a first round trip builds what every later call shares (codecs, the test driver's state)
            goodClientRound(d);
            System.gc();
            long heapBefore = memory.getHeapMemoryUsage().getUsed();

            List<Socket> stalled = new ArrayList<>();
            for (int i = 0; i < STALLED; i++) {
                Socket s = new Socket("127.0.0.1", port);
                // announce 32 MiB, send a little of it, then nothing more
                ByteBuffer b = ByteBuffer.allocate(4 + 24 + 1000).putInt(4 + (32 << 20) - 4);
                b.putInt(RemoteProtocol.PROGRAM_NUMBER).putInt(1).putInt(3).putInt(0).putInt(i).putInt(0);
                s.getOutputStream().write(b.array());
                stalled.add(s);
            }

            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger goodCalls = new AtomicInteger();
            Thread good = new Thread(() -> {
                while (!stop.get()) {
                    try {
                        goodClientRound(d);
                        goodCalls.incrementAndGet();
                    } catch (RuntimeException e) {
                        failures.add("the good client failed: " + e);
                        return;
                    }
                }
            }, "good-client");
            good.start();

            AtomicInteger left = new AtomicInteger(PACKETS);
            ExecutorService pool = Executors.newFixedThreadPool(SENDERS);
            List<Future<?>> fs = new ArrayList<>();
            for (int t = 0; t < SENDERS; t++) {
                long seed = 1000L + t;
                fs.add(pool.submit(() -> {
                    sender(port, new Random(seed), left);
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.get(10, TimeUnit.MINUTES);
            }
            pool.shutdown();
            stop.set(true);
            good.join(60_000);

            assertThat(failures).isEmpty();
            assertThat(goodCalls.get()).as("rounds of the good client during the storm").isPositive();
            long total = 0;
            for (Kind k : Kind.values()) {
                total += answered.getOrDefault(k, new AtomicLong()).get() + closed.getOrDefault(k, new AtomicLong()).get();
            }
            assertThat(total).isEqualTo(PACKETS);
            // an answer for what is answerable, a close for a bad length
            assertThat(answered.get(Kind.UNKNOWN_PROGRAM).get()).isPositive();
            assertThat(closed.get(Kind.BAD_LENGTH).get()).isPositive();
            assertThat(answered.getOrDefault(Kind.BAD_LENGTH, new AtomicLong()).get()).isZero();

            System.gc();
            long heapAfter = memory.getHeapMemoryUsage().getUsed();
            assertThat(heapAfter - heapBefore).as("heap growth after %d packets", PACKETS).isLessThan(HEAP_BOUND);

            // the half packets are still waiting, their connections open; once closed, the server lets them go
            assertThat(d.daemon.server().clients().size()).isGreaterThanOrEqualTo(STALLED);
            for (Socket s : stalled) {
                s.close();
            }
            long until = System.nanoTime() + ANSWER_BOUND.toNanos();
            while (!d.daemon.server().clients().isEmpty() && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            assertThat(d.daemon.server().clients()).isEmpty();
        }
    }

    private static void goodClientRound(TestDaemon d) {
        try (RpcClient c = RpcClient.open("good", Transports.connectTcp("127.0.0.1", d.tcpPort))) {
            c.call(RemoteProtocol.CONNECT_OPEN, new RemoteProtocol.ConnectOpenArgs("test:///default", 0));
            for (int i = 0; i < 20; i++) {
                var dom = c.call(RemoteProtocol.DOMAIN_LOOKUP_BY_NAME,
                        new RemoteProtocol.DomainLookupByNameArgs("test")).dom();
                var info = c.call(RemoteProtocol.DOMAIN_GET_INFO, new RemoteProtocol.DomainGetInfoArgs(dom));
                if (info.nrVirtCpu() != 2) {
                    throw new IllegalStateException("wrong answer " + info);
                }
            }
            c.call(RemoteProtocol.CONNECT_CLOSE, null);
        }
    }

    private void sender(int port, Random random, AtomicInteger left) throws IOException {
        Socket s = null;
        int serial = 0;
        BenignArgs filled = new BenignArgs(BenignArgs.testDriverObjects(new byte[16]), 0, true);
        while (left.getAndDecrement() > 0) {
            if (s == null) {
                s = new Socket("127.0.0.1", port);
                s.setSoTimeout((int) ANSWER_BOUND.toMillis());
                s.setTcpNoDelay(true);
            }
            Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
            serial++;
            byte[] packet = packet(kind, random, serial, filled);
            try {
                OutputStream out = s.getOutputStream();
                out.write(packet);
                if (kind == Kind.UNSOLICITED_STREAM || kind == Kind.UNSOLICITED_EVENT) {
                    // no answer to these by the protocol: a call after them must still be answered
                    serial++;
                    out.write(call(RemoteProtocol.AUTH_LIST, serial, null));
                }
                if (awaitReply(s.getInputStream(), serial, kind)) {
                    answered.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
                } else {
                    closed.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
                    s.close();
                    s = null;
                }
            } catch (SocketTimeoutException e) {
                failures.add(kind + ": no answer and the connection still open");
                s.close();
                s = null;
            } catch (IOException e) {
                // the server closed while we wrote: a close is an allowed outcome
                closed.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
                s.close();
                s = null;
            }
        }
        if (s != null) {
            s.close();
        }
    }

    /** Reads until the reply to {@code serial}; false when the server closed the connection. */
    private boolean awaitReply(InputStream in, int serial, Kind kind) throws IOException {
        DataInputStream data = new DataInputStream(in);
        while (true) {
            int len;
            try {
                len = data.readInt();
            } catch (EOFException e) {
                return false;
            } catch (java.net.SocketException e) {
                return false;
            }
            byte[] body = new byte[len - 4];
            try {
                data.readFully(body);
            } catch (EOFException e) {
                return false;
            }
            ByteBuffer h = ByteBuffer.wrap(body);
            int prog = h.getInt();
            h.getInt();
            h.getInt();
            int type = h.getInt();
            int replySerial = h.getInt();
            if (type == MessageType.REPLY.value() && replySerial == serial) {
                return true;
            }
            if (prog != RemoteProtocol.PROGRAM_NUMBER && prog != 0x6b656570 && type == MessageType.REPLY.value()) {
                // replies to an unknown program carry the program as sent
                if (replySerial == serial) {
                    return true;
                }
            }
            if (type != MessageType.REPLY.value() && type != MessageType.MESSAGE.value()) {
                failures.add(kind + ": unexpected packet type " + type);
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private byte[] packet(Kind kind, Random r, int serial, BenignArgs filled) {
        Procedure p = calls.get(r.nextInt(calls.size()));
        switch (kind) {
            case BAD_LENGTH -> {
                int[] lengths = {0, 3, 27, -1, Integer.MIN_VALUE, (32 << 20) + 5, 0x7fffffff};
                return ByteBuffer.allocate(4).putInt(lengths[r.nextInt(lengths.length)]).array();
            }
            case UNKNOWN_PROGRAM -> {
                return raw(0x12345678 + r.nextInt(1000), 1, 1, MessageType.CALL.value(), serial, new byte[0]);
            }
            case UNKNOWN_PROCEDURE -> {
                return raw(RemoteProtocol.PROGRAM_NUMBER, 1, 500 + r.nextInt(100000), MessageType.CALL.value(),
                        serial, new byte[0]);
            }
            case WRONG_VERSION -> {
                return raw(RemoteProtocol.PROGRAM_NUMBER, 2 + r.nextInt(10), p.number(), MessageType.CALL.value(),
                        serial, new byte[0]);
            }
            case TRUNCATED -> {
                byte[] whole = call(p, serial, filled.of(p.args()));
                int keep = 28 + (whole.length > 28 ? r.nextInt(whole.length - 28) : 0);
                byte[] cut = java.util.Arrays.copyOf(whole, keep);
                ByteBuffer.wrap(cut).putInt(0, keep);
                return p.args() == org.jvirt.rpc.xdr.Xdr.VOID ? raw(RemoteProtocol.PROGRAM_NUMBER, 1, p.number(),
                        MessageType.CALL.value(), serial, new byte[] {0, 0, 0, 1}) : cut;
            }
            case MUTATED -> {
                byte[] whole = call(p, serial, filled.of(p.args()));
                for (int i = 0; i < 1 + r.nextInt(4); i++) {
                    if (whole.length > 28) {
                        whole[28 + r.nextInt(whole.length - 28)] ^= (byte) (1 + r.nextInt(255));
                    }
                }
                return whole;
            }
            case OVERSIZE_COUNT -> {
                // a string or list count far past its bound, with nothing behind it
                byte[] body = ByteBuffer.allocate(8).putInt(0x7ffffff0 - r.nextInt(100)).putInt(0).array();
                return raw(RemoteProtocol.PROGRAM_NUMBER, 1, RemoteProtocol.DOMAIN_LOOKUP_BY_NAME.number(),
                        MessageType.CALL.value(), serial, body);
            }
            case RANDOM_BODY -> {
                byte[] body = new byte[r.nextInt(512)];
                r.nextBytes(body);
                return raw(RemoteProtocol.PROGRAM_NUMBER, 1, p.number(), MessageType.CALL.value(), serial, body);
            }
            case UNSOLICITED_STREAM -> {
                return raw(RemoteProtocol.PROGRAM_NUMBER, 1, RemoteProtocol.STORAGE_VOL_UPLOAD.number(),
                        MessageType.STREAM.value(), serial + 100000, new byte[64]);
            }
            case UNSOLICITED_EVENT -> {
                return raw(0x7a7a7a7a, 1, 1, MessageType.MESSAGE.value(), 1, new byte[16]);
            }
            default -> {
                return call(RemoteProtocol.AUTH_LIST, serial, null);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> byte[] call(Procedure<T, ?> p, int serial, Object args) {
        return PacketWriter.toBytes(new Header(p.program(), p.version(), p.number(), MessageType.CALL, serial,
                MessageStatus.OK), (XdrType<T>) p.args(), (T) args);
    }

    private static byte[] raw(int prog, int vers, int proc, int type, int serial, byte[] body) {
        ByteBuffer b = ByteBuffer.allocate(28 + body.length);
        b.putInt(28 + body.length).putInt(prog).putInt(vers).putInt(proc).putInt(type).putInt(serial).putInt(0)
                .put(body);
        return b.array();
    }
}
