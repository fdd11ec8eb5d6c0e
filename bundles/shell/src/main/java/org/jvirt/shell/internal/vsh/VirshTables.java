package org.jvirt.shell.internal.vsh;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * virsh 9.0's command tables: its help groups, each command's one-line help and description, and each option's
 * name, kind, whether it is required, whether bare words fill it, and its help. They are read from
 * {@code virsh-9.0.tables}, written by {@code tools/virsh-tables.py} from virsh's own help and parse trace, and
 * {@code virsh-9.0.extras}, which adds what virsh does not show (aliases, options that accept an empty value).
 * Hidden commands ({@code complete}) have a definition but are in no group.
 */
public final class VirshTables {
    /** A help group: its title, its keyword and the names of its commands, in virsh's order. */
    public record Group(String name, String keyword, List<String> commands) {
    }

    private static final VirshTables INSTANCE = load();

    private final Map<String, CommandDef> commands;
    private final List<Group> groups;

    private VirshTables(Map<String, CommandDef> commands, List<Group> groups) {
        this.commands = Collections.unmodifiableMap(commands);
        this.groups = List.copyOf(groups);
    }

    public static VirshTables get() {
        return INSTANCE;
    }

    /** virsh's definition of {@code name}. */
    public static CommandDef command(String name) {
        CommandDef def = INSTANCE.commands.get(name);
        if (def == null) {
            throw new NoSuchElementException("virsh 9.0 has no command " + name);
        }
        return def;
    }

    public Map<String, CommandDef> commands() {
        return commands;
    }

    public List<Group> groups() {
        return groups;
    }

    private static VirshTables load() {
        Map<String, List<String[]>> extras = new LinkedHashMap<>();
        for (String[] f : lines("virsh-9.0.extras")) {
            extras.computeIfAbsent(f[0], k -> new ArrayList<>()).add(f);
        }
        Map<String, CommandDef> commands = new LinkedHashMap<>();
        List<Group> groups = new ArrayList<>();
        String[] pending = null;
        List<OptionDef> options = new ArrayList<>();
        for (String[] f : lines("virsh-9.0.tables")) {
            switch (f[0]) {
                case "G" -> {
                    finish(pending, options, extras, commands);
                    pending = null;
                    groups.add(new Group(f[1], f[2], new ArrayList<>()));
                }
                case "C", "H" -> {
                    finish(pending, options, extras, commands);
                    pending = f;
                    options = new ArrayList<>();
                    if (f[0].equals("C")) {
                        groups.get(groups.size() - 1).commands().add(f[1]);
                    }
                }
                case "O" -> options.add(option(f));
                default -> throw new IllegalStateException("bad line in virsh-9.0.tables: " + String.join("\t", f));
            }
        }
        finish(pending, options, extras, commands);
        List<Group> frozen = groups.stream().map(g -> new Group(g.name(), g.keyword(), List.copyOf(g.commands())))
                .toList();
        return new VirshTables(commands, frozen);
    }

    private static OptionDef option(String[] f) {
        List<String> flags = f[3].isEmpty() ? List.of() : List.of(f[3].split(","));
        OptionType type = switch (f[2]) {
            case "bool" -> OptionType.BOOL;
            case "int" -> OptionType.INT;
            case "string" -> OptionType.STRING;
            case "data" -> OptionType.DATA;
            case "argv" -> OptionType.ARGV;
            default -> throw new IllegalStateException("unknown option kind " + f[2]);
        };
        return new OptionDef(f[1], type, flags.contains("required"), flags.contains("positional"), false,
                f.length > 4 ? f[4] : "", null);
    }

    private static void finish(String[] c, List<OptionDef> options, Map<String, List<String[]>> extras,
            Map<String, CommandDef> out) {
        if (c == null) {
            return;
        }
        List<OptionDef> all = new ArrayList<>();
        boolean noConnect = false;
        for (String[] e : extras.getOrDefault(c[1], List.of())) {
            switch (e[1]) {
                case "alias" -> all.add(OptionDef.alias(e[2], e[3]));
                case "empty-ok" -> options.replaceAll(o -> o.name().equals(e[2]) ? o.allowingEmpty() : o);
                case "no-connect" -> noConnect = true;
                case "option" -> options.add(option(new String[] {"O", e[2], e[3], "", e[4]}));
                default -> throw new IllegalStateException("unknown extra " + e[1]);
            }
        }
        all.addAll(options);
        out.put(c[1], new CommandDef(c[1], c[2], c.length > 3 ? c[3] : "", all, !noConnect));
    }

    private static List<String[]> lines(String resource) {
        List<String[]> out = new ArrayList<>();
        try (InputStream in = VirshTables.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                for (int i = 0; i < f.length; i++) {
                    f[i] = unescape(f[i]);
                }
                out.add(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(n == 'n' ? '\n' : n == 't' ? '\t' : n);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
