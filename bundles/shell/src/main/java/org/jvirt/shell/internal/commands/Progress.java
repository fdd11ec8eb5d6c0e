package org.jvirt.shell.internal.commands;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.jvirt.api.Domain;
import org.jvirt.api.DomainJobInfo;
import org.jvirt.api.VirtException;
import org.jvirt.shell.internal.CommandContext;
import org.jvirt.shell.internal.vsh.ParsedArgs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Long work watched as virsh watches it: with --verbose a progress line "LABEL: [ 42 %]" on stderr, redrawn in
 * place on a terminal and printed as a new line (only when it changes) otherwise; with --timeout the job is aborted
 * when the time is up; Ctrl-C aborts it too.
 */
final class Progress {
    private static final Logger LOG = LoggerFactory.getLogger(Progress.class);
    private static final long POLL_MS = 500;

    /** Something that can fail with libvirt's error. */
    @FunctionalInterface
    interface Work {
        void run();
    }

    private final CommandContext ctx;
    private final String label;
    private int last = -1;

    Progress(CommandContext ctx, String label) {
        this.ctx = ctx;
        this.label = label;
    }

    /** Prints the progress for {@code remaining} of {@code total}: 100 only when nothing remains. */
    void show(long remaining, long total) {
        int percent;
        if (remaining == 0) {
            percent = 100;
        } else {
            percent = total <= 0 ? 0 : (int) (100.0 - remaining * 100.0 / total);
            percent = Math.min(percent, 99);
        }
        if (ctx.session().terminal()) {
            ctx.errorText(String.format("\r%s: [%3d %%]", label, percent));
        } else if (percent != last) {
            ctx.errorText(String.format("%s: [%3d %%]%n", label, percent));
        }
        last = percent;
    }

    /** Ends a line drawn in place. */
    void end() {
        if (ctx.session().terminal() && last >= 0) {
            ctx.errorText("\n");
        }
    }

    /**
     * Runs a domain job (save, dump, managedsave) on a thread of its own while this one watches: progress from
     * virDomainGetJobInfo with --verbose, virDomainAbortJob on --timeout or Ctrl-C.
     */
    static void job(CommandContext ctx, ParsedArgs args, Domain dom, String label, Work work) {
        boolean verbose = args.definesOption("verbose") && args.has("verbose");
        long timeoutMs = args.definesOption("timeout") ? args.timeoutMs().orElse(0) : 0;
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Thread worker = new Thread(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                failure.set(e);
            } finally {
                done.countDown();
            }
        }, "jvirt-shell-" + label.toLowerCase().replace(' ', '-'));
        worker.setDaemon(true);
        Progress progress = new Progress(ctx, label);
        ctx.session().onInterrupt(() -> abort(dom));
        long deadline = timeoutMs > 0 ? System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs) : Long.MAX_VALUE;
        worker.start();
        try {
            while (!done.await(POLL_MS, TimeUnit.MILLISECONDS)) {
                if (System.nanoTime() > deadline) {
                    LOG.info("{}: timeout, aborting the job of {}", label, dom.getName());
                    abort(dom);
                    deadline = Long.MAX_VALUE;
                }
                if (verbose) {
                    try {
                        DomainJobInfo info = dom.getJobInfo();
                        if (info.dataTotal() > 0) {
                            progress.show(info.dataRemaining(), info.dataTotal());
                        }
                    } catch (VirtException e) {
                        LOG.debug("no job information for {}: {}", dom.getName(), e.getMessage());
                    }
                }
            }
        } catch (InterruptedException e) {
            abort(dom);
            Thread.currentThread().interrupt();
        } finally {
            ctx.session().onInterrupt(null);
        }
        if (failure.get() != null) {
            progress.end();
            throw failure.get();
        }
        if (verbose) {
            progress.show(0, 1);
        }
    }

    private static void abort(Domain dom) {
        try {
            dom.abortJob();
        } catch (VirtException e) {
            LOG.info("aborting the job of {} failed: {}", dom.getName(), e.getMessage());
        }
    }
}
