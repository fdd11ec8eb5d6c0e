package org.jvirt.shell.internal.commands;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.jvirt.api.Domain;
import org.jvirt.api.DomainAffect;
import org.jvirt.api.DomainIOThreadInfo;
import org.jvirt.api.DomainMemoryModFlag;
import org.jvirt.api.DomainVcpuFlag;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.TypedParameterType;
import org.jvirt.api.TypedParameters;
import org.jvirt.api.VcpuInfo;
import org.jvirt.api.VirtException;
import org.jvirt.shell.internal.CommandContext;
import org.jvirt.shell.internal.TableCommand;
import org.jvirt.shell.internal.VirshCommand;
import org.jvirt.shell.internal.vsh.CommandFailure;
import org.jvirt.shell.internal.vsh.ParsedArgs;
import org.jvirt.shell.internal.vsh.VshTable;

/**
 * A domain's CPUs, memory and I/O tuning: vcpucount, vcpuinfo, vcpupin, emulatorpin, setvcpus, setvcpu, guestvcpus,
 * setmem, setmaxmem, memtune, blkiotune, schedinfo, numatune, perf, iothread*, cpu-stats, domiftune, blkdeviotune.
 */
final class DomainTuning {
    /** libvirt's "unlimited" for memory tunables (VIR_DOMAIN_MEMORY_PARAM_UNLIMITED), in KiB. */
    static final long UNLIMITED = 9007199254740991L;

    private DomainTuning() {
    }

    static List<VirshCommand> all() {
        return List.of(
                TableCommand.of("vcpucount", DomainTuning::vcpuCount),
                TableCommand.of("vcpuinfo", DomainTuning::vcpuInfo),
                TableCommand.of("vcpupin", DomainTuning::vcpuPin),
                TableCommand.of("emulatorpin", DomainTuning::emulatorPin),
                TableCommand.of("setvcpus", DomainTuning::setVcpus),
                TableCommand.of("setvcpu", (ctx, args) -> {
                    args.exclusive("enable", "disable");
                    Domain dom = DomainLookup.domain(ctx, args);
                    boolean enable = args.has("enable");
                    if (!enable && !args.has("disable")) {
                        throw new CommandFailure("one of --enable, --disable is required");
                    }
                    dom.setVcpu(args.string("vcpulist"), enable, Affect.of(args));
                }),
                TableCommand.of("guestvcpus", (ctx, args) -> {
                    args.exclusive("enable", "disable");
                    args.requires("enable", "cpulist");
                    args.requires("disable", "cpulist");
                    Domain dom = DomainLookup.domain(ctx, args);
                    String list = args.string("cpulist");
                    if (list != null) {
                        if (!args.has("enable") && !args.has("disable")) {
                            throw new CommandFailure("One of options --enable or --disable is required by option "
                                    + "--cpulist");
                        }
                        dom.setGuestVcpus(list, args.has("enable"));
                        return;
                    }
                    Params.print(ctx, dom.getGuestVcpus());
                }),
                TableCommand.of("setmem", (ctx, args) -> setMemory(ctx, args, false)),
                TableCommand.of("setmaxmem", (ctx, args) -> setMemory(ctx, args, true)),
                TableCommand.of("memtune", DomainTuning::memtune),
                TableCommand.of("blkiotune", DomainTuning::blkiotune),
                TableCommand.of("schedinfo", DomainTuning::schedinfo),
                TableCommand.of("numatune", DomainTuning::numatune),
                TableCommand.of("perf", DomainTuning::perf),
                TableCommand.of("iothreadinfo", DomainTuning::iothreadInfo),
                TableCommand.of("iothreadadd", (ctx, args) -> DomainLookup.domain(ctx, args)
                        .addIOThread(iothreadId(args, "id"), Affect.of(args))),
                TableCommand.of("iothreaddel", (ctx, args) -> DomainLookup.domain(ctx, args)
                        .delIOThread(iothreadId(args, "id"), Affect.of(args))),
                TableCommand.of("iothreadpin", (ctx, args) -> {
                    Domain dom = DomainLookup.domain(ctx, args);
                    int id = iothreadId(args, "iothread");
                    BitSet map = CpuLists.parse(args.string("cpulist"), CpuLists.hostCpus(ctx.connection()));
                    dom.pinIOThread(id, map, Affect.of(args));
                }),
                TableCommand.of("iothreadset", DomainTuning::iothreadSet),
                TableCommand.of("cpu-stats", DomainTuning::cpuStats),
                TableCommand.of("domiftune", DomainTuning::interfaceTune),
                TableCommand.of("blkdeviotune", DomainTuning::blockIoTune));
    }

