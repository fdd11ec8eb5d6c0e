package org.jvirt.shell.internal.commands;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.jvirt.api.Domain;
import org.jvirt.api.DomainSnapshot;
import org.jvirt.api.DomainSnapshotCreateFlag;
import org.jvirt.api.DomainSnapshotDeleteFlag;
import org.jvirt.api.DomainSnapshotListFlag;
import org.jvirt.api.DomainSnapshotRevertFlag;
import org.jvirt.api.DomainSnapshotXMLFlag;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.shell.internal.CommandContext;
import org.jvirt.shell.internal.TableCommand;
import org.jvirt.shell.internal.VirshCommand;
import org.jvirt.shell.internal.vsh.CommandFailure;
import org.jvirt.shell.internal.vsh.ParsedArgs;
import org.jvirt.shell.internal.vsh.VshTable;

/**
 * Domain snapshots, as virsh's virsh-snapshot.c: snapshot-create, -create-as, -current, -delete, -dumpxml, -edit,
 * -info, -list, -parent, -revert.
 */
final class SnapshotCommands {
    /** The creation time as virsh shows it: local time, "%Y-%m-%d %H:%M:%S %z". */
    static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z")
            .withZone(ZoneId.systemDefault());

    private SnapshotCommands() {
    }

    static List<VirshCommand> all() {
        return List.of(
                TableCommand.of("snapshot-create", SnapshotCommands::create),
                TableCommand.of("snapshot-create-as", SnapshotCommands::createAs),
                TableCommand.of("snapshot-current", SnapshotCommands::current),
                TableCommand.of("snapshot-delete", SnapshotCommands::delete),
                TableCommand.of("snapshot-dumpxml", SnapshotCommands::dumpxml),
                TableCommand.of("snapshot-edit", SnapshotCommands::edit),
                TableCommand.of("snapshot-info", SnapshotCommands::info),
                TableCommand.of("snapshot-list", SnapshotCommands::list),
                TableCommand.of("snapshot-parent", SnapshotCommands::parent),
                TableCommand.of("snapshot-revert", SnapshotCommands::revert));
    }

    private static EnumSet<DomainSnapshotCreateFlag> createFlags(ParsedArgs args) {
        EnumSet<DomainSnapshotCreateFlag> f = EnumSet.noneOf(DomainSnapshotCreateFlag.class);
        String[][] map = {{"redefine", "REDEFINE"}, {"current", "CURRENT"}, {"no-metadata", "NO_METADATA"},
            {"halt", "HALT"}, {"disk-only", "DISK_ONLY"}, {"reuse-external", "REUSE_EXT"}, {"quiesce", "QUIESCE"},
            {"atomic", "ATOMIC"}, {"live", "LIVE"}, {"validate", "VALIDATE"}};
        for (String[] m : map) {
            if (args.definesOption(m[0]) && args.has(m[0])) {
                f.add(DomainSnapshotCreateFlag.valueOf(m[1]));
            }
        }
        return f;
    }

    private static void create(CommandContext ctx, ParsedArgs args) {
        EnumSet<DomainSnapshotCreateFlag> flags = createFlags(args);
        Domain dom = DomainLookup.domain(ctx, args);
        String from = args.string("xmlfile");
        String xml = from == null ? "<domainsnapshot/>" : XmlFiles.read(ctx, from);
        createSnapshot(ctx, dom, xml, flags, from);
    }

    /** virshSnapshotCreate: creates, retrying without --validate and emulating --halt as virsh does. */
    private static void createSnapshot(CommandContext ctx, Domain dom, String xml,
            EnumSet<DomainSnapshotCreateFlag> flags, String from) {
        DomainSnapshot s;
        boolean halt = false;
        try {
            s = dom.snapshotCreateXML(xml, flags);
        } catch (VirtException e) {
            if (e.code() == ErrorCode.NO_SUPPORT && from == null && flags.remove(DomainSnapshotCreateFlag.VALIDATE)) {
                s = dom.snapshotCreateXML(xml, flags);
            } else if (e.code() == ErrorCode.INVALID_ARG && flags.contains(DomainSnapshotCreateFlag.HALT)) {
                if (!dom.isPersistent()) {
                    throw new CommandFailure("cannot halt after snapshot of transient domain");
                }
                halt = dom.isActive();
                flags.remove(DomainSnapshotCreateFlag.HALT);
                s = dom.snapshotCreateXML(xml, flags);
            } else {
                throw e;
            }
        }
        if (halt) {
            dom.destroy();
        }
        ctx.printExtra(from != null ? "Domain snapshot " + s.getName() + " created from '" + from + "'"
                : "Domain snapshot " + s.getName() + " created");
    }

