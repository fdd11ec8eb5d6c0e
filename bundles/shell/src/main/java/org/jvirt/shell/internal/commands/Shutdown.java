package org.jvirt.shell.internal.commands;

import java.util.Set;

import org.jvirt.api.DomainShutdownFlag;
import org.jvirt.api.VirtException;
import org.jvirt.shell.internal.CommandContext;
import org.jvirt.shell.internal.VirshCommand;
import org.jvirt.shell.internal.vsh.CommandDef;
import org.jvirt.shell.internal.vsh.CommandFailure;
import org.jvirt.shell.internal.vsh.ParsedArgs;
import org.jvirt.shell.internal.vsh.VirshTables;

/** shutdown: asks a domain's guest to shut down, by the given methods. */
public final class Shutdown implements VirshCommand {
    private static final CommandDef DEF = VirshTables.command("shutdown");

    @Override
    public CommandDef definition() {
        return DEF;
    }

    @Override
    public void run(CommandContext ctx, ParsedArgs args) {
        int bits = ShutdownModes.bits(args.string("mode"),
                "Unknown mode %s value, expecting 'acpi', 'agent', 'initctl', 'signal', or 'paravirt'");
        DomainLookup.Named d = DomainLookup.domain(ctx, args, DomainLookup.By.ID_UUID_NAME);
        try {
            if (bits == 0) {
                d.domain().shutdown();
            } else {
                Set<DomainShutdownFlag> flags = ShutdownModes.flags(DomainShutdownFlag.class, bits);
                d.domain().shutdown(flags);
            }
        } catch (VirtException e) {
            throw new CommandFailure("Failed to shutdown domain '" + d.given() + "'", e);
        }
        ctx.printExtra("Domain '" + d.given() + "' is being shutdown\n");
    }
}
