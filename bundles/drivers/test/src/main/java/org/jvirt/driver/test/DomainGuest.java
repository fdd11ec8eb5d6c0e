package org.jvirt.driver.test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.DomainBlockInfo;
import org.jvirt.api.DomainBlockStats;
import org.jvirt.api.DomainControlInfo;
import org.jvirt.api.DomainControlState;
import org.jvirt.api.DomainDiskError;
import org.jvirt.api.DomainDiskErrorCode;
import org.jvirt.api.DomainFSInfo;
import org.jvirt.api.DomainIPAddress;
import org.jvirt.api.DomainInterface;
import org.jvirt.api.DomainInterfaceStats;
import org.jvirt.api.DomainLifecycle;
import org.jvirt.api.DomainLifecycleAction;
import org.jvirt.api.DomainMemoryStat;
import org.jvirt.api.DomainMemoryStatTag;
import org.jvirt.api.DomainState;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.IPAddrType;
import org.jvirt.api.TypedParamFields;
import org.jvirt.api.TypedParameters;
import org.jvirt.api.VirtException;
import org.jvirt.conf.domain.DiskDef;
import org.jvirt.conf.domain.DomainDef;
import org.jvirt.conf.domain.NetDef;

/** What the test driver fakes of a guest and its devices: clock, file systems, statistics, addresses. */
final class DomainGuest {
    /** The guest clock a test domain starts with, and the last update of its memory statistics. */
    static final long EPOCH_SECONDS = 627319920;
    static final long TOTAL_CPUTIME = 48772617035L;

    private DomainGuest() {
    }

    static void checkActive(TestDomainObj o) {
        if (!o.isActive()) {
            throw Errors.notRunning();
        }
    }

    // ---- clock and control channel

    static Instant time(TestDomainObj o) {
        if (o.state != DomainState.RUNNING) {
            throw Errors.invalid("domain is not running");
        }
        return Instant.ofEpochSecond(o.seconds, o.nseconds);
    }

    static void setTime(TestDomainObj o, long seconds, int nanos) {
        checkActive(o);
        o.seconds = seconds;
        o.nseconds = nanos;
    }

    /** The test driver reads a fake state from the guest clock's seconds, as libvirt's does. */
    static DomainControlInfo controlInfo(TestDomainObj o) {
        checkActive(o);
        long s = o.seconds;
        if (s > 0 && s < 10000) {
            return new DomainControlInfo(DomainControlState.JOB, 0, s);
        } else if (s >= 10000 && s < 30000) {
            return new DomainControlInfo(DomainControlState.OCCUPIED, 0, s - 10000);
        } else if (s >= 30000 && s < 60000) {
            return new DomainControlInfo(DomainControlState.ERROR, (int) (s % 4), s - 30000);
        }
        return new DomainControlInfo(DomainControlState.OK, 0, 0);
    }

    // ---- file systems: the guest has "/" and "/boot"

    private static int mount(String m) {
        return switch (m) {
            case "/" -> 0;
            case "/boot" -> 1;
            default -> throw Errors.invalid("mount point not found: " + m);
        };
    }

    static int freeze(TestDomainObj o, List<String> mounts, boolean freeze) {
        checkActive(o);
        if (mounts == null || mounts.isEmpty()) {
            int changed = (o.frozen[0] != freeze ? 1 : 0) + (o.frozen[1] != freeze ? 1 : 0);
            o.frozen[0] = freeze;
            o.frozen[1] = freeze;
            return changed;
        }
        boolean[] next = o.frozen.clone();
        int changed = 0;
        for (String m : mounts) {
            int i = mount(m);
            if (next[i] != freeze) {
                next[i] = freeze;
                changed++;
            }
        }
        o.frozen[0] = next[0];
        o.frozen[1] = next[1];
        return changed;
    }

    static void fsTrim(TestDomainObj o, String mountPoint) {
        checkActive(o);
        if (mountPoint != null) {
            mount(mountPoint);
        }
    }

