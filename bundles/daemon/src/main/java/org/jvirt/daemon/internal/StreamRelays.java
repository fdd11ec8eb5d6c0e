package org.jvirt.daemon.internal;

import java.nio.ByteBuffer;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.Stream;
import org.jvirt.api.StreamRecvFlag;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.Limits;
import org.jvirt.rpc.transport.RpcStream;
import org.jvirt.rpc.transport.StreamEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client's streams (libvirtd's daemonClientStream): each joins a stream of the API (a volume's upload or
 * download, a console, a screenshot) to the call's stream on the wire, from a thread of its own per direction.
 * Data and holes go across as they come; the end of one side finishes the other; a failure aborts both, the client
 * hearing the error. When the client goes, its streams are aborted.
 */
final class StreamRelays {
    private static final Logger LOG = LoggerFactory.getLogger(StreamRelays.class);
    private static final Set<StreamRecvFlag> STOP_AT_HOLE = Set.of(StreamRecvFlag.STOP_AT_HOLE);

    private final ClientSession session;
    private final Set<Relay> live = ConcurrentHashMap.newKeySet();

    StreamRelays(ClientSession session) {
        this.session = session;
    }

    /** The two ends of one stream, and whether it is still going. */
    private final class Relay {
        final RpcStream wire;
        final Stream api;
        final AtomicBoolean done = new AtomicBoolean();

        Relay(RpcStream wire, Stream api) {
            this.wire = wire;
            this.api = api;
        }

        /** Ends the relay: on failure both sides abort, the client told why. */
        void end(VirtException failure) {
            if (!done.compareAndSet(false, true)) {
                return;
            }
            live.remove(this);
            if (failure != null) {
                try {
                    api.abort();
                } catch (RuntimeException e) {
                    LOG.debug("{}: aborting a stream: {}", session.client().name(), e.toString());
                }
                try {
                    wire.abort(failure);
                } catch (RuntimeException e) {
                    LOG.debug("{}: aborting a stream on the wire: {}", session.client().name(), e.toString());
                }
            }
        }
    }

    /**
     * Relays {@code api} and {@code wire}, starting now (call it once the call's reply is out): data from the API to
     * the client when {@code toClient}, from the client to the API when {@code fromClient}; {@code sparse} keeps
     * holes as holes on the way to the client.
     */
    void start(RpcStream wire, Stream api, boolean toClient, boolean fromClient, boolean sparse) {
        Relay r = new Relay(wire, api);
        live.add(r);
        String name = "jvirt-daemon-stream-" + session.client().name() + "-" + wire.serial();
        if (toClient) {
            thread(name + (fromClient ? "-out" : ""), () -> toClient(r, sparse, !fromClient));
        }
        if (fromClient) {
            thread(name + (toClient ? "-in" : ""), () -> fromClient(r));
        }
    }

    private static void thread(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
    }

    private void toClient(Relay r, boolean sparse, boolean finishes) {
        byte[] buf = new byte[Limits.MESSAGE_LEGACY_PAYLOAD_MAX];
        try {
            while (!r.done.get()) {
                int n = sparse ? r.api.recv(buf, 0, buf.length, STOP_AT_HOLE) : r.api.recv(buf, 0, buf.length);
                if (n == 0) {
                    if (finishes) {
                        r.api.finish();
                    }
                    r.wire.finish();
                    if (finishes) {
                        r.end(null);
                    }
                    return;
                }
                if (n == Stream.AT_HOLE) {
                    r.wire.sendHole(r.api.recvHole());
                } else if (n > 0) {
                    r.wire.send(ByteBuffer.wrap(buf, 0, n));
                } else {
                    throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.STREAMS,
                            "the stream would block, but it was opened blocking");
                }
            }
        } catch (VirtException e) {
            r.end(e);
        } catch (RuntimeException e) {
            LOG.warn("{}: stream to the client failed", session.client().name(), e);
            r.end(new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.STREAMS, e.toString()));
        }
    }

    private void fromClient(Relay r) {
        try {
            while (!r.done.get()) {
                StreamEvent e = r.wire.receive();
                if (e instanceof StreamEvent.Data d) {
                    ByteBuffer b = d.bytes();
                    byte[] bytes = new byte[b.remaining()];
                    b.get(bytes);
                    int off = 0;
                    while (off < bytes.length) {
                        int n = r.api.send(bytes, off, bytes.length - off);
                        if (n < 0) {
                            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.STREAMS,
                                    "the stream would block, but it was opened blocking");
                        }
                        off += n;
                    }
                } else if (e instanceof StreamEvent.Hole h) {
                    r.api.sendHole(h.length());
                } else if (e instanceof StreamEvent.End) {
                    // the client finished: the API's side finishes, then the client hears it went well
                    r.api.finish();
                    r.wire.finish();
                    r.end(null);
                    return;
                } else if (e instanceof StreamEvent.Aborted) {
                    r.done.set(true);
                    live.remove(r);
                    r.api.abort();
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            r.end(new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.STREAMS, "stream interrupted"));
        } catch (VirtException e) {
            r.end(e);
        } catch (RuntimeException e) {
            LOG.warn("{}: stream from the client failed", session.client().name(), e);
            r.end(new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.STREAMS, e.toString()));
        }
    }

    /** The client went away: every stream it had is aborted on the API's side. */
    void abortAll() {
        for (Relay r : live) {
            r.end(new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.STREAMS, "the client went away"));
        }
    }

    int count() {
        return live.size();
    }
}
