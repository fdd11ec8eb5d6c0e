package org.jvirt.shell.internal.commands;

import org.jvirt.api.Connect;
import org.jvirt.api.VirtException;
import org.jvirt.api.Versions;
import org.jvirt.shell.internal.CommandContext;
import org.jvirt.shell.internal.VirshCommand;
import org.jvirt.shell.internal.vsh.CommandDef;
import org.jvirt.shell.internal.vsh.CommandFailure;
import org.jvirt.shell.internal.vsh.ParsedArgs;
import org.jvirt.shell.internal.vsh.VirshTables;

/**
 * version: the libvirt API level the platform implements (the library virsh reports), the hypervisor's type and
 * version, and with {@code --daemon} the level of the side that serves the connection.
 */
public final class Version implements VirshCommand {
    private static final CommandDef DEF = VirshTables.command("version");

    @Override
    public CommandDef definition() {
        return DEF;
    }

    @Override
    public void run(CommandContext ctx, ParsedArgs args) {
        Connect conn = ctx.connection();
        String type;
        try {
            type = conn.getType();
        } catch (VirtException e) {
            throw new CommandFailure("failed to get hypervisor type", e);
        }
        if (type == null) {
            throw new CommandFailure("failed to get hypervisor type");
        }
        String library = Versions.format(Versions.LIBVIRT_API);
        ctx.print("Compiled against library: libvirt " + library + "\n");
        ctx.print("Using library: libvirt " + library + "\n");
        ctx.print("Using API: " + type + " " + library + "\n");
        long hypervisor;
        try {
            hypervisor = conn.getVersion();
        } catch (VirtException e) {
            throw new CommandFailure("failed to get the hypervisor version", e);
        }
        if (hypervisor == 0) {
            ctx.print("Cannot extract running " + type + " hypervisor version\n");
        } else {
            ctx.print("Running hypervisor: " + type + " " + Versions.format(hypervisor) + "\n");
        }
        if (args.has("daemon")) {
            try {
                ctx.print("Running against daemon: " + Versions.format(conn.getLibVersion()) + "\n");
            } catch (VirtException e) {
                // virsh reports it and still succeeds
                ctx.error("failed to get the daemon version");
            }
        }
    }
}
