package org.jvirt.shell.internal.commands;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.jvirt.api.Domain;
import org.jvirt.api.DomainDeviceModifyFlag;
import org.jvirt.api.DomainXMLFlag;
import org.jvirt.api.VirtException;
import org.jvirt.shell.internal.CommandContext;
import org.jvirt.shell.internal.TableCommand;
import org.jvirt.shell.internal.VirshCommand;
import org.jvirt.shell.internal.vsh.CommandFailure;
import org.jvirt.shell.internal.vsh.ParsedArgs;

/**
 * Devices as virsh-domain.c changes them: from XML files (attach-device, detach-device, update-device), by alias
 * (detach-device-alias), built from options (attach-disk, attach-interface, with --print-xml), found in the
 * domain's XML (detach-disk, detach-interface, change-media, domif-setlink, update-memory-device).
 */
final class DeviceCommands {
    private static final List<String> NET_TYPES = List.of("user", "ethernet", "vhostuser", "server", "client",
            "mcast", "network", "bridge", "internal", "direct", "hostdev", "udp", "vdpa", "null", "vds");

    private DeviceCommands() {
    }

    static List<VirshCommand> all() {
        return List.of(
                TableCommand.of("attach-device", (ctx, args) -> fromFile(ctx, args, "attach")),
                TableCommand.of("detach-device", (ctx, args) -> fromFile(ctx, args, "detach")),
                TableCommand.of("update-device", (ctx, args) -> fromFile(ctx, args, "update")),
                TableCommand.of("detach-device-alias", (ctx, args) -> {
                    Set<DomainDeviceModifyFlag> flags = Affect.device(args, false);
                    Domain dom = DomainLookup.domain(ctx, args);
                    String alias = args.string("alias");
                    try {
                        dom.detachDeviceAlias(alias, flags);
                    } catch (VirtException e) {
                        throw new CommandFailure("Failed to detach device with alias " + alias, e);
                    }
                    ctx.printExtra("Device detach request sent successfully\n");
                }),
                TableCommand.of("attach-disk", DeviceCommands::attachDisk),
                TableCommand.of("attach-interface", DeviceCommands::attachInterface),
                TableCommand.of("detach-disk", DeviceCommands::detachDisk),
                TableCommand.of("detach-interface", DeviceCommands::detachInterface),
                TableCommand.of("change-media", DeviceCommands::changeMedia),
                TableCommand.of("domif-setlink", DeviceCommands::setLink),
                TableCommand.of("update-memory-device", DeviceCommands::updateMemory));
    }

    /** virsh calls the flag-less function when no flag and no --current was given. */
    private static void attach(Domain dom, String xml, Set<DomainDeviceModifyFlag> flags, ParsedArgs args) {
        if (flags.isEmpty() && !args.has("current")) {
            dom.attachDevice(xml);
        } else {
            dom.attachDeviceFlags(xml, flags);
        }
    }

    private static void detach(Domain dom, String xml, Set<DomainDeviceModifyFlag> flags, ParsedArgs args) {
        if (flags.isEmpty() && !args.has("current")) {
            dom.detachDevice(xml);
        } else {
            dom.detachDeviceFlags(xml, flags);
        }
    }

    /** The flags, with --persistent adding LIVE once the domain is known to run. */
    private static Set<DomainDeviceModifyFlag> flags(ParsedArgs args, Domain dom) {
        boolean active = args.has("persistent") && dom.isActive();
        return Affect.device(args, active);
    }

    private static void fromFile(CommandContext ctx, ParsedArgs args, String verb) {
        Affect.device(args, false);
        Domain dom = DomainLookup.domain(ctx, args);
        String file = args.string("file");
        Set<DomainDeviceModifyFlag> flags = EnumSet.noneOf(DomainDeviceModifyFlag.class);
        flags.addAll(flags(args, dom));
        if (args.has("force")) {
            flags.add(DomainDeviceModifyFlag.FORCE);
        }
        String xml = XmlFiles.read(ctx, file);
        try {
            switch (verb) {
                case "attach" -> attach(dom, xml, flags, args);
                case "detach" -> detach(dom, xml, flags, args);
                default -> dom.updateDeviceFlags(xml, flags);
            }
        } catch (VirtException e) {
            String what = switch (verb) {
                case "attach" -> "Failed to attach device from ";
                case "detach" -> "Failed to detach device from ";
                default -> "Failed to update device from ";
            };
            throw new CommandFailure(what + file, e);
        }
        ctx.printExtra(switch (verb) {
            case "attach" -> "Device attached successfully\n";
            case "detach" -> "Device detached successfully\n";
            default -> "Device updated successfully\n";
        });
    }