    private static void createAs(CommandContext ctx, ParsedArgs args) {
        EnumSet<DomainSnapshotCreateFlag> flags = createFlags(args);
        Domain dom = DomainLookup.domain(ctx, args);
        String name = args.string("name");
        String desc = args.string("description");
        StringBuilder b = new StringBuilder("<domainsnapshot>\n");
        if (name != null) {
            b.append("  <name>").append(Escapes.xml(name)).append("</name>\n");
        }
        if (desc != null) {
            b.append("  <description>").append(Escapes.xml(desc)).append("</description>\n");
        }
        String memspec = args.string("memspec");
        if (memspec != null) {
            b.append("  ").append(memspec(memspec));
        }
        if (args.has("diskspec")) {
            b.append("  <disks>\n");
            for (String d : args.argv("diskspec")) {
                b.append(diskspec(ctx, d));
            }
            b.append("  </disks>\n");
        }
        b.append("</domainsnapshot>\n");
        if (args.has("print-xml")) {
            ctx.print(b + "\n");
            return;
        }
        createSnapshot(ctx, dom, b.toString(), flags, null);
    }

    /** virshParseSnapshotMemspec: [file=]name[,snapshot=type]. */
    private static String memspec(String spec) {
        String snapshot = null;
        String file = null;
        for (String part : ShellBuiltins.splitCommas(spec)) {
            if (snapshot == null && part.startsWith("snapshot=")) {
                snapshot = part.substring("snapshot=".length());
            } else if (file == null && part.startsWith("file=")) {
                file = part.substring("file=".length());
            } else if (file == null && part.startsWith("/")) {
                file = part;
            } else {
                throw new CommandFailure("unable to parse memspec: " + spec);
            }
        }
        StringBuilder b = new StringBuilder("<memory");
        if (snapshot != null) {
            b.append(" snapshot='").append(Escapes.xml(snapshot)).append('\'');
        }
        if (file != null) {
            b.append(" file='").append(Escapes.xml(file)).append('\'');
        }
        return b.append("/>\n").toString();
    }

    /** virshParseSnapshotDiskspec: disk[,snapshot=type][,driver=type][,stype=type][,file=name]. */
    private static String diskspec(CommandContext ctx, String spec) {
        List<String> parts = ShellBuiltins.splitCommas(spec);
        if (parts.isEmpty()) {
            throw new CommandFailure("unable to parse diskspec: " + spec);
        }
        String snapshot = null;
        String driver = null;
        String stype = null;
        String file = null;
        for (String part : parts.subList(1, parts.size())) {
            if (snapshot == null && part.startsWith("snapshot=")) {
                snapshot = part.substring("snapshot=".length());
            } else if (driver == null && part.startsWith("driver=")) {
                driver = part.substring("driver=".length());
            } else if (stype == null && part.startsWith("stype=")) {
                stype = part.substring("stype=".length());
            } else if (file == null && part.startsWith("file=")) {
                file = part.substring("file=".length());
            } else {
                throw new CommandFailure("unable to parse diskspec: " + spec);
            }
        }
        StringBuilder b = new StringBuilder("    <disk name='").append(Escapes.xml(parts.get(0))).append('\'');
        if (snapshot != null) {
            b.append(" snapshot='").append(snapshot).append('\'');
        }
        boolean isFile = true;
        if (stype != null) {
            if (stype.equals("block")) {
                isFile = false;
            } else if (!stype.equals("file")) {
                ctx.error("Unknown storage type: '" + stype + "'");
                throw new CommandFailure("unable to parse diskspec: " + spec);
            }
            b.append(" type='").append(stype).append('\'');
        }
        if (driver == null && file == null) {
            return b.append("/>\n").toString();
        }
        b.append(">\n");
        if (driver != null) {
            b.append("      <driver type='").append(driver).append("'/>\n");
        }
        if (file != null) {
            b.append("      <source ").append(isFile ? "file" : "dev").append("='").append(Escapes.xml(file))
                    .append("'/>\n");
        }
        return b.append("    </disk>\n").toString();
    }

