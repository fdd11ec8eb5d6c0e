package org.jvirt.shell.internal;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

import org.apache.felix.gogo.runtime.CommandNotFoundException;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Converter;
import org.jvirt.api.ConnectFactory;
import org.jvirt.shell.internal.vsh.CommandFailure;
import org.jvirt.shell.internal.vsh.VshSyntaxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * bin/jvirt's console, which behaves as virsh: with one argument, a command line (several commands separated by
 * {@code ;}); with several, one command's words; with none, a prompt, reading lines until quit, exit or the end of
 * the input. Lines run through Gogo, so Gogo's syntax works too; virt commands come first in name resolution.
 */
public final class Console {
    static final String PROMPT = "jvirt # ";
    /** virsh's prompt says when the session is read-only. */
    static final String READ_ONLY_PROMPT = "jvirt > ";
    static final String BANNER = "jvirt: the interactive shell of the jvirt virtualization platform.\n\n"
            + "Enter 'help' for the list of commands, 'quit' to leave.\n\n";

    private static final Logger LOG = LoggerFactory.getLogger(Console.class);

    private final CommandProcessor processor;
    private final CommandRunner runner;
    private final ConnectFactory factory;
    private final ConsoleRequest request;

    public Console(CommandProcessor processor, CommandCatalog catalog, ConnectFactory factory,
            ConsoleRequest request) {
        this.processor = processor;
        this.runner = new CommandRunner(catalog);
        this.factory = factory;
        this.request = request;
    }

    /** Runs what was asked and returns the exit status. */
    public int run() {
        ShellSession state = new ShellSession(factory, request.startUri(), request.readOnly(), request.quiet());
        state.environment(request.environment());
        ConsoleAuth auth = new ConsoleAuth(request.out(), ConsoleAuth.unbuffered(request.in(), request.terminal()));
        state.auth(auth);
        try (state; CommandSession session = processor.createSession(request.in(), request.out(), request.err())) {
            session.put(ShellSession.KEY, state);
            // virt commands win over other scopes' commands of the same name (felix:start, felix:help)
            session.put("SCOPE", "virt:*");
            SessionStates states = new SessionStates(factory);
            for (String name : CommandCatalog.CONSOLE_ONLY) {
                session.put(name, new GogoCommand(runner.catalog().find(name).orElseThrow(), runner, states));
            }
            // as virsh: a URI given on the command line is connected to before anything runs
            if (request.startUri() != null && !connect(state)) {
                return 1;
            }
            String[] args = request.args();
            if (args.length == 1) {
                return runLine(session, state, args[0]);
            }
            if (args.length > 1) {
                return runWords(state, Arrays.asList(args));
            }
            prompt(session, state, auth);
            return 0;
        }
    }

    private boolean connect(ShellSession state) {
        try {
            state.connection();
            return true;
        } catch (CommandFailure f) {
            CommandRunner.error(request.out(), request.err(), f.getMessage());
            if (f.libvirtError() != null) {
                CommandRunner.error(request.out(), request.err(), f.libvirtError().getMessage());
            }
            return false;
        }
    }

    /** One command given as words: run directly, without Gogo's parsing. */
    int runWords(ShellSession state, List<String> words) {
        Optional<VirshCommand> command = runner.catalog().find(words.get(0));
        if (command.isEmpty()) {
            error("unknown command: '" + words.get(0) + "'");
            return 1;
        }
        try {
            runner.run(command.get(), words.subList(1, words.size()), state, request.out(), request.err());
        } catch (VshSyntaxException e) {
            e.messages().forEach(this::error);
            return 1;
        }
        return state.status();
    }

    /**
     * A line: with virsh's grammar when it starts with one of the shell's commands (or holds none), else through
     * Gogo (another scope's command, Gogo's own syntax); the status is the last command's.
     */
    int runLine(CommandSession session, ShellSession state, String line) {
        state.status(0);
        if (runner.isVirshLine(line)) {
            return runner.runLine(line, state, request.out(), request.err());
        }
        try {
            Object result = session.execute(line);
            if (result != null) {
                request.out().print(session.format(result, Converter.INSPECT) + "\n");
                request.out().flush();
            }
        } catch (Exception e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            if (!(cause instanceof QuitSignal)) {
                report(cause);
                state.status(1);
            }
        }
        return state.status();
    }

    private void report(Throwable e) {
        if (e instanceof VshSyntaxException s) {
            s.messages().forEach(this::error);
        } else if (e instanceof CommandNotFoundException c) {
            error("unknown command: '" + c.getCommand() + "'");
        } else if (e instanceof org.apache.felix.gogo.runtime.SyntaxError || e instanceof EOFException) {
            error(e.getMessage());
        } else {
            LOG.error("the shell failed", e);
            error("internal error: " + CommandRunner.describe(e));
        }
    }

    /** The prompt loop, until quit, exit or the end of the input. */
    private void prompt(CommandSession session, ShellSession state, ConsoleAuth auth) {
        state.interactive(true);
        if (!request.quiet()) {
            request.out().print(BANNER);
        }
        state.terminal(request.terminal());
        try (LineInput input = input(state)) {
            // credentials asked for from now on are the prompt's next lines
            auth.readFrom(input::answer);
            while (true) {
                String line = input.read(state.readOnly() ? READ_ONLY_PROMPT : PROMPT);
                if (line == null) {
                    break;
                }
                if (line.isBlank()) {
                    continue;
                }
                runLine(session, state, line);
                if (state.quitRequested()) {
                    break;
                }
            }
        }
        request.out().print("\n");
        request.out().flush();
    }

    private LineInput input(ShellSession state) {
        if (!request.terminal()) {
            return new PlainLineInput(request.in(), request.out(), true);
        }
        try {
            Class.forName("org.jline.reader.LineReader", false, Console.class.getClassLoader());
            return JLineInput.open(historyFile(), new Completions(runner.catalog()), state);
        } catch (ClassNotFoundException | LinkageError e) {
            LOG.info("JLine is not available ({}): the prompt reads plain lines", e.toString());
        } catch (IOException | RuntimeException e) {
            LOG.warn("JLine cannot use the terminal ({}): the prompt reads plain lines", e.toString());
        }
        return new PlainLineInput(request.in(), request.out(), false);
    }

    /** ${jvirt.home}/data/history, or none when jvirt.home is not set. */
    private static Path historyFile() {
        String home = System.getProperty("jvirt.home");
        if (home == null) {
            return null;
        }
        Path data = Path.of(home, "data");
        try {
            Files.createDirectories(data);
        } catch (IOException e) {
            LOG.warn("cannot create {} for the shell history: {}", data, e.toString());
            return null;
        }
        return data.resolve("history");
    }

    private void error(String message) {
        CommandRunner.error(request.out(), request.err(), message);
    }
}