    /** virXMLFormatElement: nothing when there is nothing, an empty element, or one with its children. */
    private static void element(StringBuilder out, String indent, String name, String attrs, String children) {
        if (attrs.isEmpty() && children.isEmpty()) {
            return;
        }
        out.append(indent).append('<').append(name).append(attrs);
        if (children.isEmpty()) {
            out.append("/>\n");
        } else {
            out.append(">\n").append(children).append(indent).append("</").append(name).append(">\n");
        }
    }

    /** virBufferEscapeString of {@code " name='%s'"}: nothing for a null value. */
    private static String attr(String name, String value) {
        return value == null ? "" : " " + name + "='" + Escapes.xml(value) + "'";
    }

    private static void attachDisk(CommandContext ctx, ParsedArgs args) {
        Affect.device(args, false);
        args.requires("source-host-name", "source-protocol");
        args.requires("source-host-transport", "source-protocol");
        args.requires("source-host-socket", "source-protocol");
        args.requires("source-host-socket", "source-host-transport");
        args.exclusive("source-host-name", "source-host-socket");
        String source = args.string("source");
        String target = args.string("target");
        String driver = args.string("driver");
        String subdriver = args.string("subdriver");
        String device = args.string("type");
        String mode = args.string("mode");
        String iothread = args.string("iothread");
        String cache = args.string("cache");
        String io = args.string("io");
        String serial = args.string("serial");
        String wwn = args.string("wwn");
        String address = args.string("address");
        String targetbus = args.string("targetbus");
        String alias = args.string("alias");
        String stype = args.string("sourcetype");
        String protocol = args.string("source-protocol");
        String hostName = args.string("source-host-name");
        String transport = args.string("source-host-transport");
        String socket = args.string("source-host-socket");
        String type = stype == null ? "" : stype;
        if (!List.of("", "file", "block", "network").contains(type)) {
            throw new CommandFailure("Unknown source type: '" + stype + "'");
        }
        if (type.isEmpty()) {
            if (protocol != null) {
                type = "network";
            } else if (!"file".equals(driver) && !"tap".equals(driver) && source != null
                    && isBlockDevice(ctx, source)) {
                type = "block";
            } else {
                type = "file";
            }
        }
        if (type.equals("network") != (protocol != null)) {
            throw new CommandFailure("--source-protocol option requires --sourcetype network");
        }
        if (mode != null && !mode.equals("readonly") && !mode.equals("shareable")) {
            throw new CommandFailure("No support for " + mode + " in command 'attach-disk'");
        }
        if (wwn != null) {
            Lookups.validateWwn(wwn);
        }
        String in = "  ";
        StringBuilder children = new StringBuilder();
        element(children, in, "driver", attr("name", driver) + attr("type", subdriver) + attr("iothread", iothread)
                + attr("cache", cache) + attr("io", io), "");
        String sourceAttrs;
        StringBuilder sourceChildren = new StringBuilder();
        switch (type) {
            case "file" -> sourceAttrs = attr("file", source);
            case "block" -> sourceAttrs = attr("dev", source);
            default -> {
                sourceAttrs = attr("protocol", protocol) + attr("name", source);
                String hostAttrs = attr("transport", transport) + attr("socket", socket);
                if (hostName != null) {
                    int colon = hostName.indexOf(':');
                    hostAttrs += attr("name", colon < 0 ? hostName : hostName.substring(0, colon))
                            + attr("port", colon < 0 ? null : hostName.substring(colon + 1));
                }
                element(sourceChildren, in + in, "host", hostAttrs, "");
            }
        }
        element(children, in, "source", sourceAttrs, sourceChildren.toString());
        children.append(in).append("<target dev='").append(target).append('\'');
        if (targetbus != null) {
            children.append(" bus='").append(targetbus).append('\'');
        }
        children.append("/>\n");
        if (mode != null) {
            children.append(in).append('<').append(mode).append("/>\n");
        }
        if (serial != null) {
            children.append(in).append("<serial>").append(serial).append("</serial>\n");
        }
        if (alias != null) {
            children.append(in).append("<alias name='").append(alias).append("'/>\n");
        }
        if (wwn != null) {
            children.append(in).append("<wwn>").append(wwn).append("</wwn>\n");
        }
        if (address != null) {
            children.append(in).append(diskAddress(address, target, args.has("multifunction")));
        }
        StringBuilder xml = new StringBuilder();
        element(xml, "", "disk", " type='" + type + "'" + attr("device", device)
                + (args.has("rawio") ? " rawio='yes'" : ""), children.toString());
        if (args.has("print-xml")) {
            ctx.print(xml.toString());
            return;
        }
        Domain dom = DomainLookup.domain(ctx, args);
        try {
            attach(dom, xml.toString(), flags(args, dom), args);
        } catch (VirtException e) {
            throw new CommandFailure("Failed to attach disk", e);
        }
        ctx.printExtra("Disk attached successfully\n");
    }

