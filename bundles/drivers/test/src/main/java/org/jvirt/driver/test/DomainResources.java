package org.jvirt.driver.test;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

import org.jvirt.api.DomainIOThreadInfo;
import org.jvirt.api.DomainMemoryModFlag;
import org.jvirt.api.DomainVcpuFlag;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.TypedParamFields;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.TypedParameterType;
import org.jvirt.api.TypedParameters;
import org.jvirt.api.VcpuInfo;
import org.jvirt.api.VcpuState;
import org.jvirt.api.VirtException;
import org.jvirt.conf.CpuPlacement;
import org.jvirt.conf.domain.Cputune;
import org.jvirt.conf.domain.DomainDef;
import org.jvirt.conf.domain.IoThreadIds;
import org.jvirt.conf.domain.MemballoonDef;
import org.jvirt.conf.domain.MemorySize;
import org.jvirt.conf.domain.Vcpu;
import org.jvirt.util.CpuSets;

/** Memory, vCPUs, pinning and IOThreads of a test domain (libvirt's testDomainSetMemoryFlags and neighbours). */
final class DomainResources {
    static final int MAX_VCPUS = 32;
    /** The poll-max-ns an IOThread starts with. */
    static final long DEFAULT_POLL_MAX_NS = 32768;

    private DomainResources() {
    }

    // ---- memory

    static void setMemory(TestDomainObj o, long kib, int flags) {
        DomainDef def = DefAccess.one(o, flags);
        boolean live = DefAccess.oneIsLive(o, flags);
        if ((flags & DomainMemoryModFlag.MAXIMUM.value()) != 0) {
            if (live) {
                throw Errors.invalid("cannot resize the maximum memory on an active domain");
            }
            if (def.maxMemory != null && def.maxMemory.kib > 0 && def.maxMemory.kib < kib) {
                throw Errors.invalid("cannot set initial memory size greater than the maximum memory size");
            }
            def.memory = MemorySize.ofKiB(kib);
            if (def.currentMemoryKiB() > kib) {
                def.currentMemory = MemorySize.ofKiB(kib);
            }
        } else {
            if (kib > def.memoryKiB()) {
                throw Errors.invalidArg("cannot set memory higher than max memory");
            }
            def.currentMemory = MemorySize.ofKiB(kib);
        }
    }

    static void setMemoryStatsPeriod(TestDomainObj o, int period, int flags) {
        DomainDef def = DefAccess.one(o, flags);
        MemballoonDef b = def.devices().memballoon;
        if (b == null || "none".equals(b.model)) {
            throw Errors.internal("No memory balloon device configured, can not set the collection period");
        }
        if (b.stats == null) {
            b.stats = new MemballoonDef.Stats();
        }
        b.stats.period = Integer.toString(period);
    }

    // ---- vCPUs

    static int vcpusFlags(TestDomainObj o, int flags) {
        DomainDef def = DefAccess.one(o, flags);
        return (flags & DomainVcpuFlag.MAXIMUM.value()) != 0 ? def.maxVcpus() : def.vcpus();
    }

    static void setVcpusFlags(TestDomainObj o, int n, int flags) {
        boolean maximum = (flags & DomainVcpuFlag.MAXIMUM.value()) != 0;
        DefAccess.Defs defs = DefAccess.defs(o, flags);
        if (defs.live() != null && defs.live().maxVcpus() < n) {
            throw Errors.invalidArg("requested cpu amount exceeds maximum (" + n + " > " + defs.live().maxVcpus()
                    + ")");
        }
        if (defs.config() != null && !maximum && defs.config().maxVcpus() < n) {
            throw Errors.invalidArg("requested cpu amount exceeds maximum (" + n + " > "
                    + defs.config().maxVcpus() + ")");
        }
        if (defs.live() != null) {
            setVcpuCounts(defs.live(), defs.live().maxVcpus(), n);
        }
        if (defs.config() != null) {
            DomainDef c = defs.config();
            if (maximum) {
                setVcpuCounts(c, n, Math.min(c.vcpus(), n));
            } else {
                setVcpuCounts(c, c.maxVcpus(), n);
            }
        }
    }

    /** Keeps the parsed and the written forms of {@code <vcpu>} together. */
    static void setVcpuCounts(DomainDef def, int max, int current) {
        if (def.vcpu == null) {
            def.vcpu = new Vcpu();
            def.vcpu.placement = "static";
        }
        def.vcpu.count = max;
        def.vcpu.current = current == max ? 0 : current;
        def.vcpu.text = Integer.toString(max);
        def.vcpu.currentText = current == max ? null : Integer.toString(current);
        if (def.cputune != null) {
            def.cputune.vcpupins.removeIf(p -> Integer.parseInt(p.vcpu) >= max);
        }
    }

