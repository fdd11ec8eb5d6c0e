package org.jvirt.shell.internal.commands;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.jvirt.api.Domain;
import org.jvirt.api.DomainAffect;
import org.jvirt.api.DomainAgentResponseTimeout;
import org.jvirt.api.DomainAuthorizedSSHKeysSetFlag;
import org.jvirt.api.DomainConsoleFlag;
import org.jvirt.api.DomainDirtyRateCalcFlag;
import org.jvirt.api.DomainFSInfo;
import org.jvirt.api.DomainGuestInfoType;
import org.jvirt.api.DomainMetadataType;
import org.jvirt.api.DomainSetUserPasswordFlag;
import org.jvirt.api.DomainState;
import org.jvirt.api.DomainXMLFlag;
import org.jvirt.api.Stream;
import org.jvirt.api.StreamFlag;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.TypedParameters;
import org.jvirt.api.VirtException;
import org.jvirt.shell.internal.CommandContext;
import org.jvirt.shell.internal.TableCommand;
import org.jvirt.shell.internal.TerminalAccess;
import org.jvirt.shell.internal.VirshCommand;
import org.jvirt.shell.internal.vsh.CommandFailure;
import org.jvirt.shell.internal.vsh.ParsedArgs;
import org.jvirt.shell.internal.vsh.VshTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a domain's guest agent, metadata and displays answer, as virsh-domain.c prints it: desc, metadata, the
 * file system commands (domfsfreeze, domfsthaw, domfstrim, domfsinfo), guestinfo, guest users' keys and passwords,
 * guest-agent-timeout, launch security, domdirtyrate-calc, screenshot, domdisplay, vncdisplay, ttyconsole and
 * console.
 */
final class DomainGuestCommands {
    private static final Logger LOG = LoggerFactory.getLogger(DomainGuestCommands.class);
    /** virsh's console escape, Ctrl-]. */
    private static final int ESCAPE = 0x1d;

    private DomainGuestCommands() {
    }

