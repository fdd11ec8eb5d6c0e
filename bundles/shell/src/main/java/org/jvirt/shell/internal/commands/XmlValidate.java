package org.jvirt.shell.internal.commands;

import java.nio.file.Path;
import java.util.List;

import org.jvirt.api.VirtException;
import org.jvirt.conf.XmlSchemas;
import org.jvirt.shell.internal.CommandContext;
import org.jvirt.shell.internal.VirshCommand;
import org.jvirt.shell.internal.vsh.CommandDef;
import org.jvirt.shell.internal.vsh.CommandFailure;
import org.jvirt.shell.internal.vsh.OptionDef;
import org.jvirt.shell.internal.vsh.ParsedArgs;

/**
 * xml-validate: libvirt's virt-xml-validate. Checks a document against libvirt's RelaxNG schema for its kind,
 * known by its root element unless a schema is named; prints "FILE validates", or each error and
 * "FILE fails to validate" (and the command fails).
 */
public final class XmlValidate implements VirshCommand {
    private static final CommandDef DEF = CommandDef.named("xml-validate")
            .help("validate an XML document against libvirt's schemas")
            .description("Validate a libvirt XML document (domain, network, pool, volume, …) against the RelaxNG "
                    + "schema of its kind, as virt-xml-validate does.")
            .option(OptionDef.data("file", "the XML document"))
            .option(OptionDef.string("schema", "the schema to use (e.g. domain), instead of the root element's"))
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
        String schemaName = args.has("schema") ? args.string("schema") : schemaOf(file, xml);
        Path schema = XmlSchemas.schema(schemaName);
        List<String> errors = XmlSchemas.errors(xml, schema);
        if (errors.isEmpty()) {
            ctx.print(file + " validates\n");
            return;
        }
        StringBuilder sb = new StringBuilder();
        for (String e : errors) {
            sb.append(file).append(':').append(e).append('\n');
        }
        sb.append(file).append(" fails to validate\n");
        ctx.errorText(sb.toString());
        throw CommandFailure.silent();
    }

    private static String schemaOf(String file, String xml) {
        String root;
        try {
            root = XmlSchemas.rootOf(xml, file);
        } catch (VirtException e) {
            throw new CommandFailure("Failed to parse " + file, e);
        }
        String schema = XmlSchemas.BY_ROOT.get(root);
        if (schema == null) {
            throw new CommandFailure("Unknown root element '" + root + "' in " + file);
        }
        return schema;
    }
}
