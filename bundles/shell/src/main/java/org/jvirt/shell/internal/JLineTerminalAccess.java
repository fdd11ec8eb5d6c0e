package org.jvirt.shell.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;

/** A JLine terminal lent to the commands that need it whole (console, editors). */
final class JLineTerminalAccess implements TerminalAccess {
    private final Terminal terminal;

    JLineTerminalAccess(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public AutoCloseable raw() {
        Attributes previous = terminal.enterRawMode();
        // no signals either: Ctrl-C and Ctrl-] travel to the guest or the console's escape
        Attributes raw = terminal.getAttributes();
        raw.setLocalFlag(Attributes.LocalFlag.ISIG, false);
        terminal.setAttributes(raw);
        return () -> terminal.setAttributes(previous);
    }

    @Override
    public InputStream input() {
        return terminal.input();
    }

    @Override
    public OutputStream output() {
        return terminal.output();
    }

    @Override
    public int run(ProcessBuilder program) throws IOException, InterruptedException {
        // JLine must not read the keys meant for the program
        terminal.pause(true);
        try {
            terminal.flush();
            return program.inheritIO().start().waitFor();
        } finally {
            terminal.resume();
        }
    }
}
