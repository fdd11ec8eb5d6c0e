package org.jvirt.conf.internal;

import java.util.function.Supplier;

/**
 * Whether the document being parsed is a whole definition (a network or node device as a driver defines it), or
 * possibly a section wrapped in a document (a network update's {@code <dhcp>}, a device to create): the few checks
 * libvirt makes only of whole definitions (an {@code <ip>}'s address, a NAT network's IP, DNS records, forward
 * interfaces' devices, a device's name and SCSI host, a pool's name and what follows from it) run only in the
 * first case. Kept per thread for the span of one parse.
 */
public final class DefinitionScope {
    private static final ThreadLocal<Boolean> WHOLE = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private DefinitionScope() {
    }

    /** Whether the current parse is of a whole definition. */
    static boolean whole() {
        return WHOLE.get();
    }

    /** Runs {@code parse} as the parse of a whole definition. */
    public static <T> T whole(Supplier<T> parse) {
        boolean before = WHOLE.get();
        WHOLE.set(Boolean.TRUE);
        try {
            return parse.get();
        } finally {
            WHOLE.set(before);
        }
    }
}
