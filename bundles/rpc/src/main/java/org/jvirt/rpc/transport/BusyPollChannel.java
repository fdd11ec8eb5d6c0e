package org.jvirt.rpc.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;

/**
 * A connected socket that reads and writes as a blocking channel but, while its peer keeps up a quick exchange of
 * calls and replies, looks for the next message for a few microseconds before it sleeps. The server reads its
 * clients' calls this way, and the client its replies.
 *
 * <p>Why: a thread asleep in {@code read} costs a wake-up per message, and on a virtual machine the wake-up of an
 * idle CPU (an inter-processor interrupt, the hypervisor's halt and resume) takes longer than the server's own work
 * on a small call. A peer that sends its next call within the poll window finds the reader awake, and its own write
 * has no one to wake either. The window is bounded, a poll happens only after a wait that the window would have
 * covered (a client in a tight loop; an idle or slow client makes the reader sleep at once, as a plain blocking
 * read does), never while more threads are runnable than the machine has processors (polling would take a processor
 * that another thread needs), and no more readers poll at once than the machine has processors less one.
 */
public final class BusyPollChannel implements ByteChannel {
    private static final Semaphore POLLERS =
            new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors() - 1));

    private final SocketChannel socket;
    private final long windowNanos;
    private final Selector readable;
    /** Made on the first write that finds the socket's buffer full; writes are serialised by the connection. */
    private volatile Selector writable;
    /** Reader thread only: whether the last wait was short enough that polling would have covered it. */
    private boolean poll = true;
    /** Whether a message may come soon: not while the peer waits for a reply that a worker is still making. */
    private volatile BooleanSupplier expectingMessage = () -> true;

    private BusyPollChannel(SocketChannel socket, long windowNanos) throws IOException {
        this.socket = socket;
        this.windowNanos = windowNanos;
        socket.configureBlocking(false);
        this.readable = Selector.open();
        socket.register(readable, SelectionKey.OP_READ);
    }

    /** {@code socket} itself when {@code windowMicros} is not positive, otherwise the socket polled that long. */
    public static ByteChannel of(SocketChannel socket, long windowMicros) throws IOException {
        return windowMicros <= 0 ? socket : new BusyPollChannel(socket, windowMicros * 1000);
    }

    /** Polls only while {@code condition} holds (checked before each wait). */
    public void pollWhile(BooleanSupplier condition) {
        expectingMessage = condition;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        int n = socket.read(dst);
        if (n != 0 || !dst.hasRemaining()) {
            return n;
        }
        long start = System.nanoTime();
        if (poll && expectingMessage.getAsBoolean() && RunnableThreads.processorToSpare()
                && POLLERS.tryAcquire()) {
            try {
                long deadline = start + windowNanos;
                do {
                    Thread.onSpinWait();
                    n = socket.read(dst);
                    if (n != 0) {
                        return n;
                    }
                } while (System.nanoTime() - deadline < 0);
            } finally {
                POLLERS.release();
            }
        }
        while (true) {
            try {
                readable.select();
                readable.selectedKeys().clear();
            } catch (ClosedSelectorException e) {
                throw new ClosedChannelException();
            }
            n = socket.read(dst);
            if (n != 0) {
                poll = System.nanoTime() - start < windowNanos;
                return n;
            }
        }
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        int total = socket.write(src);
        while (src.hasRemaining()) {
            // the socket's buffer is full (a large reply, a slow reader): wait until it drains, as a blocking write
            try {
                Selector w = writable;
                if (w == null) {
                    w = Selector.open();
                    writable = w;
                    if (!socket.isOpen()) {
                        w.close();
                        throw new ClosedChannelException();
                    }
                    socket.register(w, SelectionKey.OP_WRITE);
                }
                w.select();
                w.selectedKeys().clear();
            } catch (ClosedSelectorException e) {
                throw new ClosedChannelException();
            }
            total += socket.write(src);
        }
        return total;
    }

    @Override
    public boolean isOpen() {
        return socket.isOpen();
    }

    @Override
    public void close() throws IOException {
        try {
            socket.close();
        } finally {
            // closing the selectors wakes a thread waiting in one and lets the socket's descriptor go
            readable.close();
            Selector w = writable;
            if (w != null) {
                w.close();
            }
        }
    }
}
