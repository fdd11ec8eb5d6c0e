package org.jvirt.driver.qemu.qmp;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client of QEMU's machine protocol (QMP) on one connection: it reads the greeting, negotiates capabilities,
 * sends commands with ids and matches replies to them, and hands asynchronous events, in the order QEMU sent
 * them, to one listener on a thread of its own (so a listener may itself send commands).
 *
 * <p>Threads: {@code qmp-NAME} reads, {@code qmp-events-NAME} delivers events. Both end when the connection
 * closes, from either side; then every waiting command fails with {@link QmpError#CLOSED} and the listener's
 * {@link Listener#closed(boolean)} runs once, last.
 */
public final class QmpMonitor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(QmpMonitor.class);
    /** Jackson's mapper is thread-safe once configured; one serves every monitor. */
    public static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration EARLIER_EVENTS_WAIT = Duration.ofSeconds(2);

    /** What the owner of a monitor hears. */
    public interface Listener {
        /** An event, in QEMU's order. */
        void event(QmpEvent event);

        /** The connection closed; {@code byClient} is true when {@link #close()} closed it. Called once, last. */
        void closed(boolean byClient);
    }

    private final String name;
    private final InputStream in;
    private final OutputStream out;
    private final Closeable transport;
    private final Listener listener;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final CompletableFuture<JsonNode> greeting = new CompletableFuture<>();
    private final ExecutorService eventThread;
    private volatile Thread eventDeliverer;
    private final Thread reader;
    private final Object writeLock = new Object();
    private volatile boolean closed;
    /** The reply to the command sent right behind qmp_capabilities, if one was. */
    private volatile CompletableFuture<JsonNode> pipelined;
    private volatile String pipelinedCommand;

    /** A command waiting for its reply; {@code whole} wants the reply message itself, not its return value. */
    private record Pending(String command, CompletableFuture<JsonNode> reply, boolean whole) {
    }

    private QmpMonitor(String name, InputStream in, OutputStream out, Closeable transport, Listener listener) {
        this.name = name;
        this.in = in;
        this.out = out;
        this.transport = transport;
        this.listener = listener == null ? new Listener() {
            @Override
            public void event(QmpEvent event) {
            }

            @Override
            public void closed(boolean byClient) {
            }
        } : listener;
        this.eventThread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, "qmp-events-" + name);
                    t.setDaemon(true);
                    eventDeliverer = t;
                    return t;
                });
        this.reader = new Thread(this::readLoop, "qmp-" + name);
        this.reader.setDaemon(true);
    }

    /**
     * Connects to QEMU's monitor socket, waiting for it to appear while {@code peerAlive} holds, reads the
     * greeting and negotiates capabilities.
     *
     * @throws IOException    when the socket cannot be reached before the timeout or the peer died
     * @throws QmpError       when the greeting or negotiation failed
     */
    public static QmpMonitor connect(Path socket, String name, Listener listener, Duration timeout,
            BooleanSupplier peerAlive) throws IOException {
        return connect(socket, name, listener, timeout, peerAlive, null);
    }

    /**
     * Connects as {@link #connect(Path, String, Listener, Duration, BooleanSupplier)} does and, when {@code next}
     * is given, sends that command (without arguments) right behind qmp_capabilities, before either is answered:
     * QEMU runs one connection's commands in order, so it runs once negotiation succeeded, and the round trip
     * between the two is saved. {@link #awaitPipelined} waits for its reply.
     */
    public static QmpMonitor connect(Path socket, String name, Listener listener, Duration timeout,
            BooleanSupplier peerAlive, String next) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long t0 = System.nanoTime();
        SocketChannel ch = openWhenReady(socket, deadline, peerAlive);
        long t1 = System.nanoTime();
        QmpMonitor m = new QmpMonitor(name, new ChannelInput(ch), new ChannelOutput(ch), ch, listener);
        m.start(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())), next);
        if (LOG.isDebugEnabled()) {
            LOG.debug("qmp {}: socket after {} us, negotiated {} us later", name, (t1 - t0) / 1000,
                    (System.nanoTime() - t1) / 1000);
        }
        return m;
    }

    /** A monitor over streams (QEMU's {@code -qmp stdio}); {@code transport} closes them. */
    public static QmpMonitor over(InputStream in, OutputStream out, Closeable transport, String name,
            Listener listener, Duration timeout) {
        QmpMonitor m = new QmpMonitor(name, in, out, transport, listener);
        m.start(timeout, null);
        return m;
    }

    private static SocketChannel openWhenReady(Path socket, long deadline, BooleanSupplier peerAlive)
            throws IOException {
        UnixDomainSocketAddress addr = UnixDomainSocketAddress.of(socket);
        // QEMU makes its socket about a millisecond before it greets: look often, a stat costs microseconds
        long pause = 100_000;
        while (true) {
            if (!Files.exists(socket)) {
                if (!peerAlive.getAsBoolean()) {
                    throw new IOException("monitor socket " + socket + ": the process exited");
                }
                if (System.nanoTime() > deadline) {
                    throw new IOException("monitor socket " + socket + " did not appear in time");
                }
                try {
                    TimeUnit.NANOSECONDS.sleep(pause);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for " + socket);
                }
                continue;
            }
            SocketChannel ch = SocketChannel.open(java.net.StandardProtocolFamily.UNIX);
            try {
                ch.connect(addr);
                return ch;
            } catch (NoSuchFileException | SocketException e) {
                ch.close();
                if (!peerAlive.getAsBoolean()) {
                    throw new IOException("monitor socket " + socket + ": the process exited");
                }
                if (System.nanoTime() > deadline) {
                    throw new IOException("monitor socket " + socket + " did not appear in time: " + e.getMessage());
                }
                try {
                    TimeUnit.NANOSECONDS.sleep(pause);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for " + socket);
                }
            } catch (IOException | RuntimeException e) {
                ch.close();
                throw e;
            }
        }
    }

    private void start(Duration timeout, String next) {
        ((ThreadPoolExecutor) eventThread).prestartCoreThread();
        reader.start();
        try {
            // QEMU greets first and reads after: asking before the greeting has arrived costs no round trip
            long deadline = System.nanoTime() + timeout.toNanos();
            List<CompletableFuture<JsonNode>> sent = sendAll(next == null ? List.of(new Command("qmp_capabilities",
                    null)) : List.of(new Command("qmp_capabilities", null), new Command(next, null)));
            CompletableFuture<JsonNode> caps = sent.get(0);
            if (next != null) {
                pipelinedCommand = next;
                pipelined = sent.get(1);
            }
            greeting.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            await("qmp_capabilities", caps, Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        } catch (TimeoutException e) {
            close();
            throw new QmpError("(greeting)", QmpError.TIMEOUT, "no greeting from the monitor in time");
        } catch (ExecutionException e) {
            close();
            throw e.getCause() instanceof QmpError q ? q
                    : new QmpError("(greeting)", QmpError.CLOSED, String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new QmpError("(greeting)", QmpError.CLOSED, "interrupted");
        } catch (QmpError e) {
            close();
            throw e;
        }
    }

    /** The greeting QEMU sent ({@code {"QMP": {"version": …, "capabilities": […]}}}). */
    public JsonNode greeting() {
        return greeting.getNow(null);
    }

    public String name() {
        return name;
    }

    public boolean isClosed() {
        return closed;
    }

    /**
     * Waits, up to {@code timeout}, until the connection has ended and every event read before its end has been
     * handled; true when both happened.
     */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!closed) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            Thread.sleep(1);
        }
        return eventThread.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    /** Sends a command and returns its {@code return} value; fails with {@link QmpError}. */
    public JsonNode execute(String command, ObjectNode arguments, Duration timeout) {
        return await(command, send(command, arguments), timeout);
    }

    /** The reply of the command {@link #connect(Path, String, Listener, Duration, BooleanSupplier, String)} sent. */
    public JsonNode awaitPipelined(Duration timeout) {
        CompletableFuture<JsonNode> f = pipelined;
        if (f == null) {
            throw new IllegalStateException("no command was sent behind qmp_capabilities");
        }
        pipelined = null;
        return await(pipelinedCommand, f, timeout);
    }

    private JsonNode await(String command, CompletableFuture<JsonNode> f, Duration timeout) {
        try {
            JsonNode result = f.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            awaitEarlierEvents();
            return result;
        } catch (TimeoutException e) {
            f.cancel(false);
            throw new QmpError(command, QmpError.TIMEOUT, "no reply in " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof QmpError q) {
                throw new QmpError(q.command(), q.errorClass(), q.desc());
            }
            throw new QmpError(command, QmpError.CLOSED, String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QmpError(command, QmpError.CLOSED, "interrupted");
        }
    }

    /**
     * Waits until the events QEMU sent before the reply just received have been handled, so that a caller never
     * sees its own command's events arrive after it went on (a STOP from {@code stop} handled after a later
     * {@code cont}). The reader queues events before it completes a reply, so a marker queued now comes after
     * them. Not on the event thread itself, and bounded, so a handler waiting on the caller cannot hang it.
     */
    private void awaitEarlierEvents() {
        if (Thread.currentThread() == eventDeliverer) {
            return;
        }
        try {
            eventThread.submit(() -> { }).get(EARLIER_EVENTS_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException | ExecutionException e) {
            // the monitor closed: nothing more will be delivered
        } catch (TimeoutException e) {
            LOG.debug("qmp {}: events before a reply still being handled after {} ms", name,
                    EARLIER_EVENTS_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A command and its arguments (null for none), for {@link #sendAll}. */
    public record Command(String name, ObjectNode arguments) {
    }

    /** Sends a command; the future completes with its {@code return} value or a {@link QmpError}. */
    public CompletableFuture<JsonNode> send(String command, ObjectNode arguments) {
        return sendAll(List.of(new Command(command, arguments))).get(0);
    }

    /**
     * Sends commands in one write, so that QEMU reads them together and answers them in one pass of its main loop;
     * each future completes with its command's {@code return} value or a {@link QmpError}.
     */
    public List<CompletableFuture<JsonNode>> sendAll(List<Command> commands) {
        List<CompletableFuture<JsonNode>> replies = new ArrayList<>(commands.size());
        StringBuilder text = new StringBuilder();
        for (Command c : commands) {
            String id = "jvirt-" + ids.incrementAndGet();
            CompletableFuture<JsonNode> reply = new CompletableFuture<>();
            reply.whenComplete((v, t) -> pending.remove(id));
            replies.add(reply);
            if (closed) {
                reply.completeExceptionally(new QmpError(c.name(), QmpError.CLOSED, "the monitor is closed"));
                continue;
            }
            ObjectNode msg = JsonNodeFactory.instance.objectNode();
            msg.put("execute", c.name());
            if (c.arguments() != null) {
                msg.set("arguments", c.arguments());
            }
            msg.put("id", id);
            try {
                String line = JSON.writeValueAsString(msg);
                pending.put(id, new Pending(c.name(), reply, false));
                text.append(line).append('\n');
            } catch (JsonProcessingException e) {
                reply.completeExceptionally(new QmpError(c.name(), "GenericError", e.getMessage()));
            }
        }
        if (text.length() > 0) {
            try {
                synchronized (writeLock) {
                    out.write(text.toString().getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
                LOG.trace("qmp {}: sent {}", name, text);
            } catch (IOException e) {
                for (int i = 0; i < commands.size(); i++) {
                    replies.get(i).completeExceptionally(new QmpError(commands.get(i).name(), QmpError.CLOSED,
                            "cannot send: " + e.getMessage()));
                }
            }
        }
        // a close that raced the puts must not leave these replies waiting forever
        if (closed) {
            for (int i = 0; i < commands.size(); i++) {
                replies.get(i).completeExceptionally(new QmpError(commands.get(i).name(), QmpError.CLOSED,
                        "the monitor is closed"));
            }
        }
        return replies;
    }

    /**
     * Sends a message as given (a QMP command object, libvirt's qemu-monitor-command passthrough), with an id
     * added when it has none, and returns QEMU's whole reply, an error reply included.
     */
    public JsonNode executeRaw(ObjectNode message, Duration timeout) {
        String command = message.path("execute").asText(message.path("exec-oob").asText("(raw)"));
        String id = message.hasNonNull("id") ? message.get("id").asText() : "jvirt-" + ids.incrementAndGet();
        message.put("id", id);
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        reply.whenComplete((v, t) -> pending.remove(id));
        pending.put(id, new Pending(command, reply, true));
        try {
            byte[] bytes = (JSON.writeValueAsString(message) + "\n").getBytes(StandardCharsets.UTF_8);
            if (closed) {
                throw new QmpError(command, QmpError.CLOSED, "the monitor is closed");
            }
            synchronized (writeLock) {
                out.write(bytes);
                out.flush();
            }
            JsonNode result = reply.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            awaitEarlierEvents();
            return result;
        } catch (JsonProcessingException e) {
            throw new QmpError(command, "GenericError", e.getMessage());
        } catch (IOException e) {
            throw new QmpError(command, QmpError.CLOSED, "cannot send: " + e.getMessage());
        } catch (TimeoutException e) {
            throw new QmpError(command, QmpError.TIMEOUT, "no reply in " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof QmpError q ? new QmpError(q.command(), q.errorClass(), q.desc())
                    : new QmpError(command, QmpError.CLOSED, String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QmpError(command, QmpError.CLOSED, "interrupted");
        } finally {
            pending.remove(id);
        }
    }

    private void readLoop() {
        try (MappingIterator<JsonNode> it = JSON.readerFor(JsonNode.class).readValues(in)) {
            while (it.hasNextValue()) {
                dispatch(it.nextValue());
            }
        } catch (IOException | RuntimeException e) {
            if (!closing.get()) {
                LOG.debug("qmp {}: connection ended: {}", name, e.toString());
            }
        } finally {
            finish();
        }
    }

    private void dispatch(JsonNode msg) {
        LOG.trace("qmp {}: received {}", name, msg);
        if (msg.has("QMP")) {
            greeting.complete(msg);
        } else if (msg.has("event")) {
            JsonNode ts = msg.path("timestamp");
            JsonNode data = msg.has("data") ? msg.get("data") : JsonNodeFactory.instance.objectNode();
            QmpEvent ev = new QmpEvent(msg.get("event").asText(), data, ts.path("seconds").asLong(),
                    ts.path("microseconds").asLong());
            eventThread.execute(() -> {
                try {
                    listener.event(ev);
                } catch (RuntimeException e) {
                    LOG.warn("qmp {}: event {} handler failed", name, ev.name(), e);
                }
            });
        } else if (msg.has("return") || msg.has("error")) {
            Pending p = pending.get(msg.path("id").asText(""));
            if (p == null) {
                LOG.debug("qmp {}: reply to no waiting command: {}", name, msg);
                return;
            }
            if (p.whole()) {
                p.reply().complete(msg);
            } else if (msg.has("error")) {
                JsonNode err = msg.get("error");
                p.reply().completeExceptionally(new QmpError(p.command(), err.path("class").asText("GenericError"),
                        err.path("desc").asText("")));
            } else {
                p.reply().complete(msg.get("return"));
            }
        } else {
            LOG.debug("qmp {}: unknown message {}", name, msg);
        }
    }

    private void finish() {
        closed = true;
        boolean byClient = closing.get();
        try {
            transport.close();
        } catch (IOException e) {
            LOG.debug("qmp {}: close: {}", name, e.toString());
        }
        QmpError gone = new QmpError("(monitor)", QmpError.CLOSED, "the monitor closed");
        greeting.completeExceptionally(gone);
        for (Pending p : pending.values()) {
            p.reply().completeExceptionally(new QmpError(p.command(), QmpError.CLOSED, "the monitor closed"));
        }
        eventThread.execute(() -> listener.closed(byClient));
        eventThread.shutdown();
    }

    /** Closes the connection (QEMU goes on running) and waits for the reader to end. */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        try {
            transport.close();
        } catch (IOException e) {
            LOG.debug("qmp {}: close: {}", name, e.toString());
        }
        if (Thread.currentThread() != reader) {
            try {
                reader.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Waits until the event thread has delivered everything, the close notice included. */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return eventThread.awaitTermination(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public String toString() {
        return "QmpMonitor[" + name + "]";
    }

    /** Reads straight from the channel: the JDK's channel streams lock reads against writes. */
    private static final class ChannelInput extends InputStream {
        private final SocketChannel ch;

        ChannelInput(SocketChannel ch) {
            this.ch = ch;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n <= 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            int n = ch.read(ByteBuffer.wrap(b, off, len));
            return n == 0 ? -1 : n;
        }

        @Override
        public void close() throws IOException {
            ch.close();
        }
    }

    private static final class ChannelOutput extends OutputStream {
        private final SocketChannel ch;

        ChannelOutput(SocketChannel ch) {
            this.ch = ch;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            ByteBuffer buf = ByteBuffer.wrap(b, off, len);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
        }
    }
}
