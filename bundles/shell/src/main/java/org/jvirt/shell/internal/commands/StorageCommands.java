package org.jvirt.shell.internal.commands;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.ListStoragePoolsFlag;
import org.jvirt.api.StoragePool;
import org.jvirt.api.StoragePoolBuildFlag;
import org.jvirt.api.StoragePoolDeleteFlag;
import org.jvirt.api.StoragePoolInfo;
import org.jvirt.api.StoragePoolState;
import org.jvirt.api.StorageVol;
import org.jvirt.api.StorageVolCreateFlag;
import org.jvirt.api.StorageVolDeleteFlag;
import org.jvirt.api.StorageVolInfo;
import org.jvirt.api.StorageVolResizeFlag;
import org.jvirt.api.StorageVolType;
import org.jvirt.api.StorageVolWipeAlgorithm;
import org.jvirt.api.StorageXMLFlag;
import org.jvirt.api.Stream;
import org.jvirt.api.VirtException;
import org.jvirt.shell.internal.CommandContext;
import org.jvirt.shell.internal.TableCommand;
import org.jvirt.shell.internal.VirshCommand;
import org.jvirt.shell.internal.vsh.CommandFailure;
import org.jvirt.shell.internal.vsh.ParsedArgs;
import org.jvirt.shell.internal.vsh.VshTable;

/** Storage pools and volumes: the pool-* and vol-* commands, volume transfers with progress included. */
final class StorageCommands {
    private StorageCommands() {
    }

