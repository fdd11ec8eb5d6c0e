package org.jvirt.shell.internal.commands;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.jvirt.api.Domain;
import org.jvirt.api.DomainCoreDumpFlag;
import org.jvirt.api.DomainCoreDumpFormat;
import org.jvirt.api.DomainCreateFlag;
import org.jvirt.api.DomainGetHostnameFlag;
import org.jvirt.api.DomainLifecycle;
import org.jvirt.api.DomainLifecycleAction;
import org.jvirt.api.DomainSaveImageXMLFlag;
import org.jvirt.api.DomainSaveRestoreFlag;
import org.jvirt.api.KeycodeSet;
import org.jvirt.api.NodeSuspendTarget;
import org.jvirt.api.VirtException;
import org.jvirt.shell.internal.CommandContext;
import org.jvirt.shell.internal.TableCommand;
import org.jvirt.shell.internal.VirshCommand;
import org.jvirt.shell.internal.vsh.CNumbers;
import org.jvirt.shell.internal.vsh.CommandFailure;
import org.jvirt.shell.internal.vsh.ParsedArgs;

/**
 * A domain's names and simple lifecycle: domid, domname, domuuid, autostart, create, reset, domrename, inject-nmi,
 * dompmsuspend, dompmwakeup, domhostname, send-key, send-process-signal, set-lifecycle-action, and the saved
 * states (save, restore, managedsave and its image, save-image-*, dump).
 */
final class DomainBasics {
    private DomainBasics() {
    }

    static List<VirshCommand> all() {
        return List.of(
                TableCommand.of("domid", (ctx, args) -> {
                    int id = DomainLookup.domain(ctx, args, DomainLookup.By.UUID_NAME).domain().getID();
                    ctx.print(id == -1 ? "-\n" : id + "\n");
                }),
                TableCommand.of("domname", (ctx, args) -> ctx.print(
                        DomainLookup.domain(ctx, args, DomainLookup.By.ID_UUID).domain().getName() + "\n")),
                TableCommand.of("domuuid", (ctx, args) -> ctx.print(
                        DomainLookup.domain(ctx, args, DomainLookup.By.ID_NAME).domain().getUUIDString() + "\n")),
                TableCommand.of("autostart", DomainBasics::autostart),
                TableCommand.of("create", DomainBasics::create),
                TableCommand.of("reset", (ctx, args) -> {
                    DomainLookup.Named d = DomainLookup.domain(ctx, args, DomainLookup.By.ID_UUID_NAME);
                    try {
                        d.domain().reset();
                    } catch (VirtException e) {
                        throw new CommandFailure("Failed to reset domain '" + d.given() + "'", e);
                    }
                    ctx.printExtra("Domain '" + d.given() + "' was reset\n");
                }),
                TableCommand.of("domrename", (ctx, args) -> {
                    Domain dom = DomainLookup.domain(ctx, args);
                    dom.rename(args.string("new-name"));
                    ctx.printExtra("Domain successfully renamed\n");
                }),
                TableCommand.of("inject-nmi", (ctx, args) -> DomainLookup.domain(ctx, args).injectNMI()),
                TableCommand.of("dompmsuspend", DomainBasics::pmSuspend),
                TableCommand.of("dompmwakeup", (ctx, args) -> {
                    Domain dom = DomainLookup.domain(ctx, args);
                    try {
                        dom.pmWakeup();
                    } catch (VirtException e) {
                        throw new CommandFailure("Domain '" + dom.getName() + "' could not be woken up", e);
                    }
                    ctx.print("Domain '" + dom.getName() + "' successfully woken up\n");
                }),
                TableCommand.of("domhostname", DomainBasics::hostname),
                TableCommand.of("send-key", DomainBasics::sendKey),
                TableCommand.of("send-process-signal", DomainBasics::sendProcessSignal),
                TableCommand.of("set-lifecycle-action", DomainBasics::setLifecycleAction),
                TableCommand.of("save", DomainBasics::save),
                TableCommand.of("restore", DomainBasics::restore),
                TableCommand.of("managedsave", DomainBasics::managedSave),
                TableCommand.of("managedsave-remove", DomainBasics::managedSaveRemove),
                TableCommand.of("managedsave-dumpxml", (ctx, args) -> {
                    Domain dom = DomainLookup.domain(ctx, args);
                    String xml = dom.managedSaveGetXMLDesc(secure(args));
                    printXml(ctx, args, xml);
                }),
                TableCommand.of("managedsave-define", (ctx, args) -> {
                    Domain dom = DomainLookup.domain(ctx, args);
                    String xml = XmlFiles.read(ctx, args.string("xml"));
                    try {
                        dom.managedSaveDefineXML(xml, runningPaused(args));
                    } catch (VirtException e) {
                        throw new CommandFailure("Failed to update " + dom.getName(), e);
                    }
                    ctx.print("Managed save state file of domain '" + dom.getName() + "' updated.\n");
                }),
                TableCommand.of("save-image-dumpxml", (ctx, args) -> {
                    String xml = ctx.connection().domainSaveImageGetXMLDesc(ctx.session().resolve(
                            args.string("file")).toString(), secure(args));
                    printXml(ctx, args, xml);
                }),
                TableCommand.of("save-image-define", (ctx, args) -> {
                    String file = args.string("file");
                    String xml = XmlFiles.read(ctx, args.string("xml"));
                    try {
                        ctx.connection().domainSaveImageDefineXML(ctx.session().resolve(file).toString(), xml,
                                runningPaused(args));
                    } catch (VirtException e) {
                        throw new CommandFailure("Failed to update " + file, e);
                    }
                    ctx.print("State file " + file + " updated.\n");
                }),
                TableCommand.of("dump", DomainBasics::dump));
    }

