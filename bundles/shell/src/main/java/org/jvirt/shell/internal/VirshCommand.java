package org.jvirt.shell.internal;

import org.jvirt.shell.internal.vsh.CommandDef;
import org.jvirt.shell.internal.vsh.ParsedArgs;

/**
 * One virsh command: its definition (name, options, help) and what it does. A command fails by throwing
 * {@link org.jvirt.shell.internal.vsh.CommandFailure} or {@link org.jvirt.api.VirtException}; the runner prints
 * the error as virsh does.
 */
public interface VirshCommand {
    CommandDef definition();

    void run(CommandContext context, ParsedArgs args);
}
