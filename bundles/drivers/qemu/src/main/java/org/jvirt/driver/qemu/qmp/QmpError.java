package org.jvirt.driver.qemu.qmp;

/**
 * A command failed: QEMU answered with {@code {"error": {"class": C, "desc": D}}}, or the monitor closed or timed
 * out before it answered (class {@link #CLOSED} or {@link #TIMEOUT}, which QEMU never sends).
 */
public class QmpError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The monitor closed (QEMU exited, or the client was closed) before the reply came. */
    public static final String CLOSED = "jvirt.MonitorClosed";
    /** No reply came in time. */
    public static final String TIMEOUT = "jvirt.Timeout";

    private final String command;
    private final String errorClass;
    private final String desc;

    public QmpError(String command, String errorClass, String desc) {
        super(command + ": " + desc + " (" + errorClass + ")");
        this.command = command;
        this.errorClass = errorClass;
        this.desc = desc;
    }

    /** The command that failed. */
    public String command() {
        return command;
    }

    /** QEMU's error class (GenericError, CommandNotFound, DeviceNotFound …) or CLOSED or TIMEOUT. */
    public String errorClass() {
        return errorClass;
    }

    /** QEMU's human-readable description. */
    public String desc() {
        return desc;
    }

    public boolean closed() {
        return CLOSED.equals(errorClass);
    }
}
