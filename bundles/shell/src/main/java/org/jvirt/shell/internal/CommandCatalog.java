package org.jvirt.shell.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jvirt.shell.internal.commands.Connect;
import org.jvirt.shell.internal.commands.Define;
import org.jvirt.shell.internal.commands.Destroy;
import org.jvirt.shell.internal.commands.Dominfo;
import org.jvirt.shell.internal.commands.Domstate;
import org.jvirt.shell.internal.commands.Drivers;
import org.jvirt.shell.internal.commands.Dumpxml;
import org.jvirt.shell.internal.commands.Help;
import org.jvirt.shell.internal.commands.Hostname;
import org.jvirt.shell.internal.commands.ListDomains;
import org.jvirt.shell.internal.commands.Nodeinfo;
import org.jvirt.shell.internal.commands.Quit;
import org.jvirt.shell.internal.commands.Reboot;
import org.jvirt.shell.internal.commands.Resume;
import org.jvirt.shell.internal.commands.Shutdown;
import org.jvirt.shell.internal.commands.Start;
import org.jvirt.shell.internal.commands.Suspend;
import org.jvirt.shell.internal.commands.Undefine;
import org.jvirt.shell.internal.commands.Uri;
import org.jvirt.shell.internal.commands.Version;
import org.jvirt.shell.internal.commands.XmlFormat;
import org.jvirt.shell.internal.commands.XmlValidate;
import org.jvirt.shell.internal.vsh.CommandDef;
import org.jvirt.shell.internal.vsh.CommandGroup;

/**
 * Every command of the shell, grouped as virsh's help groups them. A new command is one class and one line here.
 */
public final class CommandCatalog {
    /** Commands that only mean something in the console; they are not published as Gogo services. */
    public static final List<String> CONSOLE_ONLY = List.of("quit", "exit");

    private final Map<String, VirshCommand> byName = new LinkedHashMap<>();
    private final List<Group> groups = new ArrayList<>();

    private record Group(String name, String keyword, List<VirshCommand> commands) {
    }

    private CommandCatalog() {
    }

    /** The standard set. */
    public static CommandCatalog standard() {
        CommandCatalog c = new CommandCatalog();
        c.group("Domain Management", "domain", List.of(new Define(), new Destroy(), new Dumpxml(), new Reboot(),
                new Resume(), new Shutdown(), new Start(), new Suspend(), new Undefine()));
        c.group("Domain Monitoring", "monitor", List.of(new Dominfo(), new Domstate(), new ListDomains()));
        c.group("Host and Hypervisor", "host", List.of(new Hostname(), new Nodeinfo(), new Uri(), new Version()));
        c.group("Jvirt itself", "jvirt", List.of(new Quit("exit"), new Help(c::groups), new Quit("quit"),
                new Connect(), new Drivers()));
        c.group("XML documents", "xml", List.of(new XmlFormat(), new XmlValidate()));
        return c;
    }

    private void group(String name, String keyword, List<VirshCommand> commands) {
        for (VirshCommand command : commands) {
            if (byName.putIfAbsent(command.definition().name(), command) != null) {
                throw new IllegalStateException("two commands named " + command.definition().name());
            }
        }
        groups.add(new Group(name, keyword, commands));
    }

    public Optional<VirshCommand> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public List<VirshCommand> all() {
        return List.copyOf(byName.values());
    }

    /** The groups, for help. */
    public List<CommandGroup> groups() {
        List<CommandGroup> out = new ArrayList<>();
        for (Group g : groups) {
            List<CommandDef> defs = g.commands().stream().map(VirshCommand::definition).toList();
            out.add(new CommandGroup(g.name(), g.keyword(), defs));
        }
        return out;
    }
}
