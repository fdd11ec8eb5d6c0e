package org.jvirt.shell.internal.commands;

import org.jvirt.api.VirtException;
import org.jvirt.shell.internal.CommandContext;
import org.jvirt.shell.internal.VirshCommand;
import org.jvirt.shell.internal.vsh.CommandDef;
import org.jvirt.shell.internal.vsh.CommandFailure;
import org.jvirt.shell.internal.vsh.ParsedArgs;
import org.jvirt.shell.internal.vsh.VirshTables;

/** resume: lets a paused domain run again. */
public final class Resume implements VirshCommand {
    private static final CommandDef DEF = VirshTables.command("resume");

    @Override
    public CommandDef definition() {
        return DEF;
    }

    @Override
    public void run(CommandContext ctx, ParsedArgs args) {
        DomainLookup.Named d = DomainLookup.domain(ctx, args, DomainLookup.By.ID_UUID_NAME);
        try {
            d.domain().resume();
        } catch (VirtException e) {
            throw new CommandFailure("Failed to resume domain '" + d.given() + "'", e);
        }
        ctx.printExtra("Domain '" + d.given() + "' resumed\n");
    }
}
