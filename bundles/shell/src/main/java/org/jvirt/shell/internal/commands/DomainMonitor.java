package org.jvirt.shell.internal.commands;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

import org.jvirt.api.Domain;
import org.jvirt.api.DomainBlockInfo;
import org.jvirt.api.DomainBlockStats;
import org.jvirt.api.DomainControlInfo;
import org.jvirt.api.DomainDiskError;
import org.jvirt.api.DomainInterface;
import org.jvirt.api.DomainIPAddress;
import org.jvirt.api.DomainInterfaceAddressesSource;
import org.jvirt.api.DomainInterfaceStats;
import org.jvirt.api.DomainJobInfo;
import org.jvirt.api.DomainJobStats;
import org.jvirt.api.DomainGetJobStatsFlag;
import org.jvirt.api.DomainMemoryStat;
import org.jvirt.api.DomainSetTimeFlag;
import org.jvirt.api.DomainXMLFlag;
import org.jvirt.api.IPAddrType;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.TypedParameters;
import org.jvirt.api.VirtException;
import org.jvirt.shell.internal.CommandContext;
import org.jvirt.shell.internal.TableCommand;
import org.jvirt.shell.internal.VirshCommand;
import org.jvirt.shell.internal.vsh.CommandFailure;
import org.jvirt.shell.internal.vsh.ParsedArgs;
import org.jvirt.shell.internal.vsh.VshTable;

/**
 * Watching a domain: its disks and interfaces (domblklist, domiflist, domblkinfo, domblkstat, domifstat,
 * domblkerror, domif-getlink, domifaddr), its memory and clock (dommemstat, domtime), its control state and jobs
 * (domcontrol, domjobinfo, domjobabort).
 */
final class DomainMonitor {
    private DomainMonitor() {
    }

    static List<VirshCommand> all() {
        return List.of(
                TableCommand.of("domblklist", DomainMonitor::blockList),
                TableCommand.of("domiflist", DomainMonitor::interfaceList),
                TableCommand.of("domblkinfo", DomainMonitor::blockInfo),
                TableCommand.of("domblkstat", DomainMonitor::blockStat),
                TableCommand.of("domifstat", DomainMonitor::interfaceStat),
                TableCommand.of("domblkerror", DomainMonitor::blockErrors),
                TableCommand.of("domcontrol", DomainMonitor::control),
                TableCommand.of("domif-getlink", DomainMonitor::getLink),
                TableCommand.of("domifaddr", DomainMonitor::addresses),
                TableCommand.of("dommemstat", DomainMonitor::memStat),
                TableCommand.of("domtime", DomainMonitor::time),
                TableCommand.of("domjobinfo", DomJobInfo::run),
                TableCommand.of("domstats", DomainMonitor::stats),
                TableCommand.of("domjobabort", (ctx, args) -> {
                    Domain dom = DomainLookup.domain(ctx, args);
                    if (args.has("postcopy")) {
                        dom.abortJob(EnumSet.of(org.jvirt.api.DomainAbortJobFlag.POSTCOPY));
                    } else {
                        dom.abortJob();
                    }
                }));
    }

    private static String domainXml(Domain dom, boolean inactive) {
        return dom.getXMLDesc(inactive ? EnumSet.of(DomainXMLFlag.INACTIVE) : EnumSet.noneOf(DomainXMLFlag.class));
    }

    private static void blockList(CommandContext ctx, ParsedArgs args) {
        Domain dom = DomainLookup.domain(ctx, args);
        boolean details = args.has("details");
        XmlQuery xml = XmlQuery.parse(domainXml(dom, args.has("inactive")));
        VshTable table = details ? new VshTable("Type", "Device", "Target", "Source")
                : new VshTable("Target", "Source");
        for (XmlQuery disk : xml.nodes("/domain/devices/disk")) {
            String target = disk.stringOrNull("target/@dev");
            if (target == null) {
                throw new CommandFailure("unable to query block list");
            }
            String source = null;
            for (String a : List.of("file", "dev", "dir", "name", "volume")) {
                source = disk.stringOrNull("source/@" + a);
                if (source != null) {
                    break;
                }
            }
            if (source != null && disk.stringOrNull("source/@volume") != null
                    && disk.stringOrNull("source/@pool") != null) {
                source = disk.string("source/@pool") + "/" + disk.string("source/@volume");
            }
            String shown = source == null ? "-" : source;
            if (details) {
                table.addRow(disk.attr("type"), disk.attr("device"), target, shown);
            } else {
                table.addRow(target, shown);
            }
        }
        ctx.print(table.render(!ctx.quiet()));
    }

