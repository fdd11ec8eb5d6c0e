package org.jvirt.shell.internal.commands;

import java.util.EnumSet;
import java.util.List;

import org.jvirt.api.Domain;
import org.jvirt.api.DomainDefineFlag;
import org.jvirt.api.DomainSaveImageXMLFlag;
import org.jvirt.api.DomainSaveRestoreFlag;
import org.jvirt.api.DomainXMLFlag;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.Interface;
import org.jvirt.api.InterfaceXMLFlag;
import org.jvirt.api.NWFilter;
import org.jvirt.api.Network;
import org.jvirt.api.NetworkXMLFlag;
import org.jvirt.api.StoragePool;
import org.jvirt.api.StorageXMLFlag;
import org.jvirt.api.VirtException;
import org.jvirt.shell.internal.CommandContext;
import org.jvirt.shell.internal.TableCommand;
import org.jvirt.shell.internal.VirshCommand;
import org.jvirt.shell.internal.vsh.ParsedArgs;

/**
 * The commands that put an object's XML in the user's editor and define what comes back: edit, net-edit, pool-edit,
 * iface-edit, nwfilter-edit, managedsave-edit, save-image-edit (snapshot-edit and checkpoint-edit live with their
 * families). The cycle itself is {@link Editor}'s.
 */
final class EditCommands {
    private EditCommands() {
    }

    static List<VirshCommand> all() {
        return List.of(
                TableCommand.of("edit", EditCommands::domain),
                TableCommand.of("net-edit", EditCommands::network),
                TableCommand.of("pool-edit", EditCommands::pool),
                TableCommand.of("iface-edit", EditCommands::iface),
                TableCommand.of("nwfilter-edit", EditCommands::nwfilter),
                TableCommand.of("managedsave-edit", EditCommands::managedSave),
                TableCommand.of("save-image-edit", EditCommands::saveImage));
    }

    private static void domain(CommandContext ctx, ParsedArgs args) {
        Domain dom = DomainLookup.domain(ctx, args);
        EnumSet<DomainDefineFlag> flags = args.has("skip-validate") ? EnumSet.noneOf(DomainDefineFlag.class)
                : EnumSet.of(DomainDefineFlag.VALIDATE);
        Domain[] edited = new Domain[1];
        boolean changed = new Editor(ctx).relax(() -> flags.remove(DomainDefineFlag.VALIDATE)).edit(
                () -> dom.getXMLDesc(EnumSet.of(DomainXMLFlag.SECURE, DomainXMLFlag.INACTIVE)),
                xml -> edited[0] = define(ctx, xml, flags));
        if (!changed) {
            ctx.printExtra("Domain '" + dom.getName() + "' XML configuration not changed.\n");
            return;
        }
        ctx.printExtra("Domain '" + edited[0].getName() + "' XML configuration edited.\n");
    }

    /** virshDomainDefine: a driver that does not know --validate defines without it. */
    private static Domain define(CommandContext ctx, String xml, EnumSet<DomainDefineFlag> flags) {
        if (flags.isEmpty()) {
            return ctx.connection().domainDefineXML(xml);
        }
        try {
            return ctx.connection().domainDefineXML(xml, flags);
        } catch (VirtException e) {
            if (e.code() == ErrorCode.NO_SUPPORT && flags.equals(EnumSet.of(DomainDefineFlag.VALIDATE))) {
                return ctx.connection().domainDefineXML(xml);
            }
            throw e;
        }
    }

    private static void network(CommandContext ctx, ParsedArgs args) {
        Network net = Lookups.network(ctx, args, "network");
        Network[] edited = new Network[1];
        boolean changed = new Editor(ctx).edit(() -> inactiveXml(net),
                xml -> edited[0] = ctx.connection().networkDefineXML(xml));
        if (!changed) {
            ctx.printExtra("Network " + net.getName() + " XML configuration not changed.\n");
            return;
        }
        ctx.printExtra("Network " + edited[0].getName() + " XML configuration edited.\n");
    }

    /** virshNetworkGetXMLDesc: the persistent definition, or the live one from a server that cannot tell. */
    static String inactiveXml(Network net) {
        try {
            return net.getXMLDesc(EnumSet.of(NetworkXMLFlag.INACTIVE));
        } catch (VirtException e) {
            if (e.code() != ErrorCode.INVALID_ARG) {
                throw e;
            }
            return net.getXMLDesc(EnumSet.noneOf(NetworkXMLFlag.class));
        }
    }