    private static boolean isBlockDevice(CommandContext ctx, String source) {
        try {
            Object type = Files.readAttributes(ctx.session().resolve(source), "unix:mode").get("mode");
            return type instanceof Integer m && (m & 0170000) == 0060000;
        } catch (Exception e) {
            return false;
        }
    }

    /** cmdAttachDiskFormatAddress: the address, checked against the bus the target's name implies. */
    private static String diskAddress(String given, String target, boolean multifunction) {
        DeviceAddress a = DeviceAddress.parse(given, multifunction);
        if (a == null) {
            throw new CommandFailure("Invalid address.");
        }
        if (target.startsWith("vd")) {
            if (!a.type().equals("pci") && !a.type().equals("ccw")) {
                throw new CommandFailure("expecting a pci:0000.00.00.00 or ccw:00.0.0000 address.");
            }
        } else if (target.startsWith("sd")) {
            if (!a.type().equals("scsi") && !a.type().equals("usb") && !a.type().equals("sata")) {
                throw new CommandFailure("expecting a scsi:00.00.00 or usb:00.00 or sata:00.00.00 address.");
            }
        } else if (target.startsWith("hd") && !a.type().equals("ide")) {
            throw new CommandFailure("expecting an ide:00.00.00 address.");
        }
        return a.format();
    }

    /** virshParseRateStr: average,peak,burst,floor, each optional but the count. */
    private static long[] rate(String s) {
        String[] tok = s.split(",", -1);
        if (tok.length > 4) {
            throw new CommandFailure("Rate string '" + s + "' has too many fields");
        }
        String[] names = {"average", "peak", "burst", "floor"};
        long[] out = new long[4];
        for (int i = 0; i < tok.length; i++) {
            if (!tok[i].isEmpty()) {
                var v = org.jvirt.shell.internal.vsh.CNumbers.strtoul(tok[i], false);
                if (v.isEmpty()) {
                    throw new CommandFailure("field '" + names[i] + "' is malformed");
                }
                out[i] = v.getAsLong();
            }
        }
        return out;
    }

