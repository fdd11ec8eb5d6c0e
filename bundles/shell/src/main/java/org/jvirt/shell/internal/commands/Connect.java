package org.jvirt.shell.internal.commands;

import org.jvirt.shell.internal.CommandContext;
import org.jvirt.shell.internal.VirshCommand;
import org.jvirt.shell.internal.vsh.CommandDef;
import org.jvirt.shell.internal.vsh.ParsedArgs;
import org.jvirt.shell.internal.vsh.VirshTables;

/** connect: closes the session's connection and opens one to the given URI (or the same one again). */
public final class Connect implements VirshCommand {
    private static final CommandDef DEF = VirshTables.command("connect");

    @Override
    public CommandDef definition() {
        return DEF;
    }

    @Override
    public void run(CommandContext ctx, ParsedArgs args) {
        ctx.session().reconnect(args.string("name"), args.has("readonly"));
    }
}