    static List<VirshCommand> all() {
        List<VirshCommand> out = new ArrayList<>(List.of(
                TableCommand.of("pool-list", StorageCommands::poolList),
                TableCommand.of("pool-info", StorageCommands::poolInfo),
                simplePool("pool-start", "Pool %s started\n", "Failed to start pool %s", p -> p.create(
                        EnumSet.noneOf(org.jvirt.api.StoragePoolCreateFlag.class))),
                simplePool("pool-destroy", "Pool %s destroyed\n", "Failed to destroy pool %s", StoragePool::destroy),
                simplePool("pool-undefine", "Pool %s has been undefined\n", "Failed to undefine pool %s",
                        StoragePool::undefine),
                simplePool("pool-refresh", "Pool %s refreshed\n", "Failed to refresh pool %s", StoragePool::refresh),
                TableCommand.of("pool-build", (ctx, args) -> {
                    StoragePool p = Lookups.pool(ctx, args, "pool");
                    args.exclusive("overwrite", "no-overwrite");
                    EnumSet<StoragePoolBuildFlag> f = EnumSet.noneOf(StoragePoolBuildFlag.class);
                    if (args.has("overwrite")) {
                        f.add(StoragePoolBuildFlag.OVERWRITE);
                    }
                    if (args.has("no-overwrite")) {
                        f.add(StoragePoolBuildFlag.NO_OVERWRITE);
                    }
                    try {
                        p.build(f);
                    } catch (VirtException e) {
                        throw new CommandFailure("Failed to build pool " + p.getName(), e);
                    }
                    ctx.printExtra("Pool " + p.getName() + " built\n");
                }),
                TableCommand.of("pool-delete", (ctx, args) -> {
                    StoragePool p = Lookups.pool(ctx, args, "pool");
                    try {
                        p.delete(EnumSet.noneOf(StoragePoolDeleteFlag.class));
                    } catch (VirtException e) {
                        throw new CommandFailure("Failed to delete pool " + p.getName(), e);
                    }
                    ctx.printExtra("Pool " + p.getName() + " deleted\n");
                }),
                TableCommand.of("pool-autostart", (ctx, args) -> {
                    StoragePool p = Lookups.pool(ctx, args, "pool");
                    boolean on = !args.has("disable");
                    try {
                        p.setAutostart(on);
                    } catch (VirtException e) {
                        throw new CommandFailure((on ? "failed to mark pool " : "failed to unmark pool ")
                                + p.getName() + " as autostarted", e);
                    }
                    ctx.printExtra("Pool " + p.getName() + (on ? " marked as autostarted\n"
                            : " unmarked as autostarted\n"));
                }),
                TableCommand.of("pool-define", (ctx, args) -> poolFromFile(ctx, args, false)),
                TableCommand.of("pool-create", (ctx, args) -> poolFromFile(ctx, args, true)),
                TableCommand.of("pool-define-as", (ctx, args) -> poolAs(ctx, args, false)),
                TableCommand.of("pool-create-as", (ctx, args) -> poolAs(ctx, args, true)),
                TableCommand.of("pool-dumpxml", (ctx, args) -> {
                    StoragePool p = Lookups.pool(ctx, args, "pool");
                    DomainBasics.printXml(ctx, args, p.getXMLDesc(args.has("inactive")
                            ? EnumSet.of(StorageXMLFlag.INACTIVE) : EnumSet.noneOf(StorageXMLFlag.class)));
                }),
                TableCommand.of("pool-name", (ctx, args) -> {
                    String uuid = args.string("pool");
                    try {
                        ctx.print(ctx.connection().storagePoolLookupByUUIDString(uuid).getName() + "\n");
                    } catch (VirtException e) {
                        throw new CommandFailure("failed to get pool '" + uuid + "'", e);
                    }
                }),
                TableCommand.of("pool-uuid", (ctx, args) -> ctx.print(
                        Lookups.pool(ctx, args, "pool").getUUIDString() + "\n")),
                TableCommand.of("pool-capabilities", (ctx, args) -> ctx.print(
                        ctx.connection().getStoragePoolCapabilities())),
                TableCommand.of("find-storage-pool-sources", (ctx, args) -> {
                    String spec = args.string("srcSpec");
                    String xml = spec == null ? null : XmlFiles.read(ctx, spec);
                    ctx.print(ctx.connection().findStoragePoolSources(args.string("type"), xml));
                }),
                TableCommand.of("find-storage-pool-sources-as", (ctx, args) -> {
                    String host = args.string("host");
                    String xml = null;
                    if (host != null) {
                        StringBuilder b = new StringBuilder("<source>\n  <host name='" + Escapes.xml(host) + "'");
                        String port = args.string("port");
                        if (port != null) {
                            b.append(" port='").append(Escapes.xml(port)).append('\'');
                        }
                        b.append("/>\n");
                        String initiator = args.string("initiator");
                        if (initiator != null) {
                            b.append("  <initiator>\n    <iqn name='").append(Escapes.xml(initiator))
                                    .append("'/>\n  </initiator>\n");
                        }
                        b.append("</source>\n");
                        xml = b.toString();
                    }
                    ctx.print(ctx.connection().findStoragePoolSources(args.string("type"), xml));
                }),
                TableCommand.of("vol-list", StorageCommands::volList),
                TableCommand.of("vol-info", StorageCommands::volInfo),
                TableCommand.of("vol-dumpxml", (ctx, args) -> DomainBasics.printXml(ctx, args,
                        Lookups.volume(ctx, args, "vol").getXMLDesc())),
                TableCommand.of("vol-key", (ctx, args) -> ctx.print(Lookups.volume(ctx, args, "vol").getKey() + "\n")),
                TableCommand.of("vol-path", (ctx, args) -> ctx.print(Lookups.volume(ctx, args, "vol").getPath() + "\n")),
                TableCommand.of("vol-name", (ctx, args) -> ctx.print(Lookups.volume(ctx, args, "vol").getName() + "\n")),
                TableCommand.of("vol-pool", (ctx, args) -> {
                    StoragePool p = Lookups.volume(ctx, args, "vol").storagePoolLookupByVolume();
                    ctx.print((args.has("uuid") ? p.getUUIDString() : p.getName()) + "\n");
                }),
                TableCommand.of("vol-create", (ctx, args) -> {
                    StoragePool p = Lookups.pool(ctx, args, "pool");
                    String file = args.string("file");
                    String xml = XmlFiles.read(ctx, file);
                    StorageVol v;
                    try {
                        v = p.storageVolCreateXML(xml, volFlags(args));
                    } catch (VirtException e) {
                        throw new CommandFailure("Failed to create vol from " + file, e);
                    }
                    ctx.printExtra("Vol " + v.getName() + " created from " + file + "\n");
                }),
                TableCommand.of("vol-create-as", StorageCommands::volCreateAs),
                TableCommand.of("vol-create-from", (ctx, args) -> {
                    StoragePool p = Lookups.pool(ctx, args, "pool");
                    String file = args.string("file");
                    StorageVol input = Lookups.volume(ctx, args, "vol");
                    String xml = XmlFiles.read(ctx, file);
                    StorageVol v;
                    try {
                        v = p.storageVolCreateXMLFrom(xml, input, volFlags(args));
                    } catch (VirtException e) {
                        throw new CommandFailure("Failed to create vol from " + file, e);
                    }
                    ctx.printExtra("Vol " + v.getName() + " created from input vol " + input.getName() + "\n");
                }),
                TableCommand.of("vol-clone", StorageCommands::volClone),
                TableCommand.of("vol-delete", (ctx, args) -> {
                    StorageVol v = Lookups.volume(ctx, args, "vol");
                    EnumSet<StorageVolDeleteFlag> f = EnumSet.noneOf(StorageVolDeleteFlag.class);
                    if (args.has("delete-snapshots")) {
                        f.add(StorageVolDeleteFlag.WITH_SNAPSHOTS);
                    }
                    String name = v.getName();
                    try {
                        v.delete(f);
                    } catch (VirtException e) {
                        throw new CommandFailure("Failed to delete vol " + name, e);
                    }
                    ctx.printExtra("Vol " + name + " deleted\n");
                }),
                TableCommand.of("vol-wipe", StorageCommands::volWipe),
                TableCommand.of("vol-resize", StorageCommands::volResize),
                TableCommand.of("vol-upload", StorageCommands::upload),
                TableCommand.of("vol-download", StorageCommands::download)));
        return out;
    }