    static List<VirshCommand> all() {
        return List.of(
                TableCommand.of("desc", DomainGuestCommands::desc),
                TableCommand.of("metadata", DomainGuestCommands::metadata),
                TableCommand.of("domfsfreeze", (ctx, args) -> {
                    Domain dom = DomainLookup.domain(ctx, args);
                    int n = failing("Unable to freeze filesystems", () -> dom.fsFreeze(args.argv("mountpoint")));
                    ctx.printExtra("Froze " + n + " filesystem(s)\n");
                }),
                TableCommand.of("domfsthaw", (ctx, args) -> {
                    Domain dom = DomainLookup.domain(ctx, args);
                    int n = failing("Unable to thaw filesystems", () -> dom.fsThaw(args.argv("mountpoint")));
                    ctx.printExtra("Thawed " + n + " filesystem(s)\n");
                }),
                TableCommand.of("domfstrim", (ctx, args) -> {
                    Domain dom = DomainLookup.domain(ctx, args);
                    long minimum = args.ulong("minimum").orElse(0);
                    String mountPoint = args.string("mountpoint");
                    failing("Unable to invoke fstrim", () -> {
                        dom.fsTrim(mountPoint, minimum);
                        return 0;
                    });
                }),
                TableCommand.of("domfsinfo", DomainGuestCommands::fsInfo),
                TableCommand.of("guestinfo", DomainGuestCommands::guestInfo),
                TableCommand.of("get-user-sshkeys", (ctx, args) -> {
                    Domain dom = DomainLookup.domain(ctx, args);
                    String user = args.string("user");
                    for (String key : dom.authorizedSSHKeysGet(user)) {
                        ctx.print(key.endsWith("\n") ? key : key + "\n");
                    }
                }),
                TableCommand.of("set-user-sshkeys", DomainGuestCommands::setSshKeys),
                TableCommand.of("set-user-password", (ctx, args) -> {
                    Domain dom = DomainLookup.domain(ctx, args);
                    String user = args.string("user");
                    String password = args.string("password");
                    dom.setUserPassword(user, password, args.has("encrypted")
                            ? EnumSet.of(DomainSetUserPasswordFlag.ENCRYPTED)
                            : EnumSet.noneOf(DomainSetUserPasswordFlag.class));
                    ctx.printExtra("Password set successfully for " + user + " in " + dom.getName());
                }),
                TableCommand.of("guest-agent-timeout", (ctx, args) -> {
                    Domain dom = DomainLookup.domain(ctx, args);
                    int timeout = args.integer("timeout").orElse(DomainAgentResponseTimeout.BLOCK.value());
                    dom.agentSetResponseTimeout(timeout);
                }),
                TableCommand.of("domlaunchsecinfo", (ctx, args) -> {
                    Domain dom = DomainLookup.domain(ctx, args);
                    TypedParameters params = failing("Unable to get launch security parameters",
                            dom::getLaunchSecurityInfo);
                    for (TypedParameter p : params) {
                        ctx.print(String.format("%-15s: %s%n", p.field(), CFormat.typedParameter(p)));
                    }
                }),
                TableCommand.of("domsetlaunchsecstate", DomainGuestCommands::setLaunchSecState),
                TableCommand.of("domdirtyrate-calc", DomainGuestCommands::dirtyRate),
                TableCommand.of("screenshot", DomainGuestCommands::screenshot),
                TableCommand.of("domdisplay", DomainDisplay::run),
                TableCommand.of("vncdisplay", DomainGuestCommands::vncDisplay),
                TableCommand.of("ttyconsole", (ctx, args) -> {
                    Domain dom = DomainLookup.domain(ctx, args);
                    String tty = XmlQuery.parse(dom.getXMLDesc(Set.of())).stringOrNull("/domain/devices/console/@tty");
                    if (tty == null || tty.isEmpty()) {
                        throw CommandFailure.silent();
                    }
                    ctx.print(tty + "\n");
                }),
                TableCommand.of("console", DomainGuestCommands::console));
    }

    /** A call whose failure virsh reports with its own sentence before libvirt's. */
    private static <T> T failing(String message, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (VirtException e) {
            throw new CommandFailure(message, e);
        }
    }

    private static void desc(CommandContext ctx, ParsedArgs args) {
        boolean title = args.has("title");
        boolean edit = args.has("edit");
        boolean config = args.has("config");
        Set<DomainAffect> flags = Affect.of(args);
        Domain dom = DomainLookup.domain(ctx, args);
        dom.getState();
        DomainMetadataType type = title ? DomainMetadataType.TITLE : DomainMetadataType.DESCRIPTION;
        List<String> words = args.argv("new-desc");
        String desc = words.isEmpty() ? null : String.join(" ", words);
        if (edit || desc != null) {
            if (desc == null) {
                desc = current(dom, title, config);
            }
            if (edit) {
                String edited = new Editor(ctx).editText(desc);
                if (edited == null) {
                    throw CommandFailure.silent();
                }
                // the editor's file ends with a newline that is not part of the text
                desc = edited.endsWith("\n") ? edited.substring(0, edited.length() - 1) : edited;
                if (desc.equals(current(dom, title, config))) {
                    ctx.printExtra(title ? "Domain title not changed\n" : "Domain description not changed\n");
                    return;
                }
            }
            try {
                dom.setMetadata(type, desc, null, null, flags);
            } catch (VirtException e) {
                throw new CommandFailure(title ? "Failed to set new domain title" : "Failed to set new domain description",
                        e);
            }
            ctx.printExtra(title ? "Domain title updated successfully" : "Domain description updated successfully");
        } else {
            String current = current(dom, title, config);
            if (!current.isEmpty()) {
                ctx.print(current);
            } else {
                ctx.printExtra((title ? "No title for domain: " : "No description for domain: ") + dom.getName());
            }
        }
    }