    /**
     * virshLookupSnapshot: the snapshot named by {@code arg}, or the current one with --current; with
     * {@code exclusive} both at once fail. A failed lookup reports the driver's error alone.
     */
    static DomainSnapshot lookup(ParsedArgs args, String arg, boolean exclusive, Domain dom) {
        boolean current = args.has("current");
        String name = args.string(arg);
        if (exclusive && current && name != null) {
            throw new CommandFailure("--" + arg + " and --current are mutually exclusive");
        }
        try {
            if (name != null) {
                return dom.snapshotLookupByName(name);
            }
            if (current) {
                return dom.snapshotCurrent();
            }
        } catch (VirtException e) {
            throw new CommandFailure(null, e);
        }
        throw new CommandFailure("--" + arg + " or --current is required");
    }

    private static void current(CommandContext ctx, ParsedArgs args) {
        args.exclusive("name", "snapshotname");
        Domain dom = DomainLookup.domain(ctx, args);
        String name = args.string("snapshotname");
        if (name != null) {
            DomainSnapshot s = dom.snapshotLookupByName(name);
            String xml = s.getXMLDesc(EnumSet.of(DomainSnapshotXMLFlag.SECURE));
            EnumSet<DomainSnapshotCreateFlag> flags = EnumSet.of(DomainSnapshotCreateFlag.REDEFINE,
                    DomainSnapshotCreateFlag.CURRENT);
            if (xml.contains("<state>disk-snapshot</state>")) {
                flags.add(DomainSnapshotCreateFlag.DISK_ONLY);
            }
            dom.snapshotCreateXML(xml, flags);
            ctx.printExtra("Snapshot " + name + " set as current");
            return;
        }
        if (!dom.hasCurrentSnapshot()) {
            throw new CommandFailure("domain '" + args.string("domain") + "' has no current snapshot");
        }
        DomainSnapshot s = dom.snapshotCurrent();
        if (args.has("name")) {
            ctx.print(s.getName());
        } else {
            ctx.print(s.getXMLDesc(args.has("security-info") ? EnumSet.of(DomainSnapshotXMLFlag.SECURE)
                    : EnumSet.noneOf(DomainSnapshotXMLFlag.class)));
        }
    }

    private static void delete(CommandContext ctx, ParsedArgs args) {
        Domain dom = DomainLookup.domain(ctx, args);
        DomainSnapshot s = lookup(args, "snapshotname", true, dom);
        String name = s.getName();
        EnumSet<DomainSnapshotDeleteFlag> f = EnumSet.noneOf(DomainSnapshotDeleteFlag.class);
        if (args.has("children")) {
            f.add(DomainSnapshotDeleteFlag.CHILDREN);
        }
        if (args.has("children-only")) {
            f.add(DomainSnapshotDeleteFlag.CHILDREN_ONLY);
        }
        if (args.has("metadata")) {
            f.add(DomainSnapshotDeleteFlag.METADATA_ONLY);
        }
        try {
            s.delete(f);
        } catch (VirtException e) {
            throw new CommandFailure("Failed to delete snapshot " + name, e);
        }
        ctx.printExtra(f.contains(DomainSnapshotDeleteFlag.CHILDREN_ONLY)
                ? "Domain snapshot " + name + " children deleted\n" : "Domain snapshot " + name + " deleted\n");
    }

    private static void dumpxml(CommandContext ctx, ParsedArgs args) {
        String name = args.string("snapshotname");
        Domain dom = DomainLookup.domain(ctx, args);
        DomainSnapshot s = dom.snapshotLookupByName(name);
        DomainBasics.printXml(ctx, args, s.getXMLDesc(args.has("security-info")
                ? EnumSet.of(DomainSnapshotXMLFlag.SECURE) : EnumSet.noneOf(DomainSnapshotXMLFlag.class)));
    }

