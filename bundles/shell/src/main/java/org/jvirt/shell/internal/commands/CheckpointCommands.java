package org.jvirt.shell.internal.commands;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.jvirt.api.Domain;
import org.jvirt.api.DomainBackupBeginFlag;
import org.jvirt.api.DomainCheckpoint;
import org.jvirt.api.DomainCheckpointCreateFlag;
import org.jvirt.api.DomainCheckpointDeleteFlag;
import org.jvirt.api.DomainCheckpointListFlag;
import org.jvirt.api.DomainCheckpointXMLFlag;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.shell.internal.CommandContext;
import org.jvirt.shell.internal.TableCommand;
import org.jvirt.shell.internal.VirshCommand;
import org.jvirt.shell.internal.vsh.CommandFailure;
import org.jvirt.shell.internal.vsh.ParsedArgs;
import org.jvirt.shell.internal.vsh.VshTable;

/**
 * Domain checkpoints and backups, as virsh's virsh-checkpoint.c and virsh-backup.c: checkpoint-create, -create-as,
 * -delete, -dumpxml, -edit, -info, -list, -parent; backup-begin, backup-dumpxml.
 */
final class CheckpointCommands {
    private CheckpointCommands() {
    }

    static List<VirshCommand> all() {
        return List.of(
                TableCommand.of("checkpoint-create", CheckpointCommands::create),
                TableCommand.of("checkpoint-create-as", CheckpointCommands::createAs),
                TableCommand.of("checkpoint-delete", CheckpointCommands::delete),
                TableCommand.of("checkpoint-dumpxml", CheckpointCommands::dumpxml),
                TableCommand.of("checkpoint-edit", CheckpointCommands::edit),
                TableCommand.of("checkpoint-info", CheckpointCommands::info),
                TableCommand.of("checkpoint-list", CheckpointCommands::list),
                TableCommand.of("checkpoint-parent", CheckpointCommands::parent),
                TableCommand.of("backup-begin", CheckpointCommands::backupBegin),
                TableCommand.of("backup-dumpxml", (ctx, args) -> {
                    Domain dom = DomainLookup.domain(ctx, args);
                    String xpath = args.stringQuiet("xpath");
                    String xml = dom.backupGetXMLDesc();
                    if (xpath == null) {
                        ctx.print(xml);
                    } else {
                        XPathDump.print(ctx, xml, xpath, args.has("wrap"));
                    }
                }));
    }

    private static void createCheckpoint(CommandContext ctx, Domain dom, String xml,
            EnumSet<DomainCheckpointCreateFlag> flags, String from) {
        DomainCheckpoint c = dom.checkpointCreateXML(xml, flags);
        ctx.printExtra(from != null ? "Domain checkpoint " + c.getName() + " created from '" + from + "'"
                : "Domain checkpoint " + c.getName() + " created");
    }

    private static void create(CommandContext ctx, ParsedArgs args) {
        args.requires("redefine-validate", "redefine");
        EnumSet<DomainCheckpointCreateFlag> flags = EnumSet.noneOf(DomainCheckpointCreateFlag.class);
        if (args.has("redefine")) {
            flags.add(DomainCheckpointCreateFlag.REDEFINE);
        }
        if (args.has("redefine-validate")) {
            flags.add(DomainCheckpointCreateFlag.REDEFINE_VALIDATE);
        }
        if (args.has("quiesce")) {
            flags.add(DomainCheckpointCreateFlag.QUIESCE);
        }
        Domain dom = DomainLookup.domain(ctx, args);
        String from = args.string("xmlfile");
        String xml = from == null ? "<domaincheckpoint/>" : XmlFiles.read(ctx, from);
        createCheckpoint(ctx, dom, xml, flags, from);
    }

