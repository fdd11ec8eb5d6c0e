package org.jvirt.shell.internal.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.jvirt.api.Domain;
import org.jvirt.api.DomainBlockJobAbortFlag;
import org.jvirt.api.DomainBlockJobInfo;
import org.jvirt.api.VirtException;
import org.jvirt.api.event.BlockJobStatus;
import org.jvirt.api.event.DomainBlockJob2Event;
import org.jvirt.api.event.DomainBlockJobEvent;
import org.jvirt.api.event.DomainEventId;
import org.jvirt.api.event.EventSubscription;
import org.jvirt.shell.internal.CommandContext;
import org.jvirt.shell.internal.vsh.CommandFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waiting for a block job as virsh's virshBlockJobWait does: the job's own event (BLOCK_JOB or BLOCK_JOB_2 for the
 * disk) ends the wait; without events, a job that vanished has completed and one at 100 % is ready. With --verbose
 * the progress is shown; Ctrl-C or the timeout aborts the job, which then counts as canceled.
 */
final class BlockJobWait implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BlockJobWait.class);
    private static final long POLL_MS = 500;
    /** Polls at 100 % before a job whose event never comes is taken as ready (virsh's retries). */
    private static final int RETRIES = 5;

    private final CommandContext ctx;
    private final Domain dom;
    private final String dev;
    private final String label;
    private final boolean verbose;
    private final long timeoutMs;
    private final boolean asyncAbort;
    private final List<EventSubscription> subscriptions = new ArrayList<>();
    private final AtomicReference<BlockJobStatus> status = new AtomicReference<>();
    private final AtomicBoolean interrupted = new AtomicBoolean();
    private final CountDownLatch wake = new CountDownLatch(1);

    /** Subscribes to the job's events before the job starts, so that none is missed. */
    BlockJobWait(CommandContext ctx, Domain dom, String dev, String label, boolean verbose, long timeoutMs,
            boolean asyncAbort) {
        this.ctx = ctx;
        this.dom = dom;
        this.dev = dev;
        this.label = label;
        this.verbose = verbose;
        this.timeoutMs = timeoutMs;
        this.asyncAbort = asyncAbort;
        for (DomainEventId id : List.of(DomainEventId.BLOCK_JOB, DomainEventId.BLOCK_JOB_2)) {
            try {
                subscriptions.add(ctx.connection().domainEventRegisterAny(dom, id, event -> {
                    String disk = event instanceof DomainBlockJobEvent e ? e.disk()
                            : event instanceof DomainBlockJob2Event e2 ? e2.disk() : null;
                    BlockJobStatus s = event instanceof DomainBlockJobEvent e ? e.status()
                            : event instanceof DomainBlockJob2Event e2 ? e2.status() : null;
                    if (s != null && dev.equals(disk)) {
                        status.set(s);
                        wake.countDown();
                    }
                }));
            } catch (VirtException e) {
                LOG.debug("no {} events for {}: {}", id, dom.getName(), e.getMessage());
            }
        }
    }

    /** How the job ended (virConnectDomainEventBlockJobStatus); a failure to query or abort it fails. */
    BlockJobStatus await() {
        Progress progress = new Progress(ctx, label);
        long deadline = timeoutMs > 0 ? System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs) : Long.MAX_VALUE;
        int retries = RETRIES;
        long lastCur = 0;
        long lastEnd = 0;
        BlockJobStatus result;
        ctx.session().onInterrupt(() -> {
            interrupted.set(true);
            wake.countDown();
        });
        try {
            while (true) {
                Optional<DomainBlockJobInfo> info;
                try {
                    info = dom.getBlockJobInfo(dev, Set.of());
                } catch (VirtException e) {
                    throw new CommandFailure("failed to query job for disk " + dev, e);
                }
                if (!subscriptions.isEmpty() && status.get() != null) {
                    result = status.get();
                    break;
                }
                if (subscriptions.size() < 2) {
                    if (info.isEmpty()) {
                        result = BlockJobStatus.COMPLETED;
                        break;
                    }
                    if (info.get().end() == info.get().cur() && (subscriptions.isEmpty() || --retries == 0)) {
                        result = BlockJobStatus.READY;
                        break;
                    }
                }
                if (verbose && info.isPresent()
                        && (info.get().cur() != lastCur || info.get().end() != lastEnd)) {
                    progress.show(info.get().end() - info.get().cur(), info.get().end());
                }
                if (info.isPresent()) {
                    lastCur = info.get().cur();
                    lastEnd = info.get().end();
                }
                if (interrupted.get() || System.nanoTime() > deadline) {
                    try {
                        dom.blockJobAbort(dev, asyncAbort ? Set.of(DomainBlockJobAbortFlag.ASYNC) : Set.of());
                    } catch (VirtException e) {
                        throw new CommandFailure("failed to abort job for disk '" + dev + "'", e);
                    }
                    result = BlockJobStatus.CANCELED;
                    break;
                }
                try {
                    wake.await(POLL_MS, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    interrupted.set(true);
                }
            }
        } finally {
            ctx.session().onInterrupt(null);
        }
        if (verbose && (result == BlockJobStatus.COMPLETED || result == BlockJobStatus.READY)) {
            progress.show(0, 1);
        }
        return result;
    }

    @Override
    public void close() {
        for (EventSubscription s : subscriptions) {
            try {
                s.close();
            } catch (VirtException e) {
                LOG.debug("closing a block job subscription of {}: {}", dom.getName(), e.getMessage());
            }
        }
    }
}
