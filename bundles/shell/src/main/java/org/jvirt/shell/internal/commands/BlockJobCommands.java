package org.jvirt.shell.internal.commands;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import org.jvirt.api.Domain;
import org.jvirt.api.DomainBlockCommitFlag;
import org.jvirt.api.DomainBlockCopyFlag;
import org.jvirt.api.DomainBlockJobAbortFlag;
import org.jvirt.api.DomainBlockJobInfo;
import org.jvirt.api.DomainBlockJobInfoFlag;
import org.jvirt.api.DomainBlockJobSetSpeedFlag;
import org.jvirt.api.DomainBlockPullFlag;
import org.jvirt.api.DomainBlockRebaseFlag;
import org.jvirt.api.DomainBlockResizeFlag;
import org.jvirt.api.DomainBlockJobType;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.TypedParameters;
import org.jvirt.api.VirtException;
import org.jvirt.shell.internal.CommandContext;
import org.jvirt.shell.internal.TableCommand;
import org.jvirt.shell.internal.VirshCommand;
import org.jvirt.shell.internal.vsh.CNumbers;
import org.jvirt.shell.internal.vsh.CommandFailure;
import org.jvirt.shell.internal.vsh.ParsedArgs;

/**
 * Block jobs as virsh-domain.c runs them: blockcommit, blockcopy, blockpull (started, or waited for with --wait,
 * --verbose progress, --timeout and Ctrl-C aborting, --pivot/--finish/--keep-overlay ending them), blockjob (query,
 * speed, abort), blockresize and domblkthreshold.
 */
final class BlockJobCommands {
    private BlockJobCommands() {
    }

    static List<VirshCommand> all() {
        return List.of(
                TableCommand.of("blockcommit", BlockJobCommands::commit),
                TableCommand.of("blockcopy", BlockJobCommands::copy),
                TableCommand.of("blockpull", BlockJobCommands::pull),
                TableCommand.of("blockjob", BlockJobCommands::job),
                TableCommand.of("blockresize", BlockJobCommands::resize),
                TableCommand.of("domblkthreshold", BlockJobCommands::threshold));
    }

    /**
     * virshBlockJobOptionBandwidth: a plain number (a negative one wraps, as -1 always meant "unlimited") in MiB/s
     * or, with --bytes, bytes/s; or a scaled number in bytes, turned into MiB/s without --bytes.
     */
    static long bandwidth(ParsedArgs args, boolean bytes) {
        String v = args.string("bandwidth");
        if (v == null) {
            return 0;
        }
        OptionalLong plain = CNumbers.strtoul(v, true);
        if (plain.isPresent()) {
            return plain.getAsLong();
        }
        OptionalLong scaled;
        try {
            scaled = args.scaled("bandwidth", 1, -1L);
        } catch (CommandFailure e) {
            throw new CommandFailure("Scaled numeric value '" + v + "' for <--bandwidth> option is malformed or out "
                    + "of range");
        }
        return bytes ? scaled.getAsLong() : scaled.getAsLong() >>> 20;
    }

    private static BlockJobWait waitFor(CommandContext ctx, Domain dom, String path, String label, boolean verbose,
            long timeoutMs, boolean async) {
        return new BlockJobWait(ctx, dom, path, label, verbose, timeoutMs, async);
    }

    private static void commit(CommandContext ctx, ParsedArgs args) {
        boolean verbose = args.has("verbose");
        boolean pivot = args.has("pivot");
        boolean finish = args.has("keep-overlay");
        boolean active = args.has("active") || pivot || finish;
        boolean blocking = args.has("wait") || pivot || finish;
        boolean async = args.has("async");
        boolean bytes = args.has("bytes");
        args.exclusive("pivot", "keep-overlay");
        String path = args.string("path");
        String base = args.string("base");
        String top = args.string("top");
        long bandwidth = bandwidth(args, bytes);
        EnumSet<DomainBlockCommitFlag> flags = EnumSet.noneOf(DomainBlockCommitFlag.class);
        if (bytes) {
            flags.add(DomainBlockCommitFlag.BANDWIDTH_BYTES);
        }
        if (args.has("shallow")) {
            flags.add(DomainBlockCommitFlag.SHALLOW);
        }
        if (args.has("delete")) {
            flags.add(DomainBlockCommitFlag.DELETE);
        }
        if (active) {
            flags.add(DomainBlockCommitFlag.ACTIVE);
        }
        if (args.has("keep-relative")) {
            flags.add(DomainBlockCommitFlag.RELATIVE);
        }
        long timeout = args.timeoutMs().orElse(0);
        if (timeout > 0) {
            blocking = true;
        }
        needsBlocking(blocking, verbose, async, "--keep-overlay");
        Domain dom = DomainLookup.domain(ctx, args);
        try (BlockJobWait wait = blocking ? waitFor(ctx, dom, path, "Block commit", verbose, timeout, async) : null) {
            dom.blockCommit(path, base, top, bandwidth, flags);
            if (!blocking) {
                ctx.print(active ? "Active Block Commit started" : "Block Commit started");
                return;
            }
            switch (wait.await()) {
                case CANCELED -> aborted(ctx, "Commit aborted");
                case FAILED -> aborted(ctx, "Commit failed");
                default -> {
                }
            }
            if (!active) {
                ctx.print("\nCommit complete");
            } else if (pivot) {
                finishJob(dom, path, async, true, "failed to pivot job for disk ");
                ctx.print("\nSuccessfully pivoted");
            } else if (finish) {
                finishJob(dom, path, async, false, "failed to finish job for disk ");
                ctx.print("\nCommit complete, overlay image kept");
            } else {
                ctx.print("\nNow in synchronized phase");
            }
        }
    }

