package org.jvirt.shell.internal.commands;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;

import org.jvirt.api.Connect;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ListNodeDevicesFlag;
import org.jvirt.api.NodeDevice;
import org.jvirt.api.NodeDeviceCreateXMLFlag;
import org.jvirt.api.NodeDeviceDefineXMLFlag;
import org.jvirt.api.VirtException;
import org.jvirt.shell.internal.CommandContext;
import org.jvirt.shell.internal.TableCommand;
import org.jvirt.shell.internal.VirshCommand;
import org.jvirt.shell.internal.vsh.CommandFailure;
import org.jvirt.shell.internal.vsh.ParsedArgs;

/**
 * Host devices, as virsh's virsh-nodedev.c: nodedev-list, -info, -dumpxml, -create, -destroy, -define, -undefine,
 * -start, -autostart, -detach (and its old spelling -dettach), -reattach, -reset (nodedev-event is with the other
 * event commands).
 */
final class NodeDeviceCommands {
    /** libvirt's capability names, in the order of the list flags they stand for. */
    private static final List<String> CAPS = List.of("system", "pci", "usb_device", "usb", "net", "scsi_host",
            "scsi_target", "scsi", "storage", "fc_host", "vports", "scsi_generic", "drm", "mdev_types", "mdev", "ccw",
            "css", "vdpa", "ap_card", "ap_queue", "ap_matrix", "vpd");
    private static final List<String> CAP_FLAGS = List.of("CAP_SYSTEM", "CAP_PCI_DEV", "CAP_USB_DEV",
            "CAP_USB_INTERFACE", "CAP_NET", "CAP_SCSI_HOST", "CAP_SCSI_TARGET", "CAP_SCSI", "CAP_STORAGE",
            "CAP_FC_HOST", "CAP_VPORTS", "CAP_SCSI_GENERIC", "CAP_DRM", "CAP_MDEV_TYPES", "CAP_MDEV", "CAP_CCW_DEV",
            "CAP_CSS_DEV", "CAP_VDPA", "CAP_AP_CARD", "CAP_AP_QUEUE", "CAP_AP_MATRIX", "CAP_VPD");

    private NodeDeviceCommands() {
    }

