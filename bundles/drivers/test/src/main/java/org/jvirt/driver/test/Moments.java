package org.jvirt.driver.test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tree of snapshots or checkpoints of one domain (libvirt's virDomainMomentObjList): names in creation order,
 * each with its parent's name, and the current one.
 */
final class Moments<T> {
    /** One moment: its definition and its parent's name (null for a root). */
    static final class Moment<T> {
        final String name;
        final T def;
        String parent;

        Moment(String name, T def, String parent) {
            this.name = name;
            this.def = def;
            this.parent = parent;
        }
    }

    private final Map<String, Moment<T>> byName = new LinkedHashMap<>();
    private String current;

    Moment<T> get(String name) {
        return byName.get(name);
    }

    int size() {
        return byName.size();
    }

    List<Moment<T>> all() {
        return new ArrayList<>(byName.values());
    }

    void add(Moment<T> m) {
        byName.put(m.name, m);
    }

    void remove(String name) {
        byName.remove(name);
        if (name.equals(current)) {
            current = null;
        }
    }

    Moment<T> current() {
        return current == null ? null : byName.get(current);
    }

    void setCurrent(String name) {
        current = name;
    }

    List<Moment<T>> children(String name) {
        List<Moment<T>> out = new ArrayList<>();
        for (Moment<T> m : byName.values()) {
            if (name == null ? m.parent == null : name.equals(m.parent)) {
                out.add(m);
            }
        }
        return out;
    }

    /** The descendants of {@code name} (all moments for null), parents before their children. */
    List<Moment<T>> descendants(String name) {
        List<Moment<T>> out = new ArrayList<>();
        for (Moment<T> c : children(name)) {
            out.add(c);
            out.addAll(descendants(c.name));
        }
        return out;
    }

    boolean isLeaf(String name) {
        return children(name).isEmpty();
    }
}
