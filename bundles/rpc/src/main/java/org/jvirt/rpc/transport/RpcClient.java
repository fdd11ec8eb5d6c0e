package org.jvirt.rpc.transport;

import java.nio.channels.ByteChannel;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.Header;
import org.jvirt.rpc.Limits;
import org.jvirt.rpc.MessageStatus;
import org.jvirt.rpc.MessageType;
import org.jvirt.rpc.Packet;
import org.jvirt.rpc.Procedure;
import org.jvirt.rpc.Program;
import org.jvirt.rpc.ProtocolException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client side of libvirt's protocol on one connection: calls with increasing serials, each reply matched to
 * its call and decoded on the reader thread, events decoded and handed to listeners on one event thread (in the
 * server's order), streams, keepalive. Thread-safe: many threads may call at once.
 */
public final class RpcClient extends RpcConnection {
    private static final Logger LOG = LoggerFactory.getLogger(RpcClient.class);
    /**
     * How long a client's socket, polled beneath its layers by whoever opens it ({@link BusyPollChannel#of}, with
     * {@code pollWhile(client::awaitingReplies)}), looks for an awaited reply before it sleeps (system property
     * {@code jvirt.rpc.client.busyPollMicros}; 0, the default, sleeps at once: against libvirtd polling measured no
     * gain, docs/performance.md). See {@link BusyPollChannel}.
     */
    public static final int BUSY_POLL_MICROS = Integer.getInteger("jvirt.rpc.client.busyPollMicros", 0);

    private final AtomicInteger serials = new AtomicInteger(1);
    private final Map<Integer, Pending<?>> pending = new ConcurrentHashMap<>();
    private final Map<Integer, RpcStream> streams = new ConcurrentHashMap<>();
    private final Map<Integer, Program> programs = new ConcurrentHashMap<>();
    private final Map<Integer, EventListener> listeners = new ConcurrentHashMap<>();
    private final ExecutorService events;
    private final java.util.Queue<CompletableFuture<Void>> pongs = new java.util.concurrent.ConcurrentLinkedQueue<>();

    private record Pending<R>(Procedure<?, R> procedure, CompletableFuture<R> result) {
    }

    private RpcClient(String name, ByteChannel channel, int maxMessage) {
        super(name, channel, maxMessage);
        ThreadPoolExecutor ex = new ThreadPoolExecutor(0, 1, 5, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "jvirt-rpc-events-" + name);
            t.setDaemon(true);
            return t;
        });
        this.events = ex;
    }

    /** A client on a connected channel; its reader starts at once. */
    public static RpcClient open(String name, ByteChannel channel) {
        return open(name, channel, Limits.MESSAGE_MAX);
    }

    public static RpcClient open(String name, ByteChannel channel, int maxMessage) {
        RpcClient c = new RpcClient(name, channel, maxMessage);
        c.startReading("client");
        return c;
    }

    /** Whether a call sent is still waiting for its reply (a reader may then expect a message soon). */
    public boolean awaitingReplies() {
        return !pending.isEmpty();
    }

    /** Lets events of {@code program} be decoded and given to {@code listener}. */
    public void onEvents(Program program, EventListener listener) {
        programs.put(program.number(), program);
        listeners.put(program.number(), listener);
    }

    /** Calls a procedure and waits for its result; a failed reply throws the server's error. */
    public <A, R> R call(Procedure<A, R> procedure, A args) {
        return await(callAsync(procedure, args), null);
    }

    /** As {@link #call(Procedure, Object)}, failing with libvirt's timeout error after {@code timeout}. */
    public <A, R> R call(Procedure<A, R> procedure, A args, Duration timeout) {
        return await(callAsync(procedure, args), timeout);
    }

    /** Sends a call; the future completes with the result or the server's error. */
    public <A, R> CompletableFuture<R> callAsync(Procedure<A, R> procedure, A args) {
        int serial = nextSerial();
        CompletableFuture<R> f = new CompletableFuture<>();
        pending.put(serial, new Pending<>(procedure, f));
        try {
            send(new Header(procedure.program(), procedure.version(), procedure.number(), MessageType.CALL, serial,
                    MessageStatus.OK), procedure.args(), args);
        } catch (VirtException e) {
            pending.remove(serial);
            f.completeExceptionally(e);
        }
        return f;
    }

    /**
     * Calls a procedure handing the server open files, as libvirt's client does: none makes a plain call; otherwise
     * copies of the files are taken first (a bad one fails with libvirt's error, nothing sent), the call goes out
     * as CALL_WITH_FDS with its count, each file follows beside a byte of its own, and the copies are closed. A
     * connection that is not on a unix socket cannot carry them: libvirt's error, and the connection closes.
     */
    public <A, R> R callWithFiles(Procedure<A, R> procedure, A args, java.util.List<java.io.FileDescriptor> files) {
        if (files.isEmpty()) {
            return call(procedure, args);
        }
        if (files.size() > org.jvirt.rpc.Limits.MESSAGE_NUM_FDS_MAX) {
            throw new VirtException(ErrorCode.RPC, ErrorDomain.RPC, "Too many FDs to send " + files.size()
                    + ", expected " + org.jvirt.rpc.Limits.MESSAGE_NUM_FDS_MAX + " maximum");
        }
        int[] copies = FilePassing.duplicate(files);
        int serial = nextSerial();
        CompletableFuture<R> f = new CompletableFuture<>();
        pending.put(serial, new Pending<>(procedure, f));
        try {
            sendWithFiles(new Header(procedure.program(), procedure.version(), procedure.number(),
                    MessageType.CALL_WITH_FDS, serial, MessageStatus.OK), procedure.args(), args, copies);
        } catch (VirtException e) {
            pending.remove(serial);
            throw e;
        } finally {
            FilePassing.close(copies);
        }
        return await(f, null);
    }

    /** Lets calls on this connection hand the server open files ({@code passing}: its unix socket's). */
    public void sendFilesOn(FilePassing passing) {
        carryFiles(passing, false);
    }

    /**
     * Calls a procedure that opens a stream (@readstream/@writestream): the stream is registered before the call
     * goes out, so no stream packet can arrive before it. The call's result is waited for.
     */
    public <A, R> StreamCall<R> callWithStream(Procedure<A, R> procedure, A args) {
        int serial = nextSerial();
        Header h = new Header(procedure.program(), procedure.version(), procedure.number(), MessageType.CALL, serial,
                MessageStatus.OK);
        RpcStream stream = new RpcStream(this, h, false, () -> streams.remove(serial));
        streams.put(serial, stream);
        CompletableFuture<R> f = new CompletableFuture<>();
        pending.put(serial, new Pending<>(procedure, f));
        try {
            send(h, procedure.args(), args);
            return new StreamCall<>(await(f, null), stream);
        } catch (VirtException e) {
            pending.remove(serial);
            streams.remove(serial);
            throw e;
        }
    }

    /** A stream call's result and its stream. */
    public record StreamCall<R>(R result, RpcStream stream) {
    }

    /** Sends a keepalive PING; the future completes when a PONG arrives. */
    public CompletableFuture<Void> ping() {
        CompletableFuture<Void> f = new CompletableFuture<>();
        pongs.add(f);
        sendPing();
        return f;
    }

    @Override
    protected void keepaliveReceived(int procedure) {
        if (procedure == org.jvirt.rpc.KeepaliveProtocol.PONG.number()) {
            CompletableFuture<Void> f = pongs.poll();
            if (f != null) {
                f.complete(null);
            }
        }
    }

    private int nextSerial() {
        return serials.getAndIncrement();
    }

    private static <R> R await(CompletableFuture<R> f, Duration timeout) {
        try {
            return timeout == null ? f.get() : f.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof VirtException v) {
                // the error as the server sent it, raised in the caller's thread
                throw v instanceof ProtocolException p ? p : copy(v);
            }
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC, String.valueOf(c), c);
        } catch (TimeoutException e) {
            f.cancel(false);
            throw new VirtException(ErrorCode.OPERATION_TIMEOUT, ErrorDomain.RPC, "no reply within " + timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC, "interrupted waiting for a reply");
        }
    }

    private static VirtException copy(VirtException v) {
        return VirtException.withMessage(v.code(), v.domain(), v.getMessage());
    }

    @Override
    protected void handle(Packet p) {
        Header h = p.header();
        switch (h.type()) {
            case REPLY, REPLY_WITH_FDS -> reply(p);
            case MESSAGE -> event(p);
            case STREAM, STREAM_HOLE -> {
                RpcStream s = streams.get(h.serial());
                if (s == null) {
                    LOG.debug("{}: stream packet for unknown serial {}", name(), h.serial());
                } else {
                    s.deliver(p);
                }
            }
            default -> throw new ProtocolException("Unexpected message type " + h.type().value());
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void reply(Packet p) {
        Pending pend = pending.remove(p.header().serial());
        if (pend == null) {
            LOG.debug("{}: reply for unknown serial {}", name(), p.header().serial());
            return;
        }
        if (p.header().status() == MessageStatus.ERROR) {
            pend.result().completeExceptionally(p.error().toException());
            RpcStream s = streams.remove(p.header().serial());
            if (s != null) {
                s.connectionClosed(p.error().toException());
            }
            return;
        }
        try {
            pend.result().complete(p.decode(pend.procedure().ret()));
        } catch (VirtException e) {
            pend.result().completeExceptionally(e);
        }
    }

    private void event(Packet p) {
        Header h = p.header();
        Program program = programs.get(h.program());
        EventListener l = listeners.get(h.program());
        Procedure<?, ?> proc = program == null ? null : program.procedure(h.procedure());
        if (l == null || proc == null || !proc.event()) {
            LOG.debug("{}: event {} of program 0x{} not listened to", name(), h.procedure(),
                    Integer.toHexString(h.program()));
            return;
        }
        Object body = p.decode(proc.args());
        events.execute(() -> {
            try {
                l.event(proc, body);
            } catch (RuntimeException e) {
                LOG.warn("{}: an event listener failed on {}", name(), proc, e);
            }
        });
    }

    @Override
    protected void closed(VirtException reason) {
        for (Integer serial : pending.keySet()) {
            Pending<?> p = pending.remove(serial);
            if (p != null) {
                p.result().completeExceptionally(reason);
            }
        }
        for (RpcStream s : streams.values()) {
            s.connectionClosed(reason);
        }
        streams.clear();
        for (CompletableFuture<Void> f; (f = pongs.poll()) != null; ) {
            f.completeExceptionally(reason);
        }
        events.shutdown();
    }
}
