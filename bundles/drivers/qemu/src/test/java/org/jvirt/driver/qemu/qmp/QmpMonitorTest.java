package org.jvirt.driver.qemu.qmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client against a scripted QMP peer on a real unix socket. */
class QmpMonitorTest {
    static final String GREETING = "{\"QMP\": {\"version\": {\"qemu\": {\"micro\": 0, \"minor\": 2, \"major\": 7}, "
            + "\"package\": \"\"}, \"capabilities\": [\"oob\"]}}";

    @TempDir
    Path dir;
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    /** A peer that greets, answers qmp_capabilities, then hands each later command to the test. */
    final class FakeQemu implements AutoCloseable {
        final ServerSocketChannel server;
        final BlockingQueue<JsonNode> commands = new LinkedBlockingQueue<>();
        volatile SocketChannel client;
        final CountDownLatch connected = new CountDownLatch(1);
        final Thread thread;

        FakeQemu(Path path) throws IOException {
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(path));
            thread = new Thread(this::serve, "fake-qemu");
            thread.setDaemon(true);
            thread.start();
            open.add(this);
        }

        private void serve() {
            try {
                client = server.accept();
                connected.countDown();
                sendRaw(GREETING + "\r\n");
                BufferedReader r = new BufferedReader(new InputStreamReader(Channels.newInputStream(client),
                        StandardCharsets.UTF_8));
                String line;
                while ((line = r.readLine()) != null) {
                    JsonNode cmd = QmpMonitor.JSON.readTree(line);
                    if ("qmp_capabilities".equals(cmd.path("execute").asText())) {
                        reply(cmd, "{}");
                    } else {
                        commands.add(cmd);
                    }
                }
            } catch (IOException e) {
                // the test closed us
            }
        }

        synchronized void sendRaw(String text) throws IOException {
            ByteBuffer b = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (b.hasRemaining()) {
                client.write(b);
            }
        }

        void reply(JsonNode cmd, String returnJson) throws IOException {
            sendRaw("{\"return\": " + returnJson + ", \"id\": " + cmd.get("id") + "}\r\n");
        }

        JsonNode next() throws InterruptedException {
            JsonNode c = commands.poll(5, TimeUnit.SECONDS);
            assertThat(c).as("a command reached the peer").isNotNull();
            return c;
        }

