package org.jvirt.shell.internal.vsh;

import org.jvirt.api.VirtException;

/**
 * A command failed: virsh's {@code vshError(...); return false}. The message is printed as {@code error: MESSAGE};
 * a {@link VirtException} cause is printed after it on its own {@code error:} line, as virsh reports the last
 * libvirt error when a command fails. A failure without a message prints nothing but still fails the command.
 */
public class CommandFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CommandFailure(String message) {
        super(message);
    }

    public CommandFailure(String message, VirtException cause) {
        super(message, cause);
    }

    /** A failure virsh reports with no message at all. */
    public static CommandFailure silent() {
        return new CommandFailure(null);
    }

    /** The libvirt error that caused it, or null. */
    public VirtException libvirtError() {
        return getCause() instanceof VirtException v ? v : null;
    }
}