    private static void attachInterface(CommandContext ctx, ParsedArgs args) {
        Affect.device(args, false);
        String type = args.string("type");
        String source = args.string("source");
        String target = args.string("target");
        String mac = args.string("mac");
        String script = args.string("script");
        String model = args.string("model");
        String alias = args.string("alias");
        String inboundStr = args.string("inbound");
        String outboundStr = args.string("outbound");
        String sourceMode = args.string("source-mode");
        if (!NET_TYPES.contains(type)) {
            throw new CommandFailure("No support for " + type + " in command 'attach-interface'");
        }
        if (sourceMode != null && !sourceMode.equals("server") && !sourceMode.equals("client")) {
            throw new CommandFailure("Invalid source mode: " + sourceMode);
        }
        long[] inbound = null;
        long[] outbound = null;
        if (inboundStr != null) {
            inbound = rate(inboundStr);
            if (inbound[0] == 0 && inbound[3] == 0) {
                throw new CommandFailure("either inbound average or floor is mandatory");
            }
        }
        if (outboundStr != null) {
            outbound = rate(outboundStr);
            if (outbound[0] == 0) {
                throw new CommandFailure("outbound average is mandatory");
            }
            if (outbound[3] != 0) {
                throw new CommandFailure("outbound floor is unsupported yet");
            }
        }
        StringBuilder xml = new StringBuilder("<interface type='" + type + "'"
                + (args.has("managed") ? " managed='yes'>\n" : ">\n"));
        switch (type) {
            case "network", "bridge" -> xml.append("  <source ").append(type).append("='").append(source)
                    .append("'/>\n");
            case "direct" -> xml.append("  <source dev='").append(source).append("'/>\n");
            case "hostdev" -> {
                DeviceAddress a = DeviceAddress.parse("pci:" + source, false);
                if (a == null) {
                    throw new CommandFailure("cannot parse pci address '" + source + "' for network interface");
                }
                xml.append("  <source>\n    ").append(a.format()).append("  </source>\n");
            }
            case "vhostuser" -> {
                if (sourceMode == null) {
                    throw new CommandFailure("source-mode is mandatory");
                }
                xml.append("  <source type='unix' path='").append(source).append("' mode='").append(sourceMode)
                        .append("'/>\n");
            }
            default -> throw new CommandFailure("No support for " + type + " in command 'attach-interface'");
        }
        if (target != null) {
            xml.append("  <target dev='").append(target).append("'/>\n");
        }
        if (mac != null) {
            xml.append("  <mac address='").append(mac).append("'/>\n");
        }
        if (script != null) {
            xml.append("  <script path='").append(script).append("'/>\n");
        }
        if (model != null) {
            xml.append("  <model type='").append(model).append("'/>\n");
        }
        if (alias != null) {
            xml.append("  <alias name='").append(alias).append("'/>\n");
        }
        if (inbound != null || outbound != null) {
            xml.append("  <bandwidth>\n");
            if (inbound != null) {
                xml.append("    <inbound");
                String[] names = {"average", "peak", "burst", "floor"};
                for (int i = 0; i < 4; i++) {
                    if (inbound[i] != 0) {
                        xml.append(' ').append(names[i]).append("='").append(Long.toUnsignedString(inbound[i]))
                                .append('\'');
                    }
                }
                xml.append("/>\n");
            }
            if (outbound != null) {
                xml.append("    <outbound average='").append(Long.toUnsignedString(outbound[0])).append('\'');
                if (outbound[1] != 0) {
                    xml.append(" peak='").append(Long.toUnsignedString(outbound[1])).append('\'');
                }
                if (outbound[2] != 0) {
                    xml.append(" burst='").append(Long.toUnsignedString(outbound[2])).append('\'');
                }
                xml.append("/>\n");
            }
            xml.append("  </bandwidth>\n");
        }
        xml.append("</interface>\n");
        if (args.has("print-xml")) {
            ctx.print(xml.toString());
            return;
        }
        Domain dom = DomainLookup.domain(ctx, args);
        try {
            attach(dom, xml.toString(), flags(args, dom), args);
        } catch (VirtException e) {
            throw new CommandFailure("Failed to attach interface", e);
        }
        ctx.printExtra("Interface attached successfully\n");
    }

    /** The domain's XML as the change will see it: inactive for --config. */
    private static XmlTree.Element domainXml(Domain dom, ParsedArgs args) {
        EnumSet<DomainXMLFlag> f = args.has("config") ? EnumSet.of(DomainXMLFlag.INACTIVE)
                : EnumSet.noneOf(DomainXMLFlag.class);
        return XmlTree.parse(dom.getXMLDesc(f));
    }

    /** virshFindDisk: the disk whose target or source is {@code path}. */
    private static XmlTree.Element findDisk(XmlTree.Element domain, String path, boolean removable) {
        XmlTree.Element devices = domain.child("devices");
        if (devices != null) {
            for (XmlTree.Element disk : devices.elements("disk")) {
                if (removable) {
                    String device = disk.attr("device");
                    if (!"cdrom".equals(device) && !"floppy".equals(device)) {
                        continue;
                    }
                }
                XmlTree.Element target = disk.child("target");
                if (target != null && path.equals(target.attr("dev"))) {
                    return disk;
                }
                XmlTree.Element source = disk.child("source");
                if (source != null) {
                    for (String a : List.of("file", "dev", "dir", "name")) {
                        if (path.equals(source.attr(a))) {
                            return disk;
                        }
                    }
                }
            }
        }
        throw new CommandFailure("No disk found whose source path or target is " + path);
    }

