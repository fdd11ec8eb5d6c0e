package org.jvirt.shell.internal.commands;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;

import org.jvirt.api.Connect;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.NWFilter;
import org.jvirt.api.NWFilterBinding;
import org.jvirt.api.NWFilterBindingCreateFlag;
import org.jvirt.api.NWFilterDefineFlag;
import org.jvirt.api.VirtException;
import org.jvirt.shell.internal.CommandContext;
import org.jvirt.shell.internal.TableCommand;
import org.jvirt.shell.internal.VirshCommand;
import org.jvirt.shell.internal.vsh.CommandFailure;
import org.jvirt.shell.internal.vsh.ParsedArgs;
import org.jvirt.shell.internal.vsh.VshTable;

/**
 * Network filters and their bindings, as virsh's virsh-nwfilter.c: nwfilter-define, -undefine, -dumpxml, -list;
 * nwfilter-binding-create, -delete, -dumpxml, -list (nwfilter-edit is with the other edit commands).
 */
final class NWFilterCommands {
    private NWFilterCommands() {
    }

    static List<VirshCommand> all() {
        return List.of(
                TableCommand.of("nwfilter-define", (ctx, args) -> {
                    String from = args.string("file");
                    boolean validate = args.has("validate");
                    String xml = XmlFiles.read(ctx, from);
                    NWFilter f;
                    try {
                        f = validate ? ctx.connection().nwfilterDefineXML(xml, EnumSet.of(NWFilterDefineFlag.VALIDATE))
                                : ctx.connection().nwfilterDefineXML(xml);
                    } catch (VirtException e) {
                        throw new CommandFailure("Failed to define network filter from " + from, e);
                    }
                    ctx.printExtra("Network filter " + f.getName() + " defined from " + from + "\n");
                }),
                TableCommand.of("nwfilter-undefine", (ctx, args) -> {
                    NWFilter f = Lookups.nwfilter(ctx, args, "nwfilter");
                    String name = args.string("nwfilter");
                    try {
                        f.undefine();
                    } catch (VirtException e) {
                        throw new CommandFailure("Failed to undefine network filter " + name, e);
                    }
                    ctx.printExtra("Network filter " + name + " undefined\n");
                }),
                TableCommand.of("nwfilter-dumpxml", (ctx, args) -> {
                    NWFilter f = Lookups.nwfilter(ctx, args, "nwfilter");
                    DomainBasics.printXml(ctx, args, f.getXMLDesc());
                }),
                TableCommand.of("nwfilter-list", NWFilterCommands::list),
                TableCommand.of("nwfilter-binding-create", (ctx, args) -> {
                    String from = args.string("file");
                    EnumSet<NWFilterBindingCreateFlag> flags = args.has("validate")
                            ? EnumSet.of(NWFilterBindingCreateFlag.VALIDATE)
                            : EnumSet.noneOf(NWFilterBindingCreateFlag.class);
                    String xml = XmlFiles.read(ctx, from);
                    NWFilterBinding b;
                    try {
                        b = ctx.connection().nwfilterBindingCreateXML(xml, flags);
                    } catch (VirtException e) {
                        throw new CommandFailure("Failed to create network filter from " + from, e);
                    }
                    ctx.printExtra("Network filter binding on " + b.getPortDev() + " created from " + from + "\n");
                }),
                TableCommand.of("nwfilter-binding-delete", (ctx, args) -> {
                    NWFilterBinding b = Lookups.binding(ctx, args, "binding");
                    String portdev = args.string("binding");
                    try {
                        b.delete();
                    } catch (VirtException e) {
                        throw new CommandFailure("Failed to delete network filter binding on " + portdev, e);
                    }
                    ctx.printExtra("Network filter binding on " + portdev + " deleted\n");
                }),
                // virsh 9.0 never reads this command's --xpath: the whole document is printed
                TableCommand.of("nwfilter-binding-dumpxml", (ctx, args) ->
                        ctx.print(Lookups.binding(ctx, args, "binding").getXMLDesc())),
                TableCommand.of("nwfilter-binding-list", NWFilterCommands::bindingList));
    }

    private static void list(CommandContext ctx, ParsedArgs args) {
        List<NWFilter> filters = collect(ctx.connection());
        filters.sort(Comparator.comparing(NWFilter::getName, String.CASE_INSENSITIVE_ORDER));
        VshTable t = new VshTable("UUID", "Name");
        for (NWFilter f : filters) {
            t.addRow(f.getUUIDString(), f.getName());
        }
        ctx.print(t.render(!ctx.quiet()));
    }

    /** virshNWFilterListCollect: the new call, else the old ones. */
    private static List<NWFilter> collect(Connect c) {
        try {
            return new ArrayList<>(c.listAllNWFilters());
        } catch (VirtException e) {
            if (e.code() != ErrorCode.NO_SUPPORT) {
                throw new CommandFailure("Failed to list network filters", e);
            }
        }
        List<String> names;
        try {
            if (c.numOfNWFilters() == 0) {
                return new ArrayList<>();
            }
        } catch (VirtException e) {
            throw new CommandFailure("Failed to count network filters", e);
        }
        try {
            names = c.listNWFilters();
        } catch (VirtException e) {
            throw new CommandFailure("Failed to list network filters", e);
        }
        List<NWFilter> out = new ArrayList<>();
        for (String n : names) {
            try {
                out.add(c.nwfilterLookupByName(n));
            } catch (VirtException e) {
                // gone meanwhile
            }
        }
        return out;
    }

    private static void bindingList(CommandContext ctx, ParsedArgs args) {
        List<NWFilterBinding> bindings;
        try {
            bindings = new ArrayList<>(ctx.connection().listAllNWFilterBindings());
        } catch (VirtException e) {
            throw new CommandFailure("Failed to list network filter bindings", e);
        }
        bindings.sort(Comparator.comparing(NWFilterBinding::getPortDev, String.CASE_INSENSITIVE_ORDER));
        VshTable t = new VshTable("Port Dev", "Filter");
        for (NWFilterBinding b : bindings) {
            t.addRow(b.getPortDev(), b.getFilterName());
        }
        ctx.print(t.render(!ctx.quiet()));
    }
}