    private static void vcpuCount(CommandContext ctx, ParsedArgs args) {
        args.exclusive("current", "live");
        args.exclusive("current", "config");
        args.exclusive("active", "maximum");
        args.exclusive("guest", "config");
        Domain dom = DomainLookup.domain(ctx, args);
        boolean maximum = args.has("maximum");
        boolean active = args.has("active");
        boolean live = args.has("live");
        boolean config = args.has("config");
        boolean guest = args.has("guest");
        boolean all = !maximum && !active && !args.has("current") && !live && !config && !guest;
        if (all) {
            boolean running = dom.isActive();
            for (boolean max : new boolean[] {true, false}) {
                for (boolean cfg : new boolean[] {true, false}) {
                    if (!cfg && !running) {
                        continue;
                    }
                    EnumSet<DomainVcpuFlag> f = EnumSet.of(cfg ? DomainVcpuFlag.CONFIG : DomainVcpuFlag.LIVE);
                    if (max) {
                        f.add(DomainVcpuFlag.MAXIMUM);
                    }
                    int count = dom.getVcpusFlags(f);
                    ctx.print(String.format("%-12s %-12s %3d\n", max ? "maximum" : "current",
                            cfg ? "config" : "live", count));
                }
            }
            return;
        }
        EnumSet<DomainVcpuFlag> f = EnumSet.noneOf(DomainVcpuFlag.class);
        if (live) {
            f.add(DomainVcpuFlag.LIVE);
        }
        if (config) {
            f.add(DomainVcpuFlag.CONFIG);
        }
        if (maximum) {
            f.add(DomainVcpuFlag.MAXIMUM);
        }
        if (guest) {
            f.add(DomainVcpuFlag.GUEST);
        }
        ctx.print(dom.getVcpusFlags(f) + "\n");
    }

    private static void vcpuInfo(CommandContext ctx, ParsedArgs args) {
        Domain dom = DomainLookup.domain(ctx, args);
        boolean pretty = args.has("pretty");
        int cpus = CpuLists.hostCpus(ctx.connection());
        List<VcpuInfo> infos = dom.getVcpus();
        for (int i = 0; i < infos.size(); i++) {
            VcpuInfo v = infos.get(i);
            if (i > 0) {
                ctx.print("\n");
            }
            ctx.print(String.format("%-15s %d\n", "VCPU:", v.number()));
            ctx.print(String.format("%-15s %d\n", "CPU:", v.cpu()));
            String state = switch (v.state()) {
                case OFFLINE -> "offline";
                case RUNNING -> "running";
                case BLOCKED -> "idle";
            };
            ctx.print(String.format("%-15s %s\n", "State:", state));
            if (v.cpuTimeNanos() != 0) {
                ctx.print(String.format("%-15s %ss\n", "CPU time:", Dominfo.seconds(v.cpuTimeNanos())));
            }
            String affinity = pretty ? CpuLists.format(v.cpumap()) + " (out of " + cpus + ")"
                    : CpuLists.yn(v.cpumap(), cpus);
            ctx.print(String.format("%-15s %s\n", "CPU Affinity:", affinity));
        }
    }