    private static void detachDisk(CommandContext ctx, ParsedArgs args) {
        Affect.device(args, false);
        Domain dom = DomainLookup.domain(ctx, args);
        String target = args.string("target");
        Set<DomainDeviceModifyFlag> flags = flags(args, dom);
        String xml = XmlTree.dump(findDisk(domainXml(dom, args), target, false));
        if (args.has("print-xml")) {
            ctx.print(xml);
            return;
        }
        try {
            detach(dom, xml, flags, args);
        } catch (VirtException e) {
            throw new CommandFailure("Failed to detach disk", e);
        }
        ctx.printExtra("Disk detached successfully\n");
    }

    private static void detachInterface(CommandContext ctx, ParsedArgs args) {
        Affect.device(args, false);
        Domain dom = DomainLookup.domain(ctx, args);
        String type = args.string("type");
        String mac = args.string("mac");
        Set<DomainDeviceModifyFlag> flags = flags(args, dom);
        XmlTree.Element devices = domainXml(dom, args).child("devices");
        List<XmlTree.Element> matching = new ArrayList<>();
        if (devices != null) {
            for (XmlTree.Element nic : devices.elements("interface")) {
                if (type.equals(nic.attr("type"))) {
                    matching.add(nic);
                }
            }
        }
        if (matching.isEmpty()) {
            ctx.error("No interface found whose type is " + type);
            throw new CommandFailure("Failed to detach interface");
        }
        XmlTree.Element found = null;
        if (mac == null) {
            if (matching.size() > 1) {
                ctx.error("Domain has " + matching.size()
                        + " interfaces. Please specify which one to detach using --mac");
                throw new CommandFailure("Failed to detach interface");
            }
            found = matching.get(0);
        } else {
            for (XmlTree.Element nic : matching) {
                XmlTree.Element m = nic.child("mac");
                if (m != null && mac.equalsIgnoreCase(m.attr("address"))) {
                    found = nic;
                    break;
                }
            }
            if (found == null) {
                ctx.error("No interface with MAC address " + mac + " was found");
                throw new CommandFailure("Failed to detach interface");
            }
        }
        String xml = XmlTree.dump(found);
        if (args.has("print-xml")) {
            ctx.print(xml);
            return;
        }
        try {
            detach(dom, xml, flags, args);
        } catch (VirtException e) {
            throw new CommandFailure("Failed to detach interface", e);
        }
        ctx.printExtra("Interface detached successfully\n");
    }

    private static void changeMedia(CommandContext ctx, ParsedArgs args) {
        boolean eject = args.has("eject");
        boolean insert = args.has("insert");
        boolean update = args.has("update");
        args.exclusive("eject", "insert");
        args.exclusive("eject", "update");
        args.exclusive("insert", "update");
        args.exclusive("current", "live");
        args.exclusive("current", "config");
        args.exclusive("eject", "block");
        String path = args.string("path");
        String source = args.string("source");
        if (!eject && !insert && !update) {
            update = true;
        }
        if ((insert || update) && source == null) {
            throw new CommandFailure("No source is specified for inserting media");
        }
        if (eject && source != null) {
            throw new CommandFailure("The --source option is not applicable to --eject");
        }
        Domain dom = DomainLookup.domain(ctx, args);
        EnumSet<DomainDeviceModifyFlag> flags = EnumSet.noneOf(DomainDeviceModifyFlag.class);
        flags.addAll(Affect.device(args, false));
        if (args.has("force")) {
            flags.add(DomainDeviceModifyFlag.FORCE);
        }
        XmlTree.Element disk = findDisk(domainXml(dom, args), path, true).copy();
        XmlTree.Element src = disk.child("source");
        if (eject) {
            if (src == null) {
                throw new CommandFailure("The disk device '" + path + "' doesn't have media");
            }
            disk.remove(src);
        } else {
            if (insert && src != null) {
                throw new CommandFailure("The disk device '" + path + "' already has media");
            }
            if (src != null) {
                disk.remove(src);
            }
            boolean block = args.has("block");
            disk.attr("type", block ? "block" : "file");
            disk.add("source").attr(block ? "dev" : "file", source);
        }
        String xml = XmlTree.dump(disk);
        if (args.has("print-xml")) {
            ctx.print(xml);
            return;
        }
        try {
            dom.updateDeviceFlags(xml, flags);
        } catch (VirtException e) {
            throw new CommandFailure(eject ? "Failed to eject media" : insert ? "Failed to insert media"
                    : "Failed to update media", e);
        }
        ctx.printExtra(eject ? "Successfully ejected media.\n" : insert ? "Successfully inserted media.\n"
                : "Successfully updated media.\n");
    }

