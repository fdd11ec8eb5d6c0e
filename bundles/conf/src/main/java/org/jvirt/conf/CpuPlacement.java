package org.jvirt.conf;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.jvirt.conf.domain.Cputune;
import org.jvirt.conf.domain.DomainDef;
import org.jvirt.util.CpuSets;

/**
 * Where a definition lets a domain's vCPUs and emulator threads run, as libvirt's domain_conf derives it for every
 * driver (virDomainDefGetVcpuPinInfoHelper): a thread's own pin, else the domain's {@code <vcpu cpuset>}, else
 * every host CPU.
 */
public final class CpuPlacement {
    private CpuPlacement() {
    }

    /** Where vCPU {@code vcpu} may run. */
    public static BitSet vcpu(DomainDef def, int vcpu, int hostCpus) {
        if (def.cputune != null) {
            for (Cputune.Vcpupin p : def.cputune.vcpupins) {
                if (Integer.parseInt(p.vcpu) == vcpu) {
                    return CpuSets.parse(p.cpuset);
                }
            }
        }
        return domain(def, hostCpus);
    }

    /** The maps of every vCPU up to the maximum, cut to the host's CPUs (virsh vcpupin). */
    public static List<BitSet> vcpuPinInfo(DomainDef def, int hostCpus) {
        List<BitSet> out = new ArrayList<>();
        for (int i = 0; i < def.maxVcpus(); i++) {
            BitSet m = vcpu(def, i, hostCpus);
            m.clear(hostCpus, Math.max(hostCpus, m.length()));
            out.add(m);
        }
        return out;
    }

    /** Where the emulator's threads may run (virsh emulatorpin). */
    public static BitSet emulator(DomainDef def, int hostCpus) {
        if (def.cputune != null && def.cputune.emulatorpin != null) {
            return CpuSets.parse(def.cputune.emulatorpin.cpuset);
        }
        return domain(def, hostCpus);
    }

    /** The domain's own placement: its {@code <vcpu cpuset>}, else every host CPU. */
    public static BitSet domain(DomainDef def, int hostCpus) {
        if (def.vcpu != null && def.vcpu.cpuset != null) {
            return CpuSets.parse(def.vcpu.cpuset);
        }
        return CpuSets.all(hostCpus);
    }
}
