package org.jvirt.shell.internal.commands;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.TreeSet;

import org.jvirt.api.BaselineCPUFlag;
import org.jvirt.api.CompareCPUFlag;
import org.jvirt.api.CpuCompareResult;
import org.jvirt.api.NodeAllocPagesFlag;
import org.jvirt.api.VirtException;
import org.jvirt.shell.internal.CommandContext;
import org.jvirt.shell.internal.TableCommand;
import org.jvirt.shell.internal.VirshCommand;
import org.jvirt.shell.internal.vsh.CommandFailure;
import org.jvirt.shell.internal.vsh.ParsedArgs;

/**
 * The host commands of virsh-host.c and virsh-domain.c not in {@link HostCommands}: huge pages (freepages,
 * allocpages), the hypervisor's CPU (hypervisor-cpu-baseline, hypervisor-cpu-compare) and native configurations
 * (domxml-from-native, domxml-to-native).
 */
final class HostPagesAndCpus {
    private HostPagesAndCpus() {
    }

    static List<VirshCommand> all() {
        return List.of(
                TableCommand.of("freepages", HostPagesAndCpus::freePages),
                TableCommand.of("allocpages", HostPagesAndCpus::allocPages),
                TableCommand.of("hypervisor-cpu-baseline", HostPagesAndCpus::baseline),
                TableCommand.of("hypervisor-cpu-compare", HostPagesAndCpus::compare),
                TableCommand.of("domxml-from-native", (ctx, args) -> {
                    String format = args.string("format");
                    String config = XmlFiles.read(ctx, args.string("config"));
                    ctx.print(ctx.connection().domainXMLFromNative(format, config));
                }),
                TableCommand.of("domxml-to-native", (ctx, args) -> {
                    String format = args.string("format");
                    args.exclusive("domain", "xml");
                    String xml;
                    if (args.has("domain")) {
                        xml = DomainLookup.domain(ctx, args).getXMLDesc(EnumSet.noneOf(org.jvirt.api.DomainXMLFlag.class));
                    } else if (args.has("xml")) {
                        xml = XmlFiles.read(ctx, args.string("xml"));
                    } else {
                        throw new CommandFailure("need either domain or domain XML");
                    }
                    ctx.print(ctx.connection().domainXMLToNative(format, xml));
                }));
    }

    /** The capabilities document, or virsh's failure. */
    private static XmlQuery capabilities(CommandContext ctx) {
        String caps;
        try {
            caps = ctx.connection().getCapabilities();
        } catch (VirtException e) {
            throw new CommandFailure("unable to get node capabilities", e);
        }
        return XmlQuery.parse(caps);
    }

    private static void freePages(CommandContext ctx, ParsedArgs args) {
        boolean all = args.has("all");
        boolean cellno = args.has("cellno");
        boolean pagesz = args.has("pagesize");
        args.exclusive("all", "cellno");
        long bytes = args.scaled("pagesize", 1024, 0xffffffffL * 1024).orElse(0);
        int kibibytes = (int) ((bytes + 1023) / 1024);
        if (all) {
            XmlQuery caps = capabilities(ctx);
            List<Integer> sizes = new ArrayList<>();
            if (!pagesz) {
                List<XmlQuery> nodes = caps.nodes("/capabilities/host/cpu/pages");
                if (nodes.isEmpty()) {
                    nodes = caps.nodes("/capabilities/host/topology/cells/cell/pages");
                    if (nodes.isEmpty()) {
                        throw new CommandFailure("could not get information about supported page sizes");
                    }
                }
                TreeSet<Integer> distinct = new TreeSet<>();
                for (XmlQuery n : nodes) {
                    String size = n.attr("size");
                    try {
                        distinct.add(Integer.parseInt(size));
                    } catch (NumberFormatException e) {
                        throw new CommandFailure("unable to parse page size: " + size);
                    }
                }
                sizes.addAll(distinct);
            } else {
                sizes.add(kibibytes);
            }
            int[] pages = sizes.stream().mapToInt(Integer::intValue).toArray();
            for (XmlQuery cell : caps.nodes("/capabilities/host/topology/cells/cell")) {
                String id = cell.attr("id");
                int c;
                try {
                    c = Integer.parseInt(id);
                } catch (NumberFormatException e) {
                    throw new CommandFailure("unable to parse numa node id: " + id);
                }
                long[] counts = ctx.connection().nodeGetFreePages(pages, c, 1);
                StringBuilder out = new StringBuilder("Node " + c + ":\n");
                for (int j = 0; j < pages.length; j++) {
                    out.append(Integer.toUnsignedString(pages[j])).append("KiB: ").append(counts[j]).append('\n');
                }
                ctx.print(out.append('\n').toString());
            }
            return;
        }
        if (!cellno) {
            throw new CommandFailure("missing cellno argument");
        }
        int cell = args.integer("cellno").getAsInt();
        if (cell < -1) {
            throw new CommandFailure("cell number must be non-negative integer or -1");
        }
        if (!pagesz) {
            throw new CommandFailure("missing pagesize argument");
        }
        long[] counts = ctx.connection().nodeGetFreePages(new int[] {kibibytes}, cell, 1);
        ctx.print(Integer.toUnsignedString(kibibytes) + "KiB: " + counts[0] + "\n");
    }

