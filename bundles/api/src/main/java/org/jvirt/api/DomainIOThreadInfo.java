package org.jvirt.api;

import java.util.BitSet;

/**
 * An I/O thread of a domain and the host CPUs it may run on (virDomainGetIOThreadInfo).
 *
 * @param iothreadId the thread's id
 * @param cpumap     the host CPUs it may run on (bit n for CPU n)
 */
public record DomainIOThreadInfo(int iothreadId, BitSet cpumap) {
    public DomainIOThreadInfo {
        cpumap = (BitSet) cpumap.clone();
    }

    @Override
    public BitSet cpumap() {
        return (BitSet) cpumap.clone();
    }
}
