package org.jvirt.shell.internal.commands;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jvirt.api.VirtException;
import org.jvirt.api.event.EventSubscription;
import org.jvirt.shell.internal.CommandContext;
import org.jvirt.shell.internal.vsh.CommandFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waiting for events as virsh's event commands wait (vshEventStart, vshEventWait): listeners post each event's
 * text; the command's thread prints it, with a timestamp when asked, until one has come (every one until Ctrl-C or
 * the timeout with --loop); then "events received: N". No event at all fails the command, as in virsh.
 */
final class EventLoop {
    private static final Logger LOG = LoggerFactory.getLogger(EventLoop.class);
    private static final Object INTERRUPT = new Object();
    /** virTimeStringNowRaw: UTC, milliseconds, "+0000". */
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS'+0000'").withZone(ZoneOffset.UTC);

    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final List<EventSubscription> subscriptions = new ArrayList<>();
    private final boolean loop;
    private final boolean timestamp;

    EventLoop(boolean loop, boolean timestamp) {
        this.loop = loop;
        this.timestamp = timestamp;
    }

    /** From a listener: one event, as its text (newline included). */
    void post(String text) {
        queue.add(text);
    }

    /** Keeps a registration, closed when the loop ends. */
    void keep(EventSubscription subscription) {
        subscriptions.add(subscription);
    }

    /** virTimeStringNowRaw's text for now. */
    static String now() {
        return STAMP.format(Instant.now());
    }

    /**
     * Prints events until the loop is done, then how many came; closes the registrations. Fails when none came,
     * reporting {@code pending} (an error virsh let pass earlier, still its last error), or nothing.
     */
    void run(CommandContext ctx, long timeoutMs, VirtException pending) {
        int count = 0;
        boolean deregistered = true;
        ctx.session().onInterrupt(() -> queue.add(INTERRUPT));
        try {
            long deadline = timeoutMs > 0 ? System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs) : 0;
            while (true) {
                Object next = deadline == 0 ? queue.take()
                        : queue.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (next == null) {
                    ctx.print("event loop timed out\n");
                    break;
                }
                if (next == INTERRUPT) {
                    ctx.print("event loop interrupted\n");
                    break;
                }
                ctx.print(timestamp ? now() + ": " + next : (String) next);
                count++;
                if (!loop) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ctx.print("event loop interrupted\n");
        } finally {
            ctx.session().onInterrupt(null);
            for (EventSubscription s : subscriptions) {
                try {
                    s.close();
                } catch (VirtException e) {
                    LOG.info("deregistering event callback {} failed: {}", s.callbackId(), e.getMessage());
                    deregistered = false;
                }
            }
        }
        ctx.print("events received: " + count + "\n");
        if (count == 0 || !deregistered) {
            throw new CommandFailure(null, pending);
        }
    }
}