    static List<DomainFSInfo> fsInfo(TestDomainObj o) {
        checkActive(o);
        for (DiskDef d : o.def.devices().disks) {
            if (d.device == null || "disk".equals(d.device)) {
                String name = d.target.dev;
                return List.of(new DomainFSInfo("/", name + "1", "ext4", List.of(name)),
                        new DomainFSInfo("/boot", name + "2", "ext4", List.of(name)));
            }
        }
        return List.of();
    }

    static List<DomainDiskError> diskErrors(TestDomainObj o) {
        checkActive(o);
        List<DomainDiskError> out = new ArrayList<>();
        List<DiskDef> disks = o.def.devices().disks;
        for (int i = 0; i < disks.size(); i++) {
            // the codes cycle through the errors other than NONE
            out.add(new DomainDiskError(disks.get(i).target.dev, DomainDiskErrorCode.fromValue(i % 2 + 1)));
        }
        return out;
    }

    // ---- statistics

    static List<TypedParameters> cpuStats(TestDomainObj o, int start, int ncpus, int totalCpus) {
        checkActive(o);
        if (start == -1) {
            return List.of(TypedParameters.builder()
                    .addULLong(TypedParamFields.DOMAIN_CPU_STATS_CPUTIME, TOTAL_CPUTIME)
                    .addULLong(TypedParamFields.DOMAIN_CPU_STATS_USERTIME, 5540000000L)
                    .addULLong(TypedParamFields.DOMAIN_CPU_STATS_SYSTEMTIME, 6460000000L).build());
        }
        if (start >= totalCpus) {
            throw Errors.invalidArg("start_cpu " + start + " larger than maximum of " + (totalCpus - 1));
        }
        long perCpu = TOTAL_CPUTIME / totalCpus;
        List<TypedParameters> out = new ArrayList<>();
        for (int i = start; i < Math.min(totalCpus, start + ncpus); i++) {
            out.add(TypedParameters.builder().addULLong(TypedParamFields.DOMAIN_CPU_STATS_CPUTIME, perCpu + i)
                    .addULLong(TypedParamFields.DOMAIN_CPU_STATS_VCPUTIME, perCpu + i - 1234567890).build());
        }
        return out;
    }

    static List<DomainMemoryStat> memoryStats(TestDomainObj o) {
        checkActive(o);
        long cur = o.def.currentMemoryKiB();
        List<DomainMemoryStat> out = new ArrayList<>();
        var b = o.def.devices().memballoon;
        if (b == null || "none".equals(b.model)) {
            return out;
        }
        Object[][] stats = {{DomainMemoryStatTag.ACTUAL_BALLOON, cur}, {DomainMemoryStatTag.SWAP_IN, 0L},
            {DomainMemoryStatTag.SWAP_OUT, 0L}, {DomainMemoryStatTag.MAJOR_FAULT, 0L},
            {DomainMemoryStatTag.MINOR_FAULT, 0L}, {DomainMemoryStatTag.UNUSED, cur / 2},
            {DomainMemoryStatTag.AVAILABLE, cur}, {DomainMemoryStatTag.USABLE, cur / 2},
            {DomainMemoryStatTag.LAST_UPDATE, EPOCH_SECONDS}, {DomainMemoryStatTag.DISK_CACHES, cur / 8},
            {DomainMemoryStatTag.HUGETLB_PGALLOC, 0L}, {DomainMemoryStatTag.HUGETLB_PGFAIL, 0L},
            {DomainMemoryStatTag.RSS, cur / 2}};
        for (Object[] s : stats) {
            out.add(new DomainMemoryStat((DomainMemoryStatTag) s[0], (Long) s[1]));
        }
        return out;
    }

