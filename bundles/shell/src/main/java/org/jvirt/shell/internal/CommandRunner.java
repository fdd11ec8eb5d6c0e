package org.jvirt.shell.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.VirtException;
import org.jvirt.shell.internal.vsh.ArgvParser;
import org.jvirt.shell.internal.vsh.CommandFailure;
import org.jvirt.shell.internal.vsh.ParsedArgs;
import org.jvirt.shell.internal.vsh.VshLexer;
import org.jvirt.shell.internal.vsh.VshSyntaxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs commands as virsh's vshCommandRun does: parse, connect if the command needs it, run, report a failure on
 * stderr ({@code error: ...}), then print a blank line on stdout unless quiet, and record the status. Nothing but a
 * message reaches the user: an unexpected exception is logged with its stack and shown as an internal error.
 */
public final class CommandRunner {
    private static final Logger LOG = LoggerFactory.getLogger(CommandRunner.class);

    private final CommandCatalog catalog;

    public CommandRunner(CommandCatalog catalog) {
        this.catalog = catalog;
    }

    public CommandCatalog catalog() {
        return catalog;
    }

    /**
     * Parses {@code words} for {@code command} and runs it. A line that does not parse throws
     * {@link org.jvirt.shell.internal.vsh.VshSyntaxException} and runs nothing.
     *
     * @return whether the command succeeded
     */
    public boolean run(VirshCommand command, List<String> words, ShellSession session, PrintStream out,
            PrintStream err) {
        Parsed p = parse(command, words);
        return execute(p.command(), p.args(), session, out, err);
    }

    /**
     * Runs a command line with virsh's grammar ({@link VshLexer}): every command on it is parsed before any runs,
     * so a line with a mistake anywhere runs nothing. Quit stops the line.
     *
     * @return the status of the last command that ran: 0 or 1
     */
    public int runLine(String line, ShellSession session, PrintStream out, PrintStream err) {
        List<Parsed> parsed = new ArrayList<>();
        try {
            VshLexer lexer = new VshLexer(line);
            VshLexer.Token token;
            do {
                List<String> words = new ArrayList<>();
                while ((token = lexer.next(true)) == VshLexer.Token.WORD) {
                    if (words.isEmpty() && lexer.word().startsWith("#")) {
                        // a quoted or escaped # still starts a comment, which runs to the end of the command
                        while ((token = lexer.next(false)) == VshLexer.Token.WORD) {
                            // skipped
                        }
                        break;
                    }
                    words.add(lexer.word());
                }
                if (!words.isEmpty()) {
                    VirshCommand command = catalog.find(words.get(0))
                            .orElseThrow(() -> new VshSyntaxException("unknown command: '" + words.get(0) + "'"));
                    parsed.add(parse(command, words.subList(1, words.size())));
                }
            } while (token != VshLexer.Token.END);
        } catch (VshSyntaxException e) {
            e.messages().forEach(m -> error(out, err, m));
            session.status(1);
            return 1;
        }
        for (Parsed p : parsed) {
            execute(p.command(), p.args(), session, out, err);
            if (session.quitRequested()) {
                break;
            }
        }
        return session.status();
    }

    /** Whether a line's first word names a command of the catalog (or the line has no command at all). */
    public boolean isVirshLine(String line) {
        try {
            VshLexer lexer = new VshLexer(line);
            VshLexer.Token token;
            while ((token = lexer.next(false)) == VshLexer.Token.COMMAND_END) {
                // leading separators and comments
            }
            return token == VshLexer.Token.END || lexer.word().startsWith("#")
                    || catalog.find(lexer.word()).isPresent();
        } catch (VshSyntaxException e) {
            return true;
        }
    }

    private record Parsed(VirshCommand command, ParsedArgs args) {
    }

    /** A command's words parsed; {@code --help} anywhere makes it {@code help COMMAND}. */
    private Parsed parse(VirshCommand command, List<String> words) {
        ParsedArgs args = ArgvParser.parse(command.definition(), words);
        if (args.helpRequested()) {
            VirshCommand help = catalog.find("help").orElseThrow();
            return new Parsed(help, ArgvParser.parse(help.definition(), List.of(command.definition().name())));
        }
        return new Parsed(command, args);
    }

    /** Runs an already parsed command. */
    public boolean execute(VirshCommand command, ParsedArgs args, ShellSession session, PrintStream out,
            PrintStream err) {
        boolean ok = false;
        try {
            if (command.definition().needsConnection()) {
                session.connection();
            }
            command.run(new CommandContext(session, out, err), args);
            ok = true;
        } catch (CommandFailure f) {
            if (f.getMessage() != null) {
                error(out, err, f.getMessage());
            }
            if (f.libvirtError() != null) {
                error(out, err, f.libvirtError().getMessage());
            }
        } catch (VirtException e) {
            error(out, err, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("command '{}' failed unexpectedly", command.definition().name(), e);
            error(out, err, "internal error: " + describe(e));
        }
        // virsh ends every command's output with a blank line, but not quit's, and never in quiet mode
        if (!session.quitRequested() && !session.quiet()) {
            out.print("\n");
        }
        out.flush();
        session.status(ok ? 0 : 1);
        return ok;
    }

    /** Prints {@code error: MESSAGE} on stderr, after what stdout holds so far, as vshError does. */
    public static void error(PrintStream out, PrintStream err, String message) {
        out.flush();
        err.print("error: " + message + "\n");
        err.flush();
    }

    static String describe(Throwable e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getName();
    }
}
