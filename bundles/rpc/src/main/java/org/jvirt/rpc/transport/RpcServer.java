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
import java.util.concurrent.ExecutorService;
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

    private final ServerConfig config;
    private final Map<Integer, ServerProgram> programs = new ConcurrentHashMap<>();
    private final Set<ServerClient> clients = ConcurrentHashMap.newKeySet();
    private final List<ServerSocketChannel> listeners = new CopyOnWriteArrayList<>();
    private final List<Thread> acceptors = new CopyOnWriteArrayList<>();
    private final List<Consumer<ServerClient>> clientListeners = new CopyOnWriteArrayList<>();
    private final ExecutorService workers;
    private final ExecutorService priorityWorkers;
    private final AtomicInteger clientCount = new AtomicInteger();
    private volatile boolean closed;

    public RpcServer(ServerConfig config) {
        this.config = config;
        this.workers = pool("jvirt-rpc-worker", config.workers());
        this.priorityWorkers = pool("jvirt-rpc-prio-worker", config.priorityWorkers());
    }

    private static ExecutorService pool(String name, int size) {
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

    public RpcServer addProgram(ServerProgram program) {
        programs.put(program.program().number(), program);
        return this;
    }

    ServerProgram program(int number) {
        return programs.get(number);
    }

    /** Hears each client as it connects (to set up its state or keepalive). */
    public void onClient(Consumer<ServerClient> listener) {
        clientListeners.add(listener);
    }

    /** Accepts clients on {@code listener} from a thread of its own until the server closes. */
    public void listen(ServerSocketChannel listener) {
        listeners.add(listener);
        String where;
        try {
            where = String.valueOf(listener.getLocalAddress());
        } catch (IOException e) {
            where = "?";
        }
        String label = where;
        Thread t = new Thread(() -> acceptLoop(listener, label), "jvirt-rpc-accept-" + label);
        t.setDaemon(true);
        acceptors.add(t);
        t.start();
    }

    private void acceptLoop(ServerSocketChannel listener, String where) {
        while (!closed) {
            SocketChannel ch;
            try {
                ch = listener.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("accept on {} failed: {}", where, e.getMessage());
                }
                return;
            }
            if (clientCount.incrementAndGet() > config.maxClients()) {
                clientCount.decrementAndGet();
                LOG.warn("{}: too many clients ({}), closing the new one", where, config.maxClients());
                closeQuietly(ch);
                continue;
            }
            String name;
            try {
                Object remote = ch.getRemoteAddress();
                name = remote == null || remote.toString().isEmpty() ? where + "#" + clientCount.get()
                        : remote.toString();
                if (ch.getLocalAddress() instanceof java.net.InetSocketAddress) {
                    ch.socket().setTcpNoDelay(true);
                }
            } catch (IOException e) {
                name = where;
            }
            ServerClient c = new ServerClient(this, name, ch, config);
            clients.add(c);
            for (Consumer<ServerClient> l : clientListeners) {
                l.accept(c);
            }
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
        for (ServerSocketChannel l : listeners) {
            try {
                l.close();
            } catch (IOException e) {
                LOG.debug("closing a listener: {}", e.getMessage());
            }
        }
        for (Thread t : acceptors) {
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (ServerClient c : clients()) {
            c.close();
        }
        workers.shutdown();
        priorityWorkers.shutdown();
    }
}
