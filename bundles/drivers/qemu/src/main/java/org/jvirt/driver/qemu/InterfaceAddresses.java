package org.jvirt.driver.qemu;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jvirt.api.DomainIPAddress;
import org.jvirt.api.DomainInterface;
import org.jvirt.api.DomainInterfaceAddressesSource;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.IPAddrType;
import org.jvirt.api.VirtException;
import org.jvirt.conf.domain.DomainDef;
import org.jvirt.conf.domain.NetDef;

/**
 * A running guest's interfaces and their addresses (libvirt's qemuDomainInterfaceAddresses): DHCP leases of the
 * interfaces on a virtual network, the host's ARP table matched by MAC address, or the guest agent.
 */
final class InterfaceAddresses {
    private InterfaceAddresses() {
    }

    /** The answer for {@code def}, the definition of a running domain in state {@code running}. */
    static List<DomainInterface> of(DomainDef def, boolean running, DomainInterfaceAddressesSource source,
            java.util.function.Supplier<ArpTable> arp) {
        return switch (source) {
            case LEASE -> leases(def);
            case AGENT -> agent(def, running);
            case ARP -> arp(def, arp.get());
        };
    }

    /**
     * qemuGetDHCPInterfaces: only interfaces of type network have leases, kept by the network driver; the others
     * give no entry. jvirt's QEMU driver has no way to the network driver's leases yet, so a network interface is
     * refused rather than answered as if it had none.
     */
    private static List<DomainInterface> leases(DomainDef def) {
        for (NetDef n : def.devices().interfaces) {
            if ("network".equals(n.type)) {
                throw new VirtException(ErrorCode.NO_SUPPORT, ErrorDomain.QEMU, "DHCP leases of network '"
                        + (n.source == null ? null : n.source.network)
                        + "' are not available to jvirt's QEMU driver yet");
            }
        }
        return List.of();
    }

    /** qemuDomainAgentAvailable: jvirt has no guest agent client, so the agent is never connected. */
    private static List<DomainInterface> agent(DomainDef def, boolean running) {
        throw GuestAgent.unavailable(def, running);
    }

    /** qemuARPGetInterfaces: one entry per interface and matching neighbour, in the domain's interface order. */
    static List<DomainInterface> arp(DomainDef def, ArpTable table) {
        List<DomainInterface> out = new ArrayList<>();
        for (NetDef n : def.devices().interfaces) {
            if (n.mac == null || n.mac.address == null) {
                continue;
            }
            String mac = n.mac.address.toLowerCase(Locale.ROOT);
            String name = n.target == null ? null : n.target.dev;
            for (String ip : table.addressesOf(mac)) {
                // the ARP table knows no prefix: libvirt leaves it 0
                out.add(new DomainInterface(name, mac, List.of(new DomainIPAddress(IPAddrType.IPV4, ip, 0))));
            }
        }
        return out;
    }
}
