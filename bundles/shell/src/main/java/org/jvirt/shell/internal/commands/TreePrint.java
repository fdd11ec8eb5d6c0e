package org.jvirt.shell.internal.commands;

import java.util.List;

import org.jvirt.shell.internal.CommandContext;

/**
 * vshTreePrint: a forest of named items, each root and its descendants drawn with "+- " and "|" as virsh draws
 * snapshot, checkpoint and node device trees.
 */
final class TreePrint {
    private final List<String> names;
    private final List<String> parents;
    private final StringBuilder out = new StringBuilder();

    /** @param parents each item's parent name, null for a root; same order as {@code names} */
    private TreePrint(List<String> names, List<String> parents) {
        this.names = names;
        this.parents = parents;
    }

    /** Prints every item without a parent, and below it its descendants. */
    static void print(CommandContext ctx, List<String> names, List<String> parents) {
        TreePrint t = new TreePrint(names, parents);
        for (int i = 0; i < names.size(); i++) {
            if (parents.get(i) == null) {
                t.node(i, i, true, new StringBuilder());
            }
        }
        ctx.print(t.out.toString());
    }

    private void node(int dev, int lastdev, boolean root, StringBuilder indent) {
        String name = names.get(dev);
        out.append(indent).append(root ? "" : "+- ").append(name).append('\n');
        if (!root) {
            indent.append(dev == lastdev ? ' ' : '|').append(' ');
        }
        int nextlast = -1;
        for (int i = 0; i < names.size(); i++) {
            if (name.equals(parents.get(i))) {
                nextlast = i;
            }
        }
        if (nextlast != -1) {
            out.append(indent).append("  |\n");
        }
        indent.append("  ");
        for (int i = 0; i < names.size(); i++) {
            if (name.equals(parents.get(i))) {
                node(i, nextlast, false, indent);
            }
        }
        trim(indent, "  ");
        if (nextlast == -1 && dev == lastdev) {
            out.append(indent).append('\n');
        }
        if (!root) {
            indent.setLength(Math.max(0, indent.length() - 2));
        }
    }

    /** virBufferTrim: drops the suffix when the text ends with it. */
    private static void trim(StringBuilder b, String suffix) {
        if (b.length() >= suffix.length() && b.substring(b.length() - suffix.length()).equals(suffix)) {
            b.setLength(b.length() - suffix.length());
        }
    }
}