    private static void setLink(CommandContext ctx, ParsedArgs args) {
        Domain dom = DomainLookup.domain(ctx, args);
        String iface = args.string("interface");
        String state = args.string("state");
        boolean config = args.has("config");
        if (!state.equalsIgnoreCase("up") && !state.equalsIgnoreCase("down")) {
            throw new CommandFailure("invalid link state '" + state + "'");
        }
        XmlTree.Element devices = XmlTree.parse(dom.getXMLDesc(config ? EnumSet.of(DomainXMLFlag.INACTIVE)
                : EnumSet.noneOf(DomainXMLFlag.class))).child("devices");
        XmlTree.Element found = null;
        boolean byMac = Lookups.isMac(iface);
        if (devices != null) {
            for (XmlTree.Element nic : devices.elements("interface")) {
                XmlTree.Element key = nic.child(byMac ? "mac" : "target");
                if (key != null && iface.equalsIgnoreCase(key.attr(byMac ? "address" : "dev"))) {
                    found = nic.copy();
                    break;
                }
            }
        }
        if (found == null) {
            throw new CommandFailure("interface '" + iface + "' not found");
        }
        XmlTree.Element link = found.child("link");
        if (link == null) {
            link = found.add("link");
        }
        link.attr("state", state.toLowerCase(java.util.Locale.ROOT));
        String xml = XmlTree.dump(found);
        if (args.has("print-xml")) {
            ctx.print(xml);
            return;
        }
        try {
            dom.updateDeviceFlags(xml, config ? EnumSet.of(DomainDeviceModifyFlag.CONFIG)
                    : EnumSet.of(DomainDeviceModifyFlag.LIVE));
        } catch (VirtException e) {
            throw new CommandFailure("Failed to update interface link state", e);
        }
        ctx.printExtra("Device updated successfully\n");
    }

    private static void updateMemory(CommandContext ctx, ParsedArgs args) {
        Set<DomainDeviceModifyFlag> flags = Affect.device(args, false);
        args.exclusive("node", "alias");
        Domain dom = DomainLookup.domain(ctx, args);
        String alias = args.string("alias");
        var node = args.integer("node");
        XmlTree.Element devices = domainXml(dom, args).child("devices");
        List<XmlTree.Element> found = new ArrayList<>();
        if (devices != null) {
            for (XmlTree.Element mem : devices.elements("memory")) {
                XmlTree.Element a = mem.child("alias");
                XmlTree.Element t = mem.child("target");
                XmlTree.Element n = t == null ? null : t.child("node");
                boolean match = alias != null ? a != null && alias.equals(a.attr("name"))
                        : node.isEmpty() || (n != null && n.text().trim().equals(String.valueOf(node.getAsInt())));
                if (match) {
                    found.add(mem);
                }
            }
        }
        if (found.isEmpty()) {
            throw new CommandFailure("no memory device found");
        }
        if (found.size() > 1) {
            throw new CommandFailure("multiple memory devices found, use --alias or --node to select one");
        }
        XmlTree.Element mem = found.get(0).copy();
        var size = args.scaled("requested-size", 1024, -1L);
        if (size.isPresent()) {
            XmlTree.Element target = mem.child("target");
            if (target == null) {
                target = mem.add("target");
            }
            XmlTree.Element requested = target.child("requested");
            if (requested == null) {
                requested = target.add("requested");
            }
            requested.attr("unit", "KiB");
            requested.content(Long.toUnsignedString(size.getAsLong() / 1024));
        }
        String xml = XmlTree.dump(mem);
        if (args.has("print-xml")) {
            ctx.print(xml);
            return;
        }
        dom.updateDeviceFlags(xml, flags);
    }
}
