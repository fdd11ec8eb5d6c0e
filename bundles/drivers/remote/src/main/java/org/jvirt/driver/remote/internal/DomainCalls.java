package org.jvirt.driver.remote.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jvirt.api.DomainAffect;
import org.jvirt.api.TypedParameters;
import org.jvirt.api.VcpuInfo;
import org.jvirt.api.VcpuState;
import org.jvirt.api.VirFlag;
import org.jvirt.rpc.remote.RemoteProtocol;
import org.jvirt.rpc.remote.RemoteProtocol.DomainGetCpuStatsArgs;
import org.jvirt.rpc.remote.RemoteProtocol.DomainGetCpuStatsRet;
import org.jvirt.rpc.remote.RemoteProtocol.DomainGetEmulatorPinInfoArgs;
import org.jvirt.rpc.remote.RemoteProtocol.DomainGetEmulatorPinInfoRet;
import org.jvirt.rpc.remote.RemoteProtocol.DomainGetInfoArgs;
import org.jvirt.rpc.remote.RemoteProtocol.DomainGetVcpuPinInfoArgs;
import org.jvirt.rpc.remote.RemoteProtocol.DomainGetVcpuPinInfoRet;
import org.jvirt.rpc.remote.RemoteProtocol.DomainGetVcpusArgs;
import org.jvirt.rpc.remote.RemoteProtocol.DomainGetVcpusFlagsArgs;
import org.jvirt.rpc.remote.RemoteProtocol.DomainGetVcpusRet;
import org.jvirt.rpc.remote.RemoteProtocol.NodeGetCpuMapArgs;
import org.jvirt.rpc.remote.RemoteProtocol.NodeGetInfoRet;
import org.jvirt.rpc.remote.RemoteProtocol.NonnullDomain;
import org.jvirt.rpc.remote.RemoteProtocol.TypedParam;

/**
 * Domain calls whose sizes the client works out first, as libvirt's client and virsh do: CPU maps as long as the
 * host has CPUs, vCPU lists as long as the domain has vCPUs, per-CPU statistics counted before they are fetched.
 */
final class DomainCalls {
    /** libvirt's VIR_DOMAIN_VCPU_MAXIMUM: the most vCPUs the domain may have. */
    private static final int VCPU_MAXIMUM = 4;
    /** The most CPUs a per-CPU statistics call may ask for (REMOTE_DOMAIN_GET_CPU_STATS_NCPUS_MAX). */
    private static final int CPU_STATS_NCPUS_MAX = RemoteProtocol.REMOTE_DOMAIN_GET_CPU_STATS_NCPUS_MAX;

    private DomainCalls() {
    }

    static SpecialCalls.Call of(String method) {
        return switch (method) {
            case "getVcpus/0" -> (s, h, p, a) -> vcpus(s, dom(h));
            case "getVcpuPinInfo/1" -> (s, h, p, a) -> vcpuPinInfo(s, dom(h), bits(a[0]));
            case "getEmulatorPinInfo/1" -> (s, h, p, a) -> {
                int maplen = maplen(s);
                DomainGetEmulatorPinInfoRet r = s.client().call(RemoteProtocol.DOMAIN_GET_EMULATOR_PIN_INFO,
                        new DomainGetEmulatorPinInfoArgs(dom(h), maplen, bits(a[0])));
                return r.ret() == 0 ? Optional.empty() : Optional.of(BitSet.valueOf(r.cpumaps()));
            };
            case "getCPUStats/2" -> (s, h, p, a) -> cpuStats(s, dom(h), (Integer) a[0], (Integer) a[1]);
            case "createWithFiles/2" -> (s, h, p, a) -> {
                RemoteProtocol.DomainCreateWithFilesRet r = s.client().callWithFiles(
                        RemoteProtocol.DOMAIN_CREATE_WITH_FILES,
                        new RemoteProtocol.DomainCreateWithFilesArgs(dom(h), SpecialCalls.flagBits(a[1])),
                        SpecialCalls.files(s, a[0]));
                // the handle takes the id the started domain has, as libvirt's client does
                h.identity(r.dom());
                return null;
            };
            default -> Migration.of(method);
        };
    }

    private static NonnullDomain dom(RemoteHandle h) {
        return (NonnullDomain) h.identity();
    }