    private static void needsBlocking(boolean blocking, boolean verbose, boolean async, String last) {
        if (blocking) {
            return;
        }
        String which = "at least one of --timeout, --wait, --pivot, or " + last;
        if (verbose) {
            throw new CommandFailure("--verbose requires " + which);
        }
        if (async) {
            throw new CommandFailure("--async requires " + which);
        }
    }

    /** The job ended without reaching its goal: virsh says so on stdout and fails without an error line. */
    private static void aborted(CommandContext ctx, String text) {
        ctx.print("\n" + text);
        throw CommandFailure.silent();
    }

    private static void finishJob(Domain dom, String path, boolean async, boolean pivot, String failure) {
        EnumSet<DomainBlockJobAbortFlag> flags = EnumSet.noneOf(DomainBlockJobAbortFlag.class);
        if (async) {
            flags.add(DomainBlockJobAbortFlag.ASYNC);
        }
        if (pivot) {
            flags.add(DomainBlockJobAbortFlag.PIVOT);
        }
        try {
            dom.blockJobAbort(path, flags);
        } catch (VirtException e) {
            throw new CommandFailure(failure + path, e);
        }
    }

    private static void copy(CommandContext ctx, ParsedArgs args) {
        boolean verbose = args.has("verbose");
        boolean pivot = args.has("pivot");
        boolean finish = args.has("finish");
        boolean blockdev = args.has("blockdev");
        boolean blocking = args.has("wait") || finish || pivot;
        boolean async = args.has("async");
        boolean bytes = args.has("bytes");
        boolean transientJob = args.has("transient-job");
        boolean syncWrites = args.has("synchronous-writes");
        boolean printXml = args.has("print-xml");
        String path = args.string("path");
        String dest = args.string("dest");
        String xml = args.string("xml");
        String format = args.string("format");
        long bandwidth = bandwidth(args, bytes);
        long granularity = args.has("granularity") ? args.uint("granularity") : 0;
        long bufSize = args.ulong("buf-size").orElse(0);
        long timeout = args.timeoutMs().orElse(0);
        if (timeout > 0) {
            blocking = true;
        }
        args.exclusive("dest", "xml");
        args.exclusive("format", "xml");
        args.exclusive("blockdev", "xml");
        args.exclusive("pivot", "finish");
        if (dest == null && xml == null) {
            throw new CommandFailure("need either --dest or --xml");
        }
        needsBlocking(blocking, verbose, async, "--finish");
        Domain dom = DomainLookup.domain(ctx, args);
        String xmlText = xml != null ? XmlFiles.read(ctx, xml) : null;
        boolean newApi = granularity != 0 || bufSize != 0 || (format != null && !format.equals("raw")) || xml != null
                || transientJob || syncWrites;
        if (printXml || newApi) {
            if (xmlText == null) {
                StringBuilder b = new StringBuilder();
                b.append("<disk type='").append(blockdev ? "block" : "file").append("'>\n");
                b.append("  <source ").append(blockdev ? "dev" : "file").append("='").append(Escapes.xml(dest))
                        .append("'/>\n");
                if (format != null) {
                    b.append("  <driver type='").append(Escapes.xml(format)).append("'/>\n");
                }
                b.append("</disk>\n");
                xmlText = b.toString();
            }
            if (printXml) {
                ctx.print(xmlText);
                return;
            }
        }
        try (BlockJobWait wait = blocking ? waitFor(ctx, dom, path, "Block Copy", verbose, timeout, async) : null) {
            if (newApi) {
                TypedParameters.Builder params = TypedParameters.builder();
                if (bandwidth != 0) {
                    long limit = -1L >>> 20;
                    if (!bytes && Long.compareUnsigned(bandwidth, limit) > 0) {
                        throw new CommandFailure("bandwidth must be less than " + Long.toUnsignedString(limit));
                    }
                    params.addULLong("bandwidth", bytes ? bandwidth : bandwidth << 20);
                }
                if (granularity != 0) {
                    params.addUInt("granularity", granularity);
                }
                if (bufSize != 0) {
                    params.addULLong("buf-size", bufSize);
                }
                EnumSet<DomainBlockCopyFlag> flags = EnumSet.noneOf(DomainBlockCopyFlag.class);
                if (args.has("shallow")) {
                    flags.add(DomainBlockCopyFlag.SHALLOW);
                }
                if (args.has("reuse-external")) {
                    flags.add(DomainBlockCopyFlag.REUSE_EXT);
                }
                if (transientJob) {
                    flags.add(DomainBlockCopyFlag.TRANSIENT_JOB);
                }
                if (syncWrites) {
                    flags.add(DomainBlockCopyFlag.SYNCHRONOUS_WRITES);
                }
                dom.blockCopy(path, xmlText, params.build(), flags);
            } else {
                EnumSet<DomainBlockRebaseFlag> flags = EnumSet.of(DomainBlockRebaseFlag.COPY);
                if (args.has("shallow")) {
                    flags.add(DomainBlockRebaseFlag.SHALLOW);
                }
                if (args.has("reuse-external")) {
                    flags.add(DomainBlockRebaseFlag.REUSE_EXT);
                }
                if (blockdev) {
                    flags.add(DomainBlockRebaseFlag.COPY_DEV);
                }
                if ("raw".equals(format)) {
                    flags.add(DomainBlockRebaseFlag.COPY_RAW);
                }
                if (bytes) {
                    flags.add(DomainBlockRebaseFlag.BANDWIDTH_BYTES);
                }
                dom.blockRebase(path, dest, bandwidth, flags);
            }
            if (!blocking) {
                ctx.print("Block Copy started");
                return;
            }
            switch (wait.await()) {
                case CANCELED -> aborted(ctx, "Copy aborted");
                case FAILED -> aborted(ctx, "Copy failed");
                default -> {
                }
            }
            if (pivot) {
                finishJob(dom, path, async, true, "failed to pivot job for disk ");
                ctx.print("\nSuccessfully pivoted");
            } else if (finish) {
                finishJob(dom, path, async, false, "failed to finish job for disk ");
                ctx.print("\nSuccessfully copied");
            } else {
                ctx.print("\nNow in mirroring phase");
            }
        }
    }