    private static void vcpuPin(CommandContext ctx, ParsedArgs args) {
        Domain dom = DomainLookup.domain(ctx, args);
        Set<DomainAffect> flags = Affect.of(args);
        boolean gotVcpu = args.has("vcpu");
        long vcpu = gotVcpu ? args.uint("vcpu") : -1;
        String cpulist = args.string("cpulist");
        int cpus = CpuLists.hostCpus(ctx.connection());
        if (cpulist == null) {
            EnumSet<DomainVcpuFlag> countFlags = EnumSet.of(DomainVcpuFlag.MAXIMUM);
            boolean live = flags.contains(DomainAffect.LIVE)
                    || (!flags.contains(DomainAffect.CONFIG) && dom.isActive());
            countFlags.add(live ? DomainVcpuFlag.LIVE : DomainVcpuFlag.CONFIG);
            int ncpus = dom.getVcpusFlags(countFlags);
            if (gotVcpu && vcpu >= ncpus) {
                throw new CommandFailure("vcpu " + vcpu + " is out of range of " + (live ? "live" : "persistent")
                        + " cpu count " + ncpus);
            }
            List<BitSet> pins = dom.getVcpuPinInfo(flags);
            VshTable table = new VshTable("VCPU", "CPU Affinity");
            for (int i = 0; i < pins.size(); i++) {
                if (gotVcpu && i != vcpu) {
                    continue;
                }
                table.addRow(Integer.toString(i), CpuLists.format(pins.get(i)));
            }
            ctx.print(table.render(!ctx.quiet()));
            return;
        }
        if (!gotVcpu) {
            throw new CommandFailure("vcpupin: Missing vCPU number in pin mode.");
        }
        BitSet map = CpuLists.parse(cpulist, cpus);
        if (flags.isEmpty()) {
            dom.pinVcpu((int) vcpu, map);
        } else {
            dom.pinVcpuFlags((int) vcpu, map, flags);
        }
    }

    private static void emulatorPin(CommandContext ctx, ParsedArgs args) {
        Domain dom = DomainLookup.domain(ctx, args);
        Set<DomainAffect> flags = Affect.of(args);
        String cpulist = args.string("cpulist");
        int cpus = CpuLists.hostCpus(ctx.connection());
        if (cpulist == null) {
            Optional<BitSet> pin = dom.getEmulatorPinInfo(flags);
            if (pin.isPresent()) {
                ctx.print("emulator: CPU Affinity\n----------------------------------\n       *: "
                        + CpuLists.format(pin.get()) + "\n");
            }
            return;
        }
        dom.pinEmulator(CpuLists.parse(cpulist, cpus), flags);
    }

    private static void setVcpus(CommandContext ctx, ParsedArgs args) {
        args.exclusive("current", "live");
        args.exclusive("current", "config");
        args.exclusive("guest", "config");
        args.exclusive("hotpluggable", "guest");
        Domain dom = DomainLookup.domain(ctx, args);
        int count = args.integer("count").orElseThrow();
        if (count <= 0) {
            throw new CommandFailure("Invalid number of virtual CPUs");
        }
        EnumSet<DomainVcpuFlag> flags = EnumSet.noneOf(DomainVcpuFlag.class);
        if (args.has("config")) {
            flags.add(DomainVcpuFlag.CONFIG);
        }
        if (args.has("live")) {
            flags.add(DomainVcpuFlag.LIVE);
        }
        if (args.has("maximum")) {
            flags.add(DomainVcpuFlag.MAXIMUM);
        }
        if (args.has("guest")) {
            flags.add(DomainVcpuFlag.GUEST);
        }
        if (args.has("hotpluggable")) {
            flags.add(DomainVcpuFlag.HOTPLUGGABLE);
        }
        if (flags.isEmpty() && !args.has("current")) {
            dom.setVcpus(count);
        } else {
            dom.setVcpusFlags(count, flags);
        }
    }

    private static void setMemory(CommandContext ctx, ParsedArgs args, boolean maximum) {
        Domain dom = DomainLookup.domain(ctx, args);
        Set<DomainMemoryModFlag> flags = EnumSet.noneOf(DomainMemoryModFlag.class);
        flags.addAll(Affect.memory(args));
        long bytes = args.scaled("size", 1024, -1L).orElseThrow();
        long kib = Long.divideUnsigned(bytes, 1024) + (Long.remainderUnsigned(bytes, 1024) != 0 ? 1 : 0);
        try {
            if (maximum) {
                flags.add(DomainMemoryModFlag.MAXIMUM);
                dom.setMemoryFlags(kib, flags);
            } else if (flags.isEmpty() && !args.has("current")) {
                dom.setMemory(kib);
            } else {
                dom.setMemoryFlags(kib, flags);
            }
        } catch (VirtException e) {
            throw new CommandFailure(maximum ? "Unable to change MaxMemorySize" : "Unable to change MemorySize", e);
        }
    }

