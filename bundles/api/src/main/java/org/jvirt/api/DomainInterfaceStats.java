package org.jvirt.api;

/**
 * A network interface's counters, from the domain's side (virDomainInterfaceStats); -1 for a counter the
 * hypervisor does not keep.
 */
public record DomainInterfaceStats(long rxBytes, long rxPackets, long rxErrs, long rxDrop, long txBytes,
        long txPackets, long txErrs, long txDrop) {
}
