package org.jvirt.api;

/** An enumeration whose constants carry libvirt's numbers, which travel on the wire. */
public interface VirEnum {
    /** libvirt's number for this constant. */
    int value();

    /** An array indexed by value, for constant-time look-ups; gaps stay {@code null}. */
    static <E extends Enum<E> & VirEnum> E[] index(E[] constants) {
        int max = -1;
        for (E e : constants) {
            max = Math.max(max, e.value());
        }
        E[] table = java.util.Arrays.copyOf(constants, max + 1);
        java.util.Arrays.fill(table, null);
        for (E e : constants) {
            if (e.value() >= 0 && table[e.value()] == null) {
                table[e.value()] = e;
            }
        }
        return table;
    }
}