    @FunctionalInterface
    private interface PoolAction {
        void apply(StoragePool p);
    }

    private static VirshCommand simplePool(String name, String ok, String failed, PoolAction action) {
        return TableCommand.of(name, (ctx, args) -> {
            StoragePool p = Lookups.pool(ctx, args, "pool");
            try {
                action.apply(p);
            } catch (VirtException e) {
                throw new CommandFailure(String.format(failed, p.getName()), e);
            }
            ctx.printExtra(String.format(ok, p.getName()));
        });
    }

    /** vshPrettyCapacity with two decimals, as the pool and volume lists show sizes. */
    static String capacity(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double v = bytes < 0 ? Math.pow(2, 64) + bytes : bytes;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.2f %s", v, units[u]);
    }

    static String poolState(StoragePoolState s) {
        return switch (s) {
            case INACTIVE -> "inactive";
            case BUILDING -> "building";
            case RUNNING -> "running";
            case DEGRADED -> "degraded";
            case INACCESSIBLE -> "inaccessible";
        };
    }

    private static void poolList(CommandContext ctx, ParsedArgs args) {
        args.exclusive("details", "uuid");
        args.exclusive("details", "name");
        EnumSet<ListStoragePoolsFlag> flags = EnumSet.of(ListStoragePoolsFlag.ACTIVE);
        if (args.has("inactive")) {
            flags = EnumSet.of(ListStoragePoolsFlag.INACTIVE);
        }
        if (args.has("all")) {
            flags = EnumSet.of(ListStoragePoolsFlag.ACTIVE, ListStoragePoolsFlag.INACTIVE);
        }
        for (String[] f : new String[][] {{"persistent", "PERSISTENT"}, {"transient", "TRANSIENT"},
            {"autostart", "AUTOSTART"}, {"no-autostart", "NO_AUTOSTART"}}) {
            if (args.has(f[0])) {
                flags.add(ListStoragePoolsFlag.valueOf(f[1]));
            }
        }
        String types = args.string("type");
        if (types != null) {
            for (String t : types.split(",")) {
                try {
                    flags.add(ListStoragePoolsFlag.valueOf(t.toUpperCase(Locale.ROOT).replace('-', '_')));
                } catch (IllegalArgumentException e) {
                    throw new CommandFailure("Invalid pool type");
                }
            }
        }
        List<StoragePool> pools;
        try {
            pools = new ArrayList<>(ctx.connection().listAllStoragePools(flags));
        } catch (VirtException e) {
            throw new CommandFailure("Failed to list pools", e);
        }
        pools.sort(Comparator.comparing(StoragePool::getName));
        boolean uuid = args.has("uuid");
        boolean name = args.has("name");
        if (uuid || name) {
            for (StoragePool p : pools) {
                ctx.print(uuid && name ? p.getUUIDString() + " " + p.getName() + "\n"
                        : (uuid ? p.getUUIDString() : p.getName()) + "\n");
            }
            return;
        }
        if (args.has("details")) {
            VshTable t = new VshTable("Name", "State", "Autostart", "Persistent", "Capacity", "Allocation",
                    "Available");
            for (StoragePool p : pools) {
                StoragePoolInfo i = p.getInfo();
                boolean active = i.state() == StoragePoolState.RUNNING || i.state() == StoragePoolState.DEGRADED;
                t.addRow(p.getName(), poolState(i.state()), autostart(p), NetworkCommands.yesNo(p.isPersistent()),
                        active ? capacity(i.capacity()) : "-", active ? capacity(i.allocation()) : "-",
                        active ? capacity(i.available()) : "-");
            }
            ctx.print(t.render(!ctx.quiet()));
            return;
        }
        VshTable t = new VshTable("Name", "State", "Autostart");
        for (StoragePool p : pools) {
            t.addRow(p.getName(), p.isActive() ? "active" : "inactive", autostart(p));
        }
        ctx.print(t.render(!ctx.quiet()));
    }

