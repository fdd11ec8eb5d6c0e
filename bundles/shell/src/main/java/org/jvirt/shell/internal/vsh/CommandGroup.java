package org.jvirt.shell.internal.vsh;

import java.util.List;

/** A group of commands in the global help, as vshCmdGrp: its title, its help keyword and its commands in order. */
public record CommandGroup(String name, String keyword, List<CommandDef> commands) {
    public CommandGroup {
        commands = List.copyOf(commands);
    }
}
