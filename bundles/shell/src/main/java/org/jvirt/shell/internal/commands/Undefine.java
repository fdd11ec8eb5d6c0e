package org.jvirt.shell.internal.commands;

import java.util.EnumSet;

import org.jvirt.api.Domain;
import org.jvirt.api.DomainUndefineFlag;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.shell.internal.CommandContext;
import org.jvirt.shell.internal.VirshCommand;
import org.jvirt.shell.internal.vsh.CommandDef;
import org.jvirt.shell.internal.vsh.CommandFailure;
import org.jvirt.shell.internal.vsh.ParsedArgs;
import org.jvirt.shell.internal.vsh.VirshTables;

/**
 * undefine: removes a domain's persistent configuration (a running domain goes on as transient). Removing its
 * storage volumes needs the storage API, which the platform does not have yet: asking for it fails before anything
 * is undefined.
 */
public final class Undefine implements VirshCommand {
    private static final CommandDef DEF = VirshTables.command("undefine");

    @Override
    public CommandDef definition() {
        return DEF;
    }

    @Override
    public void run(CommandContext ctx, ParsedArgs args) {
        args.requires("delete-storage-volume-snapshots", "remove-all-storage");
        args.exclusive("nvram", "keep-nvram");
        args.exclusive("tpm", "keep-tpm");
        String volumes = args.raw("storage");
        if (volumes != null && volumes.isEmpty()) {
            volumes = null;
        }
        boolean removeAllStorage = args.has("remove-all-storage");
        if (volumes == null && !removeAllStorage && args.has("wipe-storage")) {
            throw new CommandFailure("'--wipe-storage' requires '--storage <string>' or '--remove-all-storage'");
        }
        EnumSet<DomainUndefineFlag> flags = EnumSet.noneOf(DomainUndefineFlag.class);
        if (args.has("managed-save")) {
            flags.add(DomainUndefineFlag.MANAGED_SAVE);
        }
        if (args.has("snapshots-metadata")) {
            flags.add(DomainUndefineFlag.SNAPSHOTS_METADATA);
        }
        if (args.has("checkpoints-metadata")) {
            flags.add(DomainUndefineFlag.CHECKPOINTS_METADATA);
        }
        if (args.has("nvram")) {
            flags.add(DomainUndefineFlag.NVRAM);
        }
        if (args.has("keep-nvram")) {
            flags.add(DomainUndefineFlag.KEEP_NVRAM);
        }
        if (args.has("tpm")) {
            flags.add(DomainUndefineFlag.TPM);
        }
        if (args.has("keep-tpm")) {
            flags.add(DomainUndefineFlag.KEEP_TPM);
        }

        DomainLookup.Named d = DomainLookup.domain(ctx, args, DomainLookup.By.ID_UUID_NAME);
        Domain dom = d.domain();
        boolean running = dom.isActive();
        boolean hasManagedSave = false;
        if (!running) {
            try {
                hasManagedSave = dom.hasManagedSaveImage();
            } catch (VirtException e) {
                if (e.code() != ErrorCode.NO_SUPPORT) {
                    throw e;
                }
            }
        }
        // only ask the driver to remove what exists, so that drivers that do not know the flag still undefine
        if (!hasManagedSave) {
            flags.remove(DomainUndefineFlag.MANAGED_SAVE);
        }
        flags.remove(DomainUndefineFlag.SNAPSHOTS_METADATA); // the API has no snapshots yet: there are none

        if (volumes != null || removeAllStorage) {
            if (running) {
                throw new CommandFailure("Storage volume deletion is supported only on stopped domains");
            }
            if (volumes != null && removeAllStorage) {
                throw new CommandFailure("Specified both --storage and --remove-all-storage");
            }
            throw VirtException.noSupport("virStorageVolLookupByPath");
        }

        try {
            dom.undefine(flags);
        } catch (VirtException e) {
            boolean retry = !flags.contains(DomainUndefineFlag.NVRAM)
                    && (e.code() == ErrorCode.NO_SUPPORT || e.code() == ErrorCode.INVALID_ARG);
            if (!retry) {
                throw new CommandFailure("Failed to undefine domain '" + d.given() + "'", e);
            }
            // a driver without the flags: do it piece by piece, as virsh does
            if (hasManagedSave) {
                if (!args.has("managed-save")) {
                    throw new CommandFailure("Refusing to undefine while domain managed save image exists");
                }
                throw VirtException.noSupport("virDomainManagedSaveRemove");
            }
            try {
                dom.undefine();
            } catch (VirtException again) {
                throw new CommandFailure("Failed to undefine domain '" + d.given() + "'", again);
            }
        }
        ctx.printExtra("Domain '" + d.given() + "' has been undefined\n");
    }
}