    private static String autostart(StoragePool p) {
        try {
            return NetworkCommands.yesNo(p.getAutostart());
        } catch (VirtException e) {
            return "no autostart";
        }
    }

    private static void poolInfo(CommandContext ctx, ParsedArgs args) {
        StoragePool p = Lookups.pool(ctx, args, "pool");
        boolean bytes = args.has("bytes");
        StoragePoolInfo i = p.getInfo();
        line(ctx, "Name:", p.getName());
        line(ctx, "UUID:", p.getUUIDString());
        line(ctx, "State:", poolState(i.state()));
        line(ctx, "Persistent:", NetworkCommands.yesNo(p.isPersistent()));
        line(ctx, "Autostart:", autostart(p));
        if (i.state() == StoragePoolState.RUNNING || i.state() == StoragePoolState.DEGRADED) {
            line(ctx, "Capacity:", bytes ? i.capacity() + "" : capacity(i.capacity()));
            line(ctx, "Allocation:", bytes ? i.allocation() + "" : capacity(i.allocation()));
            line(ctx, "Available:", bytes ? i.available() + "" : capacity(i.available()));
        }
    }

    private static void line(CommandContext ctx, String label, String value) {
        ctx.print(String.format("%-15s %s\n", label, value));
    }

    private static void poolFromFile(CommandContext ctx, ParsedArgs args, boolean create) {
        String file = args.string("file");
        String xml = XmlFiles.read(ctx, file);
        StoragePool p;
        try {
            if (create) {
                EnumSet<org.jvirt.api.StoragePoolCreateFlag> f = EnumSet.noneOf(
                        org.jvirt.api.StoragePoolCreateFlag.class);
                if (args.has("build")) {
                    f.add(org.jvirt.api.StoragePoolCreateFlag.WITH_BUILD);
                }
                if (args.has("overwrite")) {
                    f.add(org.jvirt.api.StoragePoolCreateFlag.WITH_BUILD_OVERWRITE);
                }
                if (args.has("no-overwrite")) {
                    f.add(org.jvirt.api.StoragePoolCreateFlag.WITH_BUILD_NO_OVERWRITE);
                }
                p = ctx.connection().storagePoolCreateXML(xml, f);
            } else {
                p = ctx.connection().storagePoolDefineXML(xml, args.has("validate")
                        ? EnumSet.of(org.jvirt.api.StoragePoolDefineFlag.VALIDATE)
                        : EnumSet.noneOf(org.jvirt.api.StoragePoolDefineFlag.class));
            }
        } catch (VirtException e) {
            throw new CommandFailure("Failed to " + (create ? "create" : "define") + " pool from " + file, e);
        }
        ctx.printExtra("Pool " + p.getName() + (create ? " created" : " defined") + " from " + file + "\n");
    }

