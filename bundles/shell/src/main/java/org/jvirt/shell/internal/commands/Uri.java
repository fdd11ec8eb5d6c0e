package org.jvirt.shell.internal.commands;

import org.jvirt.api.VirtException;
import org.jvirt.shell.internal.CommandContext;
import org.jvirt.shell.internal.VirshCommand;
import org.jvirt.shell.internal.vsh.CommandDef;
import org.jvirt.shell.internal.vsh.CommandFailure;
import org.jvirt.shell.internal.vsh.ParsedArgs;
import org.jvirt.shell.internal.vsh.VirshTables;

/** uri: the canonical URI of the session's connection. */
public final class Uri implements VirshCommand {
    private static final CommandDef DEF = VirshTables.command("uri");

    @Override
    public CommandDef definition() {
        return DEF;
    }

    @Override
    public void run(CommandContext ctx, ParsedArgs args) {
        String uri;
        try {
            uri = ctx.connection().getURI();
        } catch (VirtException e) {
            throw new CommandFailure("failed to get URI", e);
        }
        ctx.print(uri + "\n");
    }
}
