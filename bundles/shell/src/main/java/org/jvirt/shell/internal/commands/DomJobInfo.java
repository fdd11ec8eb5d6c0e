package org.jvirt.shell.internal.commands;

import java.util.EnumSet;
import java.util.List;
import java.util.OptionalLong;

import org.jvirt.api.Domain;
import org.jvirt.api.DomainGetJobStatsFlag;
import org.jvirt.api.DomainJobInfo;
import org.jvirt.api.DomainJobStats;
import org.jvirt.api.DomainJobType;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.TypedParamFields;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.TypedParameters;
import org.jvirt.api.VirtException;
import org.jvirt.shell.internal.CommandContext;
import org.jvirt.shell.internal.vsh.CommandFailure;
import org.jvirt.shell.internal.vsh.ParsedArgs;

/**
 * domjobinfo as virsh's cmdDomjobinfo prints it: the job type and operation, then, for a running (or, with
 * --completed, a completed) job, each statistic the driver gave in virsh's order and units; --rawstats prints the
 * typed parameters as they are.
 */
final class DomJobInfo {
    private static final List<String> TYPES = List.of("None", "Bounded", "Unbounded", "Completed", "Failed",
            "Cancelled");
    private static final List<String> OPERATIONS = List.of("Unknown", "Start", "Save", "Restore",
            "Incoming migration", "Outgoing migration", "Snapshot", "Snapshot revert", "Dump", "Backup",
            "Snapshot delete");

    private DomJobInfo() {
    }

    static void run(CommandContext ctx, ParsedArgs args) {
        boolean rawstats = args.has("rawstats");
        args.requires("keep-completed", "completed");
        Domain dom = DomainLookup.domain(ctx, args);
        EnumSet<DomainGetJobStatsFlag> flags = EnumSet.noneOf(DomainGetJobStatsFlag.class);
        if (args.has("completed")) {
            flags.add(DomainGetJobStatsFlag.COMPLETED);
        }
        if (args.has("keep-completed")) {
            flags.add(DomainGetJobStatsFlag.KEEP_COMPLETED);
        }
        DomainJobType type;
        TypedParameters params;
        DomainJobInfo info;
        try {
            DomainJobStats stats = dom.getJobStats(flags);
            type = stats.type();
            params = stats.params();
            info = fromStats(type, params);
        } catch (VirtException e) {
            if (e.code() != ErrorCode.NO_SUPPORT) {
                throw e;
            }
            if (!flags.isEmpty() || rawstats) {
                throw new CommandFailure("Optional flags or --rawstats are not supported by the daemon", e);
            }
            info = dom.getJobInfo();
            type = info.type();
            params = TypedParameters.empty();
        }
        if (rawstats) {
            ctx.print("Job type: " + type.value() + "\n\n");
            for (TypedParameter p : params) {
                ctx.print(p.field() + ": " + CFormat.typedParameter(p) + "\n");
            }
            return;
        }
        ctx.print(String.format("%-17s %-12s\n", "Job type:", name(TYPES, type.value())));
        if (type == DomainJobType.NONE) {
            return;
        }
        int op = params.getInt(TypedParamFields.DOMAIN_JOB_OPERATION).orElse(0);
        ctx.print(String.format("%-17s %-12s\n", "Operation:", op >= 0 && op < OPERATIONS.size() ? OPERATIONS.get(op)
                : "unknown"));
        if (!args.has("anystats") && type != DomainJobType.BOUNDED && type != DomainJobType.UNBOUNDED
                && (!flags.contains(DomainGetJobStatsFlag.COMPLETED) || type != DomainJobType.COMPLETED)) {
            return;
        }
        StringBuilder out = new StringBuilder();
        ms(out, "Time elapsed:", info.timeElapsed());
        ull(params, TypedParamFields.DOMAIN_JOB_TIME_ELAPSED_NET).ifPresent(v -> ms(out, "Time elapsed w/o network:", v));
        if (type == DomainJobType.BOUNDED) {
            ms(out, "Time remaining:", info.timeRemaining());
        }
        if (info.dataTotal() != 0 || info.dataRemaining() != 0 || info.dataProcessed() != 0) {
            capacity(out, "Data processed:", info.dataProcessed());
            capacity(out, "Data remaining:", info.dataRemaining());
            capacity(out, "Data total:", info.dataTotal());
        }
        if (info.memTotal() != 0 || info.memRemaining() != 0 || info.memProcessed() != 0) {
            capacity(out, "Memory processed:", info.memProcessed());
            capacity(out, "Memory remaining:", info.memRemaining());
            capacity(out, "Memory total:", info.memTotal());
            ull(params, TypedParamFields.DOMAIN_JOB_MEMORY_BPS).ifPresent(v -> {
                if (v != 0) {
                    out.append(String.format("%-17s %s/s\n", "Memory bandwidth:", CFormat.capacity(v)));
                }
            });
            ull(params, TypedParamFields.DOMAIN_JOB_MEMORY_DIRTY_RATE)
                    .ifPresent(v -> number(out, "Dirty rate:", v, 12, " pages/s"));
            ull(params, TypedParamFields.DOMAIN_JOB_MEMORY_PAGE_SIZE)
                    .ifPresent(v -> number(out, "Page size:", v, 12, " bytes"));
            ull(params, TypedParamFields.DOMAIN_JOB_MEMORY_ITERATION)
                    .ifPresent(v -> number(out, "Iteration:", v, 12, ""));
            ull(params, TypedParamFields.DOMAIN_JOB_MEMORY_POSTCOPY_REQS)
                    .ifPresent(v -> number(out, "Postcopy requests:", v, 12, ""));
        }
        if (info.fileTotal() != 0 || info.fileRemaining() != 0 || info.fileProcessed() != 0) {
            capacity(out, "File processed:", info.fileProcessed());
            capacity(out, "File remaining:", info.fileRemaining());
            capacity(out, "File total:", info.fileTotal());
            ull(params, TypedParamFields.DOMAIN_JOB_DISK_BPS).ifPresent(v -> {
                if (v != 0) {
                    out.append(String.format("%-17s %s/s\n", "File bandwidth:", CFormat.capacity(v)));
                }
            });
        }
        ull(params, TypedParamFields.DOMAIN_JOB_MEMORY_CONSTANT).ifPresent(v -> number(out, "Constant pages:", v, 12, ""));
        ull(params, TypedParamFields.DOMAIN_JOB_MEMORY_NORMAL).ifPresent(v -> number(out, "Normal pages:", v, 12, ""));
        ull(params, TypedParamFields.DOMAIN_JOB_MEMORY_NORMAL_BYTES).ifPresent(v -> capacity(out, "Normal data:", v));
        String downtime = type == DomainJobType.COMPLETED ? "Total downtime:" : "Expected downtime:";
        ull(params, TypedParamFields.DOMAIN_JOB_DOWNTIME).ifPresent(v -> ms(out, downtime, v));
        ull(params, TypedParamFields.DOMAIN_JOB_DOWNTIME_NET).ifPresent(v -> ms(out, "Downtime w/o network:", v));
        ull(params, TypedParamFields.DOMAIN_JOB_SETUP_TIME).ifPresent(v -> ms(out, "Setup time:", v));
        ull(params, TypedParamFields.DOMAIN_JOB_COMPRESSION_CACHE).ifPresent(v -> capacity(out, "Compression cache:", v));
        ull(params, TypedParamFields.DOMAIN_JOB_COMPRESSION_BYTES).ifPresent(v -> capacity(out, "Compressed data:", v));
        ull(params, TypedParamFields.DOMAIN_JOB_COMPRESSION_PAGES)
                .ifPresent(v -> number(out, "Compressed pages:", v, 13, ""));
        ull(params, TypedParamFields.DOMAIN_JOB_COMPRESSION_CACHE_MISSES)
                .ifPresent(v -> number(out, "Compression cache misses:", v, 13, ""));
        ull(params, TypedParamFields.DOMAIN_JOB_COMPRESSION_OVERFLOW)
                .ifPresent(v -> number(out, "Compression overflows:", v, 13, ""));
        params.getInt(TypedParamFields.DOMAIN_JOB_AUTO_CONVERGE_THROTTLE).ifPresent(v -> out.append(
                String.format("%-17s %-13d\n", "Auto converge throttle:", v)));
        ull(params, TypedParamFields.DOMAIN_JOB_DISK_TEMP_USED)
                .ifPresent(v -> capacity(out, "Temporary disk space use:", v));
        ull(params, TypedParamFields.DOMAIN_JOB_DISK_TEMP_TOTAL)
                .ifPresent(v -> capacity(out, "Temporary disk space total:", v));
        params.getString(TypedParamFields.DOMAIN_JOB_ERRMSG)
                .ifPresent(v -> out.append(String.format("%-17s %s\n", "Error message:", v)));
        ctx.print(out.toString());
    }