    private static void memtune(CommandContext ctx, ParsedArgs args) {
        Domain dom = DomainLookup.domain(ctx, args);
        Set<DomainAffect> flags = Affect.of(args);
        TypedParameters.Builder set = TypedParameters.builder();
        boolean any = false;
        for (String[] o : new String[][] {{"hard-limit", "hard_limit"}, {"soft-limit", "soft_limit"},
            {"swap-hard-limit", "swap_hard_limit"}, {"min-guarantee", "min_guarantee"}}) {
            if (!args.has(o[0])) {
                continue;
            }
            String raw = args.raw(o[0]);
            long kib;
            if (raw.equals("-1")) {
                kib = UNLIMITED;
            } else {
                long bytes = args.scaled(o[0], 1024, -1L).orElseThrow();
                kib = Long.divideUnsigned(bytes, 1024);
                if (Long.compareUnsigned(kib, UNLIMITED) > 0) {
                    kib = UNLIMITED;
                }
            }
            set.addULLong(o[1], kib);
            any = true;
        }
        if (any) {
            try {
                dom.setMemoryParameters(set.build(), flags);
            } catch (VirtException e) {
                throw new CommandFailure("Unable to change memory parameters", e);
            }
            return;
        }
        TypedParameters params;
        try {
            params = dom.getMemoryParameters(flags);
        } catch (VirtException e) {
            throw new CommandFailure("Unable to get memory parameters", e);
        }
        for (TypedParameter p : params) {
            if (p.type() == TypedParameterType.ULLONG && p.longValue() == UNLIMITED) {
                Params.line(ctx, p.field(), "unlimited");
            } else {
                Params.line(ctx, p.field(), p.valueText());
            }
        }
    }

    private static void blkiotune(CommandContext ctx, ParsedArgs args) {
        Domain dom = DomainLookup.domain(ctx, args);
        Set<DomainAffect> flags = Affect.of(args);
        TypedParameters.Builder set = TypedParameters.builder();
        boolean any = false;
        if (args.has("weight")) {
            int weight = args.integer("weight").orElseThrow();
            if (weight <= 0) {
                throw new CommandFailure("Invalid value of " + weight + " for I/O weight");
            }
            set.addUInt("weight", weight);
            any = true;
        }
        for (String[] o : new String[][] {{"device-weights", "device_weight"},
            {"device-read-iops-sec", "device_read_iops_sec"}, {"device-write-iops-sec", "device_write_iops_sec"},
            {"device-read-bytes-sec", "device_read_bytes_sec"},
            {"device-write-bytes-sec", "device_write_bytes_sec"}}) {
            String v = args.string(o[0]);
            if (v != null) {
                set.addString(o[1], v);
                any = true;
            }
        }
        if (any) {
            try {
                dom.setBlkioParameters(set.build(), flags);
            } catch (VirtException e) {
                throw new CommandFailure("Unable to change blkio parameters", e);
            }
            return;
        }
        try {
            Params.print(ctx, dom.getBlkioParameters(flags));
        } catch (VirtException e) {
            throw new CommandFailure("Unable to get blkio parameters", e);
        }
    }

    private static void schedinfo(CommandContext ctx, ParsedArgs args) {
        Domain dom = DomainLookup.domain(ctx, args);
        Set<DomainAffect> flags = Affect.of(args);
        String type;
        int nparams;
        try {
            var st = dom.getSchedulerType();
            type = st.type();
            nparams = st.nparams();
        } catch (VirtException e) {
            throw new CommandFailure("Scheduler", e);
        }
        ctx.print(String.format("%-15s: %s\n", "Scheduler", type));
        if (nparams == 0) {
            return;
        }
        TypedParameters current = flags.isEmpty() && !args.has("current") ? dom.getSchedulerParameters()
                : dom.getSchedulerParameters(flags);
        List<String[]> updates = new ArrayList<>();
        for (String s : args.argv("set")) {
            int eq = s.indexOf('=');
            if (eq < 0) {
                throw new CommandFailure("Invalid syntax for --set, expecting name=value");
            }
            updates.add(new String[] {s.substring(0, eq), s.substring(eq + 1)});
        }
        for (String legacy : List.of("weight", "cap")) {
            if (args.has(legacy)) {
                updates.add(new String[] {legacy, args.raw(legacy)});
            }
        }
        if (!updates.isEmpty()) {
            TypedParameters.Builder b = TypedParameters.builder();
            for (String[] u : updates) {
                Optional<TypedParameter> known = current.get(u[0]);
                if (known.isEmpty()) {
                    throw new CommandFailure("invalid scheduler option: " + u[0]);
                }
                b.addFromString(u[0], known.get().type(), u[1]);
            }
            if (flags.isEmpty() && !args.has("current")) {
                dom.setSchedulerParameters(b.build());
            } else {
                dom.setSchedulerParameters(b.build(), flags);
            }
            current = flags.isEmpty() && !args.has("current") ? dom.getSchedulerParameters()
                    : dom.getSchedulerParameters(flags);
        }
        Params.print(ctx, current);
    }

