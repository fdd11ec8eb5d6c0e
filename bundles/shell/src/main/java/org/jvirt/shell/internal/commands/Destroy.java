package org.jvirt.shell.internal.commands;

import java.util.EnumSet;

import org.jvirt.api.DomainDestroyFlag;
import org.jvirt.api.VirtException;
import org.jvirt.shell.internal.CommandContext;
import org.jvirt.shell.internal.VirshCommand;
import org.jvirt.shell.internal.vsh.CommandDef;
import org.jvirt.shell.internal.vsh.CommandFailure;
import org.jvirt.shell.internal.vsh.ParsedArgs;
import org.jvirt.shell.internal.vsh.VirshTables;

/** destroy: stops a running domain at once. */
public final class Destroy implements VirshCommand {
    private static final CommandDef DEF = VirshTables.command("destroy");

    @Override
    public CommandDef definition() {
        return DEF;
    }

    @Override
    public void run(CommandContext ctx, ParsedArgs args) {
        DomainLookup.Named d = DomainLookup.domain(ctx, args, DomainLookup.By.ID_UUID_NAME);
        EnumSet<DomainDestroyFlag> flags = EnumSet.noneOf(DomainDestroyFlag.class);
        if (args.has("graceful")) {
            flags.add(DomainDestroyFlag.GRACEFUL);
        }
        if (args.has("remove-logs")) {
            flags.add(DomainDestroyFlag.REMOVE_LOGS);
        }
        try {
            if (flags.isEmpty()) {
                d.domain().destroy();
            } else {
                d.domain().destroy(flags);
            }
        } catch (VirtException e) {
            throw new CommandFailure("Failed to destroy domain '" + d.given() + "'", e);
        }
        ctx.printExtra("Domain '" + d.given() + "' destroyed\n");
    }
}
