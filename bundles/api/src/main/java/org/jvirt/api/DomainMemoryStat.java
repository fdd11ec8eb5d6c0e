package org.jvirt.api;

/**
 * One memory statistic of a domain (virDomainMemoryStats).
 *
 * @param tag   what it measures
 * @param value its value (KiB for sizes, a count for faults, seconds for LAST_UPDATE)
 */
public record DomainMemoryStat(DomainMemoryStatTag tag, long value) {
}
