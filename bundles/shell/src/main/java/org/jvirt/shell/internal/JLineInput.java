package org.jvirt.shell.internal;

import java.io.IOException;
import java.nio.file.Path;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Lines from the terminal through JLine: line editing, and history kept in a file when one is given. */
final class JLineInput implements LineInput {
    private static final Logger LOG = LoggerFactory.getLogger(JLineInput.class);

    private final Terminal terminal;
    private final LineReader reader;
    /** Credential answers: a reader of its own, so that no answer (a pass phrase) reaches the history. */
    private LineReader answers;

    JLineInput(Terminal terminal, LineReader reader) {
        this.terminal = terminal;
        this.reader = reader;
    }

    static JLineInput open(Path history, Completions completions, ShellSession session) throws IOException {
        // JLine finds its terminal providers through the context class loader, which in OSGi must be its own
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        Terminal terminal;
        try {
            thread.setContextClassLoader(TerminalBuilder.class.getClassLoader());
            terminal = TerminalBuilder.builder().system(true).name("jvirt").build();
        } finally {
            thread.setContextClassLoader(previous);
        }
        return open(terminal, history, completions, session);
    }

    /**
     * Line editing on {@code terminal}: completion of command names, options and object names from
     * {@link Completions}, history (kept in {@code history} when given), and Ctrl-C handed to the session, which
     * aborts the job a command waits on.
     */
    static JLineInput open(Terminal terminal, Path history, Completions completions, ShellSession session) {
        terminal.handle(Terminal.Signal.INT, signal -> session.interrupt());
        org.jline.reader.Completer completer = (reader, line, candidates) -> {
            String upToCursor = line.line().substring(0, line.cursor());
            for (String c : completions.complete(upToCursor, session::connection)) {
                // the candidate replaces the word being typed: keep what the lexer read it as
                candidates.add(new org.jline.reader.Candidate(c, c, null, null, null, null, true));
            }
        };
        LineReaderBuilder builder = LineReaderBuilder.builder().terminal(terminal).appName("jvirt")
                .completer(completer)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true);
        if (history != null) {
            builder.variable(LineReader.HISTORY_FILE, history);
        }
        session.terminalAccess(new JLineTerminalAccess(terminal));
        return new JLineInput(terminal, builder.build());
    }

    @Override
    public String read(String prompt) {
        try {
            return reader.readLine(prompt);
        } catch (UserInterruptException e) {
            return "";
        } catch (EndOfFileException e) {
            return null;
        }
    }

    @Override
    public synchronized String answer(boolean echo) throws IOException {
        if (answers == null) {
            answers = LineReaderBuilder.builder().terminal(terminal).appName("jvirt")
                    .variable(LineReader.DISABLE_HISTORY, true).build();
        }
        try {
            // a mask of 0 shows nothing at all, as getpass does
            return answers.readLine("", echo ? null : Character.valueOf((char) 0));
        } catch (UserInterruptException e) {
            throw new IOException("interrupted");
        } catch (EndOfFileException e) {
            return null;
        }
    }

    @Override
    public void close() {
        try {
            reader.getHistory().save();
        } catch (IOException e) {
            LOG.warn("cannot save the shell history: {}", e.toString());
        }
        try {
            terminal.close();
        } catch (IOException e) {
            LOG.warn("cannot close the terminal: {}", e.toString());
        }
    }
}
