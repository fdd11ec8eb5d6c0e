package org.jvirt.daemon.internal;

import org.jvirt.api.VirEnum;
import org.jvirt.api.VirtException;

/** libvirt's enum numbers from the wire as the API's constants. */
final class Enums {
    private Enums() {
    }

    /** The constant of {@code type} numbered {@code value}; an unknown number is an invalid argument. */
    static <E extends Enum<E> & VirEnum> E of(Class<E> type, int value, String what) {
        for (E e : type.getEnumConstants()) {
            if (e.value() == value) {
                return e;
            }
        }
        throw VirtException.invalidArg("unsupported " + what + " " + value);
    }

    /** As {@link #of}, with -1 (libvirt's "any" or "none" for some arguments) as {@code null}. */
    static <E extends Enum<E> & VirEnum> E orNull(Class<E> type, int value, String what) {
        return value < 0 ? null : of(type, value, what);
    }
}