        @Override
        public void close() throws IOException {
            if (client != null) {
                client.close();
            }
            server.close();
        }
    }

    static final class Recorder implements QmpMonitor.Listener {
        final List<String> events = new CopyOnWriteArrayList<>();
        final CompletableFuture<Boolean> closed = new CompletableFuture<>();
        volatile String closeThread;

        @Override
        public void event(QmpEvent event) {
            events.add(event.name() + event.data());
        }

        @Override
        public void closed(boolean byClient) {
            closeThread = Thread.currentThread().getName();
            closed.complete(byClient);
        }
    }

    private QmpMonitor connect(Path sock, Recorder rec) throws IOException {
        QmpMonitor m = QmpMonitor.connect(sock, "t", rec, Duration.ofSeconds(5), () -> true);
        open.add(m);
        return m;
    }

    @Test
    void greetsNegotiatesAndMatchesRepliesOutOfOrder() throws Exception {
        Path sock = dir.resolve("m.sock");
        FakeQemu q = new FakeQemu(sock);
        Recorder rec = new Recorder();
        QmpMonitor m = connect(sock, rec);
        assertThat(m.greeting().path("QMP").path("version").path("qemu").path("major").asInt()).isEqualTo(7);

        CompletableFuture<JsonNode> a = m.send("query-status", null);
        CompletableFuture<JsonNode> b = m.send("query-name", JsonNodeFactory.instance.objectNode().put("x", 1));
        JsonNode ca = q.next();
        JsonNode cb = q.next();
        assertThat(ca.path("execute").asText()).isEqualTo("query-status");
        assertThat(cb.path("arguments").path("x").asInt()).isEqualTo(1);
        assertThat(ca.get("id")).isNotEqualTo(cb.get("id"));
        // the peer answers the second command first
        q.reply(cb, "{\"name\": \"vm\"}");
        q.reply(ca, "{\"status\": \"running\", \"running\": true}");
        assertThat(b.get(5, TimeUnit.SECONDS).path("name").asText()).isEqualTo("vm");
        assertThat(a.get(5, TimeUnit.SECONDS).path("status").asText()).isEqualTo("running");
    }

    @Test
    void aCommandSentBehindNegotiationIsAnsweredAfterIt() throws Exception {
        Path sock = dir.resolve("m.sock");
        FakeQemu q = new FakeQemu(sock);
        QmpMonitor m = QmpMonitor.connect(sock, "t", new Recorder(), Duration.ofSeconds(5), () -> true, "cont");
        open.add(m);
        // connect returned once qmp_capabilities was answered; cont reached the peer without waiting for that
        JsonNode cont = q.next();
        assertThat(cont.path("execute").asText()).isEqualTo("cont");
        CompletableFuture<JsonNode> done = CompletableFuture.supplyAsync(() -> m.awaitPipelined(Duration.ofSeconds(5)));
        q.reply(cont, "{}");
        assertThat(done.get(5, TimeUnit.SECONDS).isObject()).isTrue();
        assertThatThrownBy(() -> m.awaitPipelined(Duration.ofSeconds(1))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void commandsSentTogetherEachGetTheirOwnReplyOrError() throws Exception {
        Path sock = dir.resolve("m.sock");
        FakeQemu q = new FakeQemu(sock);
        QmpMonitor m = connect(sock, new Recorder());
        List<CompletableFuture<JsonNode>> f = m.sendAll(List.of(new QmpMonitor.Command("query-a", null),
                new QmpMonitor.Command("query-b", JsonNodeFactory.instance.objectNode().put("flat", true)),
                new QmpMonitor.Command("query-c", null)));
        JsonNode a = q.next();
        JsonNode b = q.next();
        JsonNode c = q.next();
        assertThat(List.of(a, b, c)).extracting(n -> n.path("execute").asText())
                .containsExactly("query-a", "query-b", "query-c");
        assertThat(b.path("arguments").path("flat").asBoolean()).isTrue();
        q.reply(c, "3");
        q.sendRaw("{\"id\": " + b.get("id") + ", \"error\": {\"class\": \"GenericError\", \"desc\": \"no\"}}\n");
        q.reply(a, "1");
        assertThat(f.get(0).get(5, TimeUnit.SECONDS).asInt()).isEqualTo(1);
        assertThat(f.get(2).get(5, TimeUnit.SECONDS).asInt()).isEqualTo(3);
        assertThatThrownBy(() -> f.get(1).get(5, TimeUnit.SECONDS)).cause().isInstanceOfSatisfying(QmpError.class,
                e -> assertThat(e.command()).isEqualTo("query-b"));
    }

    @Test
    void errorRepliesBecomeQmpErrorsWithClassAndDescription() throws Exception {
        Path sock = dir.resolve("m.sock");
        FakeQemu q = new FakeQemu(sock);
        QmpMonitor m = connect(sock, new Recorder());
        CompletableFuture<JsonNode> f = CompletableFuture.supplyAsync(() -> m.execute("nope", null,
                Duration.ofSeconds(5)));
        JsonNode c = q.next();
        q.sendRaw("{\"id\": " + c.get("id") + ", \"error\": {\"class\": \"CommandNotFound\", "
                + "\"desc\": \"The command nope has not been found\"}}\n");
        assertThatThrownBy(() -> f.join()).cause().isInstanceOfSatisfying(QmpError.class, e -> {
            assertThat(e.errorClass()).isEqualTo("CommandNotFound");
            assertThat(e.desc()).isEqualTo("The command nope has not been found");
            assertThat(e.command()).isEqualTo("nope");
        });
    }

    @Test
    void eventsArriveInOrderEvenWhenTheListenerSendsCommands() throws Exception {
        Path sock = dir.resolve("m.sock");
        FakeQemu q = new FakeQemu(sock);
        List<String> seen = new CopyOnWriteArrayList<>();
        CountDownLatch three = new CountDownLatch(3);
        QmpMonitor[] self = new QmpMonitor[1];
        QmpMonitor m = QmpMonitor.connect(sock, "ev", new QmpMonitor.Listener() {
            @Override
            public void event(QmpEvent event) {
                seen.add(event.name());
                if (event.name().equals("STOP")) {
                    // a listener may ask the monitor something: the reader is another thread
                    seen.add("status=" + self[0].execute("query-status", null, Duration.ofSeconds(5))
                            .path("status").asText());
                }
                three.countDown();
            }

            @Override
            public void closed(boolean byClient) {
            }
        }, Duration.ofSeconds(5), () -> true);
        self[0] = m;
        open.add(m);
        q.sendRaw("{\"timestamp\": {\"seconds\": 1, \"microseconds\": 2}, \"event\": \"STOP\"}\r\n"
                + "{\"timestamp\": {\"seconds\": 1, \"microseconds\": 3}, \"event\": \"RESUME\"}\r\n");
        JsonNode c = q.next();
        q.sendRaw("{\"timestamp\": {\"seconds\": 1, \"microseconds\": 4}, \"event\": \"SHUTDOWN\", "
                + "\"data\": {\"guest\": true, \"reason\": \"guest-shutdown\"}}\r\n");
        q.reply(c, "{\"status\": \"paused\", \"running\": false}");
        assertThat(three.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(seen).containsExactly("STOP", "status=paused", "RESUME", "SHUTDOWN");
    }

    @Test
    void timesOutACommandWithoutReplyAndIgnoresALateReply() throws Exception {
        Path sock = dir.resolve("m.sock");
        FakeQemu q = new FakeQemu(sock);
        QmpMonitor m = connect(sock, new Recorder());
        assertThatThrownBy(() -> m.execute("slow", null, Duration.ofMillis(100)))
                .isInstanceOfSatisfying(QmpError.class, e -> assertThat(e.errorClass()).isEqualTo(QmpError.TIMEOUT));
        JsonNode late = q.next();
        q.reply(late, "{}");
        // the monitor still works after the stray reply
        CompletableFuture<JsonNode> f = m.send("next", null);
        q.reply(q.next(), "{\"ok\": 1}");
        assertThat(f.get(5, TimeUnit.SECONDS).path("ok").asInt()).isEqualTo(1);
    }

    @Test
    void peerClosingFailsWaitingCommandsAndTellsTheListenerOnce() throws Exception {
        Path sock = dir.resolve("m.sock");
        FakeQemu q = new FakeQemu(sock);
        Recorder rec = new Recorder();
        QmpMonitor m = connect(sock, rec);
        CompletableFuture<JsonNode> f = m.send("cont", null);
        q.next();
        q.close();
        assertThat(rec.closed.get(5, TimeUnit.SECONDS)).isFalse();
        assertThatThrownBy(() -> f.get(5, TimeUnit.SECONDS)).cause()
                .isInstanceOfSatisfying(QmpError.class, e -> assertThat(e.closed()).isTrue());
        assertThat(m.isClosed()).isTrue();
        assertThatThrownBy(() -> m.execute("query-status", null, Duration.ofSeconds(1)))
                .isInstanceOfSatisfying(QmpError.class, e -> assertThat(e.closed()).isTrue());
        assertThat(rec.closeThread).isEqualTo("qmp-events-t");
        assertThat(m.awaitTermination(Duration.ofSeconds(5))).isTrue();
    }

    @Test
    void closingByTheClientEndsItsThreads() throws Exception {
        Path sock = dir.resolve("m.sock");
        new FakeQemu(sock);
        Recorder rec = new Recorder();
        QmpMonitor m = connect(sock, rec);
        assertThat(threadNames()).contains("qmp-t", "qmp-events-t");
        m.close();
        assertThat(rec.closed.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(m.awaitTermination(Duration.ofSeconds(5))).isTrue();
        Thread.sleep(50);
        assertThat(threadNames()).doesNotContain("qmp-t", "qmp-events-t");
    }

    @Test
    void connectGivesUpWhenThePeerDiesBeforeItsSocketAppears() {
        Path sock = dir.resolve("never.sock");
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> QmpMonitor.connect(sock, "x", null, Duration.ofSeconds(30), () -> false))
                .isInstanceOf(IOException.class).hasMessageContaining("exited");
        assertThat(System.nanoTime() - t0).isLessThan(Duration.ofSeconds(10).toNanos());
    }

    @Test
    void connectTimesOutWhenNothingListens() {
        Path sock = dir.resolve("never.sock");
        assertThatThrownBy(() -> QmpMonitor.connect(sock, "x", null, Duration.ofMillis(50), () -> true))
                .isInstanceOf(IOException.class).hasMessageContaining("did not appear in time");
    }

    static List<String> threadNames() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName).toList();
    }
}