    /** virshGetDomainDescription: the title or description in the domain's XML, empty when there is none. */
    private static String current(Domain dom, boolean title, boolean config) {
        String xml = dom.getXMLDesc(config ? EnumSet.of(DomainXMLFlag.INACTIVE) : EnumSet.noneOf(DomainXMLFlag.class));
        String text = XmlQuery.parse(xml).stringOrNull(title ? "/domain/title" : "/domain/description");
        return text == null ? "" : text;
    }

    private static void metadata(CommandContext ctx, ParsedArgs args) {
        boolean edit = args.has("edit");
        boolean remove = args.has("remove");
        Set<DomainAffect> flags = Affect.of(args);
        args.exclusive("edit", "set");
        args.exclusive("remove", "set");
        args.exclusive("remove", "edit");
        Domain dom = DomainLookup.domain(ctx, args);
        String uri = args.string("uri");
        String key = args.string("key");
        String set = args.string("set");
        if ((set != null || edit) && key == null) {
            throw new CommandFailure("namespace key is required when modifying metadata");
        }
        if (set != null || remove) {
            dom.setMetadata(DomainMetadataType.ELEMENT, set, key, uri, flags);
            ctx.printExtra(remove ? "Metadata removed\n" : "Metadata modified\n");
        } else if (edit) {
            String before;
            try {
                before = dom.getMetadata(DomainMetadataType.ELEMENT, uri, flags);
            } catch (VirtException e) {
                before = "<" + key + "/>";
            }
            String edited = new Editor(ctx).editText(before + "\n");
            if (edited == null) {
                throw CommandFailure.silent();
            }
            if (edited.strip().equals(before.strip())) {
                ctx.printExtra("Metadata not changed\n");
                return;
            }
            dom.setMetadata(DomainMetadataType.ELEMENT, edited, key, uri, flags);
            ctx.printExtra("Metadata modified\n");
        } else {
            ctx.print(dom.getMetadata(DomainMetadataType.ELEMENT, uri, flags) + "\n");
        }
    }

    private static void fsInfo(CommandContext ctx, ParsedArgs args) {
        Domain dom = DomainLookup.domain(ctx, args);
        List<DomainFSInfo> info = failing("Unable to get filesystem information", dom::getFSInfo);
        if (info.isEmpty()) {
            throw new CommandFailure("No filesystems are mounted in the domain");
        }
        VshTable table = new VshTable("Mountpoint", "Name", "Type", "Target");
        for (DomainFSInfo fs : info) {
            table.addRow(fs.mountpoint(), fs.name(), fs.fstype(), String.join(",", fs.devAliases()));
        }
        ctx.print(table.render(!ctx.quiet()));
    }

    private static void guestInfo(CommandContext ctx, ParsedArgs args) {
        Domain dom = DomainLookup.domain(ctx, args);
        EnumSet<DomainGuestInfoType> types = EnumSet.noneOf(DomainGuestInfoType.class);
        String[][] options = {{"user", "USERS"}, {"os", "OS"}, {"timezone", "TIMEZONE"}, {"hostname", "HOSTNAME"},
            {"filesystem", "FILESYSTEM"}, {"disk", "DISKS"}, {"interface", "INTERFACES"}};
        for (String[] o : options) {
            if (args.has(o[0])) {
                types.add(DomainGuestInfoType.valueOf(o[1]));
            }
        }
        for (TypedParameter p : dom.getGuestInfo(types)) {
            ctx.print(String.format("%-20s: %s%n", p.field(), CFormat.typedParameter(p)));
        }
    }

    private static void setSshKeys(CommandContext ctx, ParsedArgs args) {
        Domain dom = DomainLookup.domain(ctx, args);
        String user = args.string("user");
        String file = args.string("file");
        EnumSet<DomainAuthorizedSSHKeysSetFlag> flags = EnumSet.noneOf(DomainAuthorizedSSHKeysSetFlag.class);
        if (args.has("remove")) {
            flags.add(DomainAuthorizedSSHKeysSetFlag.REMOVE);
        } else if (!args.has("reset")) {
            flags.add(DomainAuthorizedSSHKeysSetFlag.APPEND);
            if (file == null) {
                throw new CommandFailure("Option --file is required");
            }
        }
        List<String> keys = new ArrayList<>();
        if (file != null) {
            for (String line : XmlFiles.read(ctx, file).split("\n")) {
                if (!line.isEmpty()) {
                    keys.add(line);
                }
            }
        }
        dom.authorizedSSHKeysSet(user, keys, flags);
    }

