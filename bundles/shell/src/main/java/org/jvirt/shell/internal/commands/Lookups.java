package org.jvirt.shell.internal.commands;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

import org.jvirt.api.Connect;
import org.jvirt.api.Interface;
import org.jvirt.api.NWFilter;
import org.jvirt.api.NWFilterBinding;
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

    /** How virshCommandOptInterfaceBy may look an interface up. */
    enum IfaceBy { NAME, MAC, NAME_OR_MAC }

    /**
     * virshCommandOptInterfaceBy: a word that parses as a MAC address is looked up by MAC, any other by name; a
     * lookup the command does not allow finds nothing; a miss fails with "failed to get interface 'X'".
     */
    static Interface iface(CommandContext ctx, ParsedArgs args, String option, IfaceBy by) {
        String given = args.string(option);
        Connect c = ctx.connection();
        boolean mac = isMac(given);
        try {
            if (!mac && by != IfaceBy.MAC) {
                return c.interfaceLookupByName(given);
            }
            if (mac && by != IfaceBy.NAME) {
                return c.interfaceLookupByMACString(given);
            }
        } catch (VirtException e) {
            throw new CommandFailure("failed to get interface '" + given + "'", e);
        }
        throw new CommandFailure("failed to get interface '" + given + "'");
    }

    static Interface iface(CommandContext ctx, ParsedArgs args, String option) {
        return iface(ctx, args, option, IfaceBy.NAME_OR_MAC);
    }

    /** virMacAddrParse: six hexadecimal octets of one or two digits, colon separated, whitespace after. */
    static boolean isMac(String s) {
        int i = 0;
        for (int octet = 0; octet < 6; octet++) {
            int start = i;
            while (i < s.length() && Character.digit(s.charAt(i), 16) >= 0 && s.charAt(i) < 0x80) {
                i++;
            }
            if (i == start || i - start > 2) {
                return false;
            }
            if (octet == 5) {
                return i == s.length() || s.charAt(i) <= ' ';
            }
            if (i >= s.length() || s.charAt(i) != ':') {
                return false;
            }
            i++;
        }
        return false;
    }

    /**
     * vshFindNodeDevice: a name, or a "wwnn,wwpn" pair naming a SCSI host; a miss fails with "Could not find
     * matching device 'X'".
     */
    static NodeDevice nodedev(CommandContext ctx, ParsedArgs args, String option) {
        String given = args.string(option);
        Connect c = ctx.connection();
        try {
            if (given.indexOf(',') >= 0) {
                List<String> pair = ShellBuiltins.splitCommas(given);
                if (pair.size() != 2) {
                    throw new CommandFailure("Malformed device value '" + given + "'");
                }
                validateWwn(pair.get(0));
                validateWwn(pair.get(1));
                return c.nodeDeviceLookupSCSIHostByWWN(pair.get(0), pair.get(1));
            }
            return c.nodeDeviceLookupByName(given);
        } catch (VirtException e) {
            throw new CommandFailure("Could not find matching device '" + given + "'", e);
        }
    }

    /** A node device looked up by name only, as nodedev-detach, -reattach, -reset and -start do. */
    static NodeDevice nodedevByName(CommandContext ctx, ParsedArgs args, String option) {
        String given = args.string(option);
        try {
            return ctx.connection().nodeDeviceLookupByName(given);
        } catch (VirtException e) {
            throw new CommandFailure("Could not find matching device '" + given + "'", e);
        }
    }

    /** virValidateWWN: sixteen hexadecimal digits, "0x" before them allowed. */
    static void validateWwn(String wwn) {
        String digits = wwn.startsWith("0x") ? wwn.substring(2) : wwn;
        if (digits.length() != 16 || !digits.chars().allMatch(ch -> ch < 0x80 && Character.digit(ch, 16) >= 0)) {
            throw new CommandFailure(null, new VirtException(org.jvirt.api.ErrorCode.INTERNAL_ERROR,
                    org.jvirt.api.ErrorDomain.NONE, "Malformed wwn: " + wwn));
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

    static NWFilterBinding binding(CommandContext ctx, ParsedArgs args, String option) {
        String given = args.string(option);
        try {
            return ctx.connection().nwfilterBindingLookupByPortDev(given);
        } catch (VirtException e) {
            throw new CommandFailure("failed to get nwfilter binding '" + given + "'", e);
        }
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
