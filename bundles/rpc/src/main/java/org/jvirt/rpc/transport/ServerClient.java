package org.jvirt.rpc.transport;

import java.nio.channels.ByteChannel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.Header;
import org.jvirt.rpc.MessageStatus;
import org.jvirt.rpc.MessageType;
import org.jvirt.rpc.NetError;
import org.jvirt.rpc.Packet;
import org.jvirt.rpc.Procedure;
import org.jvirt.rpc.Priority;
import org.jvirt.rpc.ProtocolException;
import org.jvirt.rpc.StreamDirection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client of a server: its calls are decoded on its reader thread and answered on the server's workers. At
 * most {@code maxClientRequests} calls run at once per client; past that the reader stops reading (as libvirtd
 * does) until one finishes. A call that cannot be decoded gets an error reply; the connection goes on.
 */
public final class ServerClient extends RpcConnection {
    private static final Logger LOG = LoggerFactory.getLogger(ServerClient.class);

    private final RpcServer server;
    private final ServerConfig config;
    private final Semaphore requests;
    private final Map<Integer, RpcStream> streams = new ConcurrentHashMap<>();
    private final Map<String, Object> attributes = new ConcurrentHashMap<>();

    ServerClient(RpcServer server, String name, ByteChannel channel, ServerConfig config) {
        super(name, channel, config.maxMessage());
        this.server = server;
        this.config = config;
        int maxRequests = Math.max(1, config.maxClientRequests());
        this.requests = new Semaphore(maxRequests);
        if (channel instanceof BusyPollChannel polled) {
            // a client waiting for a worker's reply sends nothing meanwhile: the worker needs the processor more
            polled.pollWhile(() -> requests.availablePermits() == maxRequests);
        }
    }

    void start() {
        startReading("server");
    }

    /** What the daemon keeps per client (its connection to the API, its event callbacks …). */
    public Map<String, Object> attributes() {
        return attributes;
    }

    /** Sends an event: a MESSAGE packet with serial 1, as libvirtd sends them. */
    public <M> void sendEvent(Procedure<M, ?> event, M body) {
        send(new Header(event.program(), event.version(), event.number(), MessageType.MESSAGE, 1, MessageStatus.OK),
                event.args(), body);
    }

    /** Starts keepalive with this server's interval and count (a client asked for it); off when the interval is not positive. */
    public void startKeepalive() {
        if (config.keepaliveInterval() > 0) {
            startKeepalive(config.keepaliveInterval(), config.keepaliveCount());
        }
    }

    RpcStream openStream(Header call) {
        RpcStream s = new RpcStream(this, call, true, () -> streams.remove(call.serial()));
        streams.put(call.serial(), s);
        return s;
    }

    @Override
    protected void handle(Packet p) {
        Header h = p.header();
        switch (h.type()) {
            case CALL -> call(p, ReceivedFiles.NONE);
            case STREAM, STREAM_HOLE -> {
                RpcStream s = streams.get(h.serial());
                if (s != null) {
                    s.deliver(p);
                } else {
                    LOG.debug("{}: stream packet for unknown serial {}", name(), h.serial());
                }
            }
            case CALL_WITH_FDS -> call(p, ReceivedFiles.NONE);
            default -> throw new ProtocolException("Unexpected message type " + h.type().value());
        }
    }

    @Override
    protected void handle(Packet p, ReceivedFiles files) {
        if (p.header().type() == MessageType.CALL_WITH_FDS) {
            call(p, files);
        } else {
            super.handle(p, files);
        }
    }

    /**
     * Takes in files that arrive with calls on this client's unix socket ({@code passing}), before it starts:
     * reading up to descriptors from the first read on, or ({@code onRequest}) only once
     * {@link #expectFiles()} is called.
     */
    void receiveFilesOn(FilePassing passing, boolean onRequest) {
        carryFiles(passing, !onRequest);
    }

    /**
     * This client is about to pass files (it asked whether the server takes them): reads stop short of
     * descriptors from the next one on. Call it from a call answered on the reader thread (an inline procedure),
     * before its reply; it does nothing on a connection that carries no files (TCP).
     */
    public void expectFiles() {
        readUpToDescriptors();
    }

    /** A call; its files are closed once it is answered (or refused). */
    private void call(Packet p, ReceivedFiles files) {
        boolean handedOn = false;
        try {
            handedOn = dispatchCall(p, files);
        } finally {
            if (!handedOn) {
                files.close();
            }
        }
    }

    /** Whether the call went to a worker, which then closes its files. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private boolean dispatchCall(Packet p, ReceivedFiles files) {
        Header h = p.header();
        ServerProgram prog = server.program(h.program());
        if (prog == null || prog.program().version() != h.version()) {
            replyError(h, new VirtException(ErrorCode.RPC, ErrorDomain.RPC,
                    "Cannot find program " + h.program() + " version " + h.version()));
            return false;
        }
        Procedure proc = prog.program().procedure(h.procedure());
        CallHandler handler = proc == null || proc.event() ? null : prog.handler(h.procedure());
        if (handler == null) {
            replyError(h, new VirtException(ErrorCode.RPC, ErrorDomain.RPC, "unknown procedure: " + h.procedure()));
            return false;
        }
        Object args;
        try {
            args = p.decode(proc.args());
        } catch (VirtException e) {
            replyError(h, e);
            return false;
        }
        ServerCall call = new ServerCall(this, h, proc, files);
        if (prog.isInline(h.procedure())
                || config.inlinePriority() && proc.priority() == Priority.HIGH && proc.stream() == StreamDirection.NONE) {
            // quick calls are answered here: no hand-over to a worker, no wake-up; the next packet waits for it
            answer(call, handler, args);
            return false;
        }
        try {
            requests.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        server.dispatch(proc, () -> {
            try {
                answer(call, handler, args);
            } finally {
                files.close();
                requests.release();
            }
        });
        return true;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void answer(ServerCall call, CallHandler handler, Object args) {
        Header h = call.header();
        Procedure proc = call.procedure();
        try {
            Object ret = handler.handle(call, args);
            if (isOpen()) {
                send(h.with(MessageType.REPLY, MessageStatus.OK), proc.ret(), ret);
                runAfterReply(call);
            }
        } catch (VirtException e) {
            replyError(h, e);
        } catch (RuntimeException e) {
            LOG.warn("{}: {} failed", name(), proc, e);
            replyError(h, new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC,
                    "unexpected failure in " + proc.name()));
        }
        if (call.closesAfterReply()) {
            closeWith(new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC, "client closed the connection"));
        }
    }

    private void runAfterReply(ServerCall call) {
        Runnable after = call.afterReplyAction();
        if (after != null) {
            try {
                after.run();
            } catch (RuntimeException e) {
                // the reply is out: what followed it failing closes the client rather than answer twice
                LOG.warn("{}: after the reply to {}: {}", name(), call.procedure(), e.toString(), e);
                closeWith(new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC, e.getMessage()));
            }
        }
    }

    private void replyError(Header h, VirtException e) {
        if (isOpen()) {
            try {
                send(h.with(MessageType.REPLY, MessageStatus.ERROR), NetError.XDR, NetError.of(e));
            } catch (VirtException ignored) {
                LOG.debug("{}: error reply not sent: {}", name(), ignored.getMessage());
            }
        }
    }

    @Override
    protected void closed(VirtException reason) {
        for (RpcStream s : streams.values()) {
            s.connectionClosed(reason);
        }
        streams.clear();
        server.clientClosed(this);
    }
}