    private static void createAs(CommandContext ctx, ParsedArgs args) {
        EnumSet<DomainCheckpointCreateFlag> flags = args.has("quiesce")
                ? EnumSet.of(DomainCheckpointCreateFlag.QUIESCE) : EnumSet.noneOf(DomainCheckpointCreateFlag.class);
        Domain dom = DomainLookup.domain(ctx, args);
        String name = args.string("name");
        String desc = args.string("description");
        StringBuilder b = new StringBuilder("<domaincheckpoint>\n");
        if (name != null) {
            b.append("  <name>").append(Escapes.xml(name)).append("</name>\n");
        }
        if (desc != null) {
            b.append("  <description>").append(Escapes.xml(desc)).append("</description>\n");
        }
        if (args.has("diskspec")) {
            b.append("  <disks>\n");
            for (String spec : args.argv("diskspec")) {
                b.append(diskspec(spec));
            }
            b.append("  </disks>\n");
        }
        b.append("</domaincheckpoint>\n");
        if (args.has("print-xml")) {
            ctx.print(b + "\n");
            return;
        }
        createCheckpoint(ctx, dom, b.toString(), flags, null);
    }

    /** virshParseCheckpointDiskspec: disk[,checkpoint=type][,bitmap=name]. */
    private static String diskspec(String spec) {
        List<String> parts = ShellBuiltins.splitCommas(spec);
        if (parts.isEmpty()) {
            throw new CommandFailure("unable to parse diskspec: " + spec);
        }
        String checkpoint = null;
        String bitmap = null;
        for (String part : parts.subList(1, parts.size())) {
            if (checkpoint == null && part.startsWith("checkpoint=")) {
                checkpoint = part.substring("checkpoint=".length());
            } else if (bitmap == null && part.startsWith("bitmap=")) {
                bitmap = part.substring("bitmap=".length());
            } else {
                throw new CommandFailure("unable to parse diskspec: " + spec);
            }
        }
        StringBuilder b = new StringBuilder("    <disk name='").append(Escapes.xml(parts.get(0))).append('\'');
        if (checkpoint != null) {
            b.append(" checkpoint='").append(checkpoint).append('\'');
        }
        if (bitmap != null) {
            b.append(" bitmap='").append(bitmap).append('\'');
        }
        return b.append("/>\n").toString();
    }

    /** virshLookupCheckpoint: the checkpoint {@code arg} names; a failed lookup reports the driver's error alone. */
    private static DomainCheckpoint lookup(ParsedArgs args, String arg, Domain dom) {
        String name = args.string(arg);
        if (name == null) {
            throw new CommandFailure("--" + arg + " is required");
        }
        try {
            return dom.checkpointLookupByName(name);
        } catch (VirtException e) {
            throw new CommandFailure(null, e);
        }
    }

    /** virshGetCheckpointParent: the parent's name, null for a root. */
    private static String parentName(DomainCheckpoint c) {
        try {
            return c.getParent().getName();
        } catch (VirtException e) {
            if (e.code() == ErrorCode.NO_DOMAIN_CHECKPOINT) {
                return null;
            }
            throw new CommandFailure(e.getMessage() + "\nerror: unable to determine if checkpoint has parent");
        }
    }

    private static void delete(CommandContext ctx, ParsedArgs args) {
        Domain dom = DomainLookup.domain(ctx, args);
        DomainCheckpoint c = lookup(args, "checkpointname", dom);
        String name = c.getName();
        EnumSet<DomainCheckpointDeleteFlag> flags = EnumSet.noneOf(DomainCheckpointDeleteFlag.class);
        if (args.has("children")) {
            flags.add(DomainCheckpointDeleteFlag.CHILDREN);
        }
        if (args.has("children-only")) {
            flags.add(DomainCheckpointDeleteFlag.CHILDREN_ONLY);
        }
        if (args.has("metadata")) {
            flags.add(DomainCheckpointDeleteFlag.METADATA_ONLY);
        }
        try {
            c.delete(flags);
        } catch (VirtException e) {
            throw new CommandFailure("Failed to delete checkpoint " + name, e);
        }
        ctx.printExtra(flags.contains(DomainCheckpointDeleteFlag.CHILDREN_ONLY)
                ? "Domain checkpoint " + name + " children deleted\n" : "Domain checkpoint " + name + " deleted\n");
    }

