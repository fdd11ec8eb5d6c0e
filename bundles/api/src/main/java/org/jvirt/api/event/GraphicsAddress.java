package org.jvirt.api.event;

/**
 * One end of a graphics connection (virDomainEventGraphicsAddress).
 *
 * @param family  the address family
 * @param node    the host name or address
 * @param service the port or socket path
 */
public record GraphicsAddress(GraphicsAddressType family, String node, String service) {
}
