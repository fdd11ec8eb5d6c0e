package org.jvirt.shell.internal.commands;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.jvirt.shell.internal.CommandContext;
import org.jvirt.shell.internal.VirshCommand;
import org.jvirt.shell.internal.vsh.CommandDef;
import org.jvirt.shell.internal.vsh.CommandFailure;
import org.jvirt.shell.internal.vsh.CommandGroup;
import org.jvirt.shell.internal.vsh.HelpText;
import org.jvirt.shell.internal.vsh.ParsedArgs;
import org.jvirt.shell.internal.vsh.VirshTables;

/** help: every command by group, one group, or one command's synopsis and options. */
public final class Help implements VirshCommand {
    private static final CommandDef DEF = VirshTables.command("help");

    private final Supplier<List<CommandGroup>> groups;

    public Help(Supplier<List<CommandGroup>> groups) {
        this.groups = groups;
    }

    @Override
    public CommandDef definition() {
        return DEF;
    }

    @Override
    public void run(CommandContext ctx, ParsedArgs args) {
        String name = args.raw("command");
        if (name == null || name.isEmpty()) {
            ctx.print(HelpText.all(groups.get()));
            return;
        }
        Optional<CommandDef> command = groups.get().stream().flatMap(g -> g.commands().stream())
                .filter(c -> c.name().equals(name)).findFirst();
        if (command.isPresent()) {
            ctx.print(HelpText.command(command.get()));
            return;
        }
        Optional<CommandGroup> group = groups.get().stream()
                .filter(g -> g.name().equals(name) || g.keyword().equals(name)).findFirst();
        if (group.isPresent()) {
            ctx.print(HelpText.group(group.get()));
            return;
        }
        throw new CommandFailure("command or command group '" + name + "' doesn't exist");
    }
}