    private static void dumpxml(CommandContext ctx, ParsedArgs args) {
        EnumSet<DomainCheckpointXMLFlag> flags = EnumSet.noneOf(DomainCheckpointXMLFlag.class);
        if (args.has("security-info")) {
            flags.add(DomainCheckpointXMLFlag.SECURE);
        }
        if (args.has("no-domain")) {
            flags.add(DomainCheckpointXMLFlag.NO_DOMAIN);
        }
        if (args.has("size")) {
            flags.add(DomainCheckpointXMLFlag.SIZE);
        }
        Domain dom = DomainLookup.domain(ctx, args);
        DomainCheckpoint c = lookup(args, "checkpointname", dom);
        DomainBasics.printXml(ctx, args, c.getXMLDesc(flags));
    }

    private static void edit(CommandContext ctx, ParsedArgs args) {
        Domain dom = DomainLookup.domain(ctx, args);
        DomainCheckpoint c = lookup(args, "checkpointname", dom);
        String name = c.getName();
        DomainCheckpoint[] edited = new DomainCheckpoint[1];
        try {
            boolean changed = new Editor(ctx).edit(() -> c.getXMLDesc(EnumSet.of(DomainCheckpointXMLFlag.SECURE)),
                    xml -> edited[0] = dom.checkpointCreateXML(xml, EnumSet.of(DomainCheckpointCreateFlag.REDEFINE)));
            if (!changed) {
                ctx.printExtra("Checkpoint " + name + " XML configuration not changed.\n");
                return;
            }
        } catch (CommandFailure | VirtException e) {
            String text = e instanceof CommandFailure f ? SnapshotCommands.failureText(f) : e.getMessage();
            if (text != null) {
                ctx.error(text);
            }
            throw new CommandFailure("Failed to update " + name);
        }
        String editedName = edited[0].getName();
        if (editedName.equals(name)) {
            ctx.printExtra("Checkpoint " + name + " edited.\n");
            return;
        }
        try {
            edited[0].delete(EnumSet.of(DomainCheckpointDeleteFlag.METADATA_ONLY));
        } catch (VirtException e) {
            ctx.error(e.getMessage());
            ctx.error("Failed to clean up " + editedName);
            throw new CommandFailure("Failed to update " + name);
        }
        ctx.error("Cannot rename checkpoint " + name + " to " + editedName);
        throw new CommandFailure("Failed to update " + name);
    }

