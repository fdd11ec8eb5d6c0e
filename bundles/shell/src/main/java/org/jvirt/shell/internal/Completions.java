package org.jvirt.shell.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.jvirt.api.Connect;
import org.jvirt.api.Domain;
import org.jvirt.api.Network;
import org.jvirt.api.StoragePool;
import org.jvirt.api.StorageVol;
import org.jvirt.shell.internal.vsh.CommandDef;
import org.jvirt.shell.internal.vsh.OptionDef;
import org.jvirt.shell.internal.vsh.OptionType;
import org.jvirt.shell.internal.vsh.VshLexer;
import org.jvirt.shell.internal.vsh.VshSyntaxException;

/**
 * What may come next on a line being typed, as virsh's readline completion offers it: command names for the first
 * word; for later words, the options not given yet (an argv option may repeat), or, where a value is due, the names
 * of the objects that option takes (domains, networks, pools, volumes, interfaces, node devices...).
 */
public final class Completions {
    private final CommandCatalog catalog;

    public Completions(CommandCatalog catalog) {
        this.catalog = catalog;
    }

    /** The candidates for the last word of {@code line} (the cursor at its end), filtered by what is typed. */
    public List<String> complete(String line, Supplier<Connect> connection) {
        List<String> words = new ArrayList<>();
        boolean endsWithBlank = line.isEmpty() || line.endsWith(" ") || line.endsWith("\t");
        try {
            VshLexer lexer = new VshLexer(line);
            VshLexer.Token t;
            while ((t = lexer.next(false)) != VshLexer.Token.END) {
                if (t == VshLexer.Token.COMMAND_END) {
                    words.clear();
                } else {
                    words.add(lexer.word());
                }
            }
        } catch (VshSyntaxException e) {
            return List.of();
        }
        if (endsWithBlank) {
            words.add("");
        }
        String current = words.get(words.size() - 1);
        if (words.size() == 1) {
            return filter(commandNames(), current);
        }
        CommandDef def = catalog.find(words.get(0)).map(VirshCommand::definition).orElse(null);
        if (def == null) {
            return List.of();
        }
        // which options are given, and whether the word before the current one wants a value
        Set<String> given = new LinkedHashSet<>();
        List<OptionDef> positional = new ArrayList<>();
        def.options().stream().filter(o -> o.positional() && o.takesValue()).forEach(positional::add);
        OptionDef valueFor = null;
        for (int i = 1; i < words.size() - 1; i++) {
            String w = words.get(i);
            if (valueFor != null) {
                valueFor = null;
                continue;
            }
            if (w.startsWith("--") && w.length() > 2) {
                String name = w.substring(2);
                int eq = name.indexOf('=');
                OptionDef o = def.option(eq < 0 ? name : name.substring(0, eq)).orElse(null);
                if (o != null) {
                    given.add(o.name());
                    positional.remove(o);
                    if (o.takesValue() && eq < 0) {
                        valueFor = o;
                    }
                }
            } else if (!positional.isEmpty()) {
                OptionDef o = positional.get(0);
                given.add(o.name());
                if (o.type() != OptionType.ARGV) {
                    positional.remove(0);
                }
            }
        }
        List<String> out = new ArrayList<>();
        if (valueFor != null) {
            return filter(values(valueFor, words, connection), current);
        }
        if (!current.startsWith("-") && !positional.isEmpty()) {
            out.addAll(values(positional.get(0), words, connection));
        }
        for (OptionDef o : def.options()) {
            if (o.type() != OptionType.ALIAS && (!given.contains(o.name()) || o.type() == OptionType.ARGV)) {
                out.add("--" + o.name());
            }
        }
        return filter(out, current);
    }

    private List<String> commandNames() {
        List<String> names = new ArrayList<>();
        catalog.groups().forEach(g -> g.commands().forEach(c -> names.add(c.name())));
        return names;
    }

    /** The names an option's value may be, from the hypervisor, when it names objects. */
    private static List<String> values(OptionDef option, List<String> words, Supplier<Connect> connection) {
        try {
            Connect c = connection.get();
            return switch (option.name()) {
                case "domain" -> c.listAllDomains(Set.of()).stream().map(Domain::getName).sorted().toList();
                case "network" -> c.listAllNetworks(Set.of()).stream().map(Network::getName).sorted().toList();
                case "pool" -> c.listAllStoragePools(Set.of()).stream().map(StoragePool::getName).sorted().toList();
                case "vol" -> volumes(c, words);
                case "interface" -> words.get(0).startsWith("iface") ? c.listAllInterfaces(Set.of()).stream()
                        .map(org.jvirt.api.Interface::getName).sorted().toList() : List.of();
                case "device" -> words.get(0).startsWith("nodedev") ? c.listAllNodeDevices(Set.of()).stream()
                        .map(org.jvirt.api.NodeDevice::getName).sorted().toList() : List.of();
                case "secret" -> c.listAllSecrets(Set.of()).stream().map(org.jvirt.api.Secret::getUUIDString)
                        .sorted().toList();
                case "nwfilter" -> c.listAllNWFilters().stream().map(org.jvirt.api.NWFilter::getName).sorted()
                        .toList();
                default -> List.of();
            };
        } catch (RuntimeException e) {
            // completion offers what it can; a hypervisor that cannot list offers nothing
            return List.of();
        }
    }

    private static List<String> volumes(Connect c, List<String> words) {
        int i = words.indexOf("--pool");
        if (i < 0 || i + 1 >= words.size()) {
            return List.of();
        }
        return c.storagePoolLookupByName(words.get(i + 1)).listAllVolumes().stream().map(StorageVol::getName)
                .sorted().toList();
    }

    private static List<String> filter(List<String> all, String prefix) {
        return all.stream().filter(s -> s.startsWith(prefix)).distinct().toList();
    }
}