    /** virshDomainJobStatsToDomainJobInfo: the fields virDomainJobInfo has, 0 when absent. */
    private static DomainJobInfo fromStats(DomainJobType type, TypedParameters p) {
        return new DomainJobInfo(type, u(p, TypedParamFields.DOMAIN_JOB_TIME_ELAPSED),
                u(p, TypedParamFields.DOMAIN_JOB_TIME_REMAINING), u(p, TypedParamFields.DOMAIN_JOB_DATA_TOTAL),
                u(p, TypedParamFields.DOMAIN_JOB_DATA_PROCESSED), u(p, TypedParamFields.DOMAIN_JOB_DATA_REMAINING),
                u(p, TypedParamFields.DOMAIN_JOB_MEMORY_TOTAL), u(p, TypedParamFields.DOMAIN_JOB_MEMORY_PROCESSED),
                u(p, TypedParamFields.DOMAIN_JOB_MEMORY_REMAINING), u(p, TypedParamFields.DOMAIN_JOB_DISK_TOTAL),
                u(p, TypedParamFields.DOMAIN_JOB_DISK_PROCESSED), u(p, TypedParamFields.DOMAIN_JOB_DISK_REMAINING));
    }

    private static long u(TypedParameters p, String field) {
        return p.getULLong(field).orElse(0);
    }

    private static OptionalLong ull(TypedParameters p, String field) {
        return p.getULLong(field);
    }

    private static String name(List<String> names, int value) {
        return value >= 0 && value < names.size() ? names.get(value) : "unknown";
    }

    private static void ms(StringBuilder out, String label, long value) {
        number(out, label, value, 12, " ms");
    }

    private static void number(StringBuilder out, String label, long value, int width, String unit) {
        out.append(String.format("%-17s %-" + width + "s%s\n", label, Long.toUnsignedString(value), unit));
    }

    private static void capacity(StringBuilder out, String label, long value) {
        out.append(String.format("%-17s %s\n", label, CFormat.capacity(value)));
    }
}
