package org.jvirt.shell.internal;

import java.util.EnumSet;
import java.util.Set;

import org.jvirt.api.Connect;
import org.jvirt.api.ConnectAuth;
import org.jvirt.api.ConnectFactory;
import org.jvirt.api.ConnectFlag;
import org.jvirt.api.VirtException;
import org.jvirt.shell.internal.vsh.CommandFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What virsh keeps between commands (its vshControl): the URI to connect to, whether read-only, quiet mode, and
 * the open connection, opened on first use. One per Gogo session, kept in the session under {@link #KEY}. It also
 * carries the status of the last command and whether quit was asked for, for the console.
 */
public final class ShellSession implements AutoCloseable {
    /** The Gogo session variable that holds a session's state. */
    public static final String KEY = "jvirt.shell.session";

    private static final Logger LOG = LoggerFactory.getLogger(ShellSession.class);

    private final ConnectFactory factory;
    private final boolean quiet;
    private String uri;
    private boolean readOnly;
    private Connect connection;
    /** Asked for credentials when a driver wants them (virsh passes libvirt's default callback); none: not asked. */
    private volatile ConnectAuth auth;
    private volatile int status;
    private volatile boolean interactive;
    private volatile java.nio.file.Path directory = java.nio.file.Path.of("").toAbsolutePath();
    private volatile boolean quitRequested;

    /**
     * @param uri      the URI to connect to on first use; null for the factory's default
     * @param readOnly whether to open connections read-only
     * @param quiet    virsh's -q: no table headers, no informational messages, no blank line after a command
     */
    public ShellSession(ConnectFactory factory, String uri, boolean readOnly, boolean quiet) {
        this.factory = factory;
        this.uri = uri;
        this.readOnly = readOnly;
        this.quiet = quiet;
    }

    public ConnectFactory factory() {
        return factory;
    }

    public boolean quiet() {
        return quiet;
    }

    /** Whether connections are opened read-only. */
    public synchronized boolean readOnly() {
        return readOnly;
    }

    /** The connection, opened now if there is none; fails as virsh does when it cannot connect. */
    public synchronized Connect connection() {
        if (connection == null) {
            connection = open(uri, readOnly);
        }
        return connection;
    }

    /** Whether a connection is open. */
    public synchronized boolean connected() {
        return connection != null;
    }

    /**
     * virsh's connect: closes the current connection, then opens {@code name} (null: the current URI again). Without
     * {@code name}, read-only stays as it was unless asked for. When the open fails, no connection is left and the
     * URI stays as it was, so that the next command connects to it again.
     */
    public synchronized void reconnect(String name, boolean readOnlyAsked) {
        boolean ro = readOnlyAsked || (name == null && readOnly);
        closeConnection();
        connection = open(name != null ? name : uri, ro);
        if (name != null) {
            uri = name;
        }
        readOnly = ro;
    }

    /**
     * What Ctrl-C does while a command waits on a job (abort it); null when nothing waits. The console's terminal
     * calls {@link #interrupt()} on SIGINT.
     */
    private final java.util.concurrent.atomic.AtomicReference<Runnable> onInterrupt =
            new java.util.concurrent.atomic.AtomicReference<>();

    /** Sets what Ctrl-C does, or clears it with null. */
    public void onInterrupt(Runnable action) {
        onInterrupt.set(action);
    }

    /** Ctrl-C: runs the waiting command's abort, if any; returns whether there was one. */
    public boolean interrupt() {
        Runnable r = onInterrupt.get();
        if (r != null) {
            r.run();
        }
        return r != null;
    }

    /** Whether the console writes to a terminal (progress lines are then redrawn in place). */
    private volatile boolean terminal;

    public boolean terminal() {
        return terminal;
    }

    public void terminal(boolean terminal) {
        this.terminal = terminal;
    }

    /** The terminal, when the console reads from one; null otherwise. */
    private volatile TerminalAccess terminalAccess;

    public TerminalAccess terminalAccess() {
        return terminalAccess;
    }

    public void terminalAccess(TerminalAccess access) {
        this.terminalAccess = access;
    }

    /** The environment commands see (EDITOR, VISUAL, TMPDIR): the process's own unless set for the session. */
    private volatile java.util.Map<String, String> environment = System.getenv();

    public String environment(String name) {
        return environment.get(name);
    }

    public void environment(java.util.Map<String, String> environment) {
        this.environment = java.util.Map.copyOf(environment);
    }

    /** Whether commands come from a prompt (virsh's interactive mode, where cd works), not from arguments. */
    public boolean interactive() {
        return interactive;
    }

    public void interactive(boolean interactive) {
        this.interactive = interactive;
    }

    /** The session's current directory (cd changes it), against which relative file names are read. */
    public java.nio.file.Path directory() {
        return directory;
    }

    public void directory(java.nio.file.Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    /** A file name as the user gave it, relative to the session's directory. */
    public java.nio.file.Path resolve(String file) {
        return directory.resolve(file);
    }

    public int status() {
        return status;
    }

    public void status(int status) {
        this.status = status;
    }

    public boolean quitRequested() {
        return quitRequested;
    }

    public void requestQuit() {
        quitRequested = true;
    }

    @Override
    public synchronized void close() {
        closeConnection();
    }

    /** Sets who answers a driver's credential requests for the connections opened from now on. */
    public void auth(ConnectAuth auth) {
        this.auth = auth;
    }

    private Connect open(String target, boolean ro) {
        Set<ConnectFlag> flags = ro ? EnumSet.of(ConnectFlag.RO) : EnumSet.noneOf(ConnectFlag.class);
        try {
            return factory.open(target, flags, auth);
        } catch (VirtException e) {
            throw new CommandFailure("failed to connect to the hypervisor", e);
        }
    }

    private void closeConnection() {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (RuntimeException e) {
            LOG.warn("closing the shell's connection to {} failed", uri, e);
        }
        connection = null;
    }
}