    private static void pool(CommandContext ctx, ParsedArgs args) {
        StoragePool pool = Lookups.pool(ctx, args, "pool");
        EnumSet<StorageXMLFlag> flags = EnumSet.of(StorageXMLFlag.INACTIVE);
        try {
            pool.getXMLDesc(flags);
        } catch (VirtException e) {
            // some servers refuse the inactive flag: then the live definition is edited
            if (e.code() != ErrorCode.INVALID_ARG) {
                throw e;
            }
            flags.clear();
        }
        StoragePool[] edited = new StoragePool[1];
        boolean changed = new Editor(ctx).edit(() -> pool.getXMLDesc(flags),
                xml -> edited[0] = ctx.connection().storagePoolDefineXML(xml, EnumSet.noneOf(
                        org.jvirt.api.StoragePoolDefineFlag.class)));
        if (!changed) {
            ctx.printExtra("Pool " + pool.getName() + " XML configuration not changed.\n");
            return;
        }
        ctx.printExtra("Pool " + edited[0].getName() + " XML configuration edited.\n");
    }

    private static void iface(CommandContext ctx, ParsedArgs args) {
        Interface iface = Lookups.iface(ctx, args, "interface");
        Interface[] edited = new Interface[1];
        boolean changed = new Editor(ctx).edit(() -> iface.getXMLDesc(EnumSet.of(InterfaceXMLFlag.INACTIVE)),
                xml -> edited[0] = ctx.connection().interfaceDefineXML(xml,
                        EnumSet.noneOf(org.jvirt.api.InterfaceDefineFlag.class)));
        if (!changed) {
            ctx.printExtra("Interface " + iface.getName() + " XML configuration not changed.\n");
            return;
        }
        ctx.printExtra("Interface " + edited[0].getName() + " XML configuration edited.\n");
    }

    private static void nwfilter(CommandContext ctx, ParsedArgs args) {
        NWFilter filter = Lookups.nwfilter(ctx, args, "nwfilter");
        NWFilter[] edited = new NWFilter[1];
        boolean changed = new Editor(ctx).edit(filter::getXMLDesc,
                xml -> edited[0] = ctx.connection().nwfilterDefineXML(xml));
        if (!changed) {
            ctx.printExtra("Network filter " + filter.getName() + " XML configuration not changed.\n");
            return;
        }
        ctx.printExtra("Network filter " + edited[0].getName() + " XML configuration edited.\n");
    }

    private static EnumSet<DomainSaveRestoreFlag> saveFlags(ParsedArgs args) {
        EnumSet<DomainSaveRestoreFlag> flags = EnumSet.noneOf(DomainSaveRestoreFlag.class);
        if (args.has("running")) {
            flags.add(DomainSaveRestoreFlag.RUNNING);
        }
        if (args.has("paused")) {
            flags.add(DomainSaveRestoreFlag.PAUSED);
        }
        // a retried definition would fail on these flags every time: refuse them before editing
        args.exclusive("running", "paused");
        return flags;
    }

    private static void managedSave(CommandContext ctx, ParsedArgs args) {
        EnumSet<DomainSaveRestoreFlag> flags = saveFlags(args);
        Domain dom = DomainLookup.domain(ctx, args);
        boolean changed = new Editor(ctx).edit(
                () -> dom.managedSaveGetXMLDesc(EnumSet.of(DomainSaveImageXMLFlag.SECURE)),
                xml -> dom.managedSaveDefineXML(xml, flags));
        if (!changed) {
            ctx.printExtra("Managed save image of domain '" + dom.getName()
                    + "' XML configuration not changed.\n");
            return;
        }
        ctx.printExtra("Managed save image of Domain '" + dom.getName() + "' XML configuration edited.\n");
    }

    private static void saveImage(CommandContext ctx, ParsedArgs args) {
        EnumSet<DomainSaveRestoreFlag> flags = saveFlags(args);
        String file = args.string("file");
        String path = ctx.session().resolve(file).toString();
        boolean changed = new Editor(ctx).edit(
                () -> ctx.connection().domainSaveImageGetXMLDesc(path, EnumSet.of(DomainSaveImageXMLFlag.SECURE)),
                xml -> ctx.connection().domainSaveImageDefineXML(path, xml, flags));
        if (!changed) {
            ctx.printExtra("Saved image " + file + " XML configuration not changed.\n");
            return;
        }
        ctx.printExtra("State file " + file + " edited.\n");
    }
}