    private static int bits(Object flags) {
        @SuppressWarnings("unchecked")
        Set<DomainAffect> f = (Set<DomainAffect>) flags;
        return f == null ? 0 : VirFlag.toBits(f);
    }

    /**
     * Bytes of a CPU map covering every host CPU: the count the host's CPU map gives, as libvirt-python and virsh
     * take it; from the node's figures (VIR_NODEINFO_MAXCPUS) when the server has no CPU map.
     */
    private static int maplen(RemoteSession s) {
        int cpus;
        try {
            cpus = s.client().call(RemoteProtocol.NODE_GET_CPU_MAP, new NodeGetCpuMapArgs(0, 0, 0)).ret();
        } catch (org.jvirt.api.VirtException e) {
            if (e.code() != org.jvirt.api.ErrorCode.NO_SUPPORT) {
                throw e;
            }
            NodeGetInfoRet n = s.client().call(RemoteProtocol.NODE_GET_INFO, null);
            cpus = n.nodes() * n.sockets() * n.cores() * n.threads();
        }
        return Math.max(1, (cpus + 7) / 8);
    }

    private static List<VcpuInfo> vcpus(RemoteSession s, NonnullDomain d) {
        int maplen = maplen(s);
        int nvcpus = s.client().call(RemoteProtocol.DOMAIN_GET_INFO, new DomainGetInfoArgs(d)).nrVirtCpu();
        DomainGetVcpusRet r = s.client().call(RemoteProtocol.DOMAIN_GET_VCPUS, new DomainGetVcpusArgs(d, nvcpus, maplen));
        List<VcpuInfo> out = new ArrayList<>(r.info().size());
        for (int i = 0; i < r.info().size(); i++) {
            RemoteProtocol.VcpuInfo v = r.info().get(i);
            BitSet map = BitSet.valueOf(slice(r.cpumaps(), i, maplen));
            out.add(new VcpuInfo(v.number(), VcpuState.fromValue(v.state()), v.cpuTime(), v.cpu(), map));
        }
        return out;
    }

    private static List<BitSet> vcpuPinInfo(RemoteSession s, NonnullDomain d, int flags) {
        int maplen = maplen(s);
        int ncpumaps = s.client().call(RemoteProtocol.DOMAIN_GET_VCPUS_FLAGS,
                new DomainGetVcpusFlagsArgs(d, flags | VCPU_MAXIMUM)).num();
        DomainGetVcpuPinInfoRet r = s.client().call(RemoteProtocol.DOMAIN_GET_VCPU_PIN_INFO,
                new DomainGetVcpuPinInfoArgs(d, ncpumaps, maplen, flags));
        List<BitSet> out = new ArrayList<>(r.num());
        for (int i = 0; i < r.num(); i++) {
            out.add(BitSet.valueOf(slice(r.cpumaps(), i, maplen)));
        }
        return out;
    }

    private static byte[] slice(byte[] maps, int index, int maplen) {
        int from = Math.min(maps.length, index * maplen);
        return Arrays.copyOfRange(maps, from, Math.min(maps.length, from + maplen));
    }

    /** Per-CPU (or, with startCpu -1, total) statistics: the count of parameters first, then the values. */
    private static List<TypedParameters> cpuStats(RemoteSession s, NonnullDomain d, int startCpu, int ncpus) {
        int n = Math.min(ncpus, CPU_STATS_NCPUS_MAX);
        int flags = s.typedParamStrings() ? CallPlan.TYPED_PARAM_STRING_OKAY : 0;
        DomainGetCpuStatsRet count = s.client().call(RemoteProtocol.DOMAIN_GET_CPU_STATS,
                new DomainGetCpuStatsArgs(d, 0, startCpu, n, flags));
        if (count.nparams() <= 0) {
            return List.of();
        }
        DomainGetCpuStatsRet r = s.client().call(RemoteProtocol.DOMAIN_GET_CPU_STATS,
                new DomainGetCpuStatsArgs(d, count.nparams(), startCpu, n, flags));
        int per = r.nparams();
        List<TypedParameters> out = new ArrayList<>();
        for (int i = 0; per > 0 && i < r.params().size(); i += per) {
            List<TypedParam> chunk = r.params().subList(i, Math.min(r.params().size(), i + per));
            out.add(WireValues.typedParameters(chunk.stream().filter(t -> !t.field().isEmpty()).toList()));
        }
        return out;
    }
}
