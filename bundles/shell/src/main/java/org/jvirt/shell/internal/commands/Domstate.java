package org.jvirt.shell.internal.commands;

import org.jvirt.api.DomainStateInfo;
import org.jvirt.shell.internal.CommandContext;
import org.jvirt.shell.internal.VirshCommand;
import org.jvirt.shell.internal.vsh.CommandDef;
import org.jvirt.shell.internal.vsh.ParsedArgs;
import org.jvirt.shell.internal.vsh.VirshTables;

/** domstate: a domain's state, and with {@code --reason} why it is in it. */
public final class Domstate implements VirshCommand {
    private static final CommandDef DEF = VirshTables.command("domstate");

    @Override
    public CommandDef definition() {
        return DEF;
    }

    @Override
    public void run(CommandContext ctx, ParsedArgs args) {
        DomainStateInfo state = DomainStates.of(DomainLookup.domain(ctx, args, DomainLookup.By.ID_UUID_NAME).domain());
        if (args.has("reason")) {
            ctx.print(DomainStates.name(state.state()) + " (" + DomainStates.reason(state.state(), state.reason())
                    + ")\n");
        } else {
            ctx.print(DomainStates.name(state.state()) + "\n");
        }
    }
}
