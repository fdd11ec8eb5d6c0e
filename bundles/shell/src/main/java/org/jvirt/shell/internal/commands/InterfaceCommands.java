package org.jvirt.shell.internal.commands;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;

import org.jvirt.api.Connect;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.Interface;
import org.jvirt.api.InterfaceDefineFlag;
import org.jvirt.api.InterfaceXMLFlag;
import org.jvirt.api.ListInterfacesFlag;
import org.jvirt.api.VirtException;
import org.jvirt.shell.internal.CommandContext;
import org.jvirt.shell.internal.TableCommand;
import org.jvirt.shell.internal.VirshCommand;
import org.jvirt.shell.internal.vsh.CommandFailure;
import org.jvirt.shell.internal.vsh.ParsedArgs;
import org.jvirt.shell.internal.vsh.VshTable;

/**
 * Host interfaces, as virsh's virsh-interface.c: iface-list, -name, -mac, -dumpxml, -define, -undefine, -start,
 * -destroy, -begin, -commit, -rollback, -bridge, -unbridge (iface-edit is with the other edit commands).
 */
final class InterfaceCommands {
    private InterfaceCommands() {
    }

    static List<VirshCommand> all() {
        return List.of(
                TableCommand.of("iface-list", InterfaceCommands::list),
                TableCommand.of("iface-name", (ctx, args) -> ctx.print(
                        Lookups.iface(ctx, args, "interface", Lookups.IfaceBy.MAC).getName() + "\n")),
                TableCommand.of("iface-mac", (ctx, args) -> ctx.print(
                        Lookups.iface(ctx, args, "interface", Lookups.IfaceBy.NAME).getMACString() + "\n")),
                TableCommand.of("iface-dumpxml", (ctx, args) -> {
                    EnumSet<InterfaceXMLFlag> flags = args.has("inactive") ? EnumSet.of(InterfaceXMLFlag.INACTIVE)
                            : EnumSet.noneOf(InterfaceXMLFlag.class);
                    Interface iface = Lookups.iface(ctx, args, "interface");
                    DomainBasics.printXml(ctx, args, iface.getXMLDesc(flags));
                }),
                TableCommand.of("iface-define", (ctx, args) -> {
                    String from = args.string("file");
                    EnumSet<InterfaceDefineFlag> flags = args.has("validate")
                            ? EnumSet.of(InterfaceDefineFlag.VALIDATE) : EnumSet.noneOf(InterfaceDefineFlag.class);
                    String xml = XmlFiles.read(ctx, from);
                    Interface iface;
                    try {
                        iface = ctx.connection().interfaceDefineXML(xml, flags);
                    } catch (VirtException e) {
                        throw new CommandFailure("Failed to define interface from " + from, e);
                    }
                    ctx.printExtra("Interface " + iface.getName() + " defined from " + from + "\n");
                }),
                TableCommand.of("iface-undefine", (ctx, args) -> act(ctx, args, Interface::undefine,
                        "Interface %s undefined\n", "Failed to undefine interface %s")),
                TableCommand.of("iface-start", (ctx, args) -> act(ctx, args, Interface::create,
                        "Interface %s started\n", "Failed to start interface %s")),
                TableCommand.of("iface-destroy", (ctx, args) -> act(ctx, args, Interface::destroy,
                        "Interface %s destroyed\n", "Failed to destroy interface %s")),
                TableCommand.of("iface-begin", (ctx, args) -> transaction(ctx, Connect::interfaceChangeBegin,
                        "Network config change transaction started\n",
                        "Failed to begin network config change transaction")),
                TableCommand.of("iface-commit", (ctx, args) -> transaction(ctx, Connect::interfaceChangeCommit,
                        "Network config change transaction committed\n",
                        "Failed to commit network config change transaction")),
                TableCommand.of("iface-rollback", (ctx, args) -> transaction(ctx, Connect::interfaceChangeRollback,
                        "Network config change transaction rolled back\n",
                        "Failed to rollback network config change transaction")),
                TableCommand.of("iface-bridge", InterfaceCommands::bridge),
                TableCommand.of("iface-unbridge", InterfaceCommands::unbridge));
    }

    private interface Action {
        void on(Interface iface);
    }

