package org.jvirt.shell.internal.commands;

import java.util.EnumSet;

import org.jvirt.api.DomainXMLFlag;
import org.jvirt.shell.internal.CommandContext;
import org.jvirt.shell.internal.VirshCommand;
import org.jvirt.shell.internal.vsh.CommandDef;
import org.jvirt.shell.internal.vsh.ParsedArgs;
import org.jvirt.shell.internal.vsh.VirshTables;

/** dumpxml: a domain's XML, whole or the nodes an XPath expression selects. */
public final class Dumpxml implements VirshCommand {
    private static final CommandDef DEF = VirshTables.command("dumpxml");

    @Override
    public CommandDef definition() {
        return DEF;
    }

    @Override
    public void run(CommandContext ctx, ParsedArgs args) {
        EnumSet<DomainXMLFlag> flags = EnumSet.noneOf(DomainXMLFlag.class);
        if (args.has("inactive")) {
            flags.add(DomainXMLFlag.INACTIVE);
        }
        if (args.has("security-info")) {
            flags.add(DomainXMLFlag.SECURE);
        }
        if (args.has("update-cpu")) {
            flags.add(DomainXMLFlag.UPDATE_CPU);
        }
        if (args.has("migratable")) {
            flags.add(DomainXMLFlag.MIGRATABLE);
        }
        var dom = DomainLookup.domain(ctx, args, DomainLookup.By.ID_UUID_NAME).domain();
        String xpath = args.stringQuiet("xpath");
        String xml = dom.getXMLDesc(flags);
        if (xpath == null) {
            ctx.print(xml);
            return;
        }
        XPathDump.print(ctx, xml, xpath, args.has("wrap"));
    }
}
