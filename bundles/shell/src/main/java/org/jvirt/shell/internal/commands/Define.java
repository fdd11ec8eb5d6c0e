package org.jvirt.shell.internal.commands;

import java.util.EnumSet;

import org.jvirt.api.Domain;
import org.jvirt.api.DomainDefineFlag;
import org.jvirt.api.VirtException;
import org.jvirt.shell.internal.CommandContext;
import org.jvirt.shell.internal.VirshCommand;
import org.jvirt.shell.internal.vsh.CommandDef;
import org.jvirt.shell.internal.vsh.CommandFailure;
import org.jvirt.shell.internal.vsh.ParsedArgs;
import org.jvirt.shell.internal.vsh.VirshTables;

/** define: defines (without starting) a persistent domain from an XML file. */
public final class Define implements VirshCommand {
    private static final CommandDef DEF = VirshTables.command("define");

    @Override
    public CommandDef definition() {
        return DEF;
    }

    @Override
    public void run(CommandContext ctx, ParsedArgs args) {
        String file = args.string("file");
        EnumSet<DomainDefineFlag> flags = EnumSet.noneOf(DomainDefineFlag.class);
        if (args.has("validate")) {
            flags.add(DomainDefineFlag.VALIDATE);
        }
        String xml = XmlFiles.read(file);
        Domain dom;
        try {
            dom = flags.isEmpty() ? ctx.connection().domainDefineXML(xml)
                    : ctx.connection().domainDefineXML(xml, flags);
        } catch (VirtException e) {
            throw new CommandFailure("Failed to define domain from " + file, e);
        }
        ctx.printExtra("Domain '" + dom.getName() + "' defined from " + file + "\n");
    }
}
