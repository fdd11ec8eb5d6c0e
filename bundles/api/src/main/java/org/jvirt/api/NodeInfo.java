package org.jvirt.api;

/**
 * What virNodeGetInfo reports of the host.
 *
 * @param model      the CPU model, e.g. "x86_64"
 * @param memoryKiB  the memory size in KiB
 * @param cpus       the number of active CPUs
 * @param mhz        the expected CPU frequency in MHz (0 when unknown)
 * @param nodes      the number of NUMA cells (1 for a uniform memory access host)
 * @param sockets    CPU sockets per node
 * @param cores      cores per socket
 * @param threads    threads per core
 */
public record NodeInfo(String model, long memoryKiB, int cpus, int mhz, int nodes, int sockets, int cores,
        int threads) {
}
