package org.jvirt.shell.internal.commands;

import org.jvirt.api.DomainRebootFlag;
import org.jvirt.api.VirtException;
import org.jvirt.shell.internal.CommandContext;
import org.jvirt.shell.internal.VirshCommand;
import org.jvirt.shell.internal.vsh.CommandDef;
import org.jvirt.shell.internal.vsh.CommandFailure;
import org.jvirt.shell.internal.vsh.ParsedArgs;
import org.jvirt.shell.internal.vsh.VirshTables;

/** reboot: asks a domain's guest to reboot, by the given methods. */
public final class Reboot implements VirshCommand {
    private static final CommandDef DEF = VirshTables.command("reboot");

    @Override
    public CommandDef definition() {
        return DEF;
    }

    @Override
    public void run(CommandContext ctx, ParsedArgs args) {
        // virsh's reboot words this message without the serial comma
        int bits = ShutdownModes.bits(args.string("mode"),
                "Unknown mode %s value, expecting 'acpi', 'agent', 'initctl', 'signal' or 'paravirt'");
        DomainLookup.Named d = DomainLookup.domain(ctx, args, DomainLookup.By.ID_UUID_NAME);
        try {
            d.domain().reboot(ShutdownModes.flags(DomainRebootFlag.class, bits));
        } catch (VirtException e) {
            throw new CommandFailure("Failed to reboot domain '" + d.given() + "'", e);
        }
        ctx.printExtra("Domain '" + d.given() + "' is being rebooted\n");
    }
}