    private static void setLaunchSecState(CommandContext ctx, ParsedArgs args) {
        Domain dom = DomainLookup.domain(ctx, args);
        String header = args.string("secrethdr");
        String secret = args.string("secret");
        var address = args.ulong("set-address");
        if (header == null || secret == null) {
            throw new CommandFailure("Both secret and the secret header are required");
        }
        TypedParameters.Builder params = TypedParameters.builder()
                .addString("sev-secret-header", new String(XmlFiles.readBytes(ctx, header, 64 * 1024),
                        StandardCharsets.UTF_8))
                .addString("sev-secret", new String(XmlFiles.readBytes(ctx, secret, 64 * 1024), StandardCharsets.UTF_8));
        if (address.isPresent()) {
            params.addULLong("sev-secret-set-address", address.getAsLong());
        }
        failing("Unable to set launch security state", () -> {
            dom.setLaunchSecurityState(params.build());
            return 0;
        });
    }

    private static void dirtyRate(CommandContext ctx, ParsedArgs args) {
        Domain dom = DomainLookup.domain(ctx, args);
        int seconds = args.integer("seconds").orElse(1);
        String mode = args.string("mode");
        EnumSet<DomainDirtyRateCalcFlag> flags = EnumSet.noneOf(DomainDirtyRateCalcFlag.class);
        if (mode != null) {
            switch (mode) {
                case "page-sampling" -> {
                }
                case "dirty-bitmap" -> flags.add(DomainDirtyRateCalcFlag.DIRTY_BITMAP);
                case "dirty-ring" -> flags.add(DomainDirtyRateCalcFlag.DIRTY_RING);
                default -> throw new CommandFailure("Unknown calculation mode '" + mode + "'");
            }
        }
        dom.startDirtyRateCalc(seconds, flags);
        ctx.printExtra("Start to calculate domain's memory dirty rate successfully.\n");
    }