    static List<VcpuInfo> vcpus(TestDomainObj o, int hostCpus) {
        if (!o.isActive()) {
            throw Errors.invalid("cannot list vcpus for an inactive domain");
        }
        long cpuTime = System.currentTimeMillis() * 1000 / 10;
        List<VcpuInfo> out = new ArrayList<>();
        for (int i = 0; i < o.def.vcpus(); i++) {
            BitSet map = CpuPlacement.vcpu(o.def, i, hostCpus);
            out.add(new VcpuInfo(i, VcpuState.RUNNING, cpuTime, map.length() - 1, map));
        }
        return out;
    }

    static void pinVcpu(TestDomainObj o, int vcpu, BitSet map) {
        if (!o.isActive()) {
            throw Errors.invalid("cannot pin vcpus on an inactive domain");
        }
        if (vcpu < 0 || vcpu >= o.def.vcpus()) {
            throw Errors.invalidArg("requested vcpu '" + vcpu + "' is not present in the domain");
        }
        Cputune t = cputune(o.def);
        t.vcpupins.removeIf(p -> Integer.parseInt(p.vcpu) == vcpu);
        Cputune.Vcpupin pin = new Cputune.Vcpupin();
        pin.vcpu = Integer.toString(vcpu);
        pin.cpuset = CpuSets.format(map);
        int at = 0;
        while (at < t.vcpupins.size() && Integer.parseInt(t.vcpupins.get(at).vcpu) < vcpu) {
            at++;
        }
        t.vcpupins.add(at, pin);
    }

    static Cputune cputune(DomainDef def) {
        if (def.cputune == null) {
            def.cputune = new Cputune();
        }
        return def.cputune;
    }

    /** Maps of the vCPUs up to the maximum (virDomainDefGetVcpuPinInfoHelper). */
    static List<BitSet> vcpuPinInfo(TestDomainObj o, int flags, int hostCpus) {
        return CpuPlacement.vcpuPinInfo(DefAccess.one(o, flags), hostCpus);
    }

    static void pinEmulator(TestDomainObj o, BitSet map, int flags) {
        DomainDef def = DefAccess.one(o, flags);
        if (map.isEmpty()) {
            throw Errors.invalidArg("Empty cpu list for pinning");
        }
        Cputune t = cputune(def);
        t.emulatorpin = new Cputune.Emulatorpin();
        t.emulatorpin.cpuset = CpuSets.format(map);
    }

    static Optional<BitSet> emulatorPinInfo(TestDomainObj o, int flags, int hostCpus) {
        return Optional.of(CpuPlacement.emulator(DefAccess.one(o, flags), hostCpus));
    }

    /** Whether a {@code <cputune>} says nothing, so libvirt would not write it. */
    static boolean isEmpty(Cputune t) {
        return t.shares == null && t.period == null && t.quota == null && t.globalPeriod == null
                && t.globalQuota == null && t.emulatorPeriod == null && t.emulatorQuota == null
                && t.iothreadPeriod == null && t.iothreadQuota == null && t.vcpupins.isEmpty()
                && t.emulatorpin == null && t.iothreadpins.isEmpty() && t.emulatorsched == null
                && t.vcpuscheds.isEmpty() && t.iothreadscheds.isEmpty() && t.cachetunes.isEmpty()
                && t.memorytunes.isEmpty();
    }

    // ---- IOThreads

    static IoThreadIds.IoThread iothread(DomainDef def, int id) {
        if (def.iothreadids == null) {
            return null;
        }
        for (IoThreadIds.IoThread t : def.iothreadids.iothreads) {
            if (Integer.parseInt(t.id) == id) {
                return t;
            }
        }
        return null;
    }

    static List<DomainIOThreadInfo> iothreadInfo(TestDomainObj o, int flags) {
        DomainDef def = DefAccess.one(o, flags);
        List<DomainIOThreadInfo> out = new ArrayList<>();
        if (def.iothreadids == null) {
            return out;
        }
        for (IoThreadIds.IoThread t : def.iothreadids.iothreads) {
            BitSet map = iothreadPin(def, Integer.parseInt(t.id));
            if (map == null) {
                map = def.vcpu != null && def.vcpu.cpuset != null ? CpuSets.parse(def.vcpu.cpuset)
                        : CpuSets.all(def.vcpus());
            }
            out.add(new DomainIOThreadInfo(Integer.parseInt(t.id), map));
        }
        return out;
    }

    private static BitSet iothreadPin(DomainDef def, int id) {
        if (def.cputune == null) {
            return null;
        }
        for (Cputune.Iothreadpin p : def.cputune.iothreadpins) {
            if (Integer.parseInt(p.iothread) == id) {
                return CpuSets.parse(p.cpuset);
            }
        }
        return null;
    }