    private static void info(CommandContext ctx, ParsedArgs args) {
        Domain dom = DomainLookup.domain(ctx, args);
        DomainCheckpoint c = lookup(args, "checkpointname", dom);
        StringBuilder out = new StringBuilder();
        out.append(String.format("%-15s %s\n", "Name:", c.getName()));
        out.append(String.format("%-15s %s\n", "Domain:", dom.getName()));
        String parent;
        try {
            parent = parentName(c);
        } catch (CommandFailure f) {
            ctx.print(out.toString());
            throw new CommandFailure(f.getMessage() + "\nerror: unexpected problem querying checkpoint state");
        }
        out.append(String.format("%-15s %s\n", "Parent:", parent == null ? "-" : parent));
        int children;
        try {
            children = c.listAllChildren(EnumSet.noneOf(DomainCheckpointListFlag.class)).size();
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
                    c.listAllChildren(EnumSet.of(DomainCheckpointListFlag.DESCENDANTS)).size()));
        } finally {
            ctx.print(out.toString());
        }
    }

    private static void list(CommandContext ctx, ParsedArgs args) {
        boolean tree = args.has("tree");
        boolean name = args.has("name");
        boolean from = args.has("from");
        boolean parent = args.has("parent");
        boolean roots = args.has("roots");
        args.exclusive("tree", "name");
        args.exclusive("parent", "roots");
        args.exclusive("parent", "tree");
        args.exclusive("roots", "tree");
        args.exclusive("roots", "from");
        EnumSet<DomainCheckpointListFlag> flags = EnumSet.noneOf(DomainCheckpointListFlag.class);
        for (String[] f : new String[][] {{"leaves", "LEAVES"}, {"no-leaves", "NO_LEAVES"}}) {
            if (args.has(f[0])) {
                if (tree) {
                    throw new CommandFailure("--" + f[0] + " and --tree are mutually exclusive");
                }
                flags.add(DomainCheckpointListFlag.valueOf(f[1]));
            }
        }
        if (args.has("topological")) {
            flags.add(DomainCheckpointListFlag.TOPOLOGICAL);
        }
        if (roots) {
            flags.add(DomainCheckpointListFlag.ROOTS);
        }
        if (args.has("descendants")) {
            if (!from) {
                throw new CommandFailure("--descendants requires --from");
            }
            flags.add(DomainCheckpointListFlag.DESCENDANTS);
        }
        Domain dom = DomainLookup.domain(ctx, args);
        DomainCheckpoint start = from ? lookup(args, "from", dom) : null;
        List<DomainCheckpoint> chks;
        try {
            chks = new ArrayList<>(start != null ? start.listAllChildren(flags) : dom.listAllCheckpoints(flags));
        } catch (VirtException e) {
            throw new CommandFailure("unexpected problem querying checkpoints", e);
        }
        List<String> parents = new ArrayList<>();
        if (tree) {
            for (DomainCheckpoint c : chks) {
                parents.add(parentName(c));
            }
            if (start != null) {
                chks.add(start);
                parents.add(null);
            }
        }
        if (!flags.contains(DomainCheckpointListFlag.TOPOLOGICAL)) {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < chks.size(); i++) {
                order.add(i);
            }
            order.sort((a, b) -> String.CASE_INSENSITIVE_ORDER.compare(chks.get(a).getName(), chks.get(b).getName()));
            List<DomainCheckpoint> sorted = new ArrayList<>();
            List<String> sortedParents = new ArrayList<>();
            for (int i : order) {
                sorted.add(chks.get(i));
                if (tree) {
                    sortedParents.add(parents.get(i));
                }
            }
            chks.clear();
            chks.addAll(sorted);
            parents.clear();
            parents.addAll(sortedParents);
        }
        if (tree) {
            TreePrint.print(ctx, chks.stream().map(DomainCheckpoint::getName).toList(), parents);
            return;
        }
        if (name) {
            StringBuilder b = new StringBuilder();
            chks.forEach(c -> b.append(c.getName()).append('\n'));
            ctx.print(b.toString());
            return;
        }
        VshTable t = parent ? new VshTable("Name", "Creation Time", "Parent") : new VshTable("Name", "Creation Time");
        for (DomainCheckpoint c : chks) {
            XmlQuery x;
            try {
                x = XmlQuery.parse(c.getXMLDesc(EnumSet.noneOf(DomainCheckpointXMLFlag.class)));
            } catch (VirtException e) {
                continue;
            }
            long created = DomainBasics.parseLong(x.string("/domaincheckpoint/creationTime").trim());
            if (created < 0) {
                continue;
            }
            String when = SnapshotCommands.CREATED.format(Instant.ofEpochSecond(created));
            if (parent) {
                String p = x.stringOrNull("/domaincheckpoint/parent/name");
                t.addRow(c.getName(), when, p == null ? "" : p);
            } else {
                t.addRow(c.getName(), when);
            }
        }
        ctx.print(t.render(!ctx.quiet()));
    }

    private static void parent(CommandContext ctx, ParsedArgs args) {
        Domain dom = DomainLookup.domain(ctx, args);
        DomainCheckpoint c = lookup(args, "checkpointname", dom);
        String p = parentName(c);
        if (p == null) {
            throw new CommandFailure("checkpoint '" + c.getName() + "' has no parent");
        }
        ctx.print(p);
    }

    private static void backupBegin(CommandContext ctx, ParsedArgs args) {
        EnumSet<DomainBackupBeginFlag> flags = args.has("reuse-external")
                ? EnumSet.of(DomainBackupBeginFlag.REUSE_EXTERNAL) : EnumSet.noneOf(DomainBackupBeginFlag.class);
        Domain dom = DomainLookup.domain(ctx, args);
        String backupFrom = args.string("backupxml");
        String backup = backupFrom == null ? "<domainbackup/>" : XmlFiles.read(ctx, backupFrom);
        String checkFrom = args.string("checkpointxml");
        String check = checkFrom == null ? null : XmlFiles.read(ctx, checkFrom);
        dom.backupBegin(backup, check, flags);
        ctx.print("Backup started\n");
    }
}