    private static void screenshot(CommandContext ctx, ParsedArgs args) {
        Domain dom = DomainLookup.domain(ctx, args);
        String file = args.string("file");
        long screen = args.has("screen") ? args.uint("screen") : 0;
        String name = dom.getName();
        Stream st = ctx.connection().newStream(EnumSet.noneOf(StreamFlag.class));
        String mime;
        try {
            mime = dom.screenshot(st, (int) screen);
        } catch (VirtException e) {
            throw new CommandFailure("could not take a screenshot of " + name, e);
        }
        if (file == null) {
            String ext = switch (mime == null ? "" : mime) {
                case "image/x-portable-pixmap" -> ".ppm";
                case "image/png" -> ".png";
                default -> "";
            };
            file = name + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd-HH:mm:ss")) + ext;
        }
        Path path = ctx.session().resolve(file);
        OutputStream out;
        try {
            try {
                out = Files.newOutputStream(path, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW);
            } catch (FileAlreadyExistsException e) {
                out = Files.newOutputStream(path, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
            }
        } catch (IOException e) {
            st.abort();
            throw new CommandFailure("cannot create file " + file);
        }
        try (OutputStream o = out) {
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = st.recv(buf, 0, buf.length)) > 0) {
                o.write(buf, 0, n);
            }
        } catch (VirtException | IOException e) {
            LOG.debug("screenshot of {}: {}", name, e.getMessage());
            try {
                st.abort();
            } catch (VirtException ignored) {
                // the stream already failed
            }
            throw new CommandFailure("could not receive data from domain '" + name + "'");
        }
        try {
            st.finish();
        } catch (VirtException e) {
            throw new CommandFailure("cannot close stream on domain '" + name + "'", e);
        }
        ctx.printExtra("Screenshot saved to " + file + ", with type of " + mime);
    }

    private static void vncDisplay(CommandContext ctx, ParsedArgs args) {
        Domain dom = DomainLookup.domain(ctx, args);
        XmlQuery xml = XmlQuery.parse(dom.getXMLDesc(Set.of()));
        String port = xml.stringOrNull("/domain/devices/graphics[@type='vnc']/@port");
        int p;
        try {
            p = port == null ? -1 : Integer.parseInt(port.trim());
        } catch (NumberFormatException e) {
            p = -1;
        }
        if (p <= 0) {
            throw new CommandFailure("Failed to get VNC port. Is this domain using VNC?");
        }
        if (!dom.isActive()) {
            throw new CommandFailure("Domain is not running");
        }
        String listen = xml.stringOrNull("/domain/devices/graphics[@type='vnc']/@listen");
        if (listen == null || listen.isEmpty()) {
            listen = xml.stringOrNull("/domain/devices/graphics[@type='vnc']/listen[@type='address']/@address");
        }
        if (listen == null || listen.isEmpty() || listen.equals("0.0.0.0")) {
            ctx.print(":" + (p - 5900) + "\n");
        } else {
            ctx.print(listen + ":" + (p - 5900) + "\n");
        }
    }

    private static void console(CommandContext ctx, ParsedArgs args) {
        Domain dom = DomainLookup.domain(ctx, args);
        String devname = args.string("devname");
        EnumSet<DomainConsoleFlag> flags = EnumSet.noneOf(DomainConsoleFlag.class);
        if (args.has("force")) {
            flags.add(DomainConsoleFlag.FORCE);
        }
        if (args.has("safe")) {
            flags.add(DomainConsoleFlag.SAFE);
        }
        DomainState state;
        try {
            state = dom.getState().state();
        } catch (VirtException e) {
            throw new CommandFailure("Unable to get domain status", e);
        }
        if (state == DomainState.SHUTOFF) {
            throw new CommandFailure("The domain is not running");
        }
        TerminalAccess terminal = ctx.session().terminalAccess();
        if (!ctx.session().terminal() || terminal == null) {
            throw new CommandFailure("Cannot run interactive console without a controlling TTY");
        }
        ctx.printExtra("Connected to domain '" + dom.getName() + "'\n");
        ctx.printExtra("Escape character is ^] (Ctrl + ])\n");
        Stream st = ctx.connection().newStream(EnumSet.noneOf(StreamFlag.class));
        dom.openConsole(devname, st, flags);
        pump(ctx, st, terminal);
    }

    /** The guest's output to the screen on a thread of its own; the keys to the guest until Ctrl-]. */
    private static void pump(CommandContext ctx, Stream st, TerminalAccess terminal) {
        try (AutoCloseable raw = terminal.raw()) {
            OutputStream screen = terminal.output();
            Thread reader = new Thread(() -> {
                byte[] buf = new byte[4096];
                try {
                    int n;
                    while ((n = st.recv(buf, 0, buf.length)) > 0) {
                        screen.write(buf, 0, n);
                        screen.flush();
                    }
                } catch (VirtException | IOException e) {
                    LOG.debug("console stream ended: {}", e.getMessage());
                }
            }, "jvirt-shell-console");
            reader.setDaemon(true);
            reader.start();
            InputStream keys = terminal.input();
            int c;
            while ((c = keys.read()) >= 0 && c != ESCAPE && reader.isAlive()) {
                st.send(new byte[] {(byte) c}, 0, 1);
            }
            try {
                st.finish();
            } catch (VirtException e) {
                LOG.debug("closing the console stream: {}", e.getMessage());
            }
        } catch (Exception e) {
            throw new CommandFailure("console failed: " + e.getMessage());
        }
        ctx.print("\n");
    }
}
