package org.jvirt.shell.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jvirt.shell.internal.commands.Commands;
import org.jvirt.shell.internal.vsh.CommandDef;
import org.jvirt.shell.internal.vsh.CommandGroup;
import org.jvirt.shell.internal.vsh.VirshTables;
/**
 * Every command of the shell, grouped as virsh's help groups them (virsh's tables say which group a command is in).
 * A new command is one class and one line in {@link Commands}.
 */
public final class CommandCatalog {
    /** Commands that only mean something in the console; they are not published as Gogo services. */
    public static final List<String> CONSOLE_ONLY = List.of("quit", "exit");

    /** virsh's command aliases (VSH_CMD_FLAG_ALIAS): they run the command they name, and no list shows them. */
    private static final Map<String, String> ALIASES = Map.of("nodedev-dettach", "nodedev-detach");

    private final Map<String, VirshCommand> byName = new LinkedHashMap<>();
    private final List<Group> groups = new ArrayList<>();

    private record Group(String name, String keyword, List<VirshCommand> commands) {
    }

    private CommandCatalog() {
    }

    /** The standard set: virsh's commands in virsh's help groups, then jvirt's own. */
    public static CommandCatalog standard() {
        CommandCatalog c = new CommandCatalog();
        Map<String, VirshCommand> commands = new LinkedHashMap<>();
        for (VirshCommand command : Commands.all(c)) {
            if (commands.putIfAbsent(command.definition().name(), command) != null) {
                throw new IllegalStateException("two commands named " + command.definition().name());
            }
        }
        for (VirshTables.Group g : VirshTables.get().groups()) {
            List<VirshCommand> members = new ArrayList<>();
            for (String name : g.commands()) {
                VirshCommand command = commands.remove(name);
                if (command != null) {
                    members.add(command);
                }
            }
            if (g.keyword().equals("virsh")) {
                members.add(commands.remove("drivers"));
            }
            c.group(g.name(), g.keyword(), members);
        }
        c.group("XML documents", "xml", List.of(commands.remove("xml-format"), commands.remove("xml-validate")));
        // hidden commands (complete) can be run and have help, but no group lists them
        for (VirshCommand hidden : commands.values()) {
            c.byName.put(hidden.definition().name(), hidden);
        }
        return c;
    }

    private void group(String name, String keyword, List<VirshCommand> commands) {
        for (VirshCommand command : commands) {
            if (byName.putIfAbsent(command.definition().name(), command) != null) {
                throw new IllegalStateException("two commands named " + command.definition().name());
            }
        }
        if (!commands.isEmpty()) {
            groups.add(new Group(name, keyword, commands));
        }
    }

    public Optional<VirshCommand> find(String name) {
        return Optional.ofNullable(byName.get(ALIASES.getOrDefault(name, name)));
    }

    public List<VirshCommand> all() {
        return List.copyOf(byName.values());
    }

    /** The groups, for help. */
    public List<CommandGroup> groups() {
        List<CommandGroup> out = new ArrayList<>();
        for (Group g : groups) {
            List<CommandDef> defs = g.commands().stream().map(VirshCommand::definition).toList();
            out.add(new CommandGroup(g.name(), g.keyword(), defs));
        }
        return out;
    }
}
