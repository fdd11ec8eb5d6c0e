package org.jvirt.shell.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Lines read as they come. On a terminal the terminal echoes what is typed; from a file or pipe the line is echoed
 * after the prompt, as readline does for virsh.
 */
final class PlainLineInput implements LineInput {
    private final BufferedReader reader;
    private final PrintStream out;
    private final boolean echo;

    PlainLineInput(InputStream in, PrintStream out, boolean echo) {
        this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        this.out = out;
        this.echo = echo;
    }

    @Override
    public String read(String prompt) {
        out.print(prompt);
        out.flush();
        String line;
        try {
            line = reader.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (line != null && echo) {
            out.print(line + "\n");
            out.flush();
        }
        return line;
    }

    @Override
    public String answer(boolean echo) throws IOException {
        // from the same reader as the commands: an answer is the next line of the input, as virsh reads it
        return reader.readLine();
    }

    @Override
    public void close() {
        // the streams belong to the caller
    }
}