    private static void interfaceList(CommandContext ctx, ParsedArgs args) {
        Domain dom = DomainLookup.domain(ctx, args);
        XmlQuery xml = XmlQuery.parse(domainXml(dom, args.has("inactive")));
        VshTable table = new VshTable("Interface", "Type", "Source", "Model", "MAC");
        for (XmlQuery nic : xml.nodes("/domain/devices/interface")) {
            String source = null;
            for (String a : List.of("bridge", "dev", "network", "name", "path")) {
                source = nic.stringOrNull("source/@" + a);
                if (source != null) {
                    break;
                }
            }
            table.addRow(orDash(nic.stringOrNull("target/@dev")), nic.attr("type"), orDash(source),
                    orDash(nic.stringOrNull("model/@type")), orDash(nic.stringOrNull("mac/@address")));
        }
        ctx.print(table.render(!ctx.quiet()));
    }

    static String orDash(String s) {
        return s == null ? "-" : s;
    }

    private static void blockInfo(CommandContext ctx, ParsedArgs args) {
        Domain dom = DomainLookup.domain(ctx, args);
        boolean human = args.has("human");
        boolean all = args.has("all");
        String device = args.string("device");
        if (!all && device == null) {
            throw new CommandFailure("command 'domblkinfo' requires <device> option");
        }
        if (all) {
            if (device != null) {
                throw new CommandFailure("Options --all and --device are mutually exclusive");
            }
            XmlQuery xml = XmlQuery.parse(domainXml(dom, false));
            VshTable table = new VshTable("Target", "Capacity", "Allocation", "Physical");
            for (XmlQuery disk : xml.nodes("/domain/devices/disk")) {
                String target = disk.string("target/@dev");
                String type = disk.attr("type");
                boolean network = "network".equals(type);
                DomainBlockInfo info = null;
                try {
                    if (disk.stringOrNull("source") != null || network) {
                        info = dom.getBlockInfo(target);
                    }
                } catch (VirtException e) {
                    if (!network && e.code() != org.jvirt.api.ErrorCode.NO_SUPPORT) {
                        throw e;
                    }
                }
                if (info == null) {
                    table.addRow(target, "-", "-", "-");
                } else {
                    table.addRow(target, size(info.capacity(), human), size(info.allocation(), human),
                            size(info.physical(), human));
                }
            }
            ctx.print(table.render(!ctx.quiet()));
            return;
        }
        DomainBlockInfo info = dom.getBlockInfo(device);
        ctx.print(String.format("%-15s %s\n", "Capacity:", size(info.capacity(), human)));
        ctx.print(String.format("%-15s %s\n", "Allocation:", size(info.allocation(), human)));
        ctx.print(String.format("%-15s %s\n", "Physical:", size(info.physical(), human)));
    }

    /** A byte count, or with --human in the largest unit that keeps it at least 1 ("1.000 TiB"). */
    static String size(long bytes, boolean human) {
        if (!human) {
            return Long.toUnsignedString(bytes);
        }
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double value = bytes < 0 ? Math.pow(2, 64) + bytes : bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        if (unit == 0) {
            return String.format(Locale.ROOT, "%.0f %s", value, units[0]);
        }
        return String.format(Locale.ROOT, "%.3f %s", value, units[unit]);
    }

