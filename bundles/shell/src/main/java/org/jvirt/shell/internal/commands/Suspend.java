package org.jvirt.shell.internal.commands;

import org.jvirt.api.VirtException;
import org.jvirt.shell.internal.CommandContext;
import org.jvirt.shell.internal.VirshCommand;
import org.jvirt.shell.internal.vsh.CommandDef;
import org.jvirt.shell.internal.vsh.CommandFailure;
import org.jvirt.shell.internal.vsh.ParsedArgs;
import org.jvirt.shell.internal.vsh.VirshTables;

/** suspend: pauses a running domain. */
public final class Suspend implements VirshCommand {
    private static final CommandDef DEF = VirshTables.command("suspend");

    @Override
    public CommandDef definition() {
        return DEF;
    }

    @Override
    public void run(CommandContext ctx, ParsedArgs args) {
        DomainLookup.Named d = DomainLookup.domain(ctx, args, DomainLookup.By.ID_UUID_NAME);
        try {
            d.domain().suspend();
        } catch (VirtException e) {
            throw new CommandFailure("Failed to suspend domain '" + d.given() + "'", e);
        }
        ctx.printExtra("Domain '" + d.given() + "' suspended\n");
    }
}
