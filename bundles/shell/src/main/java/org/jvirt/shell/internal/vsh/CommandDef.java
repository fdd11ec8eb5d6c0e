package org.jvirt.shell.internal.vsh;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A command's definition, as a vshCmdDef: its name, one-line help, description and options, and whether it works
 * without a connection (vsh's VSH_CMD_FLAG_NOCONNECT).
 */
public record CommandDef(String name, String help, String description, List<OptionDef> options,
        boolean needsConnection) {

    public CommandDef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(help, "help");
        description = description == null ? "" : description;
        options = List.copyOf(options);
        check(name, options);
    }

    public static Builder named(String name) {
        return new Builder(name);
    }

    /** The option called {@code name}, aliases included. */
    public Optional<OptionDef> option(String name) {
        return options.stream().filter(o -> o.name().equals(name)).findFirst();
    }

    // the rules vsh checks for its own tables: required options first, the argv option last, aliases resolvable
    private static void check(String name, List<OptionDef> options) {
        boolean optionalSeen = false;
        for (int i = 0; i < options.size(); i++) {
            OptionDef o = options.get(i);
            for (int j = 0; j < i; j++) {
                if (options.get(j).name().equals(o.name())) {
                    throw new IllegalArgumentException(name + ": option --" + o.name() + " defined twice");
                }
            }
            if (o.type() == OptionType.ARGV && i != options.size() - 1) {
                throw new IllegalArgumentException(name + ": the argv option --" + o.name() + " must be last");
            }
            if (o.type() == OptionType.ALIAS) {
                String target = o.aliasOf().contains("=") ? o.aliasOf().substring(0, o.aliasOf().indexOf('='))
                        : o.aliasOf();
                boolean found = options.subList(i + 1, options.size()).stream()
                        .anyMatch(t -> t.name().equals(target) && t.type() != OptionType.ALIAS);
                if (!found) {
                    throw new IllegalArgumentException(name + ": alias --" + o.name() + " names no later option");
                }
                continue;
            }
            if (o.type() == OptionType.BOOL || !o.positional()) {
                optionalSeen |= !o.required();
                continue;
            }
            if (o.required() && optionalSeen && o.type() != OptionType.ARGV) {
                throw new IllegalArgumentException(name + ": required option --" + o.name()
                        + " comes after an optional one");
            }
            optionalSeen |= !o.required();
        }
    }

    public static final class Builder {
        private final String name;
        private String help;
        private String description = "";
        private final List<OptionDef> options = new ArrayList<>();
        private boolean needsConnection = true;

        private Builder(String name) {
            this.name = name;
        }

        public Builder help(String help) {
            this.help = help;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder option(OptionDef option) {
            options.add(option);
            return this;
        }

        /** The command runs without a connection (help, connect, quit). */
        public Builder noConnection() {
            this.needsConnection = false;
            return this;
        }

        public CommandDef build() {
            return new CommandDef(name, help, description, options, needsConnection);
        }
    }
}
