package org.jvirt.shell.internal.commands;

import java.util.Comparator;
import java.util.List;

import org.jvirt.api.DriverInfo;
import org.jvirt.shell.internal.CommandContext;
import org.jvirt.shell.internal.VirshCommand;
import org.jvirt.shell.internal.vsh.CommandDef;
import org.jvirt.shell.internal.vsh.ParsedArgs;
import org.jvirt.shell.internal.vsh.VshTable;

/** drivers (jvirt's own): the installed driver bundles, their version, state and URI schemes. */
public final class Drivers implements VirshCommand {
    private static final CommandDef DEF = CommandDef.named("drivers")
            .help("list the installed drivers")
            .description("Lists the driver bundles installed in the platform with their version, bundle state "
                    + "and the URI schemes they serve.")
            .noConnection()
            .build();

    @Override
    public CommandDef definition() {
        return DEF;
    }

    @Override
    public void run(CommandContext ctx, ParsedArgs args) {
        List<DriverInfo> drivers = ctx.factory().drivers().stream()
                .sorted(Comparator.comparing(DriverInfo::name)).toList();
        VshTable table = new VshTable("Name", "Bundle", "Version", "State", "URI schemes");
        for (DriverInfo d : drivers) {
            table.addRow(d.name(), d.bundle(), d.version(), d.state(),
                    d.uriSchemes().isEmpty() ? "-" : String.join(", ", d.uriSchemes()));
        }
        ctx.print(table.render(!ctx.quiet()));
    }
}
