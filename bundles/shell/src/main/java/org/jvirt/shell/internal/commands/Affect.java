package org.jvirt.shell.internal.commands;

import java.util.EnumSet;
import java.util.Set;

import org.jvirt.api.DomainAffect;
import org.jvirt.api.DomainDeviceModifyFlag;
import org.jvirt.api.DomainMemoryModFlag;
import org.jvirt.api.DomainVcpuFlag;
import org.jvirt.shell.internal.vsh.ParsedArgs;

/**
 * virsh's --config, --live and --current: --current excludes the other two; none of them is libvirt's CURRENT (no
 * flag).
 */
final class Affect {
    private Affect() {
    }

    static Set<DomainAffect> of(ParsedArgs args) {
        args.exclusive("current", "live");
        args.exclusive("current", "config");
        EnumSet<DomainAffect> flags = EnumSet.noneOf(DomainAffect.class);
        if (args.has("config")) {
            flags.add(DomainAffect.CONFIG);
        }
        if (args.has("live")) {
            flags.add(DomainAffect.LIVE);
        }
        return flags;
    }

    /** The same for device changes, where --persistent means --config, and --live too on a running domain. */
    static Set<DomainDeviceModifyFlag> device(ParsedArgs args, boolean active) {
        args.exclusive("current", "live");
        args.exclusive("current", "config");
        if (args.definesOption("persistent")) {
            args.exclusive("persistent", "current");
        }
        EnumSet<DomainDeviceModifyFlag> flags = EnumSet.noneOf(DomainDeviceModifyFlag.class);
        if (args.has("config") || args.has("persistent")) {
            flags.add(DomainDeviceModifyFlag.CONFIG);
        }
        if (args.has("live") || (args.has("persistent") && active)) {
            flags.add(DomainDeviceModifyFlag.LIVE);
        }
        return flags;
    }

    static Set<DomainVcpuFlag> vcpu(ParsedArgs args) {
        EnumSet<DomainVcpuFlag> flags = EnumSet.noneOf(DomainVcpuFlag.class);
        for (DomainAffect a : of(args)) {
            flags.add(a == DomainAffect.CONFIG ? DomainVcpuFlag.CONFIG : DomainVcpuFlag.LIVE);
        }
        return flags;
    }

    static Set<DomainMemoryModFlag> memory(ParsedArgs args) {
        EnumSet<DomainMemoryModFlag> flags = EnumSet.noneOf(DomainMemoryModFlag.class);
        for (DomainAffect a : of(args)) {
            flags.add(a == DomainAffect.CONFIG ? DomainMemoryModFlag.CONFIG : DomainMemoryModFlag.LIVE);
        }
        return flags;
    }
}
