package org.jvirt.shell.internal.commands;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jvirt.shell.internal.CommandContext;
import org.jvirt.shell.internal.TableCommand;
import org.jvirt.shell.internal.VirshCommand;
import org.jvirt.shell.internal.vsh.CommandFailure;
import org.jvirt.shell.internal.vsh.ParsedArgs;

/** The shell's own commands that need no hypervisor: echo, cd and pwd. */
final class ShellBuiltins {
    /** The characters that make virsh quote a word for a shell (virBufferEscapeShell). */
    private static final String SHELL_META = "\r\t\n !\"#$&'()*;<>?[\\]^`{|}~";

    private ShellBuiltins() {
    }

    static List<VirshCommand> all() {
        return List.of(TableCommand.of("cd", ShellBuiltins::cd), TableCommand.of("echo", ShellBuiltins::echo),
                TableCommand.of("pwd", (ctx, args) -> ctx.print(ctx.session().directory() + "\n")));
    }

    /** echo: the words, escaped for a shell or for XML, or split at commas; on stderr as an error with --err. */
    static void echo(CommandContext ctx, ParsedArgs args) {
        args.exclusive("shell", "xml");
        args.exclusive("shell", "split");
        args.exclusive("xml", "split");
        boolean shell = args.has("shell");
        boolean xml = args.has("xml");
        boolean split = args.has("split");
        StringBuilder out = new StringBuilder();
        for (String word : args.argv("string")) {
            if (xml) {
                out.append(Escapes.xml(word));
            } else if (shell) {
                out.append(shellQuote(word));
            } else if (split) {
                for (String part : splitCommas(word)) {
                    out.append(part).append('\n');
                }
            } else {
                out.append(word);
            }
            out.append(' ');
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == ' ') {
            end--;
        }
        if (end == 0) {
            return;
        }
        String text = out.substring(0, end);
        if (args.has("err")) {
            ctx.error(text);
        } else {
            ctx.print(text);
        }
    }

    static String shellQuote(String word) {
        boolean plain = !word.isEmpty();
        for (int i = 0; plain && i < word.length(); i++) {
            plain = SHELL_META.indexOf(word.charAt(i)) < 0;
        }
        return plain ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    /** vshStringToArray: parts between commas, where two commas stand for one. */
    static List<String> splitCommas(String s) {
        List<String> parts = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ',' && i + 1 < s.length() && s.charAt(i + 1) == ',') {
                b.append(',');
                i++;
            } else if (c == ',') {
                parts.add(b.toString());
                b.setLength(0);
            } else {
                b.append(c);
            }
        }
        parts.add(b.toString());
        return parts;
    }

    /** cd: the session's directory, which relative file names start from; only at a prompt, as in virsh. */
    static void cd(CommandContext ctx, ParsedArgs args) {
        if (!ctx.session().interactive()) {
            throw new CommandFailure("cd: command valid only in interactive mode");
        }
        String dir = args.stringQuiet("dir");
        if (dir == null) {
            dir = System.getProperty("user.home", "/");
        }
        Path target = ctx.session().resolve(dir);
        if (!Files.exists(target)) {
            throw new CommandFailure("cd: No such file or directory: " + dir);
        }
        if (!Files.isDirectory(target)) {
            throw new CommandFailure("cd: Not a directory: " + dir);
        }
        ctx.session().directory(target);
    }
}
