package org.jvirt.shell.internal.commands;

import java.util.List;

import org.jvirt.shell.internal.CommandContext;
import org.jvirt.shell.internal.Completions;
import org.jvirt.shell.internal.VirshCommand;
import org.jvirt.shell.internal.vsh.CommandDef;
import org.jvirt.shell.internal.vsh.ParsedArgs;
import org.jvirt.shell.internal.vsh.VirshTables;

/** complete (hidden, as in virsh): the completions of a partial line given as words, one per line. */
final class Complete implements VirshCommand {
    private final Completions completions;

    Complete(Completions completions) {
        this.completions = completions;
    }

    @Override
    public CommandDef definition() {
        return VirshTables.command("complete");
    }

    @Override
    public void run(CommandContext ctx, ParsedArgs args) {
        List<String> words = args.argv("string");
        String line = String.join(" ", words);
        for (String c : completions.complete(line, ctx::connection)) {
            ctx.print(c + "\n");
        }
    }
}