    /** virshBuildPoolXML: the pool document pool-define-as and pool-create-as describe. */
    static String poolXml(ParsedArgs args) {
        String name = args.string("name");
        String type = args.string("type");
        String srcHost = args.string("source-host");
        String srcPort = args.string("source-port");
        String srcPath = args.string("source-path");
        String srcDev = args.string("source-dev");
        String srcName = args.string("source-name");
        String srcFormat = args.string("source-format");
        String target = args.string("target");
        String authType = args.string("auth-type");
        String secretUsage = args.string("secret-usage");
        String secretUuid = args.string("secret-uuid");
        String adapterName = args.string("adapter-name");
        String adapterWwnn = args.string("adapter-wwnn");
        String adapterWwpn = args.string("adapter-wwpn");
        String adapterParent = args.string("adapter-parent");
        String protocolVer = args.string("source-protocol-ver");
        String initiator = args.string("source-initiator");
        StringBuilder b = new StringBuilder();
        b.append("<pool type='").append(type).append("'>\n");
        b.append("  <name>").append(Escapes.xml(name)).append("</name>\n");
        boolean source = srcHost != null || srcPath != null || srcDev != null || srcFormat != null
                || srcName != null || adapterName != null || adapterWwnn != null || authType != null
                || protocolVer != null || initiator != null;
        if (source) {
            b.append("  <source>\n");
            if (srcHost != null) {
                b.append("    <host name='").append(Escapes.xml(srcHost)).append('\'');
                if (srcPort != null) {
                    b.append(" port='").append(srcPort).append('\'');
                }
                b.append("/>\n");
            }
            if (srcPath != null) {
                b.append("    <dir path='").append(Escapes.xml(srcPath)).append("'/>\n");
            }
            if (srcDev != null) {
                b.append("    <device path='").append(Escapes.xml(srcDev)).append("'/>\n");
            }
            if (adapterWwnn != null && adapterWwpn != null) {
                b.append("    <adapter type='fc_host'");
                if (adapterParent != null) {
                    b.append(" parent='").append(Escapes.xml(adapterParent)).append('\'');
                }
                b.append(" wwnn='").append(adapterWwnn).append("' wwpn='").append(adapterWwpn).append("'/>\n");
            } else if (adapterName != null) {
                b.append("    <adapter type='scsi_host' name='").append(Escapes.xml(adapterName)).append("'/>\n");
            }
            if (authType != null && (secretUsage != null || secretUuid != null)) {
                b.append("    <auth type='").append(authType).append("' username='")
                        .append(Escapes.xml(args.string("auth-username") == null ? "" : args.string("auth-username")))
                        .append("'>\n");
                if (secretUsage != null) {
                    b.append("      <secret usage='").append(Escapes.xml(secretUsage)).append("'/>\n");
                } else {
                    b.append("      <secret uuid='").append(secretUuid).append("'/>\n");
                }
                b.append("    </auth>\n");
            }
            if (srcFormat != null) {
                b.append("    <format type='").append(srcFormat).append("'/>\n");
            }
            if (srcName != null) {
                b.append("    <name>").append(Escapes.xml(srcName)).append("</name>\n");
            }
            if (initiator != null) {
                b.append("    <initiator>\n      <iqn name='").append(Escapes.xml(initiator))
                        .append("'/>\n    </initiator>\n");
            }
            if (protocolVer != null) {
                b.append("    <protocol ver='").append(protocolVer).append("'/>\n");
            }
            b.append("  </source>\n");
        }
        if (target != null) {
            b.append("  <target>\n    <path>").append(Escapes.xml(target)).append("</path>\n  </target>\n");
        }
        b.append("</pool>\n");
        return b.toString();
    }