    static void addIOThread(TestDomainObj o, int id, int flags) {
        if (id <= 0) {
            throw Errors.invalidArg("invalid value of " + id + " for iothread_id");
        }
        DefAccess.Defs defs = DefAccess.defs(o, flags);
        for (DomainDef def : new DomainDef[] {defs.live(), defs.config()}) {
            if (def != null && iothread(def, id) != null) {
                throw VirtException.withMessage(ErrorCode.INVALID_ARG, ErrorDomain.DOMAIN,
                        "invalid argument: an IOThread is already using iothread_id '" + id + "'");
            }
        }
        if (defs.live() != null) {
            addIOThreadId(defs.live(), id);
            o.iothreadPoll.put(id, new long[] {DEFAULT_POLL_MAX_NS, 0, 0});
        }
        if (defs.config() != null) {
            addIOThreadId(defs.config(), id);
        }
    }

    private static void addIOThreadId(DomainDef def, int id) {
        if (def.iothreadids == null) {
            def.iothreadids = new IoThreadIds();
        }
        IoThreadIds.IoThread t = new IoThreadIds.IoThread();
        t.id = Integer.toString(id);
        def.iothreadids.iothreads.add(t);
        def.iothreads = Integer.toString(def.iothreadids.iothreads.size());
    }

    static void delIOThread(TestDomainObj o, int id, int flags) {
        if (id <= 0) {
            throw Errors.invalidArg("invalid value of " + id + " for iothread_id");
        }
        DefAccess.Defs defs = DefAccess.defs(o, flags);
        for (DomainDef def : new DomainDef[] {defs.live(), defs.config()}) {
            if (def == null) {
                continue;
            }
            if (iothread(def, id) == null) {
                throw VirtException.withMessage(ErrorCode.INVALID_ARG, ErrorDomain.DOMAIN,
                        "invalid argument: cannot find IOThread '" + id + "' in iothreadids list");
            }
            for (var disk : def.devices().disks) {
                if (disk.driver != null && String.valueOf(id).equals(disk.driver.iothread)) {
                    throw VirtException.withMessage(ErrorCode.INVALID_ARG, ErrorDomain.DOMAIN,
                            "invalid argument: cannot remove IOThread " + id + " since it is being used by disk '"
                                    + disk.target.dev + "'");
                }
            }
        }
        for (DomainDef def : new DomainDef[] {defs.live(), defs.config()}) {
            if (def != null) {
                def.iothreadids.iothreads.remove(iothread(def, id));
                if (def.cputune != null) {
                    def.cputune.iothreadpins.removeIf(p -> Integer.parseInt(p.iothread) == id);
                }
                if (def.cputune != null && isEmpty(def.cputune)) {
                    def.cputune = null;
                }
                int n = def.iothreadids.iothreads.size();
                def.iothreads = n == 0 ? null : Integer.toString(n);
                if (n == 0) {
                    def.iothreadids = null;
                }
            }
        }
        if (defs.live() != null) {
            o.iothreadPoll.remove(id);
        }
    }

    static void pinIOThread(TestDomainObj o, int id, BitSet map, int flags) {
        DefAccess.Defs defs = DefAccess.defs(o, flags);
        for (DomainDef def : new DomainDef[] {defs.live(), defs.config()}) {
            if (def == null) {
                continue;
            }
            if (iothread(def, id) == null) {
                throw Errors.invalidArg("iothreadid " + id + " not found");
            }
            if (map.isEmpty()) {
                throw Errors.invalidArg("Empty iothread cpumap list for pinning");
            }
        }
        for (DomainDef def : new DomainDef[] {defs.live(), defs.config()}) {
            if (def != null) {
                Cputune t = cputune(def);
                t.iothreadpins.removeIf(p -> Integer.parseInt(p.iothread) == id);
                Cputune.Iothreadpin pin = new Cputune.Iothreadpin();
                pin.iothread = Integer.toString(id);
                pin.cpuset = CpuSets.format(map);
                t.iothreadpins.add(pin);
            }
        }
    }

    static void setIOThreadParams(TestDomainObj o, int id, TypedParameters params, int flags) {
        Flags.check("testDomainSetIOThreadParams", flags, DefAccess.LIVE);
        Params.validate(params, TypedParamFields.DOMAIN_IOTHREAD_POLL_MAX_NS, TypedParameterType.ULLONG,
                TypedParamFields.DOMAIN_IOTHREAD_POLL_GROW, TypedParameterType.UINT,
                TypedParamFields.DOMAIN_IOTHREAD_POLL_SHRINK, TypedParameterType.UINT);
        DefAccess.impact(o, flags);
        if (iothread(o.def, id) == null) {
            throw Errors.invalidArg("cannot find IOThread '" + id + "' in iothreadids");
        }
        long[] poll = o.iothreadPoll.computeIfAbsent(id, k -> new long[] {DEFAULT_POLL_MAX_NS, 0, 0});
        for (TypedParameter p : params) {
            long v = ((Number) p.value()).longValue();
            switch (p.field()) {
                case TypedParamFields.DOMAIN_IOTHREAD_POLL_MAX_NS -> poll[0] = v;
                case TypedParamFields.DOMAIN_IOTHREAD_POLL_GROW -> poll[1] = v;
                case TypedParamFields.DOMAIN_IOTHREAD_POLL_SHRINK -> poll[2] = v;
                default -> { }
            }
        }
    }
}
