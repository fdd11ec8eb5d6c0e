package org.jvirt.shell.internal.vsh;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The options of one parsed command, in the order given (vsh's vshCmdOpt list), with virsh's accessors: their
 * failures are command failures, reported when the command runs, as virsh reports them.
 */
public final class ParsedArgs {
    /** One option as given: its definition and its value (null for a flag). */
    public record Given(OptionDef option, String value) {
    }

    private final CommandDef command;
    private final List<Given> given;
    private final boolean helpRequested;

    ParsedArgs(CommandDef command, List<Given> given, boolean helpRequested) {
        this.command = command;
        this.given = List.copyOf(given);
        this.helpRequested = helpRequested;
    }

    /** The arguments of a command given no option at all. */
    public static ParsedArgs none(CommandDef command) {
        return new ParsedArgs(command, List.of(), false);
    }

    public CommandDef command() {
        return command;
    }

    public List<Given> given() {
        return given;
    }

    /** Whether {@code --help} was among the options: the command is then help for itself. */
    public boolean helpRequested() {
        return helpRequested;
    }

    /** Whether the option was given (vshCommandOptBool, which also probes options with values). */
    public boolean has(String name) {
        return find(name).isPresent();
    }

    /** The value as given, or null when absent. */
    public String raw(String name) {
        return find(name).map(Given::value).orElse(null);
    }

    /**
     * The value of a string option (vshCommandOptStringReq): null when absent; an empty value fails with "Failed to
     * get option 'NAME': Option argument is empty" unless the option accepts one.
     */
    public String string(String name) {
        Optional<Given> g = find(name);
        if (g.isEmpty()) {
            return null;
        }
        if (g.get().value().isEmpty() && !g.get().option().emptyOk()) {
            throw new CommandFailure("Failed to get option '" + name + "': Option argument is empty");
        }
        return g.get().value();
    }

    /**
     * The value of a string option, where an empty value fails without a message (vshCommandOptStringQuiet as
     * virsh's commands use it).
     */
    public String stringQuiet(String name) {
        Optional<Given> g = find(name);
        if (g.isEmpty()) {
            return null;
        }
        if (g.get().value().isEmpty() && !g.get().option().emptyOk()) {
            throw CommandFailure.silent();
        }
        return g.get().value();
    }

    /** Every value of the argv option, in order. */
    public List<String> argv(String name) {
        List<String> out = new ArrayList<>();
        for (Given g : given) {
            if (g.option().name().equals(name)) {
                out.add(g.value());
            }
        }
        return out;
    }

    /** An int option (vshCommandOptInt): empty when absent, a failure when malformed or out of range. */
    public OptionalInt integer(String name) {
        String v = raw(name);
        if (v == null) {
            return OptionalInt.empty();
        }
        OptionalLong parsed = CNumbers.strtol(v);
        if (parsed.isEmpty() || parsed.getAsLong() < Integer.MIN_VALUE || parsed.getAsLong() > Integer.MAX_VALUE) {
            throw new CommandFailure("Numeric value '" + v + "' for <" + name
                    + "> option is malformed or out of range");
        }
        return OptionalInt.of((int) parsed.getAsLong());
    }

    /** VSH_EXCLUSIVE_OPTIONS: fails when both options are given. */
    public void exclusive(String a, String b) {
        if (has(a) && has(b)) {
            throw new CommandFailure("Options --" + a + " and --" + b + " are mutually exclusive");
        }
    }

    /** VSH_REQUIRE_OPTION: fails when {@code option} is given without {@code required}. */
    public void requires(String option, String required) {
        if (has(option) && !has(required)) {
            throw new CommandFailure("Option --" + required + " is required by option --" + option);
        }
    }

    private Optional<Given> find(String name) {
        return given.stream().filter(g -> g.option().name().equals(name)).findFirst();
    }
}
