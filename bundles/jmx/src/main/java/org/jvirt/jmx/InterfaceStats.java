package org.jvirt.jmx;

import javax.management.ConstructorParameters;

/**
 * One guest interface's counters, as {@code virsh domifstat} shows them (rx_bytes, rx_packets, rx_errs, rx_drop,
 * tx_bytes, tx_packets, tx_errs, tx_drop); -1 for a counter the hypervisor does not keep. A console sees it as
 * CompositeData.
 */
public final class InterfaceStats {
    private final String device;
    private final long rxBytes;
    private final long rxPackets;
    private final long rxErrors;
    private final long rxDrops;
    private final long txBytes;
    private final long txPackets;
    private final long txErrors;
    private final long txDrops;

    @ConstructorParameters({"device", "rxBytes", "rxPackets", "rxErrors", "rxDrops", "txBytes", "txPackets",
            "txErrors", "txDrops"})
    public InterfaceStats(String device, long rxBytes, long rxPackets, long rxErrors, long rxDrops, long txBytes,
            long txPackets, long txErrors, long txDrops) {
        this.device = device;
        this.rxBytes = rxBytes;
        this.rxPackets = rxPackets;
        this.rxErrors = rxErrors;
        this.rxDrops = rxDrops;
        this.txBytes = txBytes;
        this.txPackets = txPackets;
        this.txErrors = txErrors;
        this.txDrops = txDrops;
    }

    /** The interface's name on the host (its target device, e.g. vnet0). */
    public String getDevice() {
        return device;
    }

    public long getRxBytes() {
        return rxBytes;
    }

    public long getRxPackets() {
        return rxPackets;
    }

    public long getRxErrors() {
        return rxErrors;
    }

    public long getRxDrops() {
        return rxDrops;
    }

    public long getTxBytes() {
        return txBytes;
    }

    public long getTxPackets() {
        return txPackets;
    }

    public long getTxErrors() {
        return txErrors;
    }

    public long getTxDrops() {
        return txDrops;
    }
}
