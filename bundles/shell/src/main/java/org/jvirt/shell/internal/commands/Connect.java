package org.jvirt.shell.internal.commands;

import org.jvirt.shell.internal.CommandContext;
import org.jvirt.shell.internal.VirshCommand;
import org.jvirt.shell.internal.vsh.CommandDef;
import org.jvirt.shell.internal.vsh.OptionDef;
import org.jvirt.shell.internal.vsh.ParsedArgs;

/** connect: closes the session's connection and opens one to the given URI (or the same one again). */
public final class Connect implements VirshCommand {
    private static final CommandDef DEF = CommandDef.named("connect")
            .help("(re)connect to hypervisor")
            .description("Connect to local hypervisor. This is built-in command after shell start up.")
            .option(OptionDef.string("name", "hypervisor connection URI").allowingEmpty())
            .option(OptionDef.bool("readonly", "read-only connection"))
            .noConnection()
            .build();

    @Override
    public CommandDef definition() {
        return DEF;
    }

    @Override
    public void run(CommandContext ctx, ParsedArgs args) {
        ctx.session().reconnect(args.string("name"), args.has("readonly"));
    }
}