    private static void poolAs(CommandContext ctx, ParsedArgs args, boolean create) {
        String xml = poolXml(args);
        if (args.has("print-xml")) {
            ctx.print(xml);
            return;
        }
        String name = args.string("name");
        try {
            if (create) {
                EnumSet<org.jvirt.api.StoragePoolCreateFlag> f = EnumSet.noneOf(
                        org.jvirt.api.StoragePoolCreateFlag.class);
                if (args.has("build")) {
                    f.add(org.jvirt.api.StoragePoolCreateFlag.WITH_BUILD);
                }
                ctx.connection().storagePoolCreateXML(xml, f);
            } else {
                ctx.connection().storagePoolDefineXML(xml, EnumSet.noneOf(org.jvirt.api.StoragePoolDefineFlag.class));
            }
        } catch (VirtException e) {
            throw new CommandFailure("Failed to " + (create ? "create" : "define") + " pool " + name, e);
        }
        ctx.printExtra("Pool " + name + (create ? " created\n" : " defined\n"));
    }

    private static EnumSet<StorageVolCreateFlag> volFlags(ParsedArgs args) {
        EnumSet<StorageVolCreateFlag> f = EnumSet.noneOf(StorageVolCreateFlag.class);
        if (args.has("prealloc-metadata")) {
            f.add(StorageVolCreateFlag.PREALLOC_METADATA);
        }
        if (args.definesOption("reflink") && args.has("reflink")) {
            f.add(StorageVolCreateFlag.REFLINK);
        }
        if (args.definesOption("validate") && args.has("validate")) {
            f.add(StorageVolCreateFlag.VALIDATE);
        }
        return f;
    }

    static String volType(StorageVolType t) {
        return switch (t) {
            case FILE -> "file";
            case BLOCK -> "block";
            case DIR -> "dir";
            case NETWORK -> "network";
            case NETDIR -> "netdir";
            case PLOOP -> "ploop";
        };
    }

    private static void volList(CommandContext ctx, ParsedArgs args) {
        StoragePool p = Lookups.pool(ctx, args, "pool");
        List<StorageVol> vols;
        try {
            vols = new ArrayList<>(p.listAllVolumes());
        } catch (VirtException e) {
            throw new CommandFailure("Failed to list storage volumes", e);
        }
        vols.sort(Comparator.comparing(StorageVol::getName));
        if (args.has("details")) {
            VshTable t = new VshTable("Name", "Path", "Type", "Capacity", "Allocation");
            for (StorageVol v : vols) {
                StorageVolInfo i = v.getInfo();
                t.addRow(v.getName(), v.getPath(), volType(i.type()), capacity(i.capacity()),
                        capacity(i.allocation()));
            }
            ctx.print(t.render(!ctx.quiet()));
            return;
        }
        VshTable t = new VshTable("Name", "Path");
        for (StorageVol v : vols) {
            t.addRow(v.getName(), v.getPath());
        }
        ctx.print(t.render(!ctx.quiet()));
    }

    private static void volInfo(CommandContext ctx, ParsedArgs args) {
        StorageVol v = Lookups.volume(ctx, args, "vol");
        boolean bytes = args.has("bytes");
        StorageVolInfo i = args.has("physical") ? v.getInfo(EnumSet.of(org.jvirt.api.StorageVolInfoFlag.GET_PHYSICAL))
                : v.getInfo();
        line(ctx, "Name:", v.getName());
        line(ctx, "Type:", volType(i.type()));
        line(ctx, "Capacity:", bytes ? i.capacity() + " bytes" : capacity(i.capacity()));
        line(ctx, args.has("physical") ? "Physical:" : "Allocation:",
                bytes ? i.allocation() + " bytes" : capacity(i.allocation()));
    }

