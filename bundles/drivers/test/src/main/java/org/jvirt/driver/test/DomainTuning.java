package org.jvirt.driver.test;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.TypedParamFields;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.TypedParameterType;
import org.jvirt.api.TypedParameters;
import org.jvirt.api.VirtException;
import org.jvirt.conf.domain.Bandwidth;
import org.jvirt.conf.domain.Blkiotune;
import org.jvirt.conf.domain.DiskDef;
import org.jvirt.conf.domain.DomainDef;
import org.jvirt.conf.domain.MemorySize;
import org.jvirt.conf.domain.Memtune;
import org.jvirt.conf.domain.NetDef;
import org.jvirt.conf.domain.Numatune;
import org.jvirt.conf.domain.Perf;
import org.jvirt.util.CpuSets;

/** Tunables of a test domain: blkio, memory, NUMA, interface bandwidth, disk I/O limits, perf events. */
final class DomainTuning {
    /** libvirt's VIR_DOMAIN_MEMORY_PARAM_UNLIMITED. */
    static final long UNLIMITED = 9007199254740991L;
    static final long IOTUNE_MAX = 1000000000000000L;
    static final List<String> NUMA_MODES = List.of("strict", "preferred", "interleave", "restrictive");
    /** libvirt's virPerfEvent names, in its order. */
    static final List<String> PERF_EVENTS = List.of("cmt", "mbmt", "mbml", "cpu_cycles", "instructions",
            "cache_references", "cache_misses", "branch_instructions", "branch_misses", "bus_cycles",
            "stalled_cycles_frontend", "stalled_cycles_backend", "ref_cpu_cycles", "cpu_clock", "task_clock",
            "page_faults", "context_switches", "cpu_migrations", "page_faults_min", "page_faults_maj",
            "alignment_faults", "emulation_faults");

    private DomainTuning() {
    }

    // ---- blkio

    private record BlkioField(String param, Function<Blkiotune.Device, String> get,
            BiConsumer<Blkiotune.Device, String> set) {
    }

    private static final List<BlkioField> BLKIO = List.of(
            new BlkioField(TypedParamFields.DOMAIN_BLKIO_DEVICE_WEIGHT, d -> d.weight, (d, v) -> d.weight = v),
            new BlkioField(TypedParamFields.DOMAIN_BLKIO_DEVICE_READ_IOPS, d -> d.readIopsSec,
                    (d, v) -> d.readIopsSec = v),
            new BlkioField(TypedParamFields.DOMAIN_BLKIO_DEVICE_WRITE_IOPS, d -> d.writeIopsSec,
                    (d, v) -> d.writeIopsSec = v),
            new BlkioField(TypedParamFields.DOMAIN_BLKIO_DEVICE_READ_BPS, d -> d.readBytesSec,
                    (d, v) -> d.readBytesSec = v),
            new BlkioField(TypedParamFields.DOMAIN_BLKIO_DEVICE_WRITE_BPS, d -> d.writeBytesSec,
                    (d, v) -> d.writeBytesSec = v));

    static TypedParameters blkio(TestDomainObj o, int flags) {
        DomainDef def = DefAccess.one(o, flags);
        Blkiotune b = def.blkiotune;
        TypedParameters.Builder out = TypedParameters.builder()
                .addUInt(TypedParamFields.DOMAIN_BLKIO_WEIGHT, b == null || b.weight == null ? 0
                        : Long.parseLong(b.weight));
        for (BlkioField f : BLKIO) {
            StringBuilder sb = new StringBuilder();
            if (b != null) {
                for (Blkiotune.Device d : b.devices) {
                    String v = f.get().apply(d);
                    if (v != null && !"0".equals(v)) {
                        sb.append(sb.length() > 0 ? "," : "").append(d.path).append(',').append(v);
                    }
                }
            }
            out.addString(f.param(), sb.toString());
        }
        return out.build();
    }

