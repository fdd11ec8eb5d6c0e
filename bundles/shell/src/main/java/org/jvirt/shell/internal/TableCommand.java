package org.jvirt.shell.internal;

import org.jvirt.shell.internal.vsh.CommandDef;
import org.jvirt.shell.internal.vsh.ParsedArgs;
import org.jvirt.shell.internal.vsh.VirshTables;

/** A command defined by virsh's tables and run by a body: how families of small commands are written. */
public record TableCommand(CommandDef definition, Body body) implements VirshCommand {
    /** What a command does once parsed. */
    @FunctionalInterface
    public interface Body {
        void run(CommandContext ctx, ParsedArgs args);
    }

    /** virsh's command {@code name} doing {@code body}. */
    public static TableCommand of(String name, Body body) {
        return new TableCommand(VirshTables.command(name), body);
    }

    @Override
    public void run(CommandContext ctx, ParsedArgs args) {
        body.run(ctx, args);
    }
}