    private static void blockStat(CommandContext ctx, ParsedArgs args) {
        Domain dom = DomainLookup.domain(ctx, args);
        String device = args.string("device");
        boolean human = args.has("human");
        if (device == null) {
            device = "";
        }
        TypedParameters params;
        try {
            params = dom.blockStatsFlags(device);
        } catch (VirtException e) {
            if (e.code() != org.jvirt.api.ErrorCode.NO_SUPPORT) {
                throw new CommandFailure("Failed to get block stats " + dom.getName() + " " + device, e);
            }
            DomainBlockStats s;
            try {
                s = dom.blockStats(device);
            } catch (VirtException e2) {
                throw new CommandFailure("Failed to get block stats " + dom.getName() + " " + device, e2);
            }
            params = TypedParameters.builder().addLLong("rd_operations", s.rdReq())
                    .addLLong("rd_bytes", s.rdBytes()).addLLong("wr_operations", s.wrReq())
                    .addLLong("wr_bytes", s.wrBytes()).addLLong("errs", s.errs()).build();
        }
        if (human) {
            ctx.print("Device: " + device + "\n");
        }
        for (TypedParameter p : params) {
            if (p.type() == org.jvirt.api.TypedParameterType.LLONG && p.longValue() == -1) {
                continue;
            }
            String[] names = BlockStatNames.of(p.field());
            if (human) {
                ctx.print(String.format(" %-31s %s\n", names[1] + ":", p.valueText()));
            } else {
                ctx.print(device + " " + names[0] + " " + p.valueText() + "\n");
            }
        }
    }

    private static void interfaceStat(CommandContext ctx, ParsedArgs args) {
        Domain dom = DomainLookup.domain(ctx, args);
        String device = args.string("interface");
        DomainInterfaceStats s;
        try {
            s = dom.interfaceStats(device);
        } catch (VirtException e) {
            throw new CommandFailure("Failed to get interface stats " + dom.getName() + " " + device, e);
        }
        long[] values = {s.rxBytes(), s.rxPackets(), s.rxErrs(), s.rxDrop(), s.txBytes(), s.txPackets(), s.txErrs(),
            s.txDrop()};
        String[] names = {"rx_bytes", "rx_packets", "rx_errs", "rx_drop", "tx_bytes", "tx_packets", "tx_errs",
            "tx_drop"};
        for (int i = 0; i < names.length; i++) {
            if (values[i] >= 0) {
                ctx.print(device + " " + names[i] + " " + values[i] + "\n");
            }
        }
    }

    private static void blockErrors(CommandContext ctx, ParsedArgs args) {
        Domain dom = DomainLookup.domain(ctx, args);
        List<DomainDiskError> errors = dom.getDiskErrors();
        if (errors.isEmpty()) {
            ctx.print("No errors found\n");
            return;
        }
        for (DomainDiskError e : errors) {
            String text = switch (e.error()) {
                case NONE -> "no error";
                case UNSPEC -> "unspecified error";
                case NO_SPACE -> "no space";
            };
            ctx.print(e.disk() + ": " + text + "\n");
        }
    }

    private static void control(CommandContext ctx, ParsedArgs args) {
        Domain dom = DomainLookup.domain(ctx, args);
        DomainControlInfo info = dom.getControlInfo();
        String state = switch (info.state()) {
            case OK -> "ok";
            case JOB -> "background job";
            case OCCUPIED -> "occupied";
            case ERROR -> "error";
        };
        if (info.state() == org.jvirt.api.DomainControlState.ERROR) {
            String reason = switch (info.details()) {
                case 1 -> "unknown";
                case 2 -> "monitor failure";
                case 3 -> "internal (locking) error";
                default -> "none";
            };
            ctx.print(state + " (" + reason + ")\n");
        } else if (info.state() != org.jvirt.api.DomainControlState.OK) {
            ctx.print(String.format(Locale.ROOT, "%s (%.3fs)\n", state, info.stateTimeMs() / 1000.0));
        } else {
            ctx.print(state + "\n");
        }
    }

    private static void getLink(CommandContext ctx, ParsedArgs args) {
        Domain dom = DomainLookup.domain(ctx, args);
        String iface = args.string("interface");
        XmlQuery xml = XmlQuery.parse(domainXml(dom, args.has("config")));
        XmlQuery found = InterfaceMatch.find(xml, iface);
        if (found == null) {
            throw new CommandFailure("Interface (dev: " + iface + ") not found.");
        }
        String state = found.stringOrNull("link/@state");
        ctx.print(iface + " " + (state == null ? "up" : state) + "\n");
    }

