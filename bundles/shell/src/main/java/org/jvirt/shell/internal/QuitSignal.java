package org.jvirt.shell.internal;

/** Thrown out of a Gogo line after quit or exit, so that nothing after it on the line runs, as in virsh. */
public final class QuitSignal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public QuitSignal() {
        super("quit", null, false, false);
    }
}