    private static void autostart(CommandContext ctx, ParsedArgs args) {
        DomainLookup.Named d = DomainLookup.domain(ctx, args, DomainLookup.By.ID_UUID_NAME);
        boolean on = !args.has("disable");
        try {
            d.domain().setAutostart(on);
        } catch (VirtException e) {
            throw new CommandFailure((on ? "Failed to mark domain '" : "Failed to unmark domain '") + d.given()
                    + "' as autostarted", e);
        }
        ctx.printExtra("Domain '" + d.given() + (on ? "' marked as autostarted\n" : "' unmarked as autostarted\n"));
    }

    private static void create(CommandContext ctx, ParsedArgs args) {
        String file = args.string("file");
        if (args.has("console")) {
            throw new CommandFailure("Failed to create domain from " + file,
                    VirtException.noSupport("virDomainOpenConsole"));
        }
        String xml = XmlFiles.read(ctx, file);
        int[] fds = PassedFiles.numbers(args.raw("pass-fds"));
        EnumSet<DomainCreateFlag> flags = EnumSet.noneOf(DomainCreateFlag.class);
        if (args.has("paused")) {
            flags.add(DomainCreateFlag.START_PAUSED);
        }
        if (args.has("autodestroy")) {
            flags.add(DomainCreateFlag.START_AUTODESTROY);
        }
        if (args.has("validate")) {
            flags.add(DomainCreateFlag.START_VALIDATE);
        }
        if (args.has("reset-nvram")) {
            flags.add(DomainCreateFlag.START_RESET_NVRAM);
        }
        Domain dom;
        try {
            if (fds == null) {
                dom = ctx.connection().domainCreateXML(xml, flags);
            } else {
                try (PassedFiles files = PassedFiles.open(fds)) {
                    dom = ctx.connection().domainCreateXMLWithFiles(xml, files.descriptors(), flags);
                }
            }
        } catch (VirtException e) {
            throw new CommandFailure("Failed to create domain from " + file, e);
        }
        ctx.printExtra("Domain '" + dom.getName() + "' created from " + file + "\n");
    }