    private static void pull(CommandContext ctx, ParsedArgs args) {
        boolean blocking = args.has("wait");
        boolean verbose = args.has("verbose");
        boolean async = args.has("async");
        boolean bytes = args.has("bytes");
        args.requires("verbose", "wait");
        args.requires("async", "wait");
        String path = args.string("path");
        String base = args.string("base");
        long bandwidth = bandwidth(args, bytes);
        long timeout = args.timeoutMs().orElse(0);
        boolean relative = args.has("keep-relative");
        Domain dom = DomainLookup.domain(ctx, args);
        try (BlockJobWait wait = blocking ? waitFor(ctx, dom, path, "Block Pull", verbose, timeout, async) : null) {
            if (base != null || relative) {
                EnumSet<DomainBlockRebaseFlag> flags = EnumSet.noneOf(DomainBlockRebaseFlag.class);
                if (relative) {
                    flags.add(DomainBlockRebaseFlag.RELATIVE);
                }
                if (bytes) {
                    flags.add(DomainBlockRebaseFlag.BANDWIDTH_BYTES);
                }
                dom.blockRebase(path, base, bandwidth, flags);
            } else {
                dom.blockPull(path, bandwidth, bytes ? EnumSet.of(DomainBlockPullFlag.BANDWIDTH_BYTES)
                        : EnumSet.noneOf(DomainBlockPullFlag.class));
            }
            if (!blocking) {
                ctx.print("Block Pull started");
                return;
            }
            switch (wait.await()) {
                case CANCELED -> aborted(ctx, "Pull aborted");
                case FAILED -> aborted(ctx, "Pull failed");
                default -> ctx.print("\nPull complete");
            }
        }
    }

    /** virshDomainBlockJob's names of the job types. */
    static String jobName(DomainBlockJobType type) {
        return switch (type) {
            case PULL -> "Block Pull";
            case COPY -> "Block Copy";
            case COMMIT -> "Block Commit";
            case ACTIVE_COMMIT -> "Active Block Commit";
            case BACKUP -> "Backup";
            default -> "Unknown job";
        };
    }

