package org.jvirt.api;

import java.util.BitSet;

/**
 * The host's CPUs (virNodeGetCPUMap).
 *
 * @param cpus   how many CPUs the host has
 * @param online the online ones (bit n for CPU n)
 */
public record NodeCPUMap(int cpus, BitSet online) {
    public NodeCPUMap {
        online = (BitSet) online.clone();
    }

    @Override
    public BitSet online() {
        return (BitSet) online.clone();
    }

    /** How many CPUs are online. */
    public int onlineCount() {
        return online.cardinality();
    }
}