    static void setBlkio(TestDomainObj o, TypedParameters params, int flags) {
        Params.validate(params, TypedParamFields.DOMAIN_BLKIO_WEIGHT, TypedParameterType.UINT,
                TypedParamFields.DOMAIN_BLKIO_DEVICE_WEIGHT, TypedParameterType.STRING,
                TypedParamFields.DOMAIN_BLKIO_DEVICE_READ_IOPS, TypedParameterType.STRING,
                TypedParamFields.DOMAIN_BLKIO_DEVICE_WRITE_IOPS, TypedParameterType.STRING,
                TypedParamFields.DOMAIN_BLKIO_DEVICE_READ_BPS, TypedParameterType.STRING,
                TypedParamFields.DOMAIN_BLKIO_DEVICE_WRITE_BPS, TypedParameterType.STRING);
        DomainDef def = DefAccess.one(o, flags);
        Blkiotune b = def.blkiotune == null ? new Blkiotune() : def.blkiotune;
        for (TypedParameter p : params) {
            if (p.field().equals(TypedParamFields.DOMAIN_BLKIO_WEIGHT)) {
                b.weight = Long.toString(Params.number(p));
                continue;
            }
            BlkioField f = BLKIO.stream().filter(x -> x.param().equals(p.field())).findFirst().orElseThrow();
            String[] parts = ((String) p.value()).split(",");
            if (parts.length % 2 != 0) {
                throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.DOMAIN,
                        "unable to parse blkio device '" + p.value() + "'");
            }
            for (int i = 0; i < parts.length; i += 2) {
                String path = parts[i];
                String value = parts[i + 1];
                Blkiotune.Device d = b.devices.stream().filter(x -> path.equals(x.path)).findFirst().orElse(null);
                if (d == null) {
                    d = new Blkiotune.Device();
                    d.path = path;
                    b.devices.add(d);
                }
                f.set().accept(d, "0".equals(value) ? null : value);
            }
        }
        b.devices.removeIf(d -> d.weight == null && d.readIopsSec == null && d.writeIopsSec == null
                && d.readBytesSec == null && d.writeBytesSec == null);
        def.blkiotune = b;
    }

    // ---- memory

    static TypedParameters memtune(TestDomainObj o, int flags) {
        DomainDef def = DefAccess.one(o, flags);
        Memtune m = def.memtune;
        return TypedParameters.builder()
                .addULLong(TypedParamFields.DOMAIN_MEMORY_HARD_LIMIT, limit(m == null ? null : m.hardLimit))
                .addULLong(TypedParamFields.DOMAIN_MEMORY_SOFT_LIMIT, limit(m == null ? null : m.softLimit))
                .addULLong(TypedParamFields.DOMAIN_MEMORY_SWAP_HARD_LIMIT,
                        limit(m == null ? null : m.swapHardLimit))
                .build();
    }

    private static long limit(MemorySize m) {
        return m == null ? UNLIMITED : m.kib;
    }

    private static MemorySize limitOf(long kib) {
        return kib >= UNLIMITED ? null : MemorySize.ofKiB(kib);
    }

    static void setMemtune(TestDomainObj o, TypedParameters params, int flags) {
        Params.validate(params, TypedParamFields.DOMAIN_MEMORY_HARD_LIMIT, TypedParameterType.ULLONG,
                TypedParamFields.DOMAIN_MEMORY_SOFT_LIMIT, TypedParameterType.ULLONG,
                TypedParamFields.DOMAIN_MEMORY_SWAP_HARD_LIMIT, TypedParameterType.ULLONG);
        DomainDef def = DefAccess.one(o, flags);
        var hard = params.getULLong(TypedParamFields.DOMAIN_MEMORY_HARD_LIMIT);
        var soft = params.getULLong(TypedParamFields.DOMAIN_MEMORY_SOFT_LIMIT);
        var swap = params.getULLong(TypedParamFields.DOMAIN_MEMORY_SWAP_HARD_LIMIT);
        if (hard.isPresent() || swap.isPresent()) {
            // as libvirt, the limits not given come from the running definition
            Memtune live = o.def.memtune;
            long memLimit = hard.isPresent() ? hard.getAsLong() : limit(live == null ? null : live.hardLimit);
            long swapLimit = swap.isPresent() ? swap.getAsLong() : limit(live == null ? null : live.swapHardLimit);
            if (Long.compareUnsigned(memLimit, swapLimit) > 0) {
                throw Errors.invalidArg(
                        "memory hard_limit tunable value must be lower than or equal to swap_hard_limit");
            }
        }
        Memtune m = def.memtune == null ? new Memtune() : def.memtune;
        soft.ifPresent(v -> m.softLimit = limitOf(v));
        hard.ifPresent(v -> m.hardLimit = limitOf(v));
        swap.ifPresent(v -> m.swapHardLimit = limitOf(v));
        def.memtune = m.hardLimit == null && m.softLimit == null && m.swapHardLimit == null
                && m.minGuarantee == null ? null : m;
    }

    // ---- NUMA

    static TypedParameters numatune(TestDomainObj o, int flags) {
        DomainDef def = DefAccess.one(o, flags);
        Numatune.Memory m = def.numatune == null ? null : def.numatune.memory;
        int mode = m == null || m.mode == null ? 0 : NUMA_MODES.indexOf(m.mode);
        return TypedParameters.builder().addInt(TypedParamFields.DOMAIN_NUMA_MODE, mode)
                .addString(TypedParamFields.DOMAIN_NUMA_NODESET, m == null || m.nodeset == null ? "" : m.nodeset)
                .build();
    }

    static void setNumatune(TestDomainObj o, TypedParameters params, int flags) {
        Params.validate(params, TypedParamFields.DOMAIN_NUMA_MODE, TypedParameterType.INT,
                TypedParamFields.DOMAIN_NUMA_NODESET, TypedParameterType.STRING);
        DomainDef def = DefAccess.one(o, flags);
        boolean live = DefAccess.oneIsLive(o, flags);
        int mode = -1;
        BitSet nodeset = null;
        for (TypedParameter p : params) {
            if (p.field().equals(TypedParamFields.DOMAIN_NUMA_MODE)) {
                mode = (Integer) p.value();
                if (mode < 0 || mode >= NUMA_MODES.size()) {
                    throw Errors.invalidArg("unsupported numatune mode: '" + mode + "'");
                }
            } else {
                nodeset = CpuSets.parse((String) p.value());
                if (nodeset == null) {
                    throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.NONE,
                            "Failed to parse bitmap '" + p.value() + "'");
                }
                if (nodeset.isEmpty()) {
                    throw Errors.invalid("Invalid nodeset of 'numatune': " + p.value());
                }
            }
        }
        Numatune.Memory m = def.numatune == null ? null : def.numatune.memory;
        // only a mode the domain already has can be compared (virDomainNumatuneGetMode fails without one)
        if (live && mode != -1 && m != null && NUMA_MODES.indexOf(m.mode == null ? "strict" : m.mode) != mode) {
            throw Errors.invalid("can't change numatune mode for running domain");
        }
        if (mode == -1 && nodeset == null) {
            return;
        }
        // virDomainNumatuneSet: a first setting takes the strict mode and the placement the vCPUs have, and a
        // static placement needs a node set
        boolean first = m == null;
        String nodes = nodeset != null ? CpuSets.format(nodeset) : m == null ? null : m.nodeset;
        String placement = nodeset != null ? "static" : null;
        if (first) {
            boolean vcpusStatic = def.vcpu == null || !"auto".equals(def.vcpu.placement);
            placement = nodes != null || vcpusStatic ? "static" : "auto";
        }
        if ("static".equals(placement) && nodes == null) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.DOMAIN,
                    "nodeset for NUMA memory tuning must be set if 'placement' is 'static'");
        }
        if (def.numatune == null) {
            def.numatune = new Numatune();
        }
        if (first) {
            def.numatune.memory = new Numatune.Memory();
            def.numatune.memory.mode = "strict";
        }
        Numatune.Memory target = def.numatune.memory;
        if (mode != -1) {
            target.mode = NUMA_MODES.get(mode);
        }
        target.nodeset = "auto".equals(placement) ? null : nodes;
        if (placement != null) {
            target.placement = "auto".equals(placement) ? "auto" : null;
        }
    }

    // ---- interface bandwidth

    /** virDomainNetFind: by MAC address when the text is one, else by target name. */
    static NetDef net(DomainDef def, String device) {
        boolean mac = device != null && device.matches("(?i)([0-9a-f]{2}:){5}[0-9a-f]{2}");
        for (NetDef n : def.devices().interfaces) {
            if (mac ? n.mac != null && device.equalsIgnoreCase(n.mac.address)
                    : n.target != null && device != null && device.equals(n.target.dev)) {
                return n;
            }
        }
        throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.DOMAIN,
                "'" + device + "' is not a known interface");
    }

    static TypedParameters ifaceParams(TestDomainObj o, String device, int flags) {
        NetDef n = net(DefAccess.one(o, flags), device);
        Bandwidth.Inbound in = n.bandwidth == null ? null : n.bandwidth.inbound;
        Bandwidth.Outbound out = n.bandwidth == null ? null : n.bandwidth.outbound;
        return TypedParameters.builder()
                .addUInt(TypedParamFields.DOMAIN_BANDWIDTH_IN_AVERAGE, num(in == null ? null : in.average))
                .addUInt(TypedParamFields.DOMAIN_BANDWIDTH_IN_PEAK, num(in == null ? null : in.peak))
                .addUInt(TypedParamFields.DOMAIN_BANDWIDTH_IN_BURST, num(in == null ? null : in.burst))
                .addUInt(TypedParamFields.DOMAIN_BANDWIDTH_IN_FLOOR, num(in == null ? null : in.floor))
                .addUInt(TypedParamFields.DOMAIN_BANDWIDTH_OUT_AVERAGE, num(out == null ? null : out.average))
                .addUInt(TypedParamFields.DOMAIN_BANDWIDTH_OUT_PEAK, num(out == null ? null : out.peak))
                .addUInt(TypedParamFields.DOMAIN_BANDWIDTH_OUT_BURST, num(out == null ? null : out.burst))
                .build();
    }

    private static long num(String s) {
        return s == null ? 0 : Long.parseLong(s);
    }

    private static String text(long v) {
        return v == 0 ? null : Long.toString(v);
    }

    static void setIfaceParams(TestDomainObj o, String device, TypedParameters params, int flags) {
        Params.validate(params, TypedParamFields.DOMAIN_BANDWIDTH_IN_AVERAGE, TypedParameterType.UINT,
                TypedParamFields.DOMAIN_BANDWIDTH_IN_PEAK, TypedParameterType.UINT,
                TypedParamFields.DOMAIN_BANDWIDTH_IN_BURST, TypedParameterType.UINT,
                TypedParamFields.DOMAIN_BANDWIDTH_IN_FLOOR, TypedParameterType.UINT,
                TypedParamFields.DOMAIN_BANDWIDTH_OUT_AVERAGE, TypedParameterType.UINT,
                TypedParamFields.DOMAIN_BANDWIDTH_OUT_PEAK, TypedParameterType.UINT,
                TypedParamFields.DOMAIN_BANDWIDTH_OUT_BURST, TypedParameterType.UINT);
        NetDef n = net(DefAccess.one(o, flags), device);
        long[] in = new long[4];
        long[] out = new long[3];
        boolean inGiven = false;
        boolean outGiven = false;
        for (TypedParameter p : params) {
            long v = Params.number(p);
            switch (p.field()) {
                case TypedParamFields.DOMAIN_BANDWIDTH_IN_AVERAGE -> {
                    in[0] = v;
                    inGiven = true;
                }
                case TypedParamFields.DOMAIN_BANDWIDTH_IN_PEAK -> in[1] = v;
                case TypedParamFields.DOMAIN_BANDWIDTH_IN_BURST -> in[2] = v;
                case TypedParamFields.DOMAIN_BANDWIDTH_IN_FLOOR -> {
                    in[3] = v;
                    inGiven = true;
                }
                case TypedParamFields.DOMAIN_BANDWIDTH_OUT_AVERAGE -> {
                    out[0] = v;
                    outGiven = true;
                }
                case TypedParamFields.DOMAIN_BANDWIDTH_OUT_PEAK -> out[1] = v;
                default -> out[2] = v;
            }
        }
        Bandwidth.Inbound newIn = null;
        if (in[0] != 0 || in[3] != 0) {
            newIn = new Bandwidth.Inbound();
            newIn.average = text(in[0]);
            newIn.peak = text(in[1]);
            newIn.burst = text(in[2]);
            newIn.floor = text(in[3]);
        }
        Bandwidth.Outbound newOut = null;
        if (out[0] != 0) {
            newOut = new Bandwidth.Outbound();
            newOut.average = text(out[0]);
            newOut.peak = text(out[1]);
            newOut.burst = text(out[2]);
        }
        if (n.bandwidth == null) {
            n.bandwidth = new Bandwidth();
            n.bandwidth.inbound = newIn;
            n.bandwidth.outbound = newOut;
        } else {
            if (newIn != null || inGiven) {
                n.bandwidth.inbound = newIn;
            }
            if (newOut != null || outGiven) {
                n.bandwidth.outbound = newOut;
            }
        }
        if (n.bandwidth.inbound == null && n.bandwidth.outbound == null) {
            n.bandwidth = null;
        }
    }

    // ---- disk I/O limits

    private record IotuneField(String param, Function<DiskDef.Iotune, String> get,
            BiConsumer<DiskDef.Iotune, String> set) {
    }

    private static final List<IotuneField> IOTUNE = List.of(
            new IotuneField("total_bytes_sec", t -> t.totalBytesSec, (t, v) -> t.totalBytesSec = v),
            new IotuneField("read_bytes_sec", t -> t.readBytesSec, (t, v) -> t.readBytesSec = v),
            new IotuneField("write_bytes_sec", t -> t.writeBytesSec, (t, v) -> t.writeBytesSec = v),
            new IotuneField("total_iops_sec", t -> t.totalIopsSec, (t, v) -> t.totalIopsSec = v),
            new IotuneField("read_iops_sec", t -> t.readIopsSec, (t, v) -> t.readIopsSec = v),
            new IotuneField("write_iops_sec", t -> t.writeIopsSec, (t, v) -> t.writeIopsSec = v),
            new IotuneField("total_bytes_sec_max", t -> t.totalBytesSecMax, (t, v) -> t.totalBytesSecMax = v),
            new IotuneField("read_bytes_sec_max", t -> t.readBytesSecMax, (t, v) -> t.readBytesSecMax = v),
            new IotuneField("write_bytes_sec_max", t -> t.writeBytesSecMax, (t, v) -> t.writeBytesSecMax = v),
            new IotuneField("total_iops_sec_max", t -> t.totalIopsSecMax, (t, v) -> t.totalIopsSecMax = v),
            new IotuneField("read_iops_sec_max", t -> t.readIopsSecMax, (t, v) -> t.readIopsSecMax = v),
            new IotuneField("write_iops_sec_max", t -> t.writeIopsSecMax, (t, v) -> t.writeIopsSecMax = v),
            new IotuneField("size_iops_sec", t -> t.sizeIopsSec, (t, v) -> t.sizeIopsSec = v),
            new IotuneField("group_name", t -> t.groupName, (t, v) -> t.groupName = v),
            new IotuneField("total_bytes_sec_max_length", t -> t.totalBytesSecMaxLength,
                    (t, v) -> t.totalBytesSecMaxLength = v),
            new IotuneField("read_bytes_sec_max_length", t -> t.readBytesSecMaxLength,
                    (t, v) -> t.readBytesSecMaxLength = v),
            new IotuneField("write_bytes_sec_max_length", t -> t.writeBytesSecMaxLength,
                    (t, v) -> t.writeBytesSecMaxLength = v),
            new IotuneField("total_iops_sec_max_length", t -> t.totalIopsSecMaxLength,
                    (t, v) -> t.totalIopsSecMaxLength = v),
            new IotuneField("read_iops_sec_max_length", t -> t.readIopsSecMaxLength,
                    (t, v) -> t.readIopsSecMaxLength = v),
            new IotuneField("write_iops_sec_max_length", t -> t.writeIopsSecMaxLength,
                    (t, v) -> t.writeIopsSecMaxLength = v));

    /** virDomainDiskByName: a target name, or a source path. */
    static DiskDef disk(DomainDef def, String name, boolean allowPath) {
        for (DiskDef d : def.devices().disks) {
            if (d.target != null && name.equals(d.target.dev)) {
                return d;
            }
        }
        if (allowPath) {
            for (DiskDef d : def.devices().disks) {
                if (d.source != null && (name.equals(d.source.file) || name.equals(d.source.dev))) {
                    return d;
                }
            }
        }
        return null;
    }

    private static DiskDef iotuneDisk(DomainDef def, String path) {
        DiskDef d = disk(def, path, true);
        if (d == null) {
            throw Errors.invalidArg("disk '" + path + "' was not found in the domain config");
        }
        return d;
    }

    static TypedParameters iotune(TestDomainObj o, String path, int flags) {
        DiskDef d = iotuneDisk(DefAccess.one(o, flags), path);
        TypedParameters.Builder out = TypedParameters.builder();
        for (IotuneField f : IOTUNE) {
            String v = d.iotune == null ? null : f.get().apply(d.iotune);
            if (f.param().equals("group_name")) {
                out.addString(f.param(), v == null ? "" : v);
            } else {
                out.addULLong(f.param(), v == null ? 0 : Long.parseLong(v));
            }
        }
        return out.build();
    }

    static void setIotune(TestDomainObj o, String path, TypedParameters params, int flags) {
        List<Object> spec = new ArrayList<>();
        for (IotuneField f : IOTUNE) {
            spec.add(f.param());
            spec.add(f.param().equals("group_name") ? TypedParameterType.STRING : TypedParameterType.ULLONG);
        }
        Params.validate(params, spec.toArray());
        DiskDef d = iotuneDisk(DefAccess.one(o, flags), path);
        DiskDef.Iotune t = new DiskDef.Iotune();
        if (d.iotune != null) {
            for (IotuneField f : IOTUNE) {
                f.set().accept(t, f.get().apply(d.iotune));
            }
        }
        for (TypedParameter p : params) {
            IotuneField f = IOTUNE.stream().filter(x -> x.param().equals(p.field())).findFirst().orElseThrow();
            if (p.type() == TypedParameterType.STRING) {
                f.set().accept(t, (String) p.value());
                continue;
            }
            long v = Params.number(p);
            if (Long.compareUnsigned(v, IOTUNE_MAX) > 0) {
                throw Errors.argUnsupported("block I/O throttle limit value must be no more than " + IOTUNE_MAX);
            }
            f.set().accept(t, text(v));
        }
        for (String kind : new String[] {"bytes_sec", "iops_sec", "bytes_sec_max", "iops_sec_max"}) {
            if (val(t, "total_" + kind) != 0 && (val(t, "read_" + kind) != 0 || val(t, "write_" + kind) != 0)) {
                throw Errors.invalidArg("total and read/write of " + kind + " cannot be set at the same time");
            }
        }
        for (String f : new String[] {"total_bytes_sec", "read_bytes_sec", "write_bytes_sec", "total_iops_sec",
                "read_iops_sec", "write_iops_sec"}) {
            if (val(t, f) > val(t, f + "_max")) {
                throw Errors.invalidArg(f + " cannot be set higher than " + f + "_max ");
            }
        }
        boolean any = IOTUNE.stream().anyMatch(f -> f.get().apply(t) != null);
        d.iotune = any ? t : null;
    }

    private static long val(DiskDef.Iotune t, String field) {
        String v = IOTUNE.stream().filter(x -> x.param().equals(field)).findFirst().orElseThrow().get().apply(t);
        return v == null ? 0 : Long.parseLong(v);
    }

    // ---- perf events

    static TypedParameters perf(TestDomainObj o, int flags) {
        DomainDef def = DefAccess.one(o, flags);
        TypedParameters.Builder out = TypedParameters.builder();
        for (String e : PERF_EVENTS) {
            boolean on = def.perf != null && def.perf.events.stream()
                    .anyMatch(x -> e.equals(x.name) && "yes".equals(x.enabled));
            out.addBoolean(e, on);
        }
        return out.build();
    }

    static void setPerf(TestDomainObj o, TypedParameters params, int flags) {
        List<Object> spec = new ArrayList<>();
        for (String e : PERF_EVENTS) {
            spec.add(e);
            spec.add(TypedParameterType.BOOLEAN);
        }
        Params.validate(params, spec.toArray());
        DomainDef def = DefAccess.one(o, flags);
        if (def.perf == null) {
            def.perf = new Perf();
        }
        for (TypedParameter p : params) {
            def.perf.events.removeIf(x -> p.field().equals(x.name));
            Perf.Event ev = new Perf.Event();
            ev.name = p.field();
            ev.enabled = (Boolean) p.value() ? "yes" : "no";
            def.perf.events.add(ev);
        }
        def.perf.events.sort((a, b) -> Integer.compare(PERF_EVENTS.indexOf(a.name), PERF_EVENTS.indexOf(b.name)));
    }
}
