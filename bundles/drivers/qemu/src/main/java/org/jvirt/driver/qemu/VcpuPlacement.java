package org.jvirt.driver.qemu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.jvirt.api.DomainIOThreadInfo;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VcpuInfo;
import org.jvirt.api.VcpuState;
import org.jvirt.api.VirtException;
import org.jvirt.conf.domain.Cputune;
import org.jvirt.conf.domain.DomainDef;
import org.jvirt.conf.domain.IoThreadIds;
import org.jvirt.util.CpuSets;

/**
 * Where a domain's threads may run and did run: vCPUs (virsh vcpuinfo, vcpupin), the emulator (emulatorpin) and
 * I/O threads (iothreadinfo). Pinning comes from the definition as libvirt reads it (a vCPU's own pin, else the
 * domain's cpuset, else every host CPU); a running vCPU's time, last CPU and affinity from its thread in /proc.
 */
final class VcpuPlacement {
    private VcpuPlacement() {
    }

    /** qemuDomainGetVcpus: one entry per vCPU of a running domain. */
    static List<VcpuInfo> vcpus(QemuDomainObj.Running r, long pid, int hostCpus) {
        JsonNode cpus = QmpCommands.execute(r.monitor(), "query-cpus-fast", null);
        List<VcpuInfo> out = new ArrayList<>();
        for (JsonNode c : cpus) {
            int index = c.path("cpu-index").asInt();
            Path task = Path.of("/proc", Long.toString(pid), "task", c.path("thread-id").asText());
            long[] stat = threadStat(task);
            BitSet affinity = affinity(task);
            out.add(new VcpuInfo(index, VcpuState.RUNNING, stat[0], (int) stat[1],
                    affinity != null ? affinity : vcpuMap(r.def(), index, hostCpus)));
        }
        return out;
    }

    /** Where vCPU {@code vcpu} may run by the definition. */
    static BitSet vcpuMap(DomainDef def, int vcpu, int hostCpus) {
        if (def.cputune != null) {
            for (Cputune.Vcpupin p : def.cputune.vcpupins) {
                if (Integer.parseInt(p.vcpu) == vcpu) {
                    return CpuSets.parse(p.cpuset);
                }
            }
        }
        return domainMap(def, hostCpus);
    }

    /** The maps of every vCPU up to the maximum (virDomainDefGetVcpuPinInfoHelper). */
    static List<BitSet> vcpuPinInfo(DomainDef def, int hostCpus) {
        List<BitSet> out = new ArrayList<>();
        for (int i = 0; i < def.maxVcpus(); i++) {
            BitSet m = vcpuMap(def, i, hostCpus);
            m.clear(hostCpus, Math.max(hostCpus, m.length()));
            out.add(m);
        }
        return out;
    }

    /** qemuDomainGetEmulatorPinInfo: the emulator's pin, else the domain's cpuset, else every host CPU. */
    static BitSet emulatorPinInfo(DomainDef def, int hostCpus) {
        if (def.cputune != null && def.cputune.emulatorpin != null) {
            return CpuSets.parse(def.cputune.emulatorpin.cpuset);
        }
        return domainMap(def, hostCpus);
    }

    /**
     * The I/O threads the definition declares, each with its pin (or the domain's placement); a bare count
     * ({@code <iothreads>2</iothreads>}) means ids 1 to 2, as libvirt fills them in.
     */
    static List<DomainIOThreadInfo> iothreads(DomainDef def, int hostCpus) {
        List<DomainIOThreadInfo> out = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        if (def.iothreadids != null) {
            for (IoThreadIds.IoThread t : def.iothreadids.iothreads) {
                ids.add(t.id);
            }
        }
        int count = def.iothreads == null ? 0 : Integer.parseInt(def.iothreads.strip());
        for (int id = 1; ids.size() < count; id++) {
            if (!ids.contains(Integer.toString(id))) {
                ids.add(Integer.toString(id));
            }
        }
        for (String id : ids) {
            BitSet map = null;
            if (def.cputune != null) {
                for (Cputune.Iothreadpin p : def.cputune.iothreadpins) {
                    if (p.iothread != null && p.iothread.equals(id)) {
                        map = CpuSets.parse(p.cpuset);
                    }
                }
            }
            out.add(new DomainIOThreadInfo(Integer.parseInt(id), map != null ? map : domainMap(def, hostCpus)));
        }
        return out;
    }

    private static BitSet domainMap(DomainDef def, int hostCpus) {
        if (def.vcpu != null && def.vcpu.cpuset != null) {
            return CpuSets.parse(def.vcpu.cpuset);
        }
        return CpuSets.all(hostCpus);
    }

    /** utime + stime in nanoseconds and the processor it last ran on, from a thread's stat. */
    private static long[] threadStat(Path task) {
        try {
            String stat = Files.readString(task.resolve("stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return new long[] {ticks * 10_000_000L, Long.parseLong(f[36])}; // USER_HZ is 100
        } catch (IOException | RuntimeException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU, "cannot read " + task
                    + "/stat: " + e.getMessage());
        }
    }

    /** The thread's CPU affinity (Cpus_allowed_list), or null when /proc does not say. */
    private static BitSet affinity(Path task) {
        try {
            for (String line : Files.readAllLines(task.resolve("status"))) {
                if (line.startsWith("Cpus_allowed_list:")) {
                    return CpuSets.parse(line.substring(line.indexOf(':') + 1).strip());
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }
}