    static List<VirshCommand> all() {
        return List.of(
                TableCommand.of("nodedev-list", NodeDeviceCommands::list),
                TableCommand.of("nodedev-info", NodeDeviceCommands::info),
                TableCommand.of("nodedev-dumpxml", (ctx, args) -> {
                    String xpath = args.stringQuiet("xpath");
                    NodeDevice dev = Lookups.nodedev(ctx, args, "device");
                    String xml = dev.getXMLDesc();
                    if (xpath == null) {
                        ctx.print(xml);
                    } else {
                        XPathDump.print(ctx, xml, xpath, args.has("wrap"));
                    }
                }),
                TableCommand.of("nodedev-create", (ctx, args) -> {
                    String from = args.string("file");
                    String xml = XmlFiles.read(ctx, from);
                    NodeDevice dev;
                    try {
                        dev = ctx.connection().nodeDeviceCreateXML(xml, args.has("validate")
                                ? EnumSet.of(NodeDeviceCreateXMLFlag.VALIDATE)
                                : EnumSet.noneOf(NodeDeviceCreateXMLFlag.class));
                    } catch (VirtException e) {
                        throw new CommandFailure("Failed to create node device from " + from, e);
                    }
                    ctx.printExtra("Node device " + dev.getName() + " created from " + from + "\n");
                }),
                TableCommand.of("nodedev-define", (ctx, args) -> {
                    String from = args.string("file");
                    String xml = XmlFiles.read(ctx, from);
                    NodeDevice dev;
                    try {
                        dev = ctx.connection().nodeDeviceDefineXML(xml, args.has("validate")
                                ? EnumSet.of(NodeDeviceDefineXMLFlag.VALIDATE)
                                : EnumSet.noneOf(NodeDeviceDefineXMLFlag.class));
                    } catch (VirtException e) {
                        throw new CommandFailure("Failed to define node device from '" + from + "'", e);
                    }
                    ctx.printExtra("Node device '" + dev.getName() + "' defined from '" + from + "'\n");
                }),
                TableCommand.of("nodedev-destroy", (ctx, args) -> {
                    NodeDevice dev = Lookups.nodedev(ctx, args, "device");
                    String given = args.string("device");
                    try {
                        dev.destroy();
                    } catch (VirtException e) {
                        throw new CommandFailure("Failed to destroy node device '" + given + "'", e);
                    }
                    ctx.printExtra("Destroyed node device '" + given + "'\n");
                }),
                TableCommand.of("nodedev-undefine", (ctx, args) -> {
                    NodeDevice dev = Lookups.nodedev(ctx, args, "device");
                    String given = args.string("device");
                    try {
                        dev.undefine();
                    } catch (VirtException e) {
                        throw new CommandFailure("Failed to undefine node device '" + given + "'", e);
                    }
                    ctx.printExtra("Undefined node device '" + given + "'\n");
                }),
                TableCommand.of("nodedev-start", (ctx, args) -> {
                    NodeDevice dev = Lookups.nodedevByName(ctx, args, "device");
                    String name = args.string("device");
                    try {
                        dev.create();
                    } catch (VirtException e) {
                        throw new CommandFailure("Failed to start device " + name, e);
                    }
                    ctx.printExtra("Device " + name + " started\n");
                }),
                TableCommand.of("nodedev-autostart", (ctx, args) -> {
                    NodeDevice dev = Lookups.nodedev(ctx, args, "device");
                    String name = args.string("device");
                    boolean autostart = !args.has("disable");
                    try {
                        dev.setAutostart(autostart);
                    } catch (VirtException e) {
                        throw new CommandFailure((autostart ? "failed to mark device " : "failed to unmark device ")
                                + name + " as autostarted", e);
                    }
                    ctx.printExtra("Device " + name + (autostart ? " marked" : " unmarked") + " as autostarted\n");
                }),
                TableCommand.of("nodedev-detach", NodeDeviceCommands::detach),
                TableCommand.of("nodedev-reattach", (ctx, args) -> {
                    NodeDevice dev = Lookups.nodedevByName(ctx, args, "device");
                    String name = args.string("device");
                    try {
                        dev.reAttach();
                    } catch (VirtException e) {
                        throw new CommandFailure("Failed to re-attach device " + name, e);
                    }
                    ctx.printExtra("Device " + name + " re-attached\n");
                }),
                TableCommand.of("nodedev-reset", (ctx, args) -> {
                    NodeDevice dev = Lookups.nodedevByName(ctx, args, "device");
                    String name = args.string("device");
                    try {
                        dev.reset();
                    } catch (VirtException e) {
                        throw new CommandFailure("Failed to reset device " + name, e);
                    }
                    ctx.printExtra("Device " + name + " reset\n");
                }));
    }

    private static void detach(CommandContext ctx, ParsedArgs args) {
        String name = args.string("device");
        String driver = args.definesOption("driver") ? args.stringQuiet("driver") : null;
        NodeDevice dev = Lookups.nodedevByName(ctx, args, "device");
        try {
            if (driver != null) {
                dev.detachFlags(driver);
            } else {
                dev.dettach();
            }
        } catch (VirtException e) {
            throw new CommandFailure("Failed to detach device " + name, e);
        }
        ctx.printExtra("Device " + name + " detached\n");
    }

    private static void info(CommandContext ctx, ParsedArgs args) {
        NodeDevice dev = Lookups.nodedev(ctx, args, "device");
        String parent = dev.getParent();
        StringBuilder out = new StringBuilder();
        out.append(String.format("%-15s %s\n", "Name:", dev.getName()));
        out.append(String.format("%-15s %s\n", "Parent:", parent == null ? "" : parent));
        out.append(String.format("%-15s %s\n", "Active:", yes(dev::isActive)));
        out.append(String.format("%-15s %s\n", "Persistent:", yes(dev::isPersistent)));
        String autostart;
        try {
            autostart = dev.getAutostart() ? "yes" : "no";
        } catch (VirtException e) {
            autostart = "no autostart";
        }
        out.append(String.format("%-15s %s\n", "Autostart:", autostart));
        ctx.print(out.toString());
    }

