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

    /** Whether the command has an option of that name at all. */
    public boolean definesOption(String name) {
        return command.option(name).isPresent();
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

    /** vshCommandOptUInt: a number from 0 to 4294967295, negative numbers refused; -1 when absent. */
    public long uint(String name) {
        return unsigned(name, 0xffffffffL, false);
    }

    /** vshCommandOptUIntWrap: as {@link #uint}, but a negative number wraps as C's strtoul wraps it. */
    public long uintWrap(String name) {
        return unsigned(name, 0xffffffffL, true);
    }

    /** vshCommandOptUL / vshCommandOptULongLong: an unsigned 64-bit number (as a Java long); absent: empty. */
    public OptionalLong ulong(String name) {
        return has(name) ? OptionalLong.of(unsigned(name, -1L, false)) : OptionalLong.empty();
    }

    /** vshCommandOptULWrap / vshCommandOptULongLongWrap: as {@link #ulong}, negative numbers wrapping. */
    public OptionalLong ulongWrap(String name) {
        return has(name) ? OptionalLong.of(unsigned(name, -1L, true)) : OptionalLong.empty();
    }

    /** vshCommandOptLongLong: a signed 64-bit number; absent: empty. */
    public OptionalLong longValue(String name) {
        String v = raw(name);
        if (v == null) {
            return OptionalLong.empty();
        }
        OptionalLong parsed = CNumbers.strtol(v);
        if (parsed.isEmpty()) {
            throw malformed(name, v);
        }
        return parsed;
    }

    /**
     * vshCommandOptScaledInt: a non-negative number with an optional unit suffix (k, MiB, GB, bytes...), in bytes
     * for {@code scale} 1 or KiB-multiplied for 1024 when it has none; at most {@code max} (unsigned). Absent:
     * empty.
     */
    public OptionalLong scaled(String name, long scale, long max) {
        String v = raw(name);
        if (v == null) {
            return OptionalLong.empty();
        }
        String failure = "Scaled numeric value '" + v + "' for <" + name + "> option is malformed or out of range";
        int start = 0;
        while (start < v.length() && CNumbers.isCSpace(v.charAt(start))) {
            start++;
        }
        if (start < v.length() && v.charAt(start) == '+') {
            start++;
        }
        int end = start;
        while (end < v.length() && v.charAt(end) >= '0' && v.charAt(end) <= '9') {
            end++;
        }
        if (end == start) {
            throw new CommandFailure(failure);
        }
        long value;
        try {
            value = Long.parseUnsignedLong(v.substring(start, end));
        } catch (NumberFormatException e) {
            throw new CommandFailure(failure);
        }
        try {
            return OptionalLong.of(Scaling.scale(value, v.substring(end), scale, max));
        } catch (org.jvirt.api.VirtException e) {
            throw new CommandFailure(failure, e);
        }
    }

    /** vshCommandOptTimeoutToMs: {@code --timeout} in seconds, as milliseconds; absent: empty. */
    public OptionalLong timeoutMs() {
        if (!has("timeout")) {
            return OptionalLong.empty();
        }
        long seconds = uint("timeout");
        if (seconds == 0 || seconds > Integer.MAX_VALUE / 1000) {
            throw new CommandFailure("Numeric value '" + seconds + "' for <timeout> option is malformed or out of range");
        }
        return OptionalLong.of(seconds * 1000);
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

    private long unsigned(String name, long max, boolean wrap) {
        String v = raw(name);
        if (v == null) {
            return -1;
        }
        OptionalLong parsed = CNumbers.strtoul(v, wrap);
        if (parsed.isEmpty()) {
            throw malformed(name, v);
        }
        long value = parsed.getAsLong();
        if (max != -1L && Long.compareUnsigned(value, max) > 0) {
            // strtoul's 64-bit result of a negative number still fits an unsigned int when it wraps around
            if (wrap && Long.compareUnsigned(value, -1L - max) >= 0) {
                return value & max;
            }
            throw malformed(name, v);
        }
        return value;
    }

    private static CommandFailure malformed(String name, String value) {
        return new CommandFailure("Numeric value '" + value + "' for <" + name + "> option is malformed or out of range");
    }

    private Optional<Given> find(String name) {
        return given.stream().filter(g -> g.option().name().equals(name)).findFirst();
    }
}
