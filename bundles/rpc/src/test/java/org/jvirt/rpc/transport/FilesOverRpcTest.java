package org.jvirt.rpc.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.remote.RemoteProtocol;
import org.jvirt.rpc.remote.RemoteProtocol.DomainCreateXmlWithFilesArgs;
import org.jvirt.rpc.remote.RemoteProtocol.DomainCreateXmlWithFilesRet;
import org.jvirt.rpc.remote.RemoteProtocol.DomainLookupByNameArgs;
import org.jvirt.rpc.remote.RemoteProtocol.DomainLookupByNameRet;
import org.jvirt.rpc.remote.RemoteProtocol.NonnullDomain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Calls with open files, jvirt's client against jvirt's server core, on unix sockets and TCP. */
class FilesOverRpcTest {
    @TempDir
    Path tmp;

    private RpcServer server;
    private Path socket;
    private int tcpPort;

    @BeforeEach
    void start() throws IOException {
        ServerProgram remote = new ServerProgram(RemoteProtocol.PROGRAM)
                // the "domain" is named after what the files passed hold, read on the server's side
                .on(RemoteProtocol.DOMAIN_CREATE_XML_WITH_FILES, (call, args) -> new DomainCreateXmlWithFilesRet(
                        new NonnullDomain(contents(call.files()), new byte[16], call.files().size())))
                .on(RemoteProtocol.DOMAIN_LOOKUP_BY_NAME, (call, args) -> new DomainLookupByNameRet(
                        new NonnullDomain(args.name(), new byte[16], 1)));
        // the daemon's way of reading (polling briefly before sleeping): descriptors must survive it
        server = new RpcServer(ServerConfig.defaults().withBusyPoll(200)).addProgram(remote);
        socket = tmp.resolve("sock");
        server.listen(Transports.listenUnix(socket));
        ServerSocketChannel tcp = Transports.listenTcp("127.0.0.1", 0);
        tcpPort = ((java.net.InetSocketAddress) tcp.getLocalAddress()).getPort();
        server.listen(tcp);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String contents(List<FileDescriptor> files) {
        StringBuilder b = new StringBuilder();
        for (FileDescriptor fd : files) {
            try {
                b.append(new String(new FileInputStream(fd).readAllBytes(), StandardCharsets.UTF_8)).append(';');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return b.toString();
    }

    private RpcClient unixClient(boolean passing) {
        SocketChannel ch = Transports.connectUnix(socket);
        RpcClient c = RpcClient.open("unix", ch);
        if (passing) {
            c.sendFilesOn(FilePassing.of(ch));
        }
        return c;
    }

    private List<FileInputStream> open(String... texts) throws IOException {
        List<FileInputStream> out = new ArrayList<>();
        int i = 0;
        for (String t : texts) {
            out.add(new FileInputStream(Files.writeString(tmp.resolve("f" + i++), t).toFile()));
        }
        return out;
    }

    private static List<FileDescriptor> fds(List<FileInputStream> in) throws IOException {
        List<FileDescriptor> out = new ArrayList<>();
        for (FileInputStream s : in) {
            out.add(s.getFD());
        }
        return out;
    }

    private static DomainCreateXmlWithFilesArgs args() {
        return new DomainCreateXmlWithFilesArgs("<domain/>", 0);
    }

    @Test
    void filesArriveInOrderAndTheConnectionGoesOn() throws IOException {
        List<FileInputStream> in = open("first", "second", "third");
        try (RpcClient c = unixClient(true)) {
            for (int round = 0; round < 50; round++) {
                NonnullDomain d = c.callWithFiles(RemoteProtocol.DOMAIN_CREATE_XML_WITH_FILES, args(), fds(in)).dom();
                assertThat(d.id()).isEqualTo(3);
                // each round reads on from where the last left the shared file offsets: empty after the first
                assertThat(d.name()).isEqualTo(round == 0 ? "first;second;third;" : ";;;");
                assertThat(c.call(RemoteProtocol.DOMAIN_LOOKUP_BY_NAME, new DomainLookupByNameArgs("vm" + round))
                        .dom().name()).isEqualTo("vm" + round);
            }
            // no file: a plain call, as libvirt's client makes it
            assertThat(c.callWithFiles(RemoteProtocol.DOMAIN_CREATE_XML_WITH_FILES, args(), List.of()).dom().id())
                    .isZero();
        } finally {
            for (FileInputStream s : in) {
                s.close();
            }
        }
    }

    @Test
    void manyThreadsPassFilesOnOneConnection() throws Exception {
        try (RpcClient c = unixClient(true)) {
            List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                String text = "thread" + t;
                Path f = Files.writeString(tmp.resolve(text), text);
                Thread th = new Thread(() -> {
                    for (int i = 0; i < 50; i++) {
                        try (FileInputStream s = new FileInputStream(f.toFile())) {
                            String name = c.callWithFiles(RemoteProtocol.DOMAIN_CREATE_XML_WITH_FILES, args(),
                                    List.of(s.getFD())).dom().name();
                            if (!name.equals(text + ";")) {
                                failures.add(new AssertionError(name));
                            }
                            c.call(RemoteProtocol.DOMAIN_LOOKUP_BY_NAME, new DomainLookupByNameArgs("x"));
                        } catch (Throwable e) {
                            failures.add(e);
                        }
                    }
                }, "files-" + t);
                threads.add(th);
                th.start();
            }
            for (Thread th : threads) {
                th.join();
            }
            assertThat(failures).isEmpty();
        }
    }

    private static void assertCannotSend(Throwable e) {
        assertThat(e).isInstanceOfSatisfying(VirtException.class, v -> {
            assertThat(v.code()).isEqualTo(ErrorCode.INTERNAL_ERROR);
            assertThat(v.domain()).isEqualTo(ErrorDomain.RPC);
            assertThat(v.getMessage()).isEqualTo("internal error: Sending file descriptors is not supported on this socket");
        });
    }

    @Test
    void overTcpTheCallFailsAndTheConnectionCloses() throws IOException {
        List<FileInputStream> in = open("x");
        try (RpcClient c = RpcClient.open("tcp", Transports.connectTcp("127.0.0.1", tcpPort))) {
            assertThatThrownBy(() -> c.callWithFiles(RemoteProtocol.DOMAIN_CREATE_XML_WITH_FILES, args(), fds(in)))
                    .satisfies(FilesOverRpcTest::assertCannotSend);
            assertThat(c.isOpen()).isFalse();
            assertThatThrownBy(() -> c.call(RemoteProtocol.DOMAIN_LOOKUP_BY_NAME, new DomainLookupByNameArgs("x")))
                    .hasMessage("internal error: client socket is closed");
        } finally {
            in.get(0).close();
        }
    }

    @Test
    void aBadFileFailsFirstAndTheConnectionStays() throws IOException {
        FileInputStream closed = open("x").get(0);
        FileDescriptor fd = closed.getFD();
        closed.close();
        try (RpcClient c = RpcClient.open("tcp", Transports.connectTcp("127.0.0.1", tcpPort))) {
            assertThatThrownBy(() -> c.callWithFiles(RemoteProtocol.DOMAIN_CREATE_XML_WITH_FILES, args(),
                    List.of(fd))).hasMessage("Cannot duplicate FD -1: Bad file descriptor");
            assertThat(c.call(RemoteProtocol.DOMAIN_LOOKUP_BY_NAME, new DomainLookupByNameArgs("y")).dom().name())
                    .isEqualTo("y");
        }
    }

    /** A server client that cannot take files (TCP) closes on a call bringing some, as libvirtd does. */
    @Test
    void aServerClosesATcpClientThatSendsFiles() throws Exception {
        List<FileInputStream> in = open("x");
        SocketChannel ch = Transports.connectTcp("127.0.0.1", tcpPort);
        try (RpcClient c = RpcClient.open("tcp", ch)) {
            // pretend the socket could carry them: the message goes out, the server must refuse it
            c.sendFilesOn(fakePassing());
            assertThatThrownBy(() -> c.callWithFiles(RemoteProtocol.DOMAIN_CREATE_XML_WITH_FILES, args(), fds(in)))
                    .isInstanceOf(VirtException.class);
            java.util.concurrent.CompletableFuture<VirtException> closed = new java.util.concurrent.CompletableFuture<>();
            c.onClose(closed::complete);
            assertThat(closed).succeedsWithin(Duration.ofSeconds(10));
        } finally {
            in.get(0).close();
        }
    }

    /** A passing whose sends do nothing: what a TCP server sees when a client insists. */
    private FilePassing fakePassing() throws IOException {
        SocketChannel other = Transports.connectUnix(socket);
        FilePassing p = FilePassing.of(other);
        other.close();
        return p;
    }

    /** A server reading its unix clients greedily until they ask whether files pass, as jvirt's daemon does. */
    private RpcServer onRequestServer(Path sock) throws IOException {
        ServerProgram remote = new ServerProgram(RemoteProtocol.PROGRAM)
                .on(RemoteProtocol.DOMAIN_CREATE_XML_WITH_FILES, (call, args) -> new DomainCreateXmlWithFilesRet(
                        new NonnullDomain(contents(call.files()), new byte[16], call.files().size())))
                .on(RemoteProtocol.CONNECT_SUPPORTS_FEATURE, (call, args) -> {
                    call.client().expectFiles();
                    return new RemoteProtocol.ConnectSupportsFeatureRet(1);
                });
        remote.inline(RemoteProtocol.CONNECT_SUPPORTS_FEATURE);
        RpcServer s = new RpcServer(ServerConfig.defaults().withBusyPoll(200)).filesOnRequest(true).addProgram(remote);
        s.listen(Transports.listenUnix(sock));
        return s;
    }

    @Test
    void aClientThatAskedFirstPassesFilesToAServerReadingOnRequest() throws IOException {
        Path sock = tmp.resolve("on-request");
        List<FileInputStream> in = open("asked");
        try (RpcServer s = onRequestServer(sock)) {
            SocketChannel ch = Transports.connectUnix(sock);
            try (RpcClient c = RpcClient.open("asking", ch)) {
                c.sendFilesOn(FilePassing.of(ch));
                assertThat(c.call(RemoteProtocol.CONNECT_SUPPORTS_FEATURE,
                        new RemoteProtocol.ConnectSupportsFeatureArgs(8)).supported()).isEqualTo(1);
                for (int i = 0; i < 50; i++) {
                    assertThat(c.callWithFiles(RemoteProtocol.DOMAIN_CREATE_XML_WITH_FILES, args(), fds(in)).dom()
                            .name()).isEqualTo(i == 0 ? "asked;" : ";");
                }
            }
        } finally {
            in.get(0).close();
        }
    }

    /**
     * A client that sends files without asking, to a server still reading greedily: each call either gets its
     * files through (the read stopped before the descriptor's byte) or the server closes the connection (the byte
     * was read with the message); never other files, never none.
     */
    @Test
    void aClientThatDidNotAskGetsItsFilesOrAClosedConnection() throws IOException {
        Path sock = tmp.resolve("not-asked");
        List<FileInputStream> in = open("unasked");
        int through = 0;
        int closed = 0;
        try (RpcServer s = onRequestServer(sock)) {
            for (int round = 0; round < 20; round++) {
                SocketChannel ch = Transports.connectUnix(sock);
                try (RpcClient c = RpcClient.open("not-asking", ch)) {
                    c.sendFilesOn(FilePassing.of(ch));
                    try (FileInputStream f = new FileInputStream(tmp.resolve("f0").toFile())) {
                        String name = c.callWithFiles(RemoteProtocol.DOMAIN_CREATE_XML_WITH_FILES, args(),
                                List.of(f.getFD())).dom().name();
                        assertThat(name).isEqualTo("unasked;");
                        through++;
                    } catch (VirtException e) {
                        // the server closed the connection (it logs why): the call fails, nothing was handed on
                        assertThat(c.isOpen()).isFalse();
                        closed++;
                    }
                }
            }
        } finally {
            in.get(0).close();
        }
        assertThat(through + closed).isEqualTo(20);
    }
}
