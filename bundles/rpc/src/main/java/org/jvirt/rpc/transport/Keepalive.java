package org.jvirt.rpc.transport;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * libvirt's keepalive for one connection: when nothing has arrived for an interval, send a PING; after
 * {@code count} intervals without anything arriving, close the connection. Any packet received (a PONG or
 * anything else) proves the peer alive.
 */
final class Keepalive {
    /** One timer thread for every connection; it ends by itself when no connection needs it. */
    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private final RpcConnection connection;
    private final long intervalNanos;
    private final int count;
    private final AtomicInteger missed = new AtomicInteger();
    private volatile long lastReceived = System.nanoTime();
    private ScheduledFuture<?> task;

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
            Thread th = new Thread(r, "jvirt-rpc-keepalive");
            th.setDaemon(true);
            return th;
        });
        t.setKeepAliveTime(10, TimeUnit.SECONDS);
        t.allowCoreThreadTimeOut(true);
        t.setRemoveOnCancelPolicy(true);
        return t;
    }

    Keepalive(RpcConnection connection, int intervalSeconds, int count) {
        this.connection = connection;
        this.intervalNanos = TimeUnit.SECONDS.toNanos(intervalSeconds);
        this.count = count;
    }

    synchronized void start() {
        if (task == null && intervalNanos > 0) {
            task = TIMER.scheduleWithFixedDelay(this::tick, intervalNanos, intervalNanos, TimeUnit.NANOSECONDS);
        }
    }

    synchronized void stop() {
        if (task != null) {
            task.cancel(false);
            task = null;
        }
    }

    void received() {
        lastReceived = System.nanoTime();
        missed.set(0);
    }

    private void tick() {
        if (System.nanoTime() - lastReceived < intervalNanos) {
            return;
        }
        if (missed.incrementAndGet() > count) {
            stop();
            connection.keepaliveTimedOut();
            return;
        }
        connection.sendPing();
    }
}
