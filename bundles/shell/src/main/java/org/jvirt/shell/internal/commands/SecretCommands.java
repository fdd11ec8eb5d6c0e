package org.jvirt.shell.internal.commands;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;

import org.jvirt.api.Connect;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ListSecretsFlag;
import org.jvirt.api.Secret;
import org.jvirt.api.SecretDefineFlag;
import org.jvirt.api.SecretUsageType;
import org.jvirt.api.VirtException;
import org.jvirt.shell.internal.CommandContext;
import org.jvirt.shell.internal.TableCommand;
import org.jvirt.shell.internal.TerminalAccess;
import org.jvirt.shell.internal.VirshCommand;
import org.jvirt.shell.internal.vsh.CommandFailure;
import org.jvirt.shell.internal.vsh.ParsedArgs;
import org.jvirt.shell.internal.vsh.VshTable;

/**
 * Secrets, as virsh's virsh-secret.c: secret-define, -dumpxml, -set-value, -get-value, -undefine, -list
 * (secret-event is with the other event commands).
 */
final class SecretCommands {
    /** A value read from a file is at most this long, as virsh reads it. */
    private static final int MAX_VALUE_FILE = 1024;

    private SecretCommands() {
    }

    static List<VirshCommand> all() {
        return List.of(
                TableCommand.of("secret-define", (ctx, args) -> {
                    String from = args.string("file");
                    EnumSet<SecretDefineFlag> flags = args.has("validate") ? EnumSet.of(SecretDefineFlag.VALIDATE)
                            : EnumSet.noneOf(SecretDefineFlag.class);
                    String xml = XmlFiles.read(ctx, from);
                    Secret s;
                    try {
                        s = ctx.connection().secretDefineXML(xml, flags);
                    } catch (VirtException e) {
                        throw new CommandFailure("Failed to set attributes from " + from, e);
                    }
                    ctx.printExtra("Secret " + s.getUUIDString() + " created\n");
                }),
                TableCommand.of("secret-dumpxml", (ctx, args) -> {
                    Secret s = Lookups.secret(ctx, args, "secret");
                    String xpath = args.stringQuiet("xpath");
                    String xml = s.getXMLDesc();
                    if (xpath == null) {
                        ctx.print(xml);
                    } else {
                        XPathDump.print(ctx, xml, xpath, args.has("wrap"));
                    }
                }),
                TableCommand.of("secret-set-value", SecretCommands::setValue),
                TableCommand.of("secret-get-value", (ctx, args) -> {
                    Secret s = Lookups.secret(ctx, args, "secret");
                    byte[] value = s.getValue();
                    try {
                        if (args.has("plain")) {
                            ctx.write(value);
                        } else {
                            ctx.print(Base64.getEncoder().encodeToString(value));
                        }
                    } finally {
                        Arrays.fill(value, (byte) 0);
                    }
                }),
                TableCommand.of("secret-undefine", (ctx, args) -> {
                    Secret s = Lookups.secret(ctx, args, "secret");
                    String uuid = args.string("secret");
                    try {
                        s.undefine();
                    } catch (VirtException e) {
                        throw new CommandFailure("Failed to delete secret " + uuid, e);
                    }
                    ctx.printExtra("Secret " + uuid + " deleted\n");
                }),
                TableCommand.of("secret-list", SecretCommands::list));
    }

    private static void setValue(CommandContext ctx, ParsedArgs args) {
        boolean plain = args.has("plain");
        boolean interactive = args.has("interactive");
        args.exclusive("file", "base64");
        args.exclusive("plain", "base64");
        args.exclusive("interactive", "base64");
        args.exclusive("interactive", "plain");
        args.exclusive("interactive", "file");
        Secret s = Lookups.secret(ctx, args, "secret");
        String base64 = args.string("base64");
        String file = args.string("file");
        byte[] value;
        if (base64 != null) {
            ctx.error("Passing secret value as command-line argument is insecure!");
            value = base64.getBytes(StandardCharsets.UTF_8);
        } else if (file != null) {
            value = XmlFiles.readBytes(ctx, file, MAX_VALUE_FILE);
        } else if (interactive) {
            ctx.print("Enter new value for secret:");
            value = readPassword(ctx);
            plain = true;
        } else {
            throw new CommandFailure("Input secret value is missing");
        }
        if (!plain) {
            // g_base64_decode skips what is not base64, as the MIME decoder does
            byte[] encoded = value;
            value = Base64.getMimeDecoder().decode(encoded);
            Arrays.fill(encoded, (byte) 0);
        }
        try {
            s.setValue(value);
        } catch (VirtException e) {
            throw new CommandFailure("Failed to set secret value", e);
        } finally {
            Arrays.fill(value, (byte) 0);
        }
        ctx.printExtra("Secret value set\n");
    }

    /** virGetPassword: a line typed without echo, on the terminal. */
    private static byte[] readPassword(CommandContext ctx) {
        TerminalAccess terminal = ctx.session().terminalAccess();
        if (terminal == null) {
            throw new CommandFailure("Failed to read secret");
        }
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try (AutoCloseable raw = terminal.raw()) {
            int c;
            while ((c = terminal.input().read()) >= 0 && c != '\r' && c != '\n') {
                line.write(c);
            }
            ctx.print("\n");
        } catch (Exception e) {
            throw new CommandFailure("Failed to read secret");
        }
        return line.toByteArray();
    }

    private static void list(CommandContext ctx, ParsedArgs args) {
        EnumSet<ListSecretsFlag> flags = EnumSet.noneOf(ListSecretsFlag.class);
        String[][] map = {{"ephemeral", "EPHEMERAL"}, {"no-ephemeral", "NO_EPHEMERAL"}, {"private", "PRIVATE"},
            {"no-private", "NO_PRIVATE"}};
        for (String[] m : map) {
            if (args.has(m[0])) {
                flags.add(ListSecretsFlag.valueOf(m[1]));
            }
        }
        List<Secret> secrets = collect(ctx.connection(), flags);
        secrets.sort(Comparator.comparing(Secret::getUUIDString, String.CASE_INSENSITIVE_ORDER));
        VshTable t = new VshTable("UUID", "Usage");
        for (Secret s : secrets) {
            SecretUsageType type = s.getUsageType();
            t.addRow(s.getUUIDString(), type == SecretUsageType.NONE ? "Unused"
                    : type.name().toLowerCase(java.util.Locale.ROOT) + " " + s.getUsageID());
        }
        ctx.print(t.render(!ctx.quiet()));
    }

    /** virshSecretListCollect: the new call, else the old one, which cannot filter. */
    private static List<Secret> collect(Connect c, EnumSet<ListSecretsFlag> flags) {
        try {
            return new ArrayList<>(c.listAllSecrets(flags));
        } catch (VirtException e) {
            if (e.code() != ErrorCode.NO_SUPPORT) {
                throw new CommandFailure("Failed to list node secrets", e);
            }
        }
        if (!flags.isEmpty()) {
            throw new CommandFailure("Filtering is not supported by this libvirt");
        }
        List<String> uuids;
        try {
            if (c.numOfSecrets() == 0) {
                return new ArrayList<>();
            }
        } catch (VirtException e) {
            throw new CommandFailure("Failed to count secrets", e);
        }
        try {
            uuids = c.listSecrets();
        } catch (VirtException e) {
            throw new CommandFailure("Failed to list secrets", e);
        }
        List<Secret> out = new ArrayList<>();
        for (String u : uuids) {
            try {
                out.add(c.secretLookupByUUIDString(u));
            } catch (VirtException e) {
                // gone meanwhile
            }
        }
        return out;
    }

}
