package org.jvirt.shell.internal.commands;

import java.util.EnumSet;

import org.jvirt.api.Domain;
import org.jvirt.api.DomainCreateFlag;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.shell.internal.CommandContext;
import org.jvirt.shell.internal.VirshCommand;
import org.jvirt.shell.internal.vsh.CommandDef;
import org.jvirt.shell.internal.vsh.CommandFailure;
import org.jvirt.shell.internal.vsh.ParsedArgs;
import org.jvirt.shell.internal.vsh.VirshTables;

/** start: boots a defined, inactive domain. */
public final class Start implements VirshCommand {
    private static final CommandDef DEF = VirshTables.command("start");

    @Override
    public CommandDef definition() {
        return DEF;
    }

    @Override
    public void run(CommandContext ctx, ParsedArgs args) {
        // an inactive domain has no id, so virsh does not look for one
        Domain dom = DomainLookup.domain(ctx, args, DomainLookup.By.UUID_NAME).domain();
        if (dom.getID() != -1) {
            throw new CommandFailure("Domain is already active");
        }
        int[] fds = PassedFiles.numbers(args.raw("pass-fds"));
        boolean passFds = fds != null;
        EnumSet<DomainCreateFlag> flags = EnumSet.noneOf(DomainCreateFlag.class);
        if (args.has("paused")) {
            flags.add(DomainCreateFlag.START_PAUSED);
        }
        if (args.has("autodestroy")) {
            flags.add(DomainCreateFlag.START_AUTODESTROY);
        }
        if (args.has("bypass-cache")) {
            flags.add(DomainCreateFlag.START_BYPASS_CACHE);
        }
        if (args.has("force-boot")) {
            flags.add(DomainCreateFlag.START_FORCE_BOOT);
        }
        if (args.has("reset-nvram")) {
            flags.add(DomainCreateFlag.START_RESET_NVRAM);
        }
        boolean started = false;
        if (flags.contains(DomainCreateFlag.START_FORCE_BOOT) && !passFds) {
            try {
                dom.create(flags);
                started = true;
            } catch (VirtException e) {
                if (e.code() != ErrorCode.NO_SUPPORT && e.code() != ErrorCode.INVALID_ARG) {
                    throw e;
                }
                // a driver without force-boot: drop the managed save image by hand, then boot without the flag
                if (hasManagedSave(dom)) {
                    throw VirtException.noSupport("virDomainManagedSaveRemove");
                }
                flags.remove(DomainCreateFlag.START_FORCE_BOOT);
            }
        }
        if (!started) {
            try {
                if (passFds) {
                    try (PassedFiles files = PassedFiles.open(fds)) {
                        dom.createWithFiles(files.descriptors(), flags);
                    }
                } else if (flags.isEmpty()) {
                    dom.create();
                } else {
                    dom.create(flags);
                }
            } catch (VirtException e) {
                throw new CommandFailure("Failed to start domain '" + dom.getName() + "'", e);
            }
        }
        ctx.printExtra("Domain '" + dom.getName() + "' started\n");
        if (args.has("console")) {
            throw VirtException.noSupport("virDomainOpenConsole");
        }
    }

    private static boolean hasManagedSave(Domain dom) {
        try {
            return dom.hasManagedSaveImage();
        } catch (VirtException e) {
            return false;
        }
    }
}