    /** virsh tests these calls' results as true unless 0: a failure (-1) reads as yes. */
    private static String yes(java.util.function.BooleanSupplier call) {
        try {
            return call.getAsBoolean() ? "yes" : "no";
        } catch (VirtException e) {
            return "yes";
        }
    }

    private static void list(CommandContext ctx, ParsedArgs args) {
        String capStr = args.stringQuiet("cap");
        boolean tree = args.has("tree");
        boolean inactive = args.has("inactive");
        boolean all = args.has("all");
        List<String> caps = capStr == null ? List.of() : ShellBuiltins.splitCommas(capStr);
        if (all && inactive) {
            throw new CommandFailure("Option --all is incompatible with --inactive");
        }
        if (tree && (capStr != null || inactive)) {
            throw new CommandFailure("Option --tree is incompatible with --cap and --inactive");
        }
        EnumSet<ListNodeDevicesFlag> flags = EnumSet.noneOf(ListNodeDevicesFlag.class);
        for (String cap : caps) {
            int i = CAPS.indexOf(cap);
            if (i < 0) {
                throw new CommandFailure("Invalid capability type");
            }
            flags.add(ListNodeDevicesFlag.valueOf(CAP_FLAGS.get(i)));
        }
        if (inactive || all) {
            flags.add(ListNodeDevicesFlag.INACTIVE);
        }
        if (!inactive) {
            flags.add(ListNodeDevicesFlag.ACTIVE);
        }
        List<NodeDevice> devices = collect(ctx.connection(), caps, flags);
        devices.sort(Comparator.comparing(NodeDevice::getName, String.CASE_INSENSITIVE_ORDER));
        List<String> names = devices.stream().map(NodeDevice::getName).toList();
        if (tree) {
            List<String> parents = new ArrayList<>();
            for (NodeDevice d : devices) {
                parents.add(d.getName().equals("computer") ? null : d.getParent());
            }
            TreePrint.print(ctx, names, parents);
            return;
        }
        StringBuilder b = new StringBuilder();
        names.forEach(n -> b.append(n).append('\n'));
        ctx.print(b.toString());
    }

    /** virshNodeDeviceListCollect: the new call, else the old ones with the capabilities filtered here. */
    private static List<NodeDevice> collect(Connect c, List<String> caps, EnumSet<ListNodeDevicesFlag> flags) {
        try {
            return new ArrayList<>(c.listAllNodeDevices(flags));
        } catch (VirtException e) {
            if (e.code() != ErrorCode.NO_SUPPORT) {
                throw new CommandFailure("Failed to list node devices", e);
            }
        }
        List<String> names;
        try {
            if (c.nodeNumOfDevices(null) == 0) {
                return new ArrayList<>();
            }
        } catch (VirtException e) {
            throw new CommandFailure("Failed to count node devices", e);
        }
        try {
            names = c.nodeListDevices(null);
        } catch (VirtException e) {
            throw new CommandFailure("Failed to list node devices", e);
        }
        List<NodeDevice> out = new ArrayList<>();
        for (String n : names) {
            NodeDevice d;
            try {
                d = c.nodeDeviceLookupByName(n);
            } catch (VirtException e) {
                continue;
            }
            if (!caps.isEmpty()) {
                List<String> have;
                try {
                    have = d.listCaps();
                } catch (VirtException e) {
                    throw new CommandFailure("Failed to get capability names of the device", e);
                }
                if (have.stream().noneMatch(caps::contains)) {
                    continue;
                }
            }
            out.add(d);
        }
        return out;
    }
}