    private static void edit(CommandContext ctx, ParsedArgs args) {
        boolean rename = args.has("rename");
        boolean clone = args.has("clone");
        args.exclusive("rename", "clone");
        EnumSet<DomainSnapshotCreateFlag> flags = EnumSet.of(DomainSnapshotCreateFlag.REDEFINE);
        if (args.has("current") && args.has("snapshotname")) {
            flags.add(DomainSnapshotCreateFlag.CURRENT);
        }
        Domain dom = DomainLookup.domain(ctx, args);
        DomainSnapshot s = lookup(args, "snapshotname", false, dom);
        String name = s.getName();
        DomainSnapshot[] edited = new DomainSnapshot[1];
        try {
            // with --current virsh redefines even an unchanged document
            boolean changed = new Editor(ctx).edit(() -> s.getXMLDesc(EnumSet.of(DomainSnapshotXMLFlag.SECURE)),
                    (doc, xml) -> {
                        // virsh tests the document it read, not the edited one, for a disk-only snapshot
                        if (doc.contains("<state>disk-snapshot</state>")) {
                            flags.add(DomainSnapshotCreateFlag.DISK_ONLY);
                        }
                        edited[0] = dom.snapshotCreateXML(xml, flags);
                    }, flags.contains(DomainSnapshotCreateFlag.CURRENT));
            if (!changed) {
                ctx.printExtra("Snapshot " + name + " XML configuration not changed.\n");
                return;
            }
        } catch (CommandFailure | VirtException e) {
            String text = e instanceof CommandFailure f ? failureText(f) : e.getMessage();
            if (text != null) {
                ctx.error(text);
            }
            throw new CommandFailure("Failed to update " + name);
        }
        String editedName = edited[0].getName();
        if (editedName.equals(name)) {
            ctx.printExtra("Snapshot " + name + " edited.\n");
        } else if (clone) {
            ctx.printExtra("Snapshot " + name + " cloned to " + editedName + ".\n");
        } else {
            try {
                (rename ? s : edited[0]).delete(EnumSet.of(DomainSnapshotDeleteFlag.METADATA_ONLY));
            } catch (VirtException e) {
                ctx.error(e.getMessage());
                ctx.error("Failed to clean up " + (rename ? name : editedName));
                throw new CommandFailure("Failed to update " + name);
            }
            if (!rename) {
                ctx.error("Must use --rename or --clone to change " + name + " to " + editedName);
                throw new CommandFailure("Failed to update " + name);
            }
        }
    }

    /** A failure's own lines, for the commands that report one more line after it. */
    static String failureText(CommandFailure f) {
        if (f.getMessage() != null && f.libvirtError() != null) {
            return f.getMessage() + "\nerror: " + f.libvirtError().getMessage();
        }
        return f.getMessage() != null ? f.getMessage() : f.libvirtError() != null ? f.libvirtError().getMessage()
                : null;
    }

