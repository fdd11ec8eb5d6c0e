package org.jvirt.api;

/**
 * What virDomainGetInfo reports of a domain.
 *
 * @param state        the running state
 * @param maxMemKiB    the most memory the domain may have, in KiB
 * @param memoryKiB    the memory it has now, in KiB
 * @param nrVirtCpu    its number of virtual CPUs
 * @param cpuTimeNanos the CPU time it used, in nanoseconds
 */
public record DomainInfo(DomainState state, long maxMemKiB, long memoryKiB, int nrVirtCpu, long cpuTimeNanos) {
}
