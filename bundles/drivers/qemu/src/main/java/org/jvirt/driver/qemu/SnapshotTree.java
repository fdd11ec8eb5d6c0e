package org.jvirt.driver.qemu;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jvirt.conf.snapshot.DomainSnapshotDef;

/**
 * The snapshots of one domain (libvirt's virDomainSnapshotObjList): definitions by name in creation order, each
 * with its parent's name, and the current one. Used under the domain object's monitor.
 */
final class SnapshotTree {
    /** One snapshot: its definition (without parent and active marks) and its parent's name, null for a root. */
    static final class Entry {
        final String name;
        final DomainSnapshotDef def;
        String parent;

        Entry(String name, DomainSnapshotDef def, String parent) {
            this.name = name;
            this.def = def;
            this.parent = parent;
        }

        /** A snapshot with memory (running or paused at the time): reverting to it starts the guest. */
        boolean live() {
            return "running".equals(def.state) || "paused".equals(def.state);
        }

        /** virDomainSnapshotIsExternal: external memory or an external disk. */
        boolean external() {
            return def.memory != null && "external".equals(def.memory.snapshot)
                    || def.disks != null && def.disks.disks.stream().anyMatch(d -> "external".equals(d.snapshot));
        }
    }

    private final Map<String, Entry> byName = new LinkedHashMap<>();
    private String current;

    Entry get(String name) {
        return byName.get(name);
    }

    int size() {
        return byName.size();
    }

    void add(Entry e) {
        byName.put(e.name, e);
    }

    void remove(String name) {
        byName.remove(name);
        if (name.equals(current)) {
            current = null;
        }
    }

    void clear() {
        byName.clear();
        current = null;
    }

    Entry current() {
        return current == null ? null : byName.get(current);
    }

    void setCurrent(String name) {
        current = name;
    }

    List<Entry> children(String name) {
        List<Entry> out = new ArrayList<>();
        for (Entry e : byName.values()) {
            if (name == null ? e.parent == null : name.equals(e.parent)) {
                out.add(e);
            }
        }
        return out;
    }

    /** The descendants of {@code name} (every snapshot for null), each parent before its children. */
    List<Entry> descendants(String name) {
        List<Entry> out = new ArrayList<>();
        for (Entry c : children(name)) {
            out.add(c);
            out.addAll(descendants(c.name));
        }
        return out;
    }

    boolean isLeaf(String name) {
        return children(name).isEmpty();
    }
}
