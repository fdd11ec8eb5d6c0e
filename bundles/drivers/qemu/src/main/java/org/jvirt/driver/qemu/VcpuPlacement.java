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
import org.jvirt.conf.CpuPlacement;
import org.jvirt.conf.domain.Cputune;
import org.jvirt.conf.domain.DomainDef;
import org.jvirt.conf.domain.IoThreadIds;
import org.jvirt.util.CpuSets;

/**
 * Where a running domain's vCPUs ran (virsh vcpuinfo: time, last CPU and affinity from each thread in /proc) and
 * where its I/O threads may run (iothreadinfo); the pinning itself is conf's {@link org.jvirt.conf.CpuPlacement},
 * as libvirt's domain_conf serves every driver.
 */
final class VcpuPlacement {
    private VcpuPlacement() {
    }

    /** qemuDomainGetVcpus: one entry per vCPU of a running domain. */
    static List<VcpuInfo> vcpus(QemuDomainObj.Running r, int hostCpus) {
        long pid = r.pid();
        JsonNode cpus = QmpCommands.execute(r.monitor(), "query-cpus-fast", null);
        List<VcpuInfo> out = new ArrayList<>();
        for (JsonNode c : cpus) {
            int index = c.path("cpu-index").asInt();
            long tid = c.path("thread-id").asLong();
            Path task = Path.of("/proc", Long.toString(pid), "task", Long.toString(tid));
            ProcStat stat = ProcStat.of(pid, tid);
            if (stat == null) {
                throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU, "cannot read " + task + "/stat");
            }
            BitSet affinity = affinity(task);
            out.add(new VcpuInfo(index, VcpuState.RUNNING, stat.cpuNanos(), stat.processor(),
                    affinity != null ? affinity : CpuPlacement.vcpu(r.def(), index, hostCpus)));
        }
        return out;
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
            out.add(new DomainIOThreadInfo(Integer.parseInt(id), map != null ? map : CpuPlacement.domain(def, hostCpus)));
        }
        return out;
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
