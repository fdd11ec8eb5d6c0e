package org.jvirt.shell.internal.commands;

import java.util.EnumSet;

import org.jvirt.api.DomainXMLFlag;
import org.jvirt.api.VirtException;
import org.jvirt.conf.XmlDocuments;
import org.jvirt.shell.internal.CommandContext;
import org.jvirt.shell.internal.VirshCommand;
import org.jvirt.shell.internal.vsh.CommandDef;
import org.jvirt.shell.internal.vsh.CommandFailure;
import org.jvirt.shell.internal.vsh.OptionDef;
import org.jvirt.shell.internal.vsh.ParsedArgs;

/**
 * xml-format: prints a document of any kind as jvirt formats it after parsing, with libvirt's defaults filled in
 * (the form dumpxml would give), or libvirt's error for it.
 */
public final class XmlFormat implements VirshCommand {
    private static final CommandDef DEF = CommandDef.named("xml-format")
            .help("print an XML document as libvirt formats it")
            .description("Parse a libvirt XML document of any kind (known by its root element) and print it in "
                    + "libvirt's form, with the defaults libvirt fills in.")
            .option(OptionDef.data("file", "the XML document"))
            .option(OptionDef.bool("inactive", "the inactive form (no live-only state)"))
            .noConnection()
            .build();

    @Override
    public CommandDef definition() {
        return DEF;
    }

    @Override
    public void run(CommandContext ctx, ParsedArgs args) {
        String file = args.string("file");
        String xml = XmlFiles.read(file);
        EnumSet<DomainXMLFlag> flags = EnumSet.of(DomainXMLFlag.SECURE);
        if (args.has("inactive")) {
            flags.add(DomainXMLFlag.INACTIVE);
        }
        String out;
        try {
            out = XmlDocuments.format(XmlDocuments.parse(xml), flags);
        } catch (VirtException e) {
            throw new CommandFailure("Failed to format " + file, e);
        }
        ctx.print(out);
    }
}
