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
                    DomainBasics.printXml(ctx, args, xml);
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
        ctx.print("--------------------\n");
        ctx.print(String.format("%5s: %10d KiB\n", "Total", total));
    }

    private static void cpuStats(CommandContext ctx, ParsedArgs args) {
        int cpu = args.has("cpu") ? args.integer("cpu").orElseThrow() : -1;
        TypedParameters first;
        try {
            first = ctx.connection().nodeGetCPUStats(cpu);
        } catch (VirtException e) {
            throw new CommandFailure("Unable to get node cpu stats", e);
        }
        if (!args.has("percent")) {
            for (TypedParameter t : first) {
                ctx.print(String.format("%-15s %20s\n", t.field() + ":", t.valueText()));
            }
            return;
        }
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        TypedParameters second = ctx.connection().nodeGetCPUStats(cpu);
        List<String> fields = new ArrayList<>(List.of("user", "system", "idle", "iowait"));
        double[] delta = new double[fields.size()];
        double sum = 0;
        for (int i = 0; i < fields.size(); i++) {
            delta[i] = second.getULLong(fields.get(i)).orElse(0) - first.getULLong(fields.get(i)).orElse(0);
            sum += delta[i];
        }
        ctx.print(String.format("%-15s %5.1f%%\n", "usage:", sum == 0 ? 0 : 100 - delta[2] * 100 / sum));
        for (int i = 0; i < fields.size(); i++) {
            ctx.print(String.format("%-15s %5.1f%%\n", fields.get(i) + ":", sum == 0 ? 0 : delta[i] * 100 / sum));
        }
    }
}
