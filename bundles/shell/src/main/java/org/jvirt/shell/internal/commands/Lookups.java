package org.jvirt.shell.internal.commands;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import org.jvirt.api.Connect;
import org.jvirt.api.Interface;
import org.jvirt.api.NWFilter;
import org.jvirt.api.Network;
import org.jvirt.api.NodeDevice;
import org.jvirt.api.Secret;
import org.jvirt.api.StoragePool;
import org.jvirt.api.StorageVol;
import org.jvirt.api.VirtException;
import org.jvirt.shell.internal.CommandContext;
import org.jvirt.shell.internal.vsh.CommandFailure;
import org.jvirt.shell.internal.vsh.ParsedArgs;

/**
 * Finds the objects commands name, as virsh's virshCommandOpt*By functions do: by UUID when the word is one (36
 * characters), else by name; a miss fails with "failed to get KIND 'X'" and the lookup's own error after it.
 */
final class Lookups {
    private Lookups() {
    }

    static Network network(CommandContext ctx, ParsedArgs args, String option) {
        String given = args.string(option);
        Connect c = ctx.connection();
        return find("network", given, () -> isUuid(given) ? quiet(() -> c.networkLookupByUUIDString(given)) : null,
                () -> c.networkLookupByName(given));
    }

    static StoragePool pool(CommandContext ctx, ParsedArgs args, String option) {
        String given = args.string(option);
        Connect c = ctx.connection();
        return find("pool", given, () -> isUuid(given) ? quiet(() -> c.storagePoolLookupByUUIDString(given)) : null,
                () -> c.storagePoolLookupByName(given));
    }

    /** A volume by name in --pool, else by key, else by path (virshCommandOptVolBy). */
    static StorageVol volume(CommandContext ctx, ParsedArgs args, String option) {
        String given = args.string(option);
        String poolName = args.definesOption("pool") ? args.string("pool") : null;
        Connect c = ctx.connection();
        StorageVol vol = null;
        VirtException last = null;
        if (poolName != null) {
            StoragePool pool;
            try {
                pool = isUuid(poolName) ? quiet(() -> c.storagePoolLookupByUUIDString(poolName)) : null;
                if (pool == null) {
                    pool = c.storagePoolLookupByName(poolName);
                }
            } catch (VirtException e) {
                throw new CommandFailure("failed to get pool '" + poolName + "'", e);
            }
            try {
                vol = pool.storageVolLookupByName(given);
            } catch (VirtException e) {
                last = e;
            }
        }
        if (vol == null) {
            try {
                vol = c.storageVolLookupByKey(given);
            } catch (VirtException e) {
                last = e;
            }
        }
        if (vol == null) {
            try {
                vol = c.storageVolLookupByPath(given);
            } catch (VirtException e) {
                last = e;
            }
        }
        if (vol == null) {
            throw new CommandFailure("failed to get vol '" + given + "'", last);
        }
        return vol;
    }

    static Interface iface(CommandContext ctx, ParsedArgs args, String option) {
        String given = args.string(option);
        Connect c = ctx.connection();
        return find("interface", given, () -> given.length() == 17 && given.charAt(2) == ':'
                ? quiet(() -> c.interfaceLookupByMACString(given)) : null, () -> c.interfaceLookupByName(given));
    }

    static NodeDevice nodedev(CommandContext ctx, ParsedArgs args, String option) {
        String given = args.string(option);
        try {
            return ctx.connection().nodeDeviceLookupByName(given);
        } catch (VirtException e) {
            throw new CommandFailure("Could not find matching device '" + given + "'", e);
        }
    }

    static Secret secret(CommandContext ctx, ParsedArgs args, String option) {
        String given = args.string(option);
        try {
            return ctx.connection().secretLookupByUUIDString(given);
        } catch (VirtException e) {
            throw new CommandFailure("failed to get secret '" + given + "'", e);
        }
    }

    static NWFilter nwfilter(CommandContext ctx, ParsedArgs args, String option) {
        String given = args.string(option);
        Connect c = ctx.connection();
        return find("nwfilter", given, () -> isUuid(given) ? quiet(() -> c.nwfilterLookupByUUIDString(given)) : null,
                () -> c.nwfilterLookupByName(given));
    }

    private static <T> T find(String kind, String given, Supplier<T> byUuid, Supplier<T> byName) {
        T found = byUuid.get();
        if (found != null) {
            return found;
        }
        try {
            return byName.get();
        } catch (VirtException e) {
            throw new CommandFailure("failed to get " + kind + " '" + given + "'", e);
        }
    }

    static boolean isUuid(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length == 36;
    }

    private static <T> T quiet(Supplier<T> lookup) {
        try {
            return lookup.get();
        } catch (VirtException e) {
            return null;
        }
    }
}
