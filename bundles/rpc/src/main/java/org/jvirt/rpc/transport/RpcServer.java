package org.jvirt.rpc.transport;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jvirt.rpc.Priority;
import org.jvirt.rpc.Procedure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server side of libvirt's protocol: listeners (unix sockets, TCP) whose clients' calls are answered by
 * {@link ServerProgram}s on a pool of workers, high-priority procedures on their own small pool (libvirtd's
 * prio_workers), so that a slow hypervisor call never holds up a lookup. Close it to stop everything it started.
 */
public final class RpcServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RpcServer.class);

    private volatile ServerConfig config;
    private final Map<Integer, ServerProgram> programs = new ConcurrentHashMap<>();
    private final Set<ServerClient> clients = ConcurrentHashMap.newKeySet();
    private final List<Listening> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<ServerClient>> clientListeners = new CopyOnWriteArrayList<>();
    private final ThreadPoolExecutor workers;
    private final ThreadPoolExecutor priorityWorkers;
    private final AtomicInteger clientCount = new AtomicInteger();
    private final AtomicInteger clientSerial = new AtomicInteger();
    private volatile boolean closed;

    public RpcServer(ServerConfig config) {
        this.config = config;
        this.workers = pool("jvirt-rpc-worker", config.workers());
        this.priorityWorkers = pool("jvirt-rpc-prio-worker", config.priorityWorkers());
    }

    private static ThreadPoolExecutor pool(String name, int size) {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor ex = new ThreadPoolExecutor(size, size, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, name + "-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        ex.allowCoreThreadTimeOut(true);
        return ex;
    }

    /**
     * Unix clients read greedily, as TCP ones, until a call answered on their reader thread calls
     * {@link ServerClient#expectFiles()} (libvirt's clients ask whether the server takes files before they send
     * some): the ordinary path keeps one read per message. By default reads stop short of descriptors from a unix
     * client's first read. Set before listening.
     */
    public RpcServer filesOnRequest(boolean onRequest) {
        this.filesOnRequest = onRequest;
        return this;
    }

    private volatile boolean filesOnRequest;

    public RpcServer addProgram(ServerProgram program) {
        programs.put(program.program().number(), program);
        return this;
    }

    ServerProgram program(int number) {
        return programs.get(number);
    }

    ServerConfig config() {
        return config;
    }

    /**
     * New limits: clients accepted from now on get the new per-client limits and keepalive; the worker pools
     * resize at once. Clients connected keep theirs.
     */
    public void reconfigure(ServerConfig newConfig) {
        ServerConfig old = config;
        config = newConfig;
        resize(workers, newConfig.workers(), old.workers());
        resize(priorityWorkers, newConfig.priorityWorkers(), old.priorityWorkers());
    }

    private static void resize(ThreadPoolExecutor pool, int size, int old) {
        if (size == old) {
            return;
        }
        if (size > old) {
            pool.setMaximumPoolSize(size);
            pool.setCorePoolSize(size);
        } else {
            pool.setCorePoolSize(size);
            pool.setMaximumPoolSize(size);
        }
    }

    /** Hears each client as it connects (to set up its state or keepalive). */
    public void onClient(Consumer<ServerClient> listener) {
        clientListeners.add(listener);
    }

    /** Accepts clients on {@code listener} from a thread of its own until the server or the listening closes. */
    public Listening listen(ServerSocketChannel listener) {
        return listen(listener, c -> {
        });
    }

    /**
     * As {@link #listen(ServerSocketChannel)}; {@code onAccept} sees each client of this listener before it is
     * served, on the accepting thread: it may mark the client (read-only socket, its authentication) or insert a
     * layer on its channel (TLS), and it may throw to refuse the client.
     */
    public Listening listen(ServerSocketChannel listener, Consumer<ServerClient> onAccept) {
        String where;
        try {
            where = String.valueOf(listener.getLocalAddress());
        } catch (IOException e) {
            where = "?";
        }
        Listening l = new Listening(listener, where);
        listeners.add(l);
        String label = where;
        Thread t = new Thread(() -> acceptLoop(l, label, onAccept), "jvirt-rpc-accept-" + label);
        t.setDaemon(true);
        l.thread = t;
        t.start();
        return l;
    }

    /** One listening socket; closing it stops accepting there (its clients stay). */
    public final class Listening implements AutoCloseable {
        private final ServerSocketChannel channel;
        private final String where;
        private volatile Thread thread;

        private Listening(ServerSocketChannel channel, String where) {
            this.channel = channel;
            this.where = where;
        }

        /** The address listened on. */
        public String where() {
            return where;
        }

        @Override
        public void close() {
            listeners.remove(this);
            try {
                channel.close();
            } catch (IOException e) {
                LOG.debug("closing the listener on {}: {}", where, e.getMessage());
            }
            Thread t = thread;
            if (t != null && t != Thread.currentThread()) {
                try {
                    t.join(2000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private void acceptLoop(Listening l, String where, Consumer<ServerClient> onAccept) {
        while (!closed) {
            SocketChannel ch;
            try {
                ch = l.channel.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                if (!closed && l.channel.isOpen()) {
                    LOG.warn("accept on {} failed: {}", where, e.getMessage());
                }
                return;
            }
            ServerConfig cfg = config;
            if (clientCount.incrementAndGet() > cfg.maxClients()) {
                clientCount.decrementAndGet();
                LOG.warn("{}: too many clients ({}), closing the new one", where, cfg.maxClients());
                closeQuietly(ch);
                continue;
            }
            String name;
            try {
                Object remote = ch.getRemoteAddress();
                name = remote == null || remote.toString().isEmpty() ? where + "#" + clientSerial.incrementAndGet()
                        : remote.toString();
                if (ch.getLocalAddress() instanceof java.net.InetSocketAddress) {
                    ch.socket().setTcpNoDelay(true);
                }
            } catch (IOException e) {
                name = where + "#" + clientSerial.incrementAndGet();
            }
            ServerClient c;
            try {
                c = new ServerClient(this, name, BusyPollChannel.of(ch, cfg.busyPollMicros()), cfg);
                // unix clients may pass open files beside their calls (never TCP: its reads stay as they are)
                c.receiveFilesOn(FilePassing.of(ch), filesOnRequest);
            } catch (IOException e) {
                LOG.warn("{}: client {} not set up: {}", where, name, e.getMessage());
                clientCount.decrementAndGet();
                closeQuietly(ch);
                continue;
            }
            try {
                onAccept.accept(c);
                for (Consumer<ServerClient> listener : clientListeners) {
                    listener.accept(c);
                }
            } catch (RuntimeException e) {
                LOG.warn("{}: client {} refused: {}", where, name, e.getMessage());
                clientCount.decrementAndGet();
                closeQuietly(ch);
                continue;
            }
            clients.add(c);
            c.start();
        }
    }

    private static void closeQuietly(SocketChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // nothing to do for a socket we refuse
        }
    }

    void dispatch(Procedure<?, ?> procedure, Runnable work) {
        (procedure.priority() == Priority.HIGH ? priorityWorkers : workers).execute(work);
    }

    void clientClosed(ServerClient c) {
        if (clients.remove(c)) {
            clientCount.decrementAndGet();
        }
    }

    /** The clients connected now. */
    public Set<ServerClient> clients() {
        return Set.copyOf(clients);
    }

    /** Stops listening, closes every client, stops the workers. */
    @Override
    public void close() {
        closed = true;
        for (Listening l : List.copyOf(listeners)) {
            l.close();
        }
        for (ServerClient c : clients()) {
            c.close();
        }
        workers.shutdown();
        priorityWorkers.shutdown();
    }
}