    private static void info(CommandContext ctx, ParsedArgs args) {
        Domain dom = DomainLookup.domain(ctx, args);
        DomainSnapshot s = lookup(args, "snapshotname", true, dom);
        StringBuilder out = new StringBuilder();
        line(out, "Name:", s.getName());
        line(out, "Domain:", dom.getName());
        boolean current;
        try {
            current = s.isCurrent();
        } catch (VirtException e) {
            current = false;
        }
        line(out, "Current:", current ? "yes" : "no");
        XmlQuery x = XmlQuery.parse(s.getXMLDesc(EnumSet.noneOf(DomainSnapshotXMLFlag.class)));
        String state = x.stringOrNull("/domainsnapshot/state");
        if (state == null) {
            ctx.print(out.toString());
            throw new CommandFailure("unexpected problem reading snapshot xml");
        }
        line(out, "State:", state);
        boolean external = x.nodes("/domainsnapshot/memory").isEmpty() ? state.equals("disk-snapshot")
                : !x.nodes("/domainsnapshot/memory[@snapshot='external'] | "
                        + "/domainsnapshot/disks/disk[@snapshot='external']").isEmpty();
        line(out, "Location:", external ? "external" : "internal");
        String parent = x.stringOrNull("/domainsnapshot/parent/name");
        line(out, "Parent:", parent == null ? "-" : parent);
        int children;
        try {
            children = s.numChildren(EnumSet.noneOf(DomainSnapshotListFlag.class));
        } catch (VirtException e) {
            ctx.print(out.toString());
            if (e.code() == ErrorCode.NO_SUPPORT) {
                return;
            }
            throw e;
        }
        out.append(String.format("%-15s %d\n", "Children:", children));
        try {
            out.append(String.format("%-15s %d\n", "Descendants:",
                    s.numChildren(EnumSet.of(DomainSnapshotListFlag.DESCENDANTS))));
        } catch (VirtException e) {
            ctx.print(out.toString());
            throw e;
        }
        Boolean metadata;
        try {
            metadata = s.hasMetadata();
        } catch (VirtException e) {
            try {
                metadata = dom.snapshotNum(EnumSet.of(DomainSnapshotListFlag.METADATA)) > 0;
            } catch (VirtException e2) {
                metadata = null;
            }
        }
        if (metadata != null) {
            line(out, "Metadata:", metadata ? "yes" : "no");
        }
        ctx.print(out.toString());
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append(String.format("%-15s %s\n", label, value));
    }

