package org.jvirt.driver.remote;

import org.jvirt.rpc.peer.LibvirtdPeer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jvirt.api.CloseReason;
import org.jvirt.api.Connect;
import org.jvirt.api.ConnectFactory;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Servers that misbehave: one that never answers, one that closes in the middle of a reply, one that sends
 * garbage, one that goes silent after the opening. Each gives a clear libvirt error (within the keepalive period,
 * set short here), tells close listeners why, and leaves no thread and no socket of the connection behind.
 * The timeouts only keep a broken build from hanging.
 */
@Timeout(120)
class BadServerTest {
    private static LibvirtdPeer peer;
    private static ConnectFactory factory;
    private FaultyProxy proxy;

    @BeforeAll
    static void start() throws Exception {
        System.setProperty("jvirt.remote.keepalive.interval", "1");
        System.setProperty("jvirt.remote.keepalive.count", "2");
        peer = LibvirtdPeer.start();
        factory = ServiceLoader.load(ConnectFactory.class).findFirst().orElseThrow();
    }

    @AfterAll
    static void stop() throws Exception {
        System.clearProperty("jvirt.remote.keepalive.interval");
        System.clearProperty("jvirt.remote.keepalive.count");
        if (peer != null) {
            peer.close();
        }
    }

    @AfterEach
    void closeProxy() throws IOException {
        if (proxy != null) {
            proxy.close();
        }
    }

    private String uriThroughProxy() throws IOException {
        proxy = new FaultyProxy(peer.port);
        return "test+tcp://127.0.0.1:" + proxy.port() + "/default";
    }

    @Test
    void aServerThatNeverAnswersFailsTheOpenWithKeepalivesError() throws Exception {
        try (ServerSocket mute = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread holder = new Thread(() -> {
                try (Socket s = mute.accept()) {
                    s.getInputStream().readAllBytes(); // reads, never writes
                } catch (IOException e) {
                    // closed
                }
            }, "mute-server");
            holder.setDaemon(true);
            holder.start();
            String uri = "test+tcp://127.0.0.1:" + mute.getLocalPort() + "/default";
            assertThatThrownBy(() -> factory.open(uri)).isInstanceOfSatisfying(VirtException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.SYSTEM_ERROR);
                assertThat(e.domain()).isEqualTo(ErrorDomain.RPC);
                assertThat(e.getMessage()).isEqualTo("connection closed due to keepalive timeout");
            });
            holder.join(10_000);
            assertThat(holder.isAlive()).as("the client closed its socket").isFalse();
            assertNoThreadsOf(mute.getLocalPort());
        }
    }

    @Test
    void aServerGoneSilentClosesTheConnectionWithKeepalivesError() throws Exception {
        String uri = uriThroughProxy();
        BlockingQueue<CloseReason> closed = new LinkedBlockingQueue<>();
        Connect c = factory.open(uri);
        c.registerCloseCallback(closed::add);
        assertThat(c.domainLookupByName("test").getName()).isEqualTo("test");
        proxy.fault(FaultyProxy.Fault.SILENT);
        assertThatThrownBy(() -> c.domainLookupByName("test")).isInstanceOfSatisfying(VirtException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.SYSTEM_ERROR);
            assertThat(e.getMessage()).isEqualTo("connection closed due to keepalive timeout");
        });
        assertThat(closed.poll(30, TimeUnit.SECONDS)).isEqualTo(CloseReason.KEEPALIVE);
        assertThat(c.isAlive()).isFalse();
        assertThatThrownBy(() -> c.domainLookupByName("test")).isInstanceOfSatisfying(VirtException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONN));
        c.close();
        assertThat(proxy.clientClosed(0).await(30, TimeUnit.SECONDS)).as("client socket closed").isTrue();
        assertNoThreadsOf(proxy.port());
    }

    @Test
    void aServerThatClosesMidReplyFailsTheCallAndTheConnection() throws Exception {
        String uri = uriThroughProxy();
        BlockingQueue<CloseReason> closed = new LinkedBlockingQueue<>();
        Connect c = factory.open(uri);
        c.registerCloseCallback(closed::add);
        proxy.fault(FaultyProxy.Fault.CUT_MID_REPLY);
        assertThatThrownBy(() -> c.getCapabilities()).isInstanceOfSatisfying(VirtException.class, e -> {
            assertThat(e.domain()).isEqualTo(ErrorDomain.RPC);
            assertThat(e.getMessage()).isNotBlank();
        });
        assertThat(closed.poll(30, TimeUnit.SECONDS)).isEqualTo(CloseReason.EOF);
        c.close();
        assertThat(proxy.clientClosed(0).await(30, TimeUnit.SECONDS)).isTrue();
        assertNoThreadsOf(proxy.port());
    }

    @Test
    void garbageFromTheServerIsAProtocolError() throws Exception {
        String uri = uriThroughProxy();
        Connect c = factory.open(uri);
        proxy.fault(FaultyProxy.Fault.GARBAGE);
        assertThatThrownBy(() -> c.getHostname()).isInstanceOfSatisfying(VirtException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.RPC);
            assertThat(e.domain()).isEqualTo(ErrorDomain.RPC);
        });
        assertThat(c.isAlive()).isFalse();
        c.close();
        assertThat(proxy.clientClosed(0).await(30, TimeUnit.SECONDS)).isTrue();
        assertNoThreadsOf(proxy.port());
    }

    /** No thread of the connection (they carry its URI, hence the port, in their names) is left running. */
    private static void assertNoThreadsOf(int port) throws InterruptedException {
        String mark = ":" + port + "/";
        List<String> left = List.of();
        for (int i = 0; i < 100; i++) {
            left = Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                    .filter(n -> n.contains(mark)).toList();
            if (left.isEmpty()) {
                return;
            }
            Thread.sleep(100);
        }
        assertThat(left).as("threads of the closed connection").isEmpty();
    }
}
