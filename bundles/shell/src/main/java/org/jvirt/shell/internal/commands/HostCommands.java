package org.jvirt.shell.internal.commands;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.jvirt.api.BaselineCPUFlag;
import org.jvirt.api.CompareCPUFlag;
import org.jvirt.api.CpuCompareResult;
import org.jvirt.api.NodeCPUMap;
import org.jvirt.api.NodeSuspendTarget;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.TypedParameters;
import org.jvirt.api.VirtException;
import org.jvirt.shell.internal.CommandContext;
import org.jvirt.shell.internal.TableCommand;
import org.jvirt.shell.internal.VirshCommand;
import org.jvirt.shell.internal.vsh.CommandFailure;
import org.jvirt.shell.internal.vsh.ParsedArgs;

/**
 * The host and its hypervisor: capabilities, domcapabilities, sysinfo, freecell, nodecpustats, nodememstats,
 * nodecpumap, node-memory-tune, nodesuspend, maxvcpus, cpu-models, cpu-baseline, cpu-compare, nodesevinfo.
 */
final class HostCommands {
    private HostCommands() {
    }

    static List<VirshCommand> all() {
        return List.of(
                TableCommand.of("capabilities", (ctx, args) -> {
                    String xml;
                    try {
                        xml = ctx.connection().getCapabilities();
                    } catch (VirtException e) {
                        throw new CommandFailure("failed to get capabilities", e);
                    }
                    // virsh 9.0's capabilities takes no options and prints the document with a newline after it
                    ctx.print(xml + "\n");
                }),
                TableCommand.of("domcapabilities", (ctx, args) -> {
                    String xml;
                    try {
                        xml = ctx.connection().getDomainCapabilities(args.string("emulatorbin"), args.string("arch"),
                                args.string("machine"), args.string("virttype"));
                    } catch (VirtException e) {
                        throw new CommandFailure("failed to get emulator capabilities", e);
                    }
                    DomainBasics.printXml(ctx, args, xml);
                }),
                TableCommand.of("sysinfo", (ctx, args) -> {
                    String xml;
                    try {
                        xml = ctx.connection().getSysinfo();
                    } catch (VirtException e) {
                        throw new CommandFailure("failed to get sysinfo", e);
                    }
                    ctx.print(xml);
                }),
                TableCommand.of("freecell", HostCommands::freecell),
                TableCommand.of("nodecpustats", HostCommands::cpuStats),
                TableCommand.of("nodememstats", (ctx, args) -> {
                    int cell = args.has("cell") ? args.integer("cell").orElseThrow() : -1;
                    TypedParameters p;
                    try {
                        p = ctx.connection().nodeGetMemoryStats(cell);
                    } catch (VirtException e) {
                        throw new CommandFailure("Unable to get number of memory stats", e);
                    }
                    for (TypedParameter t : p) {
                        ctx.print(String.format("%-7s %20s KiB\n", t.field() + ":", t.valueText()));
                    }
                }),
                TableCommand.of("nodecpumap", (ctx, args) -> {
                    NodeCPUMap map;
                    try {
                        map = ctx.connection().nodeGetCPUMap();
                    } catch (VirtException e) {
                        throw new CommandFailure("Unable to get cpu map", e);
                    }
                    ctx.print(String.format("%-15s %d\n", "CPUs present:", map.cpus()));
                    ctx.print(String.format("%-15s %d\n", "CPUs online:", map.online().cardinality()));
                    ctx.print(String.format("%-15s %s\n", "CPU map:", args.has("pretty")
                            ? CpuLists.format(map.online()) : CpuLists.yn(map.online(), map.cpus())));
                }),
                TableCommand.of("node-memory-tune", (ctx, args) -> {
                    TypedParameters.Builder b = TypedParameters.builder();
                    boolean any = false;
                    for (String[] o : new String[][] {{"shm-pages-to-scan", "shm_pages_to_scan"},
                        {"shm-sleep-millisecs", "shm_sleep_millisecs"}, {"shm-merge-across-nodes",
                            "shm_merge_across_nodes"}}) {
                        if (args.has(o[0])) {
                            b.addUInt(o[1], args.uint(o[0]));
                            any = true;
                        }
                    }
                    if (any) {
                        try {
                            ctx.connection().nodeSetMemoryParameters(b.build());
                        } catch (VirtException e) {
                            throw new CommandFailure("Unable to change memory parameters", e);
                        }
                        return;
                    }
                    TypedParameters p;
                    try {
                        p = ctx.connection().nodeGetMemoryParameters();
                    } catch (VirtException e) {
                        throw new CommandFailure("Unable to get number of memory parameters", e);
                    }
                    ctx.print("Shared memory:\n");
                    for (TypedParameter t : p) {
                        ctx.print(String.format("\t%-15s %s\n", t.field().replaceFirst("^shm_", ""), t.valueText()));
                    }
                }),
                TableCommand.of("nodesuspend", (ctx, args) -> {
                    String target = args.string("target");
                    NodeSuspendTarget t = switch (target) {
                        case "mem" -> NodeSuspendTarget.MEM;
                        case "disk" -> NodeSuspendTarget.DISK;
                        case "hybrid" -> NodeSuspendTarget.HYBRID;
                        default -> throw new CommandFailure("Invalid target");
                    };
                    long duration = args.longValue("duration").orElseThrow();
                    if (duration < 0) {
                        throw new CommandFailure("Invalid duration");
                    }
                    try {
                        ctx.connection().nodeSuspendForDuration(t, duration);
                    } catch (VirtException e) {
                        throw new CommandFailure("The host was not suspended", e);
                    }
                }),
                TableCommand.of("maxvcpus", (ctx, args) -> ctx.print(
                        ctx.connection().getMaxVcpus(args.string("type")) + "\n")),
                TableCommand.of("cpu-models", (ctx, args) -> {
                    List<String> models = ctx.connection().getCPUModelNames(args.string("arch"));
                    if (models.isEmpty()) {
                        ctx.print("all CPU models are accepted\n");
                    }
                    models.forEach(m -> ctx.print(m + "\n"));
                }),
                TableCommand.of("cpu-baseline", (ctx, args) -> {
                    List<String> cpus = CpuDocs.cpus(ctx, args.string("file"));
                    EnumSet<BaselineCPUFlag> f = EnumSet.noneOf(BaselineCPUFlag.class);
                    if (args.has("features")) {
                        f.add(BaselineCPUFlag.EXPAND_FEATURES);
                    }
                    if (args.has("migratable")) {
                        f.add(BaselineCPUFlag.MIGRATABLE);
                    }
                    ctx.print(ctx.connection().baselineCPU(cpus, f));
                }),
                TableCommand.of("cpu-compare", (ctx, args) -> {
                    String file = args.string("file");
                    List<String> cpus = CpuDocs.cpus(ctx, file);
                    EnumSet<CompareCPUFlag> f = EnumSet.noneOf(CompareCPUFlag.class);
                    if (args.has("error")) {
                        f.add(CompareCPUFlag.FAIL_INCOMPATIBLE);
                    }
                    if (args.has("validate")) {
                        f.add(CompareCPUFlag.VALIDATE_XML);
                    }
                    CpuCompareResult r = ctx.connection().compareCPU(cpus.get(0), f);
                    switch (r) {
                        case INCOMPATIBLE -> throw new CommandFailure("CPU described in " + file
                                + " is incompatible with host CPU");
                        case IDENTICAL -> ctx.print("CPU described in " + file + " is identical to host CPU\n");
                        case SUPERSET -> ctx.print("Host CPU is a superset of CPU described in " + file + "\n");
                        default -> throw new CommandFailure("Failed to compare host CPU with " + file);
                    }
                }),
                TableCommand.of("nodesevinfo", (ctx, args) -> {
                    TypedParameters p;
                    try {
                        p = ctx.connection().nodeGetSEVInfo();
                    } catch (VirtException e) {
                        throw new CommandFailure("Unable to get host SEV information", e);
                    }
                    for (TypedParameter t : p) {
                        ctx.print(String.format("%-18s: %s\n", t.field(), t.valueText()));
                    }
                }));
    }