    private static void act(CommandContext ctx, ParsedArgs args, Action action, String done, String failed) {
        Interface iface = Lookups.iface(ctx, args, "interface");
        String name = args.string("interface");
        try {
            action.on(iface);
        } catch (VirtException e) {
            throw new CommandFailure(String.format(failed, name), e);
        }
        ctx.printExtra(String.format(done, name));
    }

    private interface ConnectAction {
        void on(Connect c);
    }

    private static void transaction(CommandContext ctx, ConnectAction action, String done, String failed) {
        try {
            action.on(ctx.connection());
        } catch (VirtException e) {
            throw new CommandFailure(failed, e);
        }
        ctx.printExtra(done);
    }

    private static void list(CommandContext ctx, ParsedArgs args) {
        EnumSet<ListInterfacesFlag> flags = EnumSet.of(ListInterfacesFlag.ACTIVE);
        if (args.has("inactive")) {
            flags = EnumSet.of(ListInterfacesFlag.INACTIVE);
        }
        if (args.has("all")) {
            flags = EnumSet.of(ListInterfacesFlag.INACTIVE, ListInterfacesFlag.ACTIVE);
        }
        List<Interface> ifaces = collect(ctx.connection(), flags);
        ifaces.sort(Comparator.comparing(Interface::getName, String.CASE_INSENSITIVE_ORDER));
        VshTable t = new VshTable("Name", "State", "MAC Address");
        for (Interface i : ifaces) {
            t.addRow(i.getName(), i.isActive() ? "active" : "inactive", i.getMACString());
        }
        ctx.print(t.render(!ctx.quiet()));
    }

    /** virshInterfaceListCollect: every interface, through the old calls where the new one is missing. */
    private static List<Interface> collect(Connect c, EnumSet<ListInterfacesFlag> flags) {
        try {
            return new ArrayList<>(c.listAllInterfaces(flags));
        } catch (VirtException e) {
            if (e.code() != ErrorCode.NO_SUPPORT) {
                throw new CommandFailure("Failed to list interfaces", e);
            }
        }
        List<String> names = new ArrayList<>();
        if (flags.contains(ListInterfacesFlag.ACTIVE)) {
            try {
                if (c.numOfInterfaces() > 0) {
                    names.addAll(c.listInterfaces());
                }
            } catch (VirtException e) {
                throw new CommandFailure("Failed to list active interfaces", e);
            }
        }
        if (flags.contains(ListInterfacesFlag.INACTIVE)) {
            try {
                if (c.numOfDefinedInterfaces() > 0) {
                    names.addAll(c.listDefinedInterfaces());
                }
            } catch (VirtException e) {
                throw new CommandFailure("Failed to list inactive interfaces", e);
            }
        }
        List<Interface> out = new ArrayList<>();
        for (String n : names) {
            try {
                out.add(c.interfaceLookupByName(n));
            } catch (VirtException e) {
                // gone meanwhile
            }
        }
        return out;
    }

    private static void bridge(CommandContext ctx, ParsedArgs args) {
        Interface iface = Lookups.iface(ctx, args, "interface", Lookups.IfaceBy.NAME);
        String ifName = args.string("interface");
        String brName = args.string("bridge");
        VirtException pending = null;
        try {
            ctx.connection().interfaceLookupByName(brName);
            throw new CommandFailure("Network device " + brName + " already exists");
        } catch (VirtException e) {
            // the usual case: no such device yet; virsh keeps the lookup's error as its last one
            pending = e;
        }
        boolean stp = !args.has("no-stp");
        long delay = Math.max(0, args.uint("delay"));
        boolean noStart = args.has("no-start");
        XmlTree.Element top = parse(iface.getXMLDesc(EnumSet.of(InterfaceXMLFlag.INACTIVE)), ifName, pending);
        String type = top.attr("type");
        if (type == null) {
            throw new CommandFailure("Existing device " + ifName + " has no type", pending);
        }
        if (type.equals("bridge")) {
            throw new CommandFailure("Existing device " + ifName + " is already a bridge", pending);
        }
        String configName = top.attr("name");
        if (configName == null || !configName.equals(ifName)) {
            throw new CommandFailure("Interface name from config " + configName
                    + " doesn't match given supplied name " + ifName, pending);
        }
        XmlTree.Element br = top.add("bridge").attr("stp", stp ? "on" : "off");
        if (stp) {
            br.attr("delay", Long.toString((int) delay));
        }
        top.attr("type", "bridge").attr("name", brName);
        XmlTree.Element inner = br.add("interface").attr("type", type).attr("name", ifName);
        moveLinkElements(top, inner);
        Interface created;
        try {
            created = ctx.connection().interfaceDefineXML(XmlTree.document(top),
                    EnumSet.noneOf(InterfaceDefineFlag.class));
        } catch (VirtException e) {
            throw new CommandFailure("Failed to define new bridge interface " + brName, e);
        }
        ctx.printExtra("Created bridge " + brName + " with attached device " + ifName + "\n");
        if (!noStart) {
            try {
                created.create();
            } catch (VirtException e) {
                throw new CommandFailure("Failed to start bridge interface " + brName, e);
            }
            ctx.printExtra("Bridge interface " + brName + " started\n");
        }
    }

