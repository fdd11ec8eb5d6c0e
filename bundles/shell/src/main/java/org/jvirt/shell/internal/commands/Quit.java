package org.jvirt.shell.internal.commands;

import org.jvirt.shell.internal.CommandContext;
import org.jvirt.shell.internal.VirshCommand;
import org.jvirt.shell.internal.vsh.CommandDef;
import org.jvirt.shell.internal.vsh.ParsedArgs;
import org.jvirt.shell.internal.vsh.VirshTables;

/** quit and exit: end the console; nothing after them on the line runs. */
public final class Quit implements VirshCommand {
    private final CommandDef def;

    public Quit(String name) {
        def = VirshTables.command(name);
    }

    @Override
    public CommandDef definition() {
        return def;
    }

    @Override
    public void run(CommandContext ctx, ParsedArgs args) {
        ctx.session().requestQuit();
    }
}