    private static void list(CommandContext ctx, ParsedArgs args) {
        boolean tree = args.has("tree");
        boolean name = args.has("name");
        boolean from = args.has("from");
        boolean parent = args.has("parent");
        boolean roots = args.has("roots");
        boolean current = args.has("current");
        args.exclusive("tree", "name");
        args.exclusive("parent", "roots");
        args.exclusive("parent", "tree");
        args.exclusive("roots", "tree");
        args.exclusive("roots", "from");
        args.exclusive("roots", "current");
        EnumSet<DomainSnapshotListFlag> flags = EnumSet.noneOf(DomainSnapshotListFlag.class);
        String[][] filters = {{"leaves", "LEAVES"}, {"no-leaves", "NO_LEAVES"}, {"inactive", "INACTIVE"},
            {"active", "ACTIVE"}, {"disk-only", "DISK_ONLY"}, {"internal", "INTERNAL"}, {"external", "EXTERNAL"}};
        for (String[] f : filters) {
            if (args.has(f[0])) {
                if (tree) {
                    throw new CommandFailure("--" + f[0] + " and --tree are mutually exclusive");
                }
                flags.add(DomainSnapshotListFlag.valueOf(f[1]));
            }
        }
        if (args.has("topological")) {
            flags.add(DomainSnapshotListFlag.TOPOLOGICAL);
        }
        if (roots) {
            flags.add(DomainSnapshotListFlag.ROOTS);
        }
        if (args.has("metadata")) {
            flags.add(DomainSnapshotListFlag.METADATA);
        }
        if (args.has("no-metadata")) {
            flags.add(DomainSnapshotListFlag.NO_METADATA);
        }
        if (args.has("descendants")) {
            if (!from && !current) {
                throw new CommandFailure("--descendants requires either --from or --current");
            }
            flags.add(DomainSnapshotListFlag.DESCENDANTS);
        }
        Domain dom = DomainLookup.domain(ctx, args);
        DomainSnapshot start = from || current ? lookup(args, "from", true, dom) : null;
        List<DomainSnapshot> snaps = new ArrayList<>(start != null ? start.listAllChildren(flags)
                : dom.listAllSnapshots(flags));
        List<String> parents = new ArrayList<>();
        if (tree) {
            for (DomainSnapshot s : snaps) {
                parents.add(parentName(s));
            }
            if (start != null) {
                snaps.add(start);
                parents.add(null);
            }
        }
        if (!flags.contains(DomainSnapshotListFlag.TOPOLOGICAL)) {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < snaps.size(); i++) {
                order.add(i);
            }
            order.sort((a, b) -> String.CASE_INSENSITIVE_ORDER.compare(snaps.get(a).getName(),
                    snaps.get(b).getName()));
            List<DomainSnapshot> sorted = new ArrayList<>();
            List<String> sortedParents = new ArrayList<>();
            for (int i : order) {
                sorted.add(snaps.get(i));
                if (tree) {
                    sortedParents.add(parents.get(i));
                }
            }
            snaps.clear();
            snaps.addAll(sorted);
            parents.clear();
            parents.addAll(sortedParents);
        }
        if (tree) {
            TreePrint.print(ctx, snaps.stream().map(DomainSnapshot::getName).toList(), parents);
            return;
        }
        if (name) {
            StringBuilder b = new StringBuilder();
            snaps.forEach(s -> b.append(s.getName()).append('\n'));
            ctx.print(b.toString());
            return;
        }
        VshTable t = parent ? new VshTable("Name", "Creation Time", "State", "Parent")
                : new VshTable("Name", "Creation Time", "State");
        for (DomainSnapshot s : snaps) {
            XmlQuery x;
            try {
                x = XmlQuery.parse(s.getXMLDesc(EnumSet.noneOf(DomainSnapshotXMLFlag.class)));
            } catch (VirtException e) {
                continue;
            }
            String state = x.stringOrNull("/domainsnapshot/state");
            long created = DomainBasics.parseLong(x.string("/domainsnapshot/creationTime").trim());
            if (state == null || created < 0) {
                continue;
            }
            String when = CREATED.format(Instant.ofEpochSecond(created));
            if (parent) {
                String p = x.stringOrNull("/domainsnapshot/parent/name");
                t.addRow(s.getName(), when, state, p == null ? "" : p);
            } else {
                t.addRow(s.getName(), when, state);
            }
        }
        ctx.print(t.render(!ctx.quiet()));
    }

    /** virshGetSnapshotParent: the parent's name, null for a root. */
    private static String parentName(DomainSnapshot s) {
        try {
            return s.getParent().getName();
        } catch (VirtException e) {
            if (e.code() == ErrorCode.NO_DOMAIN_SNAPSHOT) {
                return null;
            }
            XmlQuery x = XmlQuery.parse(s.getXMLDesc(EnumSet.noneOf(DomainSnapshotXMLFlag.class)));
            return x.stringOrNull("/domainsnapshot/parent/name");
        }
    }

    private static void parent(CommandContext ctx, ParsedArgs args) {
        Domain dom = DomainLookup.domain(ctx, args);
        DomainSnapshot s = lookup(args, "snapshotname", true, dom);
        String p = parentName(s);
        if (p == null) {
            throw new CommandFailure("snapshot '" + s.getName() + "' has no parent");
        }
        ctx.print(p);
    }

    private static void revert(CommandContext ctx, ParsedArgs args) {
        EnumSet<DomainSnapshotRevertFlag> f = EnumSet.noneOf(DomainSnapshotRevertFlag.class);
        if (args.has("running")) {
            f.add(DomainSnapshotRevertFlag.RUNNING);
        }
        if (args.has("paused")) {
            f.add(DomainSnapshotRevertFlag.PAUSED);
        }
        if (args.has("reset-nvram")) {
            f.add(DomainSnapshotRevertFlag.RESET_NVRAM);
        }
        boolean force = args.has("force");
        Domain dom = DomainLookup.domain(ctx, args);
        DomainSnapshot s = lookup(args, "snapshotname", true, dom);
        String name = s.getName();
        try {
            try {
                dom.revertToSnapshot(s, f);
            } catch (VirtException e) {
                // --force only where the driver says it would make a difference, as virsh probes
                if (!force || e.code() != ErrorCode.SNAPSHOT_REVERT_RISKY) {
                    throw e;
                }
                f.add(DomainSnapshotRevertFlag.FORCE);
                dom.revertToSnapshot(s, f);
            }
        } catch (VirtException e) {
            throw new CommandFailure("Failed to revert snapshot " + name, e);
        }
        ctx.printExtra("Domain snapshot " + name + " reverted\n");
    }
}
