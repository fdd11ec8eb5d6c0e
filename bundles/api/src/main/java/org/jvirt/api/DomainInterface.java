package org.jvirt.api;

import java.util.List;

/**
 * A guest's network interface and its addresses (virDomainInterfaceAddresses).
 *
 * @param name   the interface's name (as the guest calls it when the agent answered)
 * @param hwaddr its MAC address, or null when unknown
 * @param addrs  its IP addresses
 */
public record DomainInterface(String name, String hwaddr, List<DomainIPAddress> addrs) {
    public DomainInterface {
        addrs = List.copyOf(addrs);
    }
}