    private static final List<String> NUMA_MODES = List.of("strict", "preferred", "interleave", "restrictive");

    private static void numatune(CommandContext ctx, ParsedArgs args) {
        Domain dom = DomainLookup.domain(ctx, args);
        Set<DomainAffect> flags = Affect.of(args);
        TypedParameters.Builder set = TypedParameters.builder();
        boolean any = false;
        String mode = args.string("mode");
        if (mode != null) {
            int m = NUMA_MODES.indexOf(mode);
            if (m < 0) {
                var n = org.jvirt.shell.internal.vsh.CNumbers.strtoi(mode);
                if (n.isEmpty() || n.getAsLong() < 0 || n.getAsLong() >= NUMA_MODES.size()) {
                    throw new CommandFailure("Invalid mode: " + mode);
                }
                m = (int) n.getAsLong();
            }
            set.addInt("numa_mode", m);
            any = true;
        }
        String nodeset = args.string("nodeset");
        if (nodeset != null) {
            set.addString("numa_nodeset", nodeset);
            any = true;
        }
        if (any) {
            try {
                dom.setNumaParameters(set.build(), flags);
            } catch (VirtException e) {
                throw new CommandFailure("Unable to change numa parameters", e);
            }
            return;
        }
        TypedParameters params;
        try {
            params = dom.getNumaParameters(flags);
        } catch (VirtException e) {
            throw new CommandFailure("Unable to get numa parameters", e);
        }
        for (TypedParameter p : params) {
            if (p.field().equals("numa_mode") && p.type() == TypedParameterType.INT && p.intValue() >= 0
                    && p.intValue() < NUMA_MODES.size()) {
                Params.line(ctx, p.field(), NUMA_MODES.get(p.intValue()));
            } else {
                Params.line(ctx, p.field(), p.valueText());
            }
        }
    }

    private static void perf(CommandContext ctx, ParsedArgs args) {
        Domain dom = DomainLookup.domain(ctx, args);
        Set<DomainAffect> flags = Affect.of(args);
        String enable = args.string("enable");
        String disable = args.string("disable");
        if (enable != null || disable != null) {
            TypedParameters.Builder b = TypedParameters.builder();
            for (String[] list : new String[][] {{enable, "y"}, {disable, "n"}}) {
                if (list[0] == null) {
                    continue;
                }
                for (String event : list[0].split("\\|")) {
                    if (!event.isEmpty()) {
                        b.addBoolean(event, list[1].equals("y"));
                    }
                }
            }
            try {
                dom.setPerfEvents(b.build(), flags);
            } catch (VirtException e) {
                throw new CommandFailure("Unable to enable/disable perf events", e);
            }
            return;
        }
        TypedParameters params;
        try {
            params = dom.getPerfEvents(flags);
        } catch (VirtException e) {
            throw new CommandFailure("Unable to get perf events", e);
        }
        for (TypedParameter p : params) {
            Params.line(ctx, p.field(), p.booleanValue() ? "enabled" : "disabled");
        }
    }

    private static int iothreadId(ParsedArgs args, String name) {
        int id = args.integer(name).orElseThrow();
        if (id <= 0) {
            throw new CommandFailure("Invalid IOThread id value: '" + id + "'");
        }
        return id;
    }