    private static void allocPages(CommandContext ctx, ParsedArgs args) {
        boolean add = args.has("add");
        boolean all = args.has("all");
        args.exclusive("all", "cellno");
        int startCell = args.has("cellno") ? args.integer("cellno").getAsInt() : -1;
        long bytes = args.scaled("pagesize", 1024, 0xffffffffL).orElse(0);
        int[] sizes = {(int) ((bytes + 1023) / 1024)};
        long[] counts = {args.ulong("pagecount").orElse(0)};
        EnumSet<NodeAllocPagesFlag> flags = EnumSet.of(add ? NodeAllocPagesFlag.ADD : NodeAllocPagesFlag.SET);
        if (all) {
            XmlQuery caps = capabilities(ctx);
            for (XmlQuery cell : caps.nodes("/capabilities/host/topology/cells/cell")) {
                int id;
                try {
                    id = Integer.parseInt(cell.attr("id"));
                } catch (NumberFormatException e) {
                    throw new CommandFailure("conversion from string failed");
                }
                ctx.connection().nodeAllocPages(sizes, counts, id, 1, flags);
            }
        } else {
            ctx.connection().nodeAllocPages(sizes, counts, startCell, 1, flags);
        }
    }

    private static void baseline(CommandContext ctx, ParsedArgs args) {
        String file = args.string("file");
        String model = args.string("model");
        args.exclusive("file", "model");
        EnumSet<BaselineCPUFlag> flags = EnumSet.noneOf(BaselineCPUFlag.class);
        if (args.has("features")) {
            flags.add(BaselineCPUFlag.EXPAND_FEATURES);
        }
        if (args.has("migratable")) {
            flags.add(BaselineCPUFlag.MIGRATABLE);
        }
        List<String> cpus;
        if (file != null) {
            cpus = CpuDocs.cpus(ctx, file);
        } else if (model != null) {
            cpus = List.of("<cpu><model>" + Escapes.xml(model) + "</model></cpu>");
        } else {
            throw new CommandFailure("Either --file or --model must be provided");
        }
        ctx.print(ctx.connection().baselineHypervisorCPU(args.string("emulator"), args.string("arch"),
                args.string("machine"), args.string("virttype"), cpus, flags));
    }

    private static void compare(CommandContext ctx, ParsedArgs args) {
        String file = args.string("file");
        EnumSet<CompareCPUFlag> flags = EnumSet.noneOf(CompareCPUFlag.class);
        if (args.has("error")) {
            flags.add(CompareCPUFlag.FAIL_INCOMPATIBLE);
        }
        if (args.has("validate")) {
            flags.add(CompareCPUFlag.VALIDATE_XML);
        }
        List<String> cpus = CpuDocs.cpus(ctx, file);
        CpuCompareResult r;
        try {
            r = ctx.connection().compareHypervisorCPU(args.string("emulator"), args.string("arch"),
                    args.string("machine"), args.string("virttype"), cpus.get(0), flags);
        } catch (VirtException e) {
            throw new CommandFailure("Failed to compare hypervisor CPU with " + file, e);
        }
        switch (r) {
            case INCOMPATIBLE -> ctx.print("CPU described in " + file
                    + " is incompatible with the CPU provided by hypervisor on the host\n");
            case IDENTICAL -> ctx.print("CPU described in " + file
                    + " is identical to the CPU provided by hypervisor on the host\n");
            case SUPERSET -> ctx.print("The CPU provided by hypervisor on the host is a superset of CPU described in "
                    + file + "\n");
            default -> throw new CommandFailure("Failed to compare hypervisor CPU with " + file);
        }
    }
}