    private static void pmSuspend(CommandContext ctx, ParsedArgs args) {
        Domain dom = DomainLookup.domain(ctx, args);
        long duration = args.ulong("duration").orElse(0);
        String target = args.string("target");
        NodeSuspendTarget t = switch (target) {
            case "mem" -> NodeSuspendTarget.MEM;
            case "disk" -> NodeSuspendTarget.DISK;
            case "hybrid" -> NodeSuspendTarget.HYBRID;
            default -> throw new CommandFailure("Invalid target");
        };
        try {
            dom.pmSuspendForDuration(t, duration);
        } catch (VirtException e) {
            throw new CommandFailure("Domain '" + dom.getName() + "' could not be suspended", e);
        }
        ctx.print("Domain '" + dom.getName() + "' successfully suspended\n");
    }

    private static void hostname(CommandContext ctx, ParsedArgs args) {
        Domain dom = DomainLookup.domain(ctx, args);
        EnumSet<DomainGetHostnameFlag> flags = EnumSet.noneOf(DomainGetHostnameFlag.class);
        String source = args.string("source");
        if (source != null) {
            switch (source) {
                case "agent" -> flags.add(DomainGetHostnameFlag.AGENT);
                case "lease" -> flags.add(DomainGetHostnameFlag.LEASE);
                default -> throw new CommandFailure("Unknown data source '" + source + "'");
            }
        }
        String name;
        try {
            name = dom.getHostname(flags);
        } catch (VirtException e) {
            throw new CommandFailure("failed to get hostname", e);
        }
        ctx.print(name + "\n");
    }

    private static void sendKey(CommandContext ctx, ParsedArgs args) {
        Domain dom = DomainLookup.domain(ctx, args);
        String codesetName = args.string("codeset");
        KeycodeSet codeset = KeycodeSet.LINUX;
        if (codesetName != null) {
            codeset = Keycodes.codeset(codesetName);
            if (codeset == null) {
                throw new CommandFailure("unknown codeset: '" + codesetName + "'");
            }
        }
        long hold = args.has("holdtime") ? args.uint("holdtime") : 0;
        List<String> keys = args.argv("keycode");
        if (keys.size() > 16) {
            throw new CommandFailure("too many keycodes");
        }
        int[] codes = new int[keys.size()];
        for (int i = 0; i < codes.length; i++) {
            int code = Keycodes.parse(codeset, keys.get(i));
            if (code < 0) {
                throw new CommandFailure("invalid keycode: '" + keys.get(i) + "'");
            }
            codes[i] = code;
        }
        dom.sendKey(codeset, (int) hold, codes);
    }

    private static void sendProcessSignal(CommandContext ctx, ParsedArgs args) {
        Domain dom = DomainLookup.domain(ctx, args);
        long pid = args.longValue("pid").orElseThrow();
        String name = args.string("signame");
        var signal = Keycodes.signal(name);
        if (signal == null) {
            throw new CommandFailure("malformed signal name: " + name);
        }
        dom.sendProcessSignal(pid, signal);
    }

    private static void setLifecycleAction(CommandContext ctx, ParsedArgs args) {
        Domain dom = DomainLookup.domain(ctx, args);
        String type = args.string("type");
        String action = args.string("action");
        DomainLifecycle t = switch (type) {
            case "poweroff" -> DomainLifecycle.POWEROFF;
            case "reboot" -> DomainLifecycle.REBOOT;
            case "crash" -> DomainLifecycle.CRASH;
            default -> throw new CommandFailure("Invalid lifecycle type '" + type + "'.");
        };
        DomainLifecycleAction a = switch (action) {
            case "destroy" -> DomainLifecycleAction.DESTROY;
            case "restart" -> DomainLifecycleAction.RESTART;
            case "rename-restart" -> DomainLifecycleAction.RESTART_RENAME;
            case "preserve" -> DomainLifecycleAction.PRESERVE;
            case "coredump-destroy" -> DomainLifecycleAction.COREDUMP_DESTROY;
            case "coredump-restart" -> DomainLifecycleAction.COREDUMP_RESTART;
            default -> throw new CommandFailure("Invalid lifecycle action '" + action + "'.");
        };
        try {
            dom.setLifecycleAction(t, a, Affect.of(args));
        } catch (VirtException e) {
            throw new CommandFailure("Unable to change lifecycle action.", e);
        }
    }

