package org.jvirt.shell.internal;

import java.io.PrintStream;

import org.jvirt.api.Connect;
import org.jvirt.api.ConnectFactory;

/** What a running command works with: its session, its connection and where it prints. */
public final class CommandContext {
    private final ShellSession session;
    private final PrintStream out;
    private final PrintStream err;

    public CommandContext(ShellSession session, PrintStream out, PrintStream err) {
        this.session = session;
        this.out = out;
        this.err = err;
    }

    public ShellSession session() {
        return session;
    }

    public Connect connection() {
        return session.connection();
    }

    public ConnectFactory factory() {
        return session.factory();
    }

    public boolean quiet() {
        return session.quiet();
    }

    /** Output: what the command is for (vshPrint). */
    public void print(String text) {
        out.print(text);
    }

    /** Bytes as they are (a secret's value), where text would not do. */
    public void write(byte[] bytes) {
        out.write(bytes, 0, bytes.length);
        out.flush();
    }

    /** An error that does not fail the command (vshError followed by success). */
    public void error(String message) {
        CommandRunner.error(out, err, message);
    }

    /** Text on stderr as it is, as libxml prints its own complaints. */
    public void errorText(String text) {
        out.flush();
        err.print(text);
        err.flush();
    }

    /** Informational output that quiet mode drops (vshPrintExtra). */
    public void printExtra(String text) {
        if (!session.quiet()) {
            out.print(text);
        }
    }
}