    private static void volCreateAs(CommandContext ctx, ParsedArgs args) {
        StoragePool p = Lookups.pool(ctx, args, "pool");
        String name = args.string("name");
        long capacity = args.scaled("capacity", 1, -1L).orElseThrow();
        StringBuilder b = new StringBuilder("<volume>\n  <name>").append(Escapes.xml(name)).append("</name>\n");
        b.append("  <capacity>").append(Long.toUnsignedString(capacity)).append("</capacity>\n");
        if (args.has("allocation")) {
            b.append("  <allocation>").append(Long.toUnsignedString(args.scaled("allocation", 1, -1L).orElseThrow()))
                    .append("</allocation>\n");
        }
        String format = args.string("format");
        if (format != null) {
            b.append("  <target>\n    <format type='").append(Escapes.xml(format)).append("'/>\n  </target>\n");
        }
        String backing = args.string("backing-vol");
        if (backing != null) {
            StorageVol bv;
            try {
                bv = ctx.connection().storageVolLookupByPath(backing);
            } catch (VirtException e) {
                try {
                    bv = p.storageVolLookupByName(backing);
                } catch (VirtException e2) {
                    throw new CommandFailure("failed to get vol '" + backing + "'", e2);
                }
            }
            b.append("  <backingStore>\n    <path>").append(Escapes.xml(bv.getPath())).append("</path>\n");
            String bformat = args.string("backing-vol-format");
            if (bformat != null) {
                b.append("    <format type='").append(Escapes.xml(bformat)).append("'/>\n");
            }
            b.append("  </backingStore>\n");
        }
        b.append("</volume>\n");
        if (args.has("print-xml")) {
            ctx.print(b.toString());
            return;
        }
        try {
            p.storageVolCreateXML(b.toString(), volFlags(args));
        } catch (VirtException e) {
            throw new CommandFailure("Failed to create vol " + name, e);
        }
        ctx.printExtra("Vol " + name + " created\n");
    }

    private static void volClone(CommandContext ctx, ParsedArgs args) {
        StorageVol orig = Lookups.volume(ctx, args, "vol");
        StoragePool p = orig.storagePoolLookupByVolume();
        String newName = args.string("newname");
        String xml = orig.getXMLDesc();
        XmlQuery q = XmlQuery.parse(xml);
        String oldName = q.string("/volume/name");
        xml = xml.replaceFirst("<name>" + java.util.regex.Pattern.quote(Escapes.xml(oldName)) + "</name>",
                "<name>" + java.util.regex.Matcher.quoteReplacement(Escapes.xml(newName)) + "</name>");
        xml = xml.replaceAll("(?s)<key>.*?</key>\\s*", "").replaceAll("(?s)<path>[^<]*</path>", "");
        try {
            p.storageVolCreateXMLFrom(xml, orig, volFlags(args));
        } catch (VirtException e) {
            throw new CommandFailure("Failed to clone vol from " + orig.getName(), e);
        }
        ctx.printExtra("Vol " + newName + " cloned from " + orig.getName() + "\n");
    }