    private static void iothreadInfo(CommandContext ctx, ParsedArgs args) {
        Domain dom = DomainLookup.domain(ctx, args);
        List<DomainIOThreadInfo> threads;
        try {
            threads = dom.getIOThreadInfo(Affect.of(args));
        } catch (VirtException e) {
            throw new CommandFailure("Unable to get domain IOThreads information", e);
        }
        if (threads.isEmpty()) {
            ctx.print("No IOThreads found for the domain\n");
            return;
        }
        VshTable table = new VshTable("IOThread ID", "CPU Affinity");
        for (DomainIOThreadInfo t : threads) {
            table.addRow(Integer.toString(t.iothreadId()), CpuLists.format(t.cpumap()));
        }
        ctx.print(table.render(!ctx.quiet()));
    }

    private static void iothreadSet(CommandContext ctx, ParsedArgs args) {
        Domain dom = DomainLookup.domain(ctx, args);
        int id = iothreadId(args, "id");
        TypedParameters.Builder b = TypedParameters.builder();
        boolean any = false;
        if (args.has("poll-max-ns")) {
            b.addULLong("poll_max_ns", args.ulong("poll-max-ns").orElseThrow());
            any = true;
        }
        for (String[] o : new String[][] {{"poll-grow", "poll_grow"}, {"poll-shrink", "poll_shrink"}}) {
            if (args.has(o[0])) {
                b.addUInt(o[1], args.uint(o[0]));
                any = true;
            }
        }
        for (String[] o : new String[][] {{"thread-pool-min", "thread_pool_min"},
            {"thread-pool-max", "thread_pool_max"}}) {
            if (args.definesOption(o[0]) && args.has(o[0])) {
                b.addInt(o[1], args.integer(o[0]).orElseThrow());
                any = true;
            }
        }
        if (!any) {
            throw new CommandFailure("Not enough arguments passed, nothing to set");
        }
        dom.setIOThreadParams(id, b.build(), Affect.of(args));
    }

    private static void cpuStats(CommandContext ctx, ParsedArgs args) {
        Domain dom = DomainLookup.domain(ctx, args);
        boolean showTotal = args.has("total");
        boolean showPerCpu = !showTotal || args.has("start") || args.has("count");
        int start = 0;
        if (args.has("start")) {
            start = args.integer("start").orElseThrow();
            if (start < 0) {
                throw new CommandFailure("Invalid value for start CPU");
            }
        }
        int count = -1;
        if (args.has("count")) {
            count = args.integer("count").orElseThrow();
            if (count < 0) {
                throw new CommandFailure("Invalid value for number of CPUs to show");
            }
        }
        if (args.has("start") || args.has("count")) {
            showTotal = args.has("total");
        } else {
            showTotal = true;
        }
        if (showPerCpu) {
            int max = dom.getCPUStats(0, CpuLists.hostCpus(ctx.connection())).size();
            if (max <= 0) {
                throw new CommandFailure("No per-CPU stats available");
            }
            if (start >= max) {
                throw new CommandFailure("Start CPU " + start + " is out of range (min: 0, max: " + (max - 1) + ")");
            }
            if (count < 0 || start + count > max) {
                count = max - start;
            }
            List<TypedParameters> per = dom.getCPUStats(start, count);
            for (int i = 0; i < per.size(); i++) {
                ctx.print("CPU" + (start + i) + ":\n");
                printCpuParams(ctx, per.get(i));
            }
        }
        if (showTotal) {
            List<TypedParameters> total = dom.getCPUStats(-1, 1);
            if (total.isEmpty()) {
                throw new CommandFailure("No total stats available");
            }
            ctx.print("Total:\n");
            printCpuParams(ctx, total.get(0));
        }
    }

    private static void printCpuParams(CommandContext ctx, TypedParameters params) {
        for (TypedParameter p : params) {
            if (p.type() == TypedParameterType.ULLONG && p.field().endsWith("_time")) {
                ctx.print(String.format(Locale.ROOT, "\t%-12s %19.9f seconds\n", p.field(), p.longValue() / 1e9));
            } else {
                ctx.print(String.format("\t%-12s %s\n", p.field(), p.valueText()));
            }
        }
    }