    private static void addresses(CommandContext ctx, ParsedArgs args) {
        Domain dom = DomainLookup.domain(ctx, args);
        String iface = args.string("interface");
        String sourceName = args.string("source");
        DomainInterfaceAddressesSource source = DomainInterfaceAddressesSource.LEASE;
        if (sourceName != null) {
            source = switch (sourceName) {
                case "lease" -> DomainInterfaceAddressesSource.LEASE;
                case "agent" -> DomainInterfaceAddressesSource.AGENT;
                case "arp" -> DomainInterfaceAddressesSource.ARP;
                default -> throw new CommandFailure("Unknown data source '" + sourceName + "'");
            };
        }
        List<DomainInterface> ifaces;
        try {
            ifaces = dom.interfaceAddresses(source);
        } catch (VirtException e) {
            throw new CommandFailure("Failed to query for interfaces addresses", e);
        }
        boolean full = args.has("full");
        VshTable table = new VshTable("Name", "MAC address", "Protocol", "Address");
        for (DomainInterface i : ifaces) {
            if (iface != null && !iface.equals(i.name()) && !iface.equalsIgnoreCase(i.hwaddr())) {
                continue;
            }
            String mac = i.hwaddr() == null ? "-" : i.hwaddr();
            if (i.addrs().isEmpty()) {
                table.addRow(i.name(), mac, "N/A", "N/A");
                continue;
            }
            boolean first = true;
            for (DomainIPAddress a : i.addrs()) {
                String proto = a.type() == IPAddrType.IPV4 ? "ipv4" : "ipv6";
                String addr = a.addr() + "/" + a.prefix();
                if (first || full) {
                    table.addRow(i.name(), mac, proto, addr);
                } else {
                    table.addRow("-", "-", proto, addr);
                }
                first = false;
            }
        }
        ctx.print(table.render(!ctx.quiet()));
    }

    private static void memStat(CommandContext ctx, ParsedArgs args) {
        Domain dom = DomainLookup.domain(ctx, args);
        if (args.has("period")) {
            int period = args.integer("period").orElseThrow();
            if (period < 0) {
                throw new CommandFailure("Invalid collection period value '" + period + "'");
            }
            try {
                dom.setMemoryStatsPeriod(period, Affect.memory(args));
            } catch (VirtException e) {
                throw new CommandFailure("Unable to change balloon collection period.", e);
            }
            return;
        }
        List<DomainMemoryStat> stats;
        try {
            stats = dom.memoryStats();
        } catch (VirtException e) {
            throw new CommandFailure("Failed to get memory statistics for domain " + dom.getName(), e);
        }
        for (DomainMemoryStat s : stats) {
            String name = switch (s.tag()) {
                case SWAP_IN -> "swap_in";
                case SWAP_OUT -> "swap_out";
                case MAJOR_FAULT -> "major_fault";
                case MINOR_FAULT -> "minor_fault";
                case UNUSED -> "unused";
                case AVAILABLE -> "available";
                case ACTUAL_BALLOON -> "actual";
                case RSS -> "rss";
                case USABLE -> "usable";
                case LAST_UPDATE -> "last_update";
                case DISK_CACHES -> "disk_caches";
                case HUGETLB_PGALLOC -> "hugetlb_pgalloc";
                case HUGETLB_PGFAIL -> "hugetlb_pgfail";
                case NR -> null;
            };
            if (name != null) {
                ctx.print(name + " " + Long.toUnsignedString(s.value()) + "\n");
            }
        }
    }