    private static void save(CommandContext ctx, ParsedArgs args) {
        args.exclusive("running", "paused");
        DomainLookup.Named d = DomainLookup.domain(ctx, args, DomainLookup.By.ID_UUID_NAME);
        String to = args.string("file");
        EnumSet<DomainSaveRestoreFlag> flags = runningPaused(args);
        if (args.has("bypass-cache")) {
            flags.add(DomainSaveRestoreFlag.BYPASS_CACHE);
        }
        String xml = args.has("xml") ? XmlFiles.read(ctx, args.string("xml")) : null;
        try {
            Progress.job(ctx, args, d.domain(), "Save", () -> {
                if (xml == null && flags.isEmpty()) {
                    d.domain().save(ctx.session().resolve(to).toString());
                } else {
                    d.domain().save(ctx.session().resolve(to).toString(), xml, flags);
                }
            });
        } catch (VirtException e) {
            throw new CommandFailure("Failed to save domain '" + d.given() + "' to " + to, e);
        }
        ctx.printExtra("\nDomain '" + d.given() + "' saved to " + to + "\n");
    }

    private static void restore(CommandContext ctx, ParsedArgs args) {
        args.exclusive("running", "paused");
        String from = args.string("file");
        EnumSet<DomainSaveRestoreFlag> flags = runningPaused(args);
        if (args.has("bypass-cache")) {
            flags.add(DomainSaveRestoreFlag.BYPASS_CACHE);
        }
        if (args.has("reset-nvram")) {
            flags.add(DomainSaveRestoreFlag.RESET_NVRAM);
        }
        String xml = args.has("xml") ? XmlFiles.read(ctx, args.string("xml")) : null;
        try {
            if (xml == null && flags.isEmpty()) {
                ctx.connection().domainRestore(ctx.session().resolve(from).toString());
            } else {
                ctx.connection().domainRestore(ctx.session().resolve(from).toString(), xml, flags);
            }
        } catch (VirtException e) {
            throw new CommandFailure("Failed to restore domain from " + from, e);
        }
        ctx.printExtra("Domain restored from " + from + "\n");
    }

    private static void managedSave(CommandContext ctx, ParsedArgs args) {
        args.exclusive("running", "paused");
        DomainLookup.Named d = DomainLookup.domain(ctx, args, DomainLookup.By.ID_UUID_NAME);
        EnumSet<DomainSaveRestoreFlag> flags = runningPaused(args);
        if (args.has("bypass-cache")) {
            flags.add(DomainSaveRestoreFlag.BYPASS_CACHE);
        }
        try {
            Progress.job(ctx, args, d.domain(), "Managedsave", () -> d.domain().managedSave(flags));
        } catch (VirtException e) {
            throw new CommandFailure("Failed to save domain '" + d.given() + "' state", e);
        }
        ctx.printExtra("\nDomain '" + d.given() + "' state saved by libvirt\n");
    }

    private static void managedSaveRemove(CommandContext ctx, ParsedArgs args) {
        DomainLookup.Named d = DomainLookup.domain(ctx, args, DomainLookup.By.ID_UUID_NAME);
        boolean has;
        try {
            has = d.domain().hasManagedSaveImage();
        } catch (VirtException e) {
            throw new CommandFailure("Failed to check for domain managed save image", e);
        }
        if (!has) {
            ctx.printExtra("Domain '" + d.given() + "' has no manage save image; removal skipped");
            return;
        }
        try {
            d.domain().managedSaveRemove();
        } catch (VirtException e) {
            throw new CommandFailure("Failed to remove managed save image for domain '" + d.given() + "'", e);
        }
        ctx.printExtra("Removed managedsave image for domain '" + d.given() + "'\n");
    }