    private static void job(CommandContext ctx, ParsedArgs args) {
        boolean raw = args.has("raw");
        boolean bytes = args.has("bytes");
        boolean abort = args.has("abort");
        boolean pivot = args.has("pivot");
        boolean async = args.has("async");
        boolean bandwidth = args.has("bandwidth");
        args.exclusive("raw", "abort");
        args.exclusive("raw", "pivot");
        args.exclusive("raw", "async");
        args.exclusive("raw", "bandwidth");
        args.exclusive("info", "abort");
        args.exclusive("info", "pivot");
        args.exclusive("info", "async");
        args.exclusive("info", "bandwidth");
        args.exclusive("bytes", "abort");
        args.exclusive("bytes", "pivot");
        args.exclusive("bytes", "async");
        Domain dom = DomainLookup.domain(ctx, args);
        String path = args.string("path");
        if (bandwidth) {
            long value = bandwidth(args, bytes);
            dom.blockJobSetSpeed(path, value, bytes ? EnumSet.of(DomainBlockJobSetSpeedFlag.BANDWIDTH_BYTES)
                    : EnumSet.noneOf(DomainBlockJobSetSpeedFlag.class));
        } else if (abort || pivot || async) {
            EnumSet<DomainBlockJobAbortFlag> flags = EnumSet.noneOf(DomainBlockJobAbortFlag.class);
            if (async) {
                flags.add(DomainBlockJobAbortFlag.ASYNC);
            }
            if (pivot) {
                flags.add(DomainBlockJobAbortFlag.PIVOT);
            }
            dom.blockJobAbort(path, flags);
        } else {
            info(ctx, dom, path, raw, bytes);
        }
    }

    /** virshBlockJobInfo: bytes/s first unless --raw, MiB/s when the driver cannot say bytes. */
    private static void info(CommandContext ctx, Domain dom, String path, boolean raw, boolean bytes) {
        Optional<DomainBlockJobInfo> info = null;
        long speed = 0;
        if (bytes || !raw) {
            try {
                info = dom.getBlockJobInfo(path, EnumSet.of(DomainBlockJobInfoFlag.BANDWIDTH_BYTES));
                speed = info.map(DomainBlockJobInfo::bandwidth).orElse(0L);
            } catch (VirtException e) {
                boolean retry = !bytes && !raw
                        && (e.code() == ErrorCode.INVALID_ARG || e.code() == ErrorCode.OVERFLOW);
                if (!retry) {
                    throw e;
                }
            }
        }
        if (info == null) {
            info = dom.getBlockJobInfo(path, Set.of());
            speed = info.map(DomainBlockJobInfo::bandwidth).orElse(0L);
            if (!raw && info.isPresent()) {
                long mib = info.get().bandwidth();
                speed = mib << 20;
                if (speed >>> 20 != mib) {
                    throw new CommandFailure("overflow in converting " + mib + " MiB/s to bytes\n");
                }
            }
        }
        if (info.isEmpty()) {
            if (!raw) {
                ctx.print("No current block job for " + path);
            }
            return;
        }
        DomainBlockJobInfo i = info.get();
        if (raw) {
            ctx.print(" type=" + jobName(i.type()) + "\n bandwidth=" + Long.toUnsignedString(i.bandwidth())
                    + "\n cur=" + Long.toUnsignedString(i.cur()) + "\n end=" + Long.toUnsignedString(i.end()) + "\n");
            return;
        }
        // virsh draws the job's progress on stderr as its progress line, then the bandwidth on stdout
        new Progress(ctx, jobName(i.type())).show(i.end() - i.cur(), i.end());
        if (speed != 0) {
            CFormat.Capacity c = CFormat.capacity(speed);
            ctx.print("    Bandwidth limit: " + Long.toUnsignedString(speed) + " bytes/s (" + c + "/s)");
        }
        ctx.print("\n");
    }

    private static void resize(CommandContext ctx, ParsedArgs args) {
        String path = args.string("path");
        long size = args.scaled("size", 1024, -1L).orElse(0);
        EnumSet<DomainBlockResizeFlag> flags = EnumSet.noneOf(DomainBlockResizeFlag.class);
        if (Long.remainderUnsigned(size, 1024) == 0) {
            size = Long.divideUnsigned(size, 1024);
        } else {
            flags.add(DomainBlockResizeFlag.BYTES);
        }
        Domain dom = DomainLookup.domain(ctx, args);
        try {
            dom.blockResize(path, size, flags);
        } catch (VirtException e) {
            throw new CommandFailure("Failed to resize block device '" + path + "'", e);
        }
        ctx.printExtra("Block device '" + path + "' is resized");
    }

    private static void threshold(CommandContext ctx, ParsedArgs args) {
        Domain dom = DomainLookup.domain(ctx, args);
        String dev = args.string("dev");
        long threshold = args.scaled("threshold", 1, -1L).orElse(0);
        dom.setBlockThreshold(dev, threshold);
    }
}
