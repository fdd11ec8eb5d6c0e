package org.jvirt.api;

/**
 * A DHCP lease a virtual network handed out (virNetworkGetDHCPLeases).
 *
 * @param iface      the network's interface name
 * @param expiryTime when it expires, in seconds since the epoch (0 for never)
 * @param type       the address family
 * @param mac        the client's MAC address
 * @param iaid       the IAID (IPv6), or null
 * @param ipaddr     the leased address
 * @param prefix     the prefix length
 * @param hostname   the client's host name, or null
 * @param clientid   the client id or DUID, or null
 */
public record NetworkDHCPLease(String iface, long expiryTime, IPAddrType type, String mac, String iaid,
        String ipaddr, int prefix, String hostname, String clientid) {
}