    private static void unbridge(CommandContext ctx, ParsedArgs args) {
        Interface br = Lookups.iface(ctx, args, "bridge", Lookups.IfaceBy.NAME);
        String brName = args.string("bridge");
        boolean noStart = args.has("no-start");
        XmlTree.Element top = parse(br.getXMLDesc(EnumSet.of(InterfaceXMLFlag.INACTIVE)), brName, null);
        String type = top.attr("type");
        if (type == null) {
            throw new CommandFailure("Existing device " + brName + " has no type");
        }
        if (!type.equals("bridge")) {
            throw new CommandFailure("Device " + brName + " is not a bridge");
        }
        String configName = top.attr("name");
        if (configName == null || !configName.equals(brName)) {
            throw new CommandFailure("Interface name from config " + configName
                    + " doesn't match given supplied name " + brName);
        }
        XmlTree.Element bridge = top.child("bridge");
        if (bridge == null) {
            throw new CommandFailure("No bridge node in xml document");
        }
        List<XmlTree.Element> attached = bridge.elements("interface");
        if (attached.size() > 1) {
            throw new CommandFailure("Multiple interfaces attached to bridge");
        }
        if (attached.isEmpty()) {
            throw new CommandFailure("No interface attached to bridge");
        }
        XmlTree.Element inner = attached.get(0);
        String ifName = inner.attr("name");
        if (ifName == null) {
            throw new CommandFailure("Device attached to bridge " + brName + " has no name");
        }
        String ifType = inner.attr("type");
        if (ifType == null) {
            throw new CommandFailure("Attached device " + ifName + " has no type");
        }
        top.attr("type", ifType).attr("name", ifName);
        moveLinkElements(inner, top);
        try {
            br.destroy();
        } catch (VirtException e) {
            throw new CommandFailure("Failed to destroy bridge interface " + brName, e);
        }
        try {
            br.undefine();
        } catch (VirtException e) {
            throw new CommandFailure("Failed to undefine bridge interface " + brName, e);
        }
        Interface created;
        try {
            created = ctx.connection().interfaceDefineXML(XmlTree.document(top),
                    EnumSet.noneOf(InterfaceDefineFlag.class));
        } catch (VirtException e) {
            throw new CommandFailure("Failed to define new interface " + ifName, e);
        }
        ctx.printExtra("Device " + ifName + " un-attached from bridge " + brName + "\n");
        if (!noStart) {
            try {
                created.create();
            } catch (VirtException e) {
                throw new CommandFailure("Failed to start interface " + ifName, e);
            }
            ctx.printExtra("Interface " + ifName + " started\n");
        }
    }

    private static XmlTree.Element parse(String xml, String name, VirtException pending) {
        try {
            return XmlTree.parse(xml);
        } catch (VirtException e) {
            throw new CommandFailure("Failed to parse configuration of " + name, e);
        }
    }

    /** Moves the mac, bond and vlan elements from one interface element to the other, as virsh does. */
    private static void moveLinkElements(XmlTree.Element from, XmlTree.Element to) {
        for (XmlTree.Node n : List.copyOf(from.children())) {
            if (n instanceof XmlTree.Element e
                    && (e.name().equals("mac") || e.name().equals("bond") || e.name().equals("vlan"))) {
                from.remove(e);
                to.children().add(e);
            }
        }
    }
}
