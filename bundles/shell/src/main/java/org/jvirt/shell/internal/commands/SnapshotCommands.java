package org.jvirt.shell.internal.commands;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;

import org.jvirt.api.Domain;
import org.jvirt.api.DomainSnapshot;
import org.jvirt.api.DomainSnapshotCreateFlag;
import org.jvirt.api.DomainSnapshotDeleteFlag;
import org.jvirt.api.DomainSnapshotListFlag;
import org.jvirt.api.DomainSnapshotRevertFlag;
import org.jvirt.api.DomainSnapshotXMLFlag;
import org.jvirt.api.VirtException;
import org.jvirt.shell.internal.CommandContext;
import org.jvirt.shell.internal.TableCommand;
import org.jvirt.shell.internal.VirshCommand;
import org.jvirt.shell.internal.vsh.CommandFailure;
import org.jvirt.shell.internal.vsh.ParsedArgs;
import org.jvirt.shell.internal.vsh.VshTable;

/** Domain snapshots: snapshot-create, -create-as, -current, -delete, -revert, -dumpxml, -parent, -list. */
final class SnapshotCommands {
    private SnapshotCommands() {
    }

    static List<VirshCommand> all() {
        return List.of(
                TableCommand.of("snapshot-create", (ctx, args) -> {
                    Domain dom = DomainLookup.domain(ctx, args);
                    String file = args.string("xmlfile");
                    String xml = file == null ? "<domainsnapshot/>" : XmlFiles.read(ctx, file);
                    DomainSnapshot s = dom.snapshotCreateXML(xml, createFlags(args));
                    ctx.printExtra(file == null ? "Domain snapshot " + s.getName() + " created"
                            : "Domain snapshot " + s.getName() + " created from '" + file + "'");
                }),
                TableCommand.of("snapshot-create-as", SnapshotCommands::createAs),
                TableCommand.of("snapshot-current", SnapshotCommands::current),
                TableCommand.of("snapshot-delete", (ctx, args) -> {
                    Domain dom = DomainLookup.domain(ctx, args);
                    DomainSnapshot s = snapshot(ctx, args, dom);
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
                    String name = s.getName();
                    try {
                        s.delete(f);
                    } catch (VirtException e) {
                        throw new CommandFailure("Failed to delete snapshot " + name, e);
                    }
                    ctx.printExtra(args.has("children-only") ? "Domain snapshot " + name + " children deleted\n"
                            : "Domain snapshot " + name + " deleted\n");
                }),
                TableCommand.of("snapshot-revert", (ctx, args) -> {
                    Domain dom = DomainLookup.domain(ctx, args);
                    DomainSnapshot s = snapshot(ctx, args, dom);
                    EnumSet<DomainSnapshotRevertFlag> f = EnumSet.noneOf(DomainSnapshotRevertFlag.class);
                    if (args.has("running")) {
                        f.add(DomainSnapshotRevertFlag.RUNNING);
                    }
                    if (args.has("paused")) {
                        f.add(DomainSnapshotRevertFlag.PAUSED);
                    }
                    if (args.has("force")) {
                        f.add(DomainSnapshotRevertFlag.FORCE);
                    }
                    if (args.has("reset-nvram")) {
                        f.add(DomainSnapshotRevertFlag.RESET_NVRAM);
                    }
                    dom.revertToSnapshot(s, f);
                    ctx.printExtra("Domain snapshot " + s.getName() + " reverted\n");
                }),
                TableCommand.of("snapshot-dumpxml", (ctx, args) -> {
                    Domain dom = DomainLookup.domain(ctx, args);
                    DomainSnapshot s = snapshot(ctx, args, dom);
                    DomainBasics.printXml(ctx, args, s.getXMLDesc(args.has("security-info")
                            ? EnumSet.of(DomainSnapshotXMLFlag.SECURE) : EnumSet.noneOf(DomainSnapshotXMLFlag.class)));
                }),
                TableCommand.of("snapshot-parent", (ctx, args) -> {
                    Domain dom = DomainLookup.domain(ctx, args);
                    DomainSnapshot s = snapshot(ctx, args, dom);
                    DomainSnapshot parent;
                    try {
                        parent = s.getParent();
                    } catch (VirtException e) {
                        throw new CommandFailure("snapshot '" + s.getName() + "' has no parent", e);
                    }
                    ctx.print(parent.getName() + "\n");
                }),
                TableCommand.of("snapshot-list", SnapshotCommands::list));
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

    private static void createAs(CommandContext ctx, ParsedArgs args) {
        Domain dom = DomainLookup.domain(ctx, args);
        StringBuilder b = new StringBuilder("<domainsnapshot>\n");
        String name = args.string("name");
        if (name != null) {
            b.append("  <name>").append(Escapes.xml(name)).append("</name>\n");
        }
        String desc = args.string("description");
        if (desc != null) {
            b.append("  <description>").append(Escapes.xml(desc)).append("</description>\n");
        }
        String memspec = args.string("memspec");
        if (memspec != null) {
            b.append("  <memory ").append(memspecAttrs(memspec)).append("/>\n");
        }
        List<String> disks = args.argv("diskspec");
        if (!disks.isEmpty()) {
            b.append("  <disks>\n");
            for (String d : disks) {
                b.append(diskspec(d));
            }
            b.append("  </disks>\n");
        }
        b.append("</domainsnapshot>\n");
        if (args.has("print-xml")) {
            ctx.print(b + "\n");
            return;
        }
        DomainSnapshot s = dom.snapshotCreateXML(b.toString(), createFlags(args));
        ctx.printExtra("Domain snapshot " + s.getName() + " created");
    }

    private static String memspecAttrs(String spec) {
        StringBuilder b = new StringBuilder();
        for (String part : ShellBuiltins.splitCommas(spec)) {
            int eq = part.indexOf('=');
            String key = eq < 0 ? (part.equals("no") || part.equals("internal") || part.equals("external")
                    ? "snapshot" : "file") : part.substring(0, eq);
            String value = eq < 0 ? part : part.substring(eq + 1);
            b.append(key).append("='").append(Escapes.xml(value)).append("' ");
        }
        return b.toString().trim();
    }

    private static String diskspec(String spec) {
        List<String> parts = ShellBuiltins.splitCommas(spec);
        StringBuilder b = new StringBuilder("    <disk name='").append(Escapes.xml(parts.get(0))).append('\'');
        String file = null;
        for (String part : parts.subList(1, parts.size())) {
            int eq = part.indexOf('=');
            String key = eq < 0 ? part : part.substring(0, eq);
            String value = eq < 0 ? "" : part.substring(eq + 1);
            if (key.equals("file")) {
                file = value;
            } else if (key.equals("snapshot") || key.equals("driver") || key.equals("stype")) {
                b.append(' ').append(key.equals("stype") ? "type" : key).append("='").append(Escapes.xml(value))
                        .append('\'');
            } else {
                throw new CommandFailure("unable to parse diskspec: " + spec);
            }
        }
        if (file == null) {
            return b.append("/>\n").toString();
        }
        return b.append(">\n      <source file='").append(Escapes.xml(file)).append("'/>\n    </disk>\n").toString();
    }

    private static DomainSnapshot snapshot(CommandContext ctx, ParsedArgs args, Domain dom) {
        String name = args.string("snapshotname");
        if (name == null || (args.definesOption("current") && args.has("current"))) {
            if (name != null) {
                throw new CommandFailure("--snapshotname and --current are mutually exclusive");
            }
            try {
                return dom.snapshotCurrent();
            } catch (VirtException e) {
                throw new CommandFailure(null, e);
            }
        }
        return dom.snapshotLookupByName(name);
    }

    private static void current(CommandContext ctx, ParsedArgs args) {
        Domain dom = DomainLookup.domain(ctx, args);
        String name = args.string("snapshotname");
        if (name != null) {
            if (args.has("name")) {
                throw new CommandFailure("Options --name and --snapshotname are mutually exclusive");
            }
            DomainSnapshot s = dom.snapshotLookupByName(name);
            String xml = s.getXMLDesc(EnumSet.of(DomainSnapshotXMLFlag.SECURE));
            dom.snapshotCreateXML(xml, EnumSet.of(DomainSnapshotCreateFlag.REDEFINE,
                    DomainSnapshotCreateFlag.CURRENT));
            ctx.printExtra("Snapshot " + name + " set as current");
            return;
        }
        if (!dom.hasCurrentSnapshot()) {
            throw new CommandFailure("domain '" + dom.getName() + "' has no current snapshot");
        }
        DomainSnapshot s = dom.snapshotCurrent();
        if (args.has("name")) {
            ctx.print(s.getName() + "\n");
        } else {
            ctx.print(s.getXMLDesc(args.has("security-info") ? EnumSet.of(DomainSnapshotXMLFlag.SECURE)
                    : EnumSet.noneOf(DomainSnapshotXMLFlag.class)));
        }
    }

    private static void list(CommandContext ctx, ParsedArgs args) {
        Domain dom = DomainLookup.domain(ctx, args);
        EnumSet<DomainSnapshotListFlag> f = EnumSet.noneOf(DomainSnapshotListFlag.class);
        String[][] map = {{"roots", "ROOTS"}, {"leaves", "LEAVES"}, {"no-leaves", "NO_LEAVES"},
            {"metadata", "METADATA"}, {"no-metadata", "NO_METADATA"}, {"inactive", "INACTIVE"},
            {"active", "ACTIVE"}, {"disk-only", "DISK_ONLY"}, {"internal", "INTERNAL"}, {"external", "EXTERNAL"},
            {"topological", "TOPOLOGICAL"}};
        for (String[] m : map) {
            if (args.has(m[0])) {
                f.add(DomainSnapshotListFlag.valueOf(m[1]));
            }
        }
        List<DomainSnapshot> snaps;
        String from = args.string("from");
        if (from != null || args.has("current")) {
            DomainSnapshot start = from != null ? dom.snapshotLookupByName(from) : dom.snapshotCurrent();
            if (args.has("descendants") || args.has("tree")) {
                f.add(DomainSnapshotListFlag.DESCENDANTS);
            }
            snaps = new ArrayList<>(start.listAllChildren(f));
        } else {
            snaps = new ArrayList<>(dom.listAllSnapshots(f));
        }
        if (!args.has("topological")) {
            snaps.sort(Comparator.comparing(DomainSnapshot::getName));
        }
        boolean parent = args.has("parent");
        if (args.has("name")) {
            for (DomainSnapshot s : snaps) {
                String p = parent ? parentName(s) : null;
                ctx.print(s.getName() + (p != null ? "\t" + p : "") + "\n");
            }
            return;
        }
        if (args.has("tree")) {
            Tree.print(ctx, snaps);
            return;
        }
        VshTable t = parent ? new VshTable("Name", "Creation Time", "State", "Parent")
                : new VshTable("Name", "Creation Time", "State");
        for (DomainSnapshot s : snaps) {
            XmlQuery x = XmlQuery.parse(s.getXMLDesc(EnumSet.noneOf(DomainSnapshotXMLFlag.class)));
            String created = x.string("/domainsnapshot/creationTime");
            String when = created.isEmpty() ? "" : java.time.format.DateTimeFormatter
                    .ofPattern("yyyy-MM-dd HH:mm:ss Z").withZone(java.time.ZoneId.systemDefault())
                    .format(java.time.Instant.ofEpochSecond(Long.parseLong(created.trim())));
            String state = x.string("/domainsnapshot/state");
            if (parent) {
                String p = parentName(s);
                t.addRow(s.getName(), when, state, p == null ? "" : p);
            } else {
                t.addRow(s.getName(), when, state);
            }
        }
        ctx.print(t.render(!ctx.quiet()));
    }

    private static String parentName(DomainSnapshot s) {
        try {
            return s.getParent().getName();
        } catch (VirtException e) {
            return null;
        }
    }

    /** snapshot-list --tree: vsh's tree, children sorted by name. */
    private static final class Tree {
        private Tree() {
        }

        static void print(CommandContext ctx, List<DomainSnapshot> snaps) {
            List<String> names = new ArrayList<>();
            List<String> parents = new ArrayList<>();
            for (DomainSnapshot s : snaps) {
                names.add(s.getName());
                parents.add(parentName(s));
            }
            for (int i = 0; i < names.size(); i++) {
                if (parents.get(i) == null || !names.contains(parents.get(i))) {
                    node(ctx, names, parents, i, i, true, new StringBuilder());
                }
            }
        }

        private static void node(CommandContext ctx, List<String> names, List<String> parents, int dev, int last,
                boolean root, StringBuilder indent) {
            ctx.print(indent + (root ? "" : "+- ") + names.get(dev) + "\n");
            if (!root) {
                indent.append(dev == last ? ' ' : '|').append(' ');
            }
            int nextLast = -1;
            for (int i = 0; i < names.size(); i++) {
                if (names.get(dev).equals(parents.get(i))) {
                    nextLast = i;
                }
            }
            if (nextLast != -1) {
                ctx.print(indent + "  |\n");
            }
            indent.append("  ");
            for (int i = 0; i < names.size(); i++) {
                if (names.get(dev).equals(parents.get(i))) {
                    node(ctx, names, parents, i, nextLast, false, indent);
                }
            }
            indent.setLength(indent.length() - 2);
            if (nextLast == -1 && dev == last) {
                ctx.print(indent + "\n");
            }
            if (!root) {
                indent.setLength(indent.length() - 2);
            }
        }
    }
}
