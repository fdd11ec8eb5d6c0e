package org.jvirt.shell.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The user's terminal, for the commands that need it whole: the console (raw keys both ways), the editor of the
 * *-edit commands (a program that owns the terminal while it runs), the question after a failed edit (one key).
 * The console provides it when it reads lines from a real terminal.
 */
public interface TerminalAccess {
    /** Puts the terminal in raw mode (no echo, no line editing, no signals) until the handle is closed. */
    AutoCloseable raw() throws IOException;

    /** The keys typed. */
    InputStream input();

    /** The screen. */
    OutputStream output();

    /** Runs a program that takes the terminal over until it ends (an editor); returns its exit status. */
    int run(ProcessBuilder program) throws IOException, InterruptedException;
}
