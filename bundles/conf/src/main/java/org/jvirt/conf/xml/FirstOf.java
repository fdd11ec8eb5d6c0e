package org.jvirt.conf.xml;

import java.util.List;

/**
 * A list's first element seen as a single field (the model's fields from before a repeated element became a
 * list): the caller's new value replaces the first element, a null removes it, and a list without any gains it.
 */
public final class FirstOf {
    private FirstOf() {
    }

    /** Puts {@code first} in front of {@code list} in place of its first element (null: removes it). */
    public static <T> void apply(List<T> list, T first) {
        if (first == null) {
            if (!list.isEmpty()) {
                list.remove(0);
            }
        } else if (list.isEmpty()) {
            list.add(first);
        } else {
            list.set(0, first);
        }
    }
}
