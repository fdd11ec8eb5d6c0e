package org.jvirt.shell.internal.commands;

import java.util.EnumSet;

import org.jvirt.api.Domain;
import org.jvirt.api.DomainCreateFlag;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.shell.internal.CommandContext;
import org.jvirt.shell.internal.VirshCommand;
import org.jvirt.shell.internal.vsh.CNumbers;
import org.jvirt.shell.internal.vsh.CommandDef;
import org.jvirt.shell.internal.vsh.CommandFailure;
import org.jvirt.shell.internal.vsh.OptionDef;
import org.jvirt.shell.internal.vsh.ParsedArgs;

/** start: boots a defined, inactive domain. */
public final class Start implements VirshCommand {
    private static final CommandDef DEF = CommandDef.named("start")
            .help("start a (previously defined) inactive domain")
            .description("Start a domain, either from the last managedsave\n    state, or via a fresh boot if no "
                    + "managedsave state\n    is present.")
            .option(CommonOptions.domain("name of the inactive domain"))
            .option(OptionDef.bool("console", "attach to console after creation"))
            .option(OptionDef.bool("paused", "leave the guest paused after creation"))
            .option(OptionDef.bool("autodestroy", "automatically destroy the guest when virsh disconnects"))
            .option(OptionDef.bool("bypass-cache", "avoid file system cache when loading"))
            .option(OptionDef.bool("force-boot", "force fresh boot by discarding any managed save"))
            .option(OptionDef.string("pass-fds", "pass file descriptors N,M,... to the guest"))
            .option(OptionDef.bool("reset-nvram", "re-initialize NVRAM from its pristine template"))
            .build();

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
        boolean passFds = false;
        String fds = args.raw("pass-fds");
        if (fds != null && !fds.isEmpty()) {
            for (String fd : fds.split(",", -1)) {
                if (CNumbers.strtoi(fd).isEmpty()) {
                    throw new CommandFailure("Unable to parse FD number '" + fd + "'");
                }
            }
            passFds = true;
        }
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
                    // handing descriptors to a guest needs an API the platform does not have yet
                    throw VirtException.noSupport("virDomainCreateWithFiles");
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
