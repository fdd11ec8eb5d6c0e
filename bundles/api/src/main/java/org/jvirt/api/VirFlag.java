package org.jvirt.api;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/** A flag whose constants carry libvirt's bit values; sets of flags convert to libvirt's masks. */
public interface VirFlag {
    /** libvirt's bit (or, for a few named defaults, 0). */
    int value();

    /** The libvirt mask of a set of flags. */
    static int toBits(Collection<? extends VirFlag> flags) {
        int bits = 0;
        for (VirFlag f : flags) {
            bits |= f.value();
        }
        return bits;
    }

    /** The flags of {@code type} present in {@code bits}; flags whose value is 0 are never included. */
    static <E extends Enum<E> & VirFlag> Set<E> fromBits(Class<E> type, int bits) {
        EnumSet<E> set = EnumSet.noneOf(type);
        for (E e : type.getEnumConstants()) {
            if (e.value() != 0 && (bits & e.value()) == e.value()) {
                set.add(e);
            }
        }
        return set;
    }

    /** The bits of {@code bits} that none of {@code type}'s constants names. */
    static <E extends Enum<E> & VirFlag> int unknownBits(Class<E> type, int bits) {
        int known = 0;
        for (E e : type.getEnumConstants()) {
            known |= e.value();
        }
        return bits & ~known;
    }
}
