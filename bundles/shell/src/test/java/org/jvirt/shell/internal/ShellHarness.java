package org.jvirt.shell.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.apache.felix.gogo.runtime.CommandProcessorImpl;
import org.apache.felix.gogo.runtime.threadio.ThreadIOImpl;
import org.apache.felix.service.command.CommandProcessor;
import org.jvirt.api.ConnectFactory;

/**
 * A real Gogo runtime outside OSGi with the shell's commands added as the OSGi component publishes them, and a
 * console over it whose streams are captured.
 */
public final class ShellHarness {
    /** What one console run printed and returned. */
    public record Run(int status, String out, String err) {
    }

    private final CommandProcessorImpl processor;
    private final ConnectFactory factory;

    public ShellHarness(ConnectFactory factory) {
        this.factory = factory;
        this.processor = new CommandProcessorImpl(new ThreadIOImpl());
        CommandCatalog catalog = CommandCatalog.standard();
        CommandRunner runner = new CommandRunner(catalog);
        SessionStates states = new SessionStates(factory);
        for (VirshCommand c : catalog.all()) {
            if (!CommandCatalog.CONSOLE_ONLY.contains(c.definition().name())) {
                processor.addCommand("virt", new GogoCommand(c, runner, states), c.definition().name());
            }
        }
    }

    public CommandProcessor processor() {
        return processor;
    }

    /** jvirt with these options and arguments, standard input {@code stdin}, not on a terminal. */
    public Run run(String uri, boolean quiet, String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, Object> request = new HashMap<>();
        request.put("args", args);
        request.put("uri", uri);
        request.put("readonly", false);
        request.put("quiet", quiet);
        request.put("in", new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        request.put("out", new PrintStream(out, true, StandardCharsets.UTF_8));
        request.put("err", new PrintStream(err, true, StandardCharsets.UTF_8));
        request.put("terminal", false);
        int status = new Console(processor, CommandCatalog.standard(), factory, ConsoleRequest.from(request)).run();
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * jvirt with stdout and stderr in one stream, as a terminal or {@code 2>&1} shows them; standard input empty.
     */
    public Run runCombined(String uri, boolean quiet, String... args) {
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(both, true, StandardCharsets.UTF_8);
        Map<String, Object> request = new HashMap<>();
        request.put("args", args);
        request.put("uri", uri);
        request.put("readonly", false);
        request.put("quiet", quiet);
        request.put("in", new ByteArrayInputStream(new byte[0]));
        request.put("out", stream);
        request.put("err", stream);
        request.put("terminal", false);
        int status = new Console(processor, CommandCatalog.standard(), factory, ConsoleRequest.from(request)).run();
        return new Run(status, both.toString(StandardCharsets.UTF_8), "");
    }

    public Run run(String uri, String... args) {
        return run(uri, false, "", args);
    }
}
