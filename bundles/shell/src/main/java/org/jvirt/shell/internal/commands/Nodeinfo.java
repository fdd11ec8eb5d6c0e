package org.jvirt.shell.internal.commands;

import org.jvirt.api.NodeInfo;
import org.jvirt.api.VirtException;
import org.jvirt.shell.internal.CommandContext;
import org.jvirt.shell.internal.VirshCommand;
import org.jvirt.shell.internal.vsh.CommandDef;
import org.jvirt.shell.internal.vsh.CommandFailure;
import org.jvirt.shell.internal.vsh.ParsedArgs;
import org.jvirt.shell.internal.vsh.VirshTables;

/** nodeinfo: the host's CPUs, topology and memory. */
public final class Nodeinfo implements VirshCommand {
    private static final CommandDef DEF = VirshTables.command("nodeinfo");

    @Override
    public CommandDef definition() {
        return DEF;
    }

    @Override
    public void run(CommandContext ctx, ParsedArgs args) {
        NodeInfo info;
        try {
            info = ctx.connection().nodeInfo();
        } catch (VirtException e) {
            throw new CommandFailure("failed to get node information", e);
        }
        line(ctx, "CPU model:", info.model());
        line(ctx, "CPU(s):", Integer.toString(info.cpus()));
        if (info.mhz() != 0) {
            line(ctx, "CPU frequency:", info.mhz() + " MHz");
        }
        line(ctx, "CPU socket(s):", Integer.toString(info.sockets()));
        line(ctx, "Core(s) per socket:", Integer.toString(info.cores()));
        line(ctx, "Thread(s) per core:", Integer.toString(info.threads()));
        line(ctx, "NUMA cell(s):", Integer.toString(info.nodes()));
        line(ctx, "Memory size:", info.memoryKiB() + " KiB");
    }

    private static void line(CommandContext ctx, String label, String value) {
        ctx.print(String.format("%-20s %s\n", label, value));
    }
}
