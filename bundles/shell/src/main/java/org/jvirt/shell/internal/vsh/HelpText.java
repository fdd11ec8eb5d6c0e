package org.jvirt.shell.internal.vsh;

import java.util.List;

/** The help texts virsh prints: for one command, for one group, and for all groups. */
public final class HelpText {
    private HelpText() {
    }

    /** A command's help: NAME, SYNOPSIS, DESCRIPTION (when it has one) and OPTIONS, as vsh's cmdHelp prints it. */
    public static String command(CommandDef def) {
        StringBuilder out = new StringBuilder();
        out.append("  NAME\n    ").append(def.name()).append(" - ").append(def.help()).append('\n');
        out.append("\n  SYNOPSIS\n    ").append(def.name());
        // a bare word may stand for '--opt value' once an option before the argv one takes positional values
        boolean shortOption = false;
        for (OptionDef o : def.options()) {
            String item = switch (o.type()) {
                case BOOL -> "[--" + o.name() + "]";
                case INT -> {
                    shortOption |= o.positional();
                    yield o.required() ? "<" + o.name() + ">" : "[--" + o.name() + " <number>]";
                }
                case STRING -> {
                    shortOption |= o.positional();
                    yield "[--" + o.name() + " <string>]";
                }
                case DATA -> {
                    shortOption |= o.positional();
                    yield o.required() ? "<" + o.name() + ">" : "[<" + o.name() + ">]";
                }
                case ARGV -> shortOption
                        ? (o.required() ? "{[--" + o.name() + "] <string>}..." : "[[--" + o.name() + "] <string>]...")
                        : (o.required() ? "<" + o.name() + ">..." : "[<" + o.name() + ">]...");
                case ALIAS -> null;
            };
            if (item != null) {
                out.append(' ').append(item);
            }
        }
        out.append('\n');
        if (!def.description().isEmpty()) {
            out.append("\n  DESCRIPTION\n    ").append(def.description()).append('\n');
        }
        List<OptionDef> documented = def.options().stream().filter(o -> o.type() != OptionType.ALIAS).toList();
        if (!documented.isEmpty()) {
            out.append("\n  OPTIONS\n");
            for (OptionDef o : documented) {
                String left = switch (o.type()) {
                    case BOOL -> "--" + o.name();
                    case INT -> o.required() ? "[--" + o.name() + "] <number>" : "--" + o.name() + " <number>";
                    case STRING -> "--" + o.name() + " <string>";
                    case DATA -> "[--" + o.name() + "] <string>";
                    case ARGV -> shortOption ? "[--" + o.name() + "] <string>" : "<" + o.name() + ">";
                    case ALIAS -> throw new IllegalStateException();
                };
                out.append(String.format("    %-15s  %s", left, o.help())).append('\n');
            }
        }
        out.append('\n');
        return out.toString();
    }

    /** One group: its title line and a line per command. */
    public static String group(CommandGroup group) {
        StringBuilder out = new StringBuilder();
        out.append(' ').append(group.name()).append(" (help keyword '").append(group.keyword()).append("'):\n");
        for (CommandDef c : group.commands()) {
            out.append(String.format("    %-30s %s", c.name(), c.help())).append('\n');
        }
        return out.toString();
    }

    /** Every group, each followed by a blank line. */
    public static String all(List<CommandGroup> groups) {
        StringBuilder out = new StringBuilder("Grouped commands:\n\n");
        for (CommandGroup g : groups) {
            out.append(group(g)).append('\n');
        }
        return out.toString();
    }
}
