package org.jvirt.api;

import java.util.BitSet;

/**
 * A virtual CPU of a running domain (virDomainGetVcpus).
 *
 * @param number       the vCPU's number
 * @param state        its state
 * @param cpuTimeNanos the CPU time it used, in nanoseconds
 * @param cpu          the host CPU it runs on, or a {@link VcpuHostCpuState} value when it runs on none
 * @param cpumap       the host CPUs it may run on (bit n for CPU n)
 */
public record VcpuInfo(int number, VcpuState state, long cpuTimeNanos, int cpu, BitSet cpumap) {
    public VcpuInfo {
        cpumap = (BitSet) cpumap.clone();
    }

    @Override
    public BitSet cpumap() {
        return (BitSet) cpumap.clone();
    }
}