    private static void dump(CommandContext ctx, ParsedArgs args) {
        args.exclusive("live", "crash");
        args.exclusive("live", "reset");
        args.exclusive("crash", "reset");
        args.requires("format", "memory-only");
        DomainLookup.Named d = DomainLookup.domain(ctx, args, DomainLookup.By.ID_UUID_NAME);
        String to = args.string("file");
        EnumSet<DomainCoreDumpFlag> flags = EnumSet.noneOf(DomainCoreDumpFlag.class);
        for (var f : List.of(new Object[] {"live", DomainCoreDumpFlag.LIVE},
                new Object[] {"crash", DomainCoreDumpFlag.CRASH},
                new Object[] {"bypass-cache", DomainCoreDumpFlag.BYPASS_CACHE},
                new Object[] {"reset", DomainCoreDumpFlag.RESET},
                new Object[] {"memory-only", DomainCoreDumpFlag.MEMORY_ONLY})) {
            if (args.has((String) f[0])) {
                flags.add((DomainCoreDumpFlag) f[1]);
            }
        }
        DomainCoreDumpFormat format = DomainCoreDumpFormat.RAW;
        String fmt = args.string("format");
        if (fmt != null) {
            format = switch (fmt) {
                case "kdump-zlib" -> DomainCoreDumpFormat.KDUMP_ZLIB;
                case "kdump-lzo" -> DomainCoreDumpFormat.KDUMP_LZO;
                case "kdump-snappy" -> DomainCoreDumpFormat.KDUMP_SNAPPY;
                case "elf" -> DomainCoreDumpFormat.RAW;
                case "win-dmp" -> DomainCoreDumpFormat.WIN_DMP;
                default -> throw new CommandFailure("format '" + fmt + "' is not supported, expecting "
                        + "'kdump-zlib', 'kdump-lzo', 'kdump-snappy', 'win-dmp' or 'elf'");
            };
        }
        DomainCoreDumpFormat chosen = format;
        try {
            Progress.job(ctx, args, d.domain(), "Dump", () -> {
                if (fmt != null) {
                    d.domain().coreDumpWithFormat(ctx.session().resolve(to).toString(), chosen, flags);
                } else {
                    d.domain().coreDump(ctx.session().resolve(to).toString(), flags);
                }
            });
        } catch (VirtException e) {
            throw new CommandFailure("Failed to core dump domain '" + d.given() + "' to " + to, e);
        }
        ctx.printExtra("\nDomain '" + d.given() + "' dumped to " + to + "\n");
    }

    private static EnumSet<DomainSaveRestoreFlag> runningPaused(ParsedArgs args) {
        args.exclusive("running", "paused");
        EnumSet<DomainSaveRestoreFlag> flags = EnumSet.noneOf(DomainSaveRestoreFlag.class);
        if (args.has("running")) {
            flags.add(DomainSaveRestoreFlag.RUNNING);
        }
        if (args.has("paused")) {
            flags.add(DomainSaveRestoreFlag.PAUSED);
        }
        return flags;
    }

    private static Set<DomainSaveImageXMLFlag> secure(ParsedArgs args) {
        return args.has("security-info") ? EnumSet.of(DomainSaveImageXMLFlag.SECURE)
                : EnumSet.noneOf(DomainSaveImageXMLFlag.class);
    }

    /** The XML whole, or what --xpath selects of it. */
    static void printXml(CommandContext ctx, ParsedArgs args, String xml) {
        String xpath = args.definesOption("xpath") ? args.stringQuiet("xpath") : null;
        if (xpath == null) {
            ctx.print(xml);
            return;
        }
        XPathDump.print(ctx, xml, xpath, args.has("wrap"));
    }

    static long parseLong(String s) {
        return CNumbers.strtol(s).orElse(-1);
    }
}