    private static void freecell(CommandContext ctx, ParsedArgs args) {
        boolean all = args.has("all");
        boolean hasCell = args.has("cellno");
        if (all && hasCell) {
            throw new CommandFailure("Options --cellno and --all are mutually exclusive");
        }
        if (!all && !hasCell) {
            long free;
            try {
                free = ctx.connection().nodeGetFreeMemory();
            } catch (VirtException e) {
                throw new CommandFailure("failed to get free memory", e);
            }
            ctx.print(String.format("%s: %d KiB\n", "Total", free / 1024));
            return;
        }
        if (hasCell) {
            int cell = args.integer("cellno").orElseThrow();
            long[] free = ctx.connection().nodeGetCellsFreeMemory(cell, 1);
            ctx.print(String.format("%d: %d KiB\n", cell, free[0] / 1024));
            return;
        }
        int cells = ctx.connection().nodeInfo().nodes();
        long[] free = ctx.connection().nodeGetCellsFreeMemory(0, cells);
        long total = 0;
        for (int i = 0; i < free.length; i++) {
            ctx.print(String.format("%5d: %10d KiB\n", i, free[i] / 1024));
            total += free[i] / 1024;
        }
        // the separator and total are informational: quiet mode leaves them out
        ctx.printExtra("--------------------\n");
        ctx.printExtra(String.format("%5s: %10d KiB\n", "Total", total));
    }

