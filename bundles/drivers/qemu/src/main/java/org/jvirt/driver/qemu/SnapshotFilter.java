package org.jvirt.driver.qemu;

import java.util.ArrayList;
import java.util.List;

/**
 * virDomainSnapshotObjListGetNames for the QEMU driver: the snapshots under one (or all, or the roots) that pass
 * the list flags' filter groups (leaves, metadata, state, location); each group given keeps a snapshot that
 * matches any of its flags.
 */
final class SnapshotFilter {
    private static final int DESCENDANTS = 1;
    private static final int METADATA = 2;
    private static final int LEAVES = 4;
    private static final int NO_LEAVES = 8;
    private static final int NO_METADATA = 16;
    private static final int INACTIVE = 32;
    private static final int ACTIVE = 64;
    private static final int DISK_ONLY = 128;
    private static final int INTERNAL = 256;
    private static final int EXTERNAL = 512;

    private SnapshotFilter() {
    }

    /**
     * The names, each parent before its children (libvirt's TOPOLOGICAL order holds always here).
     *
     * @param from null for the domain's list: then bit 1 is ROOTS; otherwise bit 1 is DESCENDANTS
     */
    static List<String> list(SnapshotTree tree, String from, int flags) {
        boolean bit1 = (flags & DESCENDANTS) != 0;
        List<SnapshotTree.Entry> pick;
        if (from == null) {
            pick = bit1 ? tree.children(null) : tree.descendants(null);
        } else {
            pick = bit1 ? tree.descendants(from) : tree.children(from);
        }
        List<String> out = new ArrayList<>();
        for (SnapshotTree.Entry e : pick) {
            if (passes(tree, e, flags)) {
                out.add(e.name);
            }
        }
        return out;
    }

    private static boolean passes(SnapshotTree tree, SnapshotTree.Entry e, int flags) {
        boolean leaf = tree.isLeaf(e.name);
        if ((flags & (LEAVES | NO_LEAVES)) != 0 && !((flags & LEAVES) != 0 && leaf || (flags & NO_LEAVES) != 0
                && !leaf)) {
            return false;
        }
        // every snapshot the driver knows has metadata
        if ((flags & (METADATA | NO_METADATA)) != 0 && (flags & METADATA) == 0) {
            return false;
        }
        boolean inactive = "shutoff".equals(e.def.state);
        boolean diskOnly = "disk-snapshot".equals(e.def.state);
        if ((flags & (INACTIVE | ACTIVE | DISK_ONLY)) != 0 && !((flags & INACTIVE) != 0 && inactive
                || (flags & DISK_ONLY) != 0 && diskOnly || (flags & ACTIVE) != 0 && !inactive && !diskOnly)) {
            return false;
        }
        boolean external = e.external();
        return (flags & (INTERNAL | EXTERNAL)) == 0 || (flags & INTERNAL) != 0 && !external
                || (flags & EXTERNAL) != 0 && external;
    }
}