    private static void interfaceTune(CommandContext ctx, ParsedArgs args) {
        Domain dom = DomainLookup.domain(ctx, args);
        Set<DomainAffect> flags = Affect.of(args);
        String device = args.string("interface");
        TypedParameters.Builder b = TypedParameters.builder();
        boolean any = false;
        for (String dir : List.of("inbound", "outbound")) {
            String v = args.string(dir);
            if (v == null) {
                continue;
            }
            String[] parts = v.split(",", -1);
            String[] names = dir.equals("inbound") ? new String[] {"average", "peak", "burst", "floor"}
                    : new String[] {"average", "peak", "burst"};
            if (parts.length > names.length || parts[0].isEmpty() && parts.length == 1) {
                throw new CommandFailure((dir.equals("inbound") ? "inbound" : "outbound") + " rate is malformed");
            }
            for (int i = 0; i < parts.length; i++) {
                if (parts[i].isEmpty()) {
                    continue;
                }
                var n = org.jvirt.shell.internal.vsh.CNumbers.strtoul(parts[i], false);
                if (n.isEmpty()) {
                    throw new CommandFailure((dir.equals("inbound") ? "inbound" : "outbound") + " rate is malformed");
                }
                b.addUInt(dir + "." + names[i], n.getAsLong());
            }
            any = true;
        }
        if (any) {
            try {
                dom.setInterfaceParameters(device, b.build(), flags);
            } catch (VirtException e) {
                throw new CommandFailure("Unable to set interface parameters", e);
            }
            return;
        }
        try {
            Params.print(ctx, dom.getInterfaceParameters(device, flags));
        } catch (VirtException e) {
            throw new CommandFailure("Unable to get interface parameters", e);
        }
    }

    private static final String[][] IOTUNE = {
        {"total-bytes-sec", "total_bytes_sec"}, {"read-bytes-sec", "read_bytes_sec"},
        {"write-bytes-sec", "write_bytes_sec"}, {"total-iops-sec", "total_iops_sec"},
        {"read-iops-sec", "read_iops_sec"}, {"write-iops-sec", "write_iops_sec"},
        {"total-bytes-sec-max", "total_bytes_sec_max"}, {"read-bytes-sec-max", "read_bytes_sec_max"},
        {"write-bytes-sec-max", "write_bytes_sec_max"}, {"total-iops-sec-max", "total_iops_sec_max"},
        {"read-iops-sec-max", "read_iops_sec_max"}, {"write-iops-sec-max", "write_iops_sec_max"},
        {"size-iops-sec", "size_iops_sec"},
        {"total-bytes-sec-max-length", "total_bytes_sec_max_length"},
        {"read-bytes-sec-max-length", "read_bytes_sec_max_length"},
        {"write-bytes-sec-max-length", "write_bytes_sec_max_length"},
        {"total-iops-sec-max-length", "total_iops_sec_max_length"},
        {"read-iops-sec-max-length", "read_iops_sec_max_length"},
        {"write-iops-sec-max-length", "write_iops_sec_max_length"}};

    private static void blockIoTune(CommandContext ctx, ParsedArgs args) {
        Domain dom = DomainLookup.domain(ctx, args);
        Set<DomainAffect> flags = Affect.of(args);
        String disk = args.string("device");
        TypedParameters.Builder b = TypedParameters.builder();
        boolean any = false;
        for (String[] o : IOTUNE) {
            if (!args.has(o[0])) {
                continue;
            }
            long v = o[0].contains("bytes") && !o[0].endsWith("length")
                    ? args.scaled(o[0], 1, -1L).orElseThrow() : args.ulong(o[0]).orElseThrow();
            b.addULLong(o[1], v);
            any = true;
        }
        String group = args.string("group-name");
        if (group != null) {
            b.addString("group_name", group);
            any = true;
        }
        if (any) {
            try {
                dom.setBlockIoTune(disk, b.build(), flags);
            } catch (VirtException e) {
                throw new CommandFailure("Unable to change block I/O throttle", e);
            }
            return;
        }
        try {
            Params.print(ctx, dom.getBlockIoTune(disk, flags));
        } catch (VirtException e) {
            throw new CommandFailure("Unable to get block I/O throttle parameters", e);
        }
    }
}