    private static void volWipe(CommandContext ctx, ParsedArgs args) {
        StorageVol v = Lookups.volume(ctx, args, "vol");
        String alg = args.string("algorithm");
        try {
            if (alg == null) {
                v.wipe();
            } else {
                StorageVolWipeAlgorithm a;
                try {
                    a = StorageVolWipeAlgorithm.valueOf(alg.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new CommandFailure("Unsupported algorithm '" + alg + "'");
                }
                v.wipePattern(a);
            }
        } catch (VirtException e) {
            throw new CommandFailure("Failed to wipe vol " + v.getName(), e);
        }
        ctx.printExtra("Vol " + v.getName() + " wiped\n");
    }

    private static void volResize(CommandContext ctx, ParsedArgs args) {
        StorageVol v = Lookups.volume(ctx, args, "vol");
        String raw = args.raw("capacity");
        boolean delta = args.has("delta");
        boolean shrink = args.has("shrink");
        EnumSet<StorageVolResizeFlag> f = EnumSet.noneOf(StorageVolResizeFlag.class);
        if (args.has("allocate")) {
            f.add(StorageVolResizeFlag.ALLOCATE);
        }
        if (delta) {
            f.add(StorageVolResizeFlag.DELTA);
        }
        if (raw.startsWith("-")) {
            if (!shrink) {
                throw new CommandFailure("negative size requires --shrink");
            }
            raw = raw.substring(1);
        }
        if (shrink) {
            f.add(StorageVolResizeFlag.SHRINK);
        }
        int end = 0;
        while (end < raw.length() && Character.isDigit(raw.charAt(end))) {
            end++;
        }
        long capacity;
        try {
            capacity = org.jvirt.shell.internal.vsh.Scaling.scale(Long.parseUnsignedLong(raw.substring(0, end)),
                    raw.substring(end), 1, -1L);
        } catch (RuntimeException e) {
            throw new CommandFailure("Malformed size " + raw);
        }
        try {
            v.resize(capacity, f);
        } catch (VirtException e) {
            throw new CommandFailure("Failed to change size of volume '" + v.getName() + "' to " + raw, e);
        }
        ctx.printExtra("Size of volume '" + v.getName() + "' successfully changed to " + raw + "\n");
    }

    /** vol-upload: the file's bytes into the volume through a stream, with progress when asked. */
    private static void upload(CommandContext ctx, ParsedArgs args) {
        StorageVol v = Lookups.volume(ctx, args, "vol");
        String file = args.string("file");
        long offset = args.ulong("offset").orElse(0);
        long length = args.ulong("length").orElse(0);
        Path path = ctx.session().resolve(file);
        Stream st = ctx.connection().newStream(EnumSet.noneOf(org.jvirt.api.StreamFlag.class));
        EnumSet<org.jvirt.api.StorageVolUploadFlag> f = EnumSet.noneOf(org.jvirt.api.StorageVolUploadFlag.class);
        if (args.has("sparse")) {
            f.add(org.jvirt.api.StorageVolUploadFlag.SPARSE_STREAM);
        }
        try (InputStream in = Files.newInputStream(path)) {
            long total = Files.size(path);
            try {
                v.upload(st, offset, length, f);
            } catch (VirtException e) {
                throw new CommandFailure("cannot upload to volume " + v.getName(), e);
            }
            Transfer.send(ctx, args, st, in, total, "Upload");
        } catch (IOException e) {
            st.abort();
            throw new CommandFailure("cannot read " + file, new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.NONE,
                    "Unable to read " + file));
        }
    }

    /** vol-download: the volume's bytes into the file through a stream, with progress when asked. */
    private static void download(CommandContext ctx, ParsedArgs args) {
        StorageVol v = Lookups.volume(ctx, args, "vol");
        String file = args.string("file");
        long offset = args.ulong("offset").orElse(0);
        long length = args.ulong("length").orElse(0);
        Path path = ctx.session().resolve(file);
        Stream st = ctx.connection().newStream(EnumSet.noneOf(org.jvirt.api.StreamFlag.class));
        EnumSet<org.jvirt.api.StorageVolDownloadFlag> f = EnumSet.noneOf(org.jvirt.api.StorageVolDownloadFlag.class);
        if (args.has("sparse")) {
            f.add(org.jvirt.api.StorageVolDownloadFlag.SPARSE_STREAM);
        }
        long total = length > 0 ? length : Math.max(0, v.getInfo().capacity() - offset);
        boolean created = !Files.exists(path);
        try (OutputStream out = Files.newOutputStream(path)) {
            try {
                v.download(st, offset, length, f);
            } catch (VirtException e) {
                throw new CommandFailure("cannot download from volume " + v.getName(), e);
            }
            Transfer.receive(ctx, args, st, out, total, "Download");
        } catch (IOException e) {
            st.abort();
            throw new CommandFailure("cannot create " + file);
        } catch (RuntimeException e) {
            if (created) {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException ignored) {
                    // the download's own failure is what the user needs to see
                }
            }
            throw e;
        }
    }
}