    /** libvirt's node CPU statistics fields, in virsh's order, and the labels virsh prints for them. */
    private static final List<String> CPU_FIELDS = List.of("user", "kernel", "idle", "iowait", "intr", "utilization");
    private static final List<String> CPU_LABELS = List.of("user:", "system:", "idle:", "iowait:", "intr:", "usage:");

    private static void cpuStats(CommandContext ctx, ParsedArgs args) {
        int cpu = args.has("cpu") ? args.integer("cpu").orElseThrow() : -1;
        boolean percent = args.has("percent");
        long[] stats = new long[CPU_FIELDS.size()];
        boolean[] present = new boolean[CPU_FIELDS.size()];
        int usage = CPU_FIELDS.size() - 1;
        for (int round = 0; round < 2; round++) {
            TypedParameters params;
            try {
                params = ctx.connection().nodeGetCPUStats(cpu);
            } catch (VirtException e) {
                throw new CommandFailure("Unable to get node cpu stats", e);
            }
            for (TypedParameter t : params) {
                int field = CPU_FIELDS.indexOf(t.field());
                if (field < 0) {
                    continue;
                }
                long value = params.getULLong(t.field()).orElse(0);
                if (round == 0) {
                    stats[field] = value;
                    present[field] = true;
                } else if (present[field]) {
                    stats[field] = value - stats[field];
                }
            }
            if (present[usage] || !percent) {
                break;
            }
            try {
                // virsh measures the percentages over one second
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (!percent) {
            for (int i = 0; i < usage; i++) {
                if (present[i]) {
                    ctx.print(String.format("%-15s %20s%n", CPU_LABELS.get(i), Long.toUnsignedString(stats[i])));
                }
            }
        } else if (present[usage]) {
            ctx.print(String.format("%-15s %5d%%%n", "usage:", stats[usage]));
            ctx.print(String.format("%-15s %5d%%%n", "idle:", 100 - stats[usage]));
        } else {
            double total = 0;
            for (int i = 0; i < usage; i++) {
                total += stats[i];
            }
            double used = (stats[0] + stats[1]) / total * 100;
            ctx.print(String.format(java.util.Locale.ROOT, "%-15s %5.1f%%%n", "usage:", used));
            for (int i = 0; i < usage; i++) {
                if (present[i]) {
                    ctx.print(String.format(java.util.Locale.ROOT, "%-15s %5.1f%%%n", CPU_LABELS.get(i),
                            stats[i] / total * 100));
                }
            }
        }
    }
}
