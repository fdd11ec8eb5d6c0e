package org.jvirt.rpc.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.remote.RemoteProtocol;
import org.jvirt.rpc.remote.RemoteProtocol.*;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** jvirt's client against jvirt's server core: calls, errors, events, streams, limits, keepalive. */
class ClientServerTest {
    private static final NonnullDomain VM = new NonnullDomain("vm", new byte[16], 1);

    @TempDir
    Path tmp;

    private RpcServer server;
    private Path socket;
    private final BlockingQueue<ByteBuffer> uploaded = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() throws Exception {
        ServerProgram remote = new ServerProgram(RemoteProtocol.PROGRAM)
                .on(RemoteProtocol.DOMAIN_LOOKUP_BY_NAME, (call, args) -> {
                    if (!args.name().equals("vm")) {
                        throw new VirtException(ErrorCode.NO_DOMAIN, ErrorDomain.TEST,
                                "no domain with matching name '" + args.name() + "'");
                    }
                    return new DomainLookupByNameRet(VM);
                })
                .on(RemoteProtocol.DOMAIN_SUSPEND, (call, args) -> {
                    call.client().sendEvent(RemoteProtocol.DOMAIN_EVENT_CALLBACK_LIFECYCLE,
                            new DomainEventCallbackLifecycleMsg(7, new DomainEventLifecycleMsg(args.dom(), 3, 0)));
                    return null;
                })
                .on(RemoteProtocol.STORAGE_VOL_DOWNLOAD, (call, args) -> {
                    RpcStream s = call.openStream();
                    // the data goes out after the reply, from another thread, as a daemon's would
                    Thread t = new Thread(() -> {
                        s.send(ByteBuffer.wrap(new byte[300_000]));
                        s.sendHole(1 << 20);
                        s.send(ByteBuffer.wrap("tail".getBytes()));
                        s.finish();
                    }, "test-download");
                    t.setDaemon(true);
                    t.start();
                    return null;
                })
                .on(RemoteProtocol.STORAGE_VOL_UPLOAD, (call, args) -> {
                    RpcStream s = call.openStream();
                    Thread t = new Thread(() -> {
                        try {
                            for (StreamEvent e = s.receive(); ; e = s.receive()) {
                                if (e instanceof StreamEvent.Data d) {
                                    uploaded.add(d.bytes());
                                } else if (e instanceof StreamEvent.End) {
                                    s.finish();
                                    return;
                                } else {
                                    return;
                                }
                            }
                        } catch (InterruptedException ex) {
                            Thread.currentThread().interrupt();
                        }
                    }, "test-upload");
                    t.setDaemon(true);
                    t.start();
                    return null;
                });
        // the daemon's way of reading its clients (polling briefly before sleeping), under every case below
        server = new RpcServer(ServerConfig.defaults().withMaxMessage(1 << 20).withBusyPoll(200)).addProgram(remote);
        socket = tmp.resolve("sock");
        server.listen(Transports.listenUnix(socket));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private RpcClient client() {
        return RpcClient.open("test", Transports.connectUnix(socket));
    }

    @Test
    void callsRepliesAndErrors() {
        try (RpcClient c = client()) {
            assertThat(c.call(RemoteProtocol.DOMAIN_LOOKUP_BY_NAME, new DomainLookupByNameArgs("vm")).dom().name())
                    .isEqualTo("vm");
            assertThatThrownBy(() -> c.call(RemoteProtocol.DOMAIN_LOOKUP_BY_NAME, new DomainLookupByNameArgs("x")))
                    .isInstanceOfSatisfying(VirtException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.NO_DOMAIN);
                        assertThat(e.domain()).isEqualTo(ErrorDomain.TEST);
                        assertThat(e.getMessage()).isEqualTo("Domain not found: no domain with matching name 'x'");
                    });
            assertThatThrownBy(() -> c.call(RemoteProtocol.CONNECT_GET_URI, null))
                    .isInstanceOfSatisfying(VirtException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.RPC);
                        assertThat(e.getMessage()).isEqualTo("unknown procedure: 110");
                    });
            assertThat(c.ping()).succeedsWithin(Duration.ofSeconds(5));
        }
    }

    @Test
    void manyThreadsShareOneConnection() throws Exception {
        try (RpcClient c = client()) {
            List<Thread> threads = new ArrayList<>();
            List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
            for (int t = 0; t < 8; t++) {
                Thread th = new Thread(() -> {
                    for (int i = 0; i < 200; i++) {
                        try {
                            c.call(RemoteProtocol.DOMAIN_LOOKUP_BY_NAME, new DomainLookupByNameArgs("vm"));
                        } catch (Throwable e) {
                            failures.add(e);
                        }
                    }
                });
                threads.add(th);
                th.start();
            }
            for (Thread th : threads) {
                th.join();
            }
            assertThat(failures).isEmpty();
        }
    }

    @Test
    void eventsArriveInOrder() throws Exception {
        BlockingQueue<Object> events = new LinkedBlockingQueue<>();
        try (RpcClient c = client()) {
            c.onEvents(RemoteProtocol.PROGRAM, (proc, body) -> events.add(body));
            for (int i = 0; i < 20; i++) {
                c.call(RemoteProtocol.DOMAIN_SUSPEND, new DomainSuspendArgs(new NonnullDomain("vm" + i, new byte[16], i)));
            }
            for (int i = 0; i < 20; i++) {
                DomainEventCallbackLifecycleMsg m = (DomainEventCallbackLifecycleMsg) events.poll(5, TimeUnit.SECONDS);
                assertThat(m.msg().dom().name()).isEqualTo("vm" + i);
                assertThat(m.callbackID()).isEqualTo(7);
            }
        }
    }

    @Test
    void downloadStreamCarriesDataHolesAndEnd() throws Exception {
        try (RpcClient c = client()) {
            RpcStream s = c.callWithStream(RemoteProtocol.STORAGE_VOL_DOWNLOAD,
                    new StorageVolDownloadArgs(new NonnullStorageVol("p", "v", "k"), 0, 0, 0)).stream();
            long data = 0;
            long holes = 0;
            String tail = null;
            for (StreamEvent e = s.receive(Duration.ofSeconds(10)); !(e instanceof StreamEvent.End);
                    e = s.receive(Duration.ofSeconds(10))) {
                assertThat(e).isNotNull().isNotInstanceOf(StreamEvent.Aborted.class);
                if (e instanceof StreamEvent.Data d) {
                    data += d.bytes().remaining();
                    if (d.bytes().remaining() == 4) {
                        tail = new String(d.bytes().array());
                    }
                } else if (e instanceof StreamEvent.Hole h) {
                    holes += h.length();
                }
            }
            assertThat(data).isEqualTo(300_004);
            assertThat(holes).isEqualTo(1 << 20);
            assertThat(tail).isEqualTo("tail");
        }
    }

    @Test
    void uploadStreamAndItsEnd() throws Exception {
        try (RpcClient c = client()) {
            RpcStream s = c.callWithStream(RemoteProtocol.STORAGE_VOL_UPLOAD,
                    new StorageVolUploadArgs(new NonnullStorageVol("p", "v", "k"), 0, 0, 0)).stream();
            s.send(ByteBuffer.wrap(new byte[600_000]));
            s.finish();
            assertThat(s.receive(Duration.ofSeconds(10))).isInstanceOf(StreamEvent.End.class);
            long total = 0;
            for (ByteBuffer b : uploaded) {
                total += b.remaining();
                assertThat(b.remaining()).isLessThanOrEqualTo(org.jvirt.rpc.Limits.MESSAGE_LEGACY_PAYLOAD_MAX);
            }
            assertThat(total).isEqualTo(600_000);
        }
    }

    @Test
    void anOversizedOrGarbledClientIsClosedAndOthersAreServed() throws Exception {
        try (java.nio.channels.SocketChannel ch = Transports.connectUnix(socket)) {
            ch.write(ByteBuffer.allocate(8).putInt(0, (1 << 20) + 100)); // over this server's 1 MiB
            ByteBuffer one = ByteBuffer.allocate(1);
            int n;
            try {
                n = ch.read(one);
            } catch (java.net.SocketException reset) {
                n = -1; // closed with bytes unread: a reset, which is a close too
            }
            assertThat(n).isEqualTo(-1); // the server closed this client
        }
        try (RpcClient c = client()) {
            assertThat(c.call(RemoteProtocol.DOMAIN_LOOKUP_BY_NAME, new DomainLookupByNameArgs("vm"))).isNotNull();
        }
    }

    @Test
    void aClosedConnectionFailsCallsWithLibvirtsError() {
        RpcClient c = client();
        c.close();
        assertThatThrownBy(() -> c.call(RemoteProtocol.DOMAIN_LOOKUP_BY_NAME, new DomainLookupByNameArgs("vm")))
                .isInstanceOfSatisfying(VirtException.class,
                        e -> assertThat(e.getMessage()).isEqualTo("internal error: client socket is closed"));
        assertThat(c.isOpen()).isFalse();
    }

    @Test
    void keepaliveClosesASilentPeer() throws Exception {
        // a server that never answers: a plain listening socket
        Path silent = tmp.resolve("silent");
        try (java.nio.channels.ServerSocketChannel l = Transports.listenUnix(silent)) {
            RpcClient c = RpcClient.open("silent", Transports.connectUnix(silent));
            BlockingQueue<VirtException> closed = new LinkedBlockingQueue<>();
            c.onClose(closed::add);
            try (java.nio.channels.SocketChannel accepted = l.accept()) {
                c.startKeepalive(1, 1);
                VirtException why = closed.poll(10, TimeUnit.SECONDS);
                assertThat(why).isNotNull();
                assertThat(why.getMessage()).contains("connection closed due to keepalive timeout");
            } finally {
                c.close();
            }
        }
    }
}