    private static void time(CommandContext ctx, ParsedArgs args) {
        Domain dom = DomainLookup.domain(ctx, args);
        boolean now = args.has("now");
        boolean pretty = args.has("pretty");
        boolean rtcSync = args.has("sync");
        args.exclusive("time", "now");
        args.exclusive("time", "sync");
        args.exclusive("now", "sync");
        boolean set = args.has("time") || now || rtcSync;
        if (set) {
            if (pretty) {
                throw new CommandFailure("Options --pretty and --time are mutually exclusive");
            }
            Instant when;
            if (now) {
                when = Instant.now();
            } else if (rtcSync) {
                when = Instant.EPOCH;
            } else {
                when = Instant.ofEpochSecond(args.longValue("time").orElseThrow());
            }
            dom.setTime(when, rtcSync ? EnumSet.of(DomainSetTimeFlag.SYNC) : EnumSet.noneOf(DomainSetTimeFlag.class));
            return;
        }
        Instant t;
        try {
            t = dom.getTime();
        } catch (VirtException e) {
            throw new CommandFailure("Unable to get domain time", e);
        }
        if (pretty) {
            ctx.print("Time: " + java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                    .withZone(java.time.ZoneId.systemDefault()).format(t) + "\n");
        } else {
            ctx.print("Time: " + t.getEpochSecond() + "\n");
        }
    }

    private static final String[][] STATS = {{"state", "STATE"}, {"cpu-total", "CPU_TOTAL"},
        {"balloon", "BALLOON"}, {"vcpu", "VCPU"}, {"interface", "INTERFACE"}, {"block", "BLOCK"}, {"perf", "PERF"},
        {"iothread", "IOTHREAD"}, {"memory", "MEMORY"}, {"dirtyrate", "DIRTYRATE"}, {"vm", "VM"}};
    private static final String[][] LIST = {{"list-active", "ACTIVE"}, {"list-inactive", "INACTIVE"},
        {"list-persistent", "PERSISTENT"}, {"list-transient", "TRANSIENT"}, {"list-running", "RUNNING"},
        {"list-paused", "PAUSED"}, {"list-shutoff", "SHUTOFF"}, {"list-other", "OTHER"}, {"nowait", "NOWAIT"},
        {"backing", "BACKING"}, {"enforce", "ENFORCE_STATS"}};

    /** domstats: each domain's statistics as "  FIELD=VALUE" lines under "Domain: 'NAME'". */
    private static void stats(CommandContext ctx, ParsedArgs args) {
        EnumSet<org.jvirt.api.DomainStatsType> types = EnumSet.noneOf(org.jvirt.api.DomainStatsType.class);
        for (String[] s : STATS) {
            if (args.has(s[0])) {
                types.add(org.jvirt.api.DomainStatsType.valueOf(s[1]));
            }
        }
        EnumSet<org.jvirt.api.GetAllDomainStatsFlag> flags = EnumSet.noneOf(org.jvirt.api.GetAllDomainStatsFlag.class);
        for (String[] l : LIST) {
            if (args.has(l[0])) {
                flags.add(org.jvirt.api.GetAllDomainStatsFlag.valueOf(l[1]));
            }
        }
        List<String> names = args.argv("domain");
        List<org.jvirt.api.DomainStatsRecord> records;
        if (names.isEmpty()) {
            records = ctx.connection().getAllDomainStats(types, flags);
        } else {
            List<Domain> doms = new ArrayList<>();
            for (String n : names) {
                doms.add(DomainLookup.find(ctx.connection(), n, DomainLookup.By.ID_UUID_NAME));
            }
            records = ctx.connection().domainListGetStats(doms, types, flags);
        }
        for (int i = 0; i < records.size(); i++) {
            if (i > 0) {
                ctx.print("\n");
            }
            ctx.print("Domain: '" + records.get(i).domain().getName() + "'\n");
            for (TypedParameter p : records.get(i).params()) {
                ctx.print("  " + p.field() + "=" + p.valueText() + "\n");
            }
        }
    }

    /** A number of seconds with three decimals, rounded as printf does. */
    static String seconds3(double seconds) {
        return new BigDecimal(seconds).setScale(3, RoundingMode.HALF_EVEN).toPlainString();
    }

    static List<String> names(List<TypedParameter> params) {
        List<String> out = new ArrayList<>();
        for (TypedParameter p : params) {
            out.add(p.field());
        }
        return out;
    }
}