    static DomainBlockStats blockStats(TestDomainObj o, String path) {
        if (path.isEmpty()) {
            throw Errors.unsupported("summary statistics are not supported yet");
        }
        checkActive(o);
        if (DomainTuning.disk(o.def, path, false) == null) {
            throw Errors.invalidArg("invalid path: " + path);
        }
        long base = System.currentTimeMillis() * 1000;
        return new DomainBlockStats(base / 10, base / 20, base / 30, base / 40, base / 2000000);
    }

    static DomainInterfaceStats interfaceStats(TestDomainObj o, String device) {
        checkActive(o);
        DomainTuning.net(o.def, device);
        long base = System.currentTimeMillis() * 1000;
        return new DomainInterfaceStats(base / 10, base / 100, base / 1000000, base / 2000000, base / 20,
                base / 110, base / 3000000, base / 4000000);
    }

    static DomainBlockInfo blockInfo(TestDomainObj o, String path) {
        DiskDef d = DomainTuning.disk(o.def, path, true);
        if (d == null) {
            throw Errors.invalidArg("invalid path " + path + " not assigned to domain");
        }
        if (d.source == null || d.source.file == null && d.source.dev == null && d.source.name == null
                && d.source.dir == null && d.source.volume == null) {
            throw Errors.invalidArg("disk '" + path + "' does not currently have a source assigned");
        }
        return new DomainBlockInfo(1099506450432L, 1099511627776L, 1099511627776L);
    }

    /** Addresses from the interface's network's first DHCP address, else 192.168.0.N. */
    static List<DomainInterface> interfaceAddresses(TestDomainObj o, int source, TestState state) {
        if (source < 0 || source > 2) {
            throw Errors.argUnsupported("Unknown IP address data source " + source);
        }
        checkActive(o);
        List<DomainInterface> out = new ArrayList<>();
        List<NetDef> nets = o.def.devices().interfaces;
        for (int i = 0; i < nets.size(); i++) {
            NetDef n = nets.get(i);
            String mac = n.mac == null ? null : n.mac.address;
            String name = n.target == null ? null : n.target.dev;
            DomainIPAddress addr;
            if ("network".equals(n.type)) {
                long offset = 20L * (o.def.id - 1) + i + 1;
                addr = NetworkAddress.of(state, n.source == null ? null : n.source.network, offset);
            } else {
                addr = new DomainIPAddress(IPAddrType.IPV4, "192.168.0." + (1 + i), 24);
            }
            out.add(new DomainInterface(name, mac, List.of(addr)));
        }
        return out;
    }

    // ---- memory peek, keys, signals

    static byte[] memoryPeek(TestDomainObj o, long start, int size) {
        checkActive(o);
        byte[] out = new byte[size];
        for (int i = 0; i < size; i++) {
            out[i] = (byte) (start + i);
        }
        return out;
    }

    // ---- lifecycle actions

    static void setLifecycleAction(TestDomainObj o, DomainLifecycle type, DomainLifecycleAction action,
            int flags) {
        if (type != DomainLifecycle.CRASH && (action == DomainLifecycleAction.COREDUMP_DESTROY
                || action == DomainLifecycleAction.COREDUMP_RESTART)) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.DOMAIN, "Lifecycle event '"
                    + (type == DomainLifecycle.POWEROFF ? "poweroff" : "reboot") + "' doesn't support '"
                    + action.libvirtName().substring("VIR_DOMAIN_LIFECYCLE_ACTION_".length()).toLowerCase()
                            .replace('_', '-') + "' action");
        }
        DefAccess.Defs defs = DefAccess.defs(o, flags);
        String name = action.libvirtName().substring("VIR_DOMAIN_LIFECYCLE_ACTION_".length()).toLowerCase()
                .replace('_', '-');
        for (DomainDef def : new DomainDef[] {defs.live(), defs.config()}) {
            if (def == null) {
                continue;
            }
            switch (type) {
                case POWEROFF -> def.onPoweroff = name;
                case REBOOT -> def.onReboot = name;
                default -> def.onCrash = name;
            }
        }
    }
}
