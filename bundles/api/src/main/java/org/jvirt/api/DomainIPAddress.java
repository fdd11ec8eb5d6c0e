package org.jvirt.api;

/**
 * An IP address of a guest's interface (virDomainIPAddress).
 *
 * @param type   its family
 * @param addr   the address as text
 * @param prefix the prefix length, or 0 when unknown
 */
public record DomainIPAddress(IPAddrType type, String addr, int prefix) {
}
