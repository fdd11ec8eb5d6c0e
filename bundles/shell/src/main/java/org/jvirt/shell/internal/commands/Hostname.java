package org.jvirt.shell.internal.commands;

import org.jvirt.api.VirtException;
import org.jvirt.shell.internal.CommandContext;
import org.jvirt.shell.internal.VirshCommand;
import org.jvirt.shell.internal.vsh.CommandDef;
import org.jvirt.shell.internal.vsh.CommandFailure;
import org.jvirt.shell.internal.vsh.ParsedArgs;
import org.jvirt.shell.internal.vsh.VirshTables;

/** hostname: the name of the host the connection reaches. */
public final class Hostname implements VirshCommand {
    private static final CommandDef DEF = VirshTables.command("hostname");

    @Override
    public CommandDef definition() {
        return DEF;
    }

    @Override
    public void run(CommandContext ctx, ParsedArgs args) {
        String hostname;
        try {
            hostname = ctx.connection().getHostname();
        } catch (VirtException e) {
            throw new CommandFailure("failed to get hostname", e);
        }
        ctx.print(hostname + "\n");
    }
}
