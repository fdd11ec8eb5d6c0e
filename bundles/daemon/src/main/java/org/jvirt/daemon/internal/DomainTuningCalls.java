package org.jvirt.daemon.internal;

import static org.jvirt.rpc.remote.RemoteProtocol.*;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import org.jvirt.api.Connect;
import org.jvirt.api.DomainAffect;
import org.jvirt.api.DomainIOThreadInfo;
import org.jvirt.api.DomainMemoryFlag;
import org.jvirt.api.DomainMemoryModFlag;
import org.jvirt.api.DomainSchedulerType;
import org.jvirt.api.DomainVcpuFlag;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.TypedParameters;
import org.jvirt.api.VirtException;

/** Domain resources: vCPUs and their pinning, I/O threads, memory, and the typed-parameter tunables. */
final class DomainTuningCalls {
    private DomainTuningCalls() {
    }

    static void register(DispatchTable t) {
        vcpus(t);
        memory(t);
        parameters(t);
    }

    private static void vcpus(DispatchTable t) {
        t.on(DOMAIN_SET_VCPUS, (c, a) -> {
            c.dom(a.dom()).setVcpus(a.nvcpus());
            return null;
        });
        t.on(DOMAIN_SET_VCPUS_FLAGS, (c, a) -> {
            c.dom(a.dom()).setVcpusFlags(a.nvcpus(), c.flags(DomainVcpuFlag.class, a.flags()));
            return null;
        });
        t.on(DOMAIN_GET_VCPUS_FLAGS, (c, a) -> new DomainGetVcpusFlagsRet(c.dom(a.dom()).getVcpusFlags(
                c.flags(DomainVcpuFlag.class, a.flags()))));
        t.on(DOMAIN_GET_VCPUS, (c, a) -> {
            DomainCalls.max(a.maxinfo(), REMOTE_VCPUINFO_MAX, "maxinfo > REMOTE_VCPUINFO_MAX");
            if ((long) a.maxinfo() * a.maplen() > REMOTE_CPUMAPS_MAX) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC, "maxinfo * maplen > REMOTE_CPUMAPS_MAX");
            }
            if (a.maxinfo() < 1) {
                throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.DOMAIN,
                        "info in virDomainGetVcpus must not be NULL");
            }
            var infos = DomainCalls.first(c.dom(a.dom()).getVcpus(), a.maxinfo());
            List<VcpuInfo> out = new ArrayList<>(infos.size());
            byte[] maps = new byte[infos.size() * Math.max(0, a.maplen())];
            for (int i = 0; i < infos.size(); i++) {
                var v = infos.get(i);
                out.add(new VcpuInfo(v.number(), v.state().value(), v.cpuTimeNanos(), v.cpu()));
                if (a.maplen() > 0 && v.cpumap() != null) {
                    System.arraycopy(Wire.cpumap(v.cpumap(), a.maplen()), 0, maps, i * a.maplen(), a.maplen());
                }
            }
            return new DomainGetVcpusRet(out, maps);
        });
        t.on(DOMAIN_PIN_VCPU, (c, a) -> {
            c.dom(a.dom()).pinVcpu(a.vcpu(), Wire.cpumap(a.cpumap()));
            return null;
        });
        t.on(DOMAIN_PIN_VCPU_FLAGS, (c, a) -> {
            c.dom(a.dom()).pinVcpuFlags(a.vcpu(), Wire.cpumap(a.cpumap()), c.flags(DomainAffect.class, a.flags()));
            return null;
        });
        t.on(DOMAIN_GET_VCPU_PIN_INFO, (c, a) -> {
            if (a.ncpumaps() < 1) {
                throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.DOMAIN,
                        "ncpumaps in virDomainGetVcpuPinInfo must be greater than zero");
            }
            if ((long) a.ncpumaps() * a.maplen() > REMOTE_CPUMAPS_MAX) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC,
                        "maxinfo * maplen > REMOTE_CPUMAPS_MAX");
            }
            List<BitSet> maps = DomainCalls.first(c.dom(a.dom()).getVcpuPinInfo(c.flags(DomainAffect.class,
                    a.flags())), a.ncpumaps());
            byte[] out = new byte[a.ncpumaps() * a.maplen()];
            for (int i = 0; i < maps.size(); i++) {
                System.arraycopy(Wire.cpumap(maps.get(i), a.maplen()), 0, out, i * a.maplen(), a.maplen());
            }
            return new DomainGetVcpuPinInfoRet(out, maps.size());
        });
        t.on(DOMAIN_PIN_EMULATOR, (c, a) -> {
            c.dom(a.dom()).pinEmulator(Wire.cpumap(a.cpumap()), c.flags(DomainAffect.class, a.flags()));
            return null;
        });
        t.on(DOMAIN_GET_EMULATOR_PIN_INFO, (c, a) -> {
            Optional<BitSet> map = c.dom(a.dom()).getEmulatorPinInfo(c.flags(DomainAffect.class, a.flags()));
            return new DomainGetEmulatorPinInfoRet(map.map(m -> Wire.cpumap(m, a.maplen())).orElse(new byte[0]),
                    map.isPresent() ? 1 : 0);
        });
        t.on(DOMAIN_SET_VCPU, (c, a) -> {
            c.dom(a.dom()).setVcpu(a.cpumap(), a.state() != 0, c.flags(DomainAffect.class, a.flags()));
            return null;
        });
        t.on(DOMAIN_GET_GUEST_VCPUS, (c, a) -> {
            c.noFlags(a.flags());
            return new DomainGetGuestVcpusRet(Wire.params(c.dom(a.dom()).getGuestVcpus()));
        });
        t.on(DOMAIN_SET_GUEST_VCPUS, (c, a) -> {
            c.noFlags(a.flags());
            c.dom(a.dom()).setGuestVcpus(a.cpumap(), a.state() != 0);
            return null;
        });
        t.on(DOMAIN_GET_IOTHREAD_INFO, (c, a) -> {
            List<DomainIOThreadInfo> info = c.dom(a.dom()).getIOThreadInfo(c.flags(DomainAffect.class, a.flags()));
            int maplen = (hostCpus(c.conn()) + 7) / 8;
            return new DomainGetIothreadInfoRet(Wire.map(info, i -> new DomainIothreadInfo(i.iothreadId(),
                    Wire.cpumap(i.cpumap(), maplen))), info.size());
        });
        t.on(DOMAIN_PIN_IOTHREAD, (c, a) -> {
            c.dom(a.dom()).pinIOThread(a.iothreadsId(), Wire.cpumap(a.cpumap()),
                    c.flags(DomainAffect.class, a.flags()));
            return null;
        });
        t.on(DOMAIN_ADD_IOTHREAD, (c, a) -> {
            c.dom(a.dom()).addIOThread(a.iothreadId(), c.flags(DomainAffect.class, a.flags()));
            return null;
        });
        t.on(DOMAIN_DEL_IOTHREAD, (c, a) -> {
            c.dom(a.dom()).delIOThread(a.iothreadId(), c.flags(DomainAffect.class, a.flags()));
            return null;
        });
        t.on(DOMAIN_SET_IOTHREAD_PARAMS, (c, a) -> {
            c.dom(a.dom()).setIOThreadParams(a.iothreadId(), Wire.params(a.params()),
                    c.flags(DomainAffect.class, a.flags()));
            return null;
        });
    }

    /** The host's CPU count: what sizes a CPU map libvirt sends back. */
    static int hostCpus(Connect conn) {
        try {
            return conn.nodeGetCPUMap().cpus();
        } catch (VirtException e) {
            var n = conn.nodeInfo();
            return n.nodes() * n.sockets() * n.cores() * n.threads();
        }
    }

    private static void memory(DispatchTable t) {
        t.on(DOMAIN_SET_MAX_MEMORY, (c, a) -> {
            c.dom(a.dom()).setMaxMemory(a.memory());
            return null;
        });
        t.on(DOMAIN_SET_MEMORY, (c, a) -> {
            c.dom(a.dom()).setMemory(a.memory());
            return null;
        });
        t.on(DOMAIN_SET_MEMORY_FLAGS, (c, a) -> {
            c.dom(a.dom()).setMemoryFlags(a.memory(), c.flags(DomainMemoryModFlag.class, a.flags()));
            return null;
        });
        t.on(DOMAIN_SET_MEMORY_STATS_PERIOD, (c, a) -> {
            c.dom(a.dom()).setMemoryStatsPeriod(a.period(), c.flags(DomainMemoryModFlag.class, a.flags()));
            return null;
        });
        t.on(DOMAIN_MEMORY_STATS, (c, a) -> {
            c.noFlags(a.flags());
            DomainCalls.max(a.maxStats(), REMOTE_DOMAIN_MEMORY_STATS_MAX, "maxStats > REMOTE_DOMAIN_MEMORY_STATS_MAX");
            return new DomainMemoryStatsRet(Wire.map(DomainCalls.first(c.dom(a.dom()).memoryStats(), a.maxStats()),
                    s -> new DomainMemoryStat(s.tag().value(), s.value())));
        });
        t.on(DOMAIN_MEMORY_PEEK, (c, a) -> {
            if (a.size() < 0 || a.size() > REMOTE_DOMAIN_MEMORY_PEEK_BUFFER_MAX) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC, "size > maximum buffer size");
            }
            return new DomainMemoryPeekRet(c.dom(a.dom()).memoryPeek(a.offset(), a.size(),
                    c.flags(DomainMemoryFlag.class, a.flags())));
        });
    }

    private static void parameters(DispatchTable t) {
        t.on(DOMAIN_GET_SCHEDULER_TYPE, (c, a) -> {
            DomainSchedulerType s = c.dom(a.dom()).getSchedulerType();
            return new DomainGetSchedulerTypeRet(s.type(), s.nparams());
        });
        t.on(DOMAIN_GET_SCHEDULER_PARAMETERS, (c, a) -> {
            Wire.checkNparams(a.nparams(), REMOTE_DOMAIN_SCHEDULER_PARAMETERS_MAX);
            if (a.nparams() == 0) {
                throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.DOMAIN,
                        "params in virDomainGetSchedulerParameters must not be NULL");
            }
            return new DomainGetSchedulerParametersRet(Wire.params(c.dom(a.dom()).getSchedulerParameters(), false));
        });
        t.on(DOMAIN_GET_SCHEDULER_PARAMETERS_FLAGS, (c, a) -> {
            Wire.checkNparams(a.nparams(), REMOTE_DOMAIN_SCHEDULER_PARAMETERS_MAX);
            if (a.nparams() == 0) {
                throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.DOMAIN,
                        "params in virDomainGetSchedulerParametersFlags must not be NULL");
            }
            TypedParameters p = c.dom(a.dom()).getSchedulerParameters(c.paramFlags(DomainAffect.class, a.flags()));
            return new DomainGetSchedulerParametersFlagsRet(Wire.params(p, ConnectCalls.strings(a.flags())));
        });
        t.on(DOMAIN_SET_SCHEDULER_PARAMETERS, (c, a) -> {
            c.dom(a.dom()).setSchedulerParameters(Wire.params(a.params()));
            return null;
        });
        t.on(DOMAIN_SET_SCHEDULER_PARAMETERS_FLAGS, (c, a) -> {
            c.dom(a.dom()).setSchedulerParameters(Wire.params(a.params()), c.flags(DomainAffect.class, a.flags()));
            return null;
        });
        t.on(DOMAIN_GET_MEMORY_PARAMETERS, (c, a) -> {
            Wire.checkNparams(a.nparams(), REMOTE_DOMAIN_MEMORY_PARAMETERS_MAX);
            TypedParameters p = c.dom(a.dom()).getMemoryParameters(c.paramFlags(DomainAffect.class, a.flags()));
            return a.nparams() == 0 ? new DomainGetMemoryParametersRet(List.of(), p.size())
                    : new DomainGetMemoryParametersRet(Wire.params(p, ConnectCalls.strings(a.flags())), 0);
        });
        t.on(DOMAIN_SET_MEMORY_PARAMETERS, (c, a) -> {
            c.dom(a.dom()).setMemoryParameters(Wire.params(a.params()), c.flags(DomainAffect.class, a.flags()));
            return null;
        });
        t.on(DOMAIN_GET_NUMA_PARAMETERS, (c, a) -> {
            Wire.checkNparams(a.nparams(), REMOTE_DOMAIN_NUMA_PARAMETERS_MAX);
            TypedParameters p = c.dom(a.dom()).getNumaParameters(c.paramFlags(DomainAffect.class, a.flags()));
            return a.nparams() == 0 ? new DomainGetNumaParametersRet(List.of(), p.size())
                    : new DomainGetNumaParametersRet(Wire.params(p, ConnectCalls.strings(a.flags())), 0);
        });
        t.on(DOMAIN_SET_NUMA_PARAMETERS, (c, a) -> {
            c.dom(a.dom()).setNumaParameters(Wire.params(a.params()), c.flags(DomainAffect.class, a.flags()));
            return null;
        });
        t.on(DOMAIN_GET_BLKIO_PARAMETERS, (c, a) -> {
            Wire.checkNparams(a.nparams(), REMOTE_DOMAIN_BLKIO_PARAMETERS_MAX);
            TypedParameters p = c.dom(a.dom()).getBlkioParameters(c.paramFlags(DomainAffect.class, a.flags()));
            return a.nparams() == 0 ? new DomainGetBlkioParametersRet(List.of(), p.size())
                    : new DomainGetBlkioParametersRet(Wire.params(p, ConnectCalls.strings(a.flags())), 0);
        });
        t.on(DOMAIN_SET_BLKIO_PARAMETERS, (c, a) -> {
            c.dom(a.dom()).setBlkioParameters(Wire.params(a.params()), c.flags(DomainAffect.class, a.flags()));
            return null;
        });
        t.on(DOMAIN_GET_PERF_EVENTS, (c, a) -> new DomainGetPerfEventsRet(Wire.params(c.dom(a.dom()).getPerfEvents(
                c.flags(DomainAffect.class, a.flags())))));
        t.on(DOMAIN_SET_PERF_EVENTS, (c, a) -> {
            c.dom(a.dom()).setPerfEvents(Wire.params(a.params()), c.flags(DomainAffect.class, a.flags()));
            return null;
        });
        t.on(DOMAIN_GET_INTERFACE_PARAMETERS, (c, a) -> {
            Wire.checkNparams(a.nparams(), REMOTE_DOMAIN_INTERFACE_PARAMETERS_MAX);
            TypedParameters p = c.dom(a.dom()).getInterfaceParameters(a.device(),
                    c.paramFlags(DomainAffect.class, a.flags()));
            return a.nparams() == 0 ? new DomainGetInterfaceParametersRet(List.of(), p.size())
                    : new DomainGetInterfaceParametersRet(Wire.params(p, ConnectCalls.strings(a.flags())), 0);
        });
        t.on(DOMAIN_SET_INTERFACE_PARAMETERS, (c, a) -> {
            c.dom(a.dom()).setInterfaceParameters(a.device(), Wire.params(a.params()),
                    c.flags(DomainAffect.class, a.flags()));
            return null;
        });
        t.on(DOMAIN_GET_BLOCK_IO_TUNE, (c, a) -> {
            Wire.checkNparams(a.nparams(), REMOTE_DOMAIN_BLOCK_IO_TUNE_PARAMETERS_MAX);
            TypedParameters p = c.dom(a.dom()).getBlockIoTune(a.disk(), c.paramFlags(DomainAffect.class, a.flags()));
            return a.nparams() == 0 ? new DomainGetBlockIoTuneRet(List.of(), p.size())
                    : new DomainGetBlockIoTuneRet(Wire.params(p, ConnectCalls.strings(a.flags())), 0);
        });
        t.on(DOMAIN_SET_BLOCK_IO_TUNE, (c, a) -> {
            c.dom(a.dom()).setBlockIoTune(a.disk(), Wire.params(a.params()), c.flags(DomainAffect.class, a.flags()));
            return null;
        });
        t.on(DOMAIN_GET_CPU_STATS, (c, a) -> {
            c.noParamFlags(a.flags());
            Wire.checkNparams(a.nparams(), REMOTE_NODE_CPU_STATS_MAX);
            if (a.ncpus() > REMOTE_DOMAIN_GET_CPU_STATS_NCPUS_MAX) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC, "ncpus too large");
            }
            List<TypedParameters> perCpu = c.dom(a.dom()).getCPUStats(a.startCpu(), a.ncpus());
            int stride = perCpu.stream().mapToInt(TypedParameters::size).max().orElse(0);
            if (a.nparams() == 0) {
                return new DomainGetCpuStatsRet(List.of(), stride);
            }
            List<TypedParam> flat = new ArrayList<>();
            for (TypedParameters p : perCpu) {
                if (p.size() != stride) {
                    throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC,
                            "the CPUs report different statistics");
                }
                flat.addAll(Wire.params(p, ConnectCalls.strings(a.flags())));
            }
            return new DomainGetCpuStatsRet(flat, stride);
        });
        t.on(DOMAIN_GET_LAUNCH_SECURITY_INFO, (c, a) -> {
            // libvirt's library adds STRING_OKAY; the driver decides (QEMU takes it, the test driver refuses it)
            c.noParamFlags(a.flags());
            return new DomainGetLaunchSecurityInfoRet(Wire.params(c.dom(a.dom()).getLaunchSecurityInfo()));
        });
        t.on(DOMAIN_SET_LAUNCH_SECURITY_STATE, (c, a) -> {
            c.noFlags(a.flags());
            c.dom(a.dom()).setLaunchSecurityState(Wire.params(a.params()));
            return null;
        });
    }
}
