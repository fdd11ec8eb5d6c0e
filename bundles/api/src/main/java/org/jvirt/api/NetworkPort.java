package org.jvirt.api;

import java.util.UUID;

/**
 * A port of a virtual network (virNetworkPortPtr): a handle naming it by network and UUID. Two handles are equal
 * when they name the same port (UUID) on the same connection.
 */
public interface NetworkPort {

    /** The connection its network belongs to. */
    Connect getConnect();

    @Libvirt("virNetworkPortGetNetwork")
    Network getNetwork();

    @Libvirt("virNetworkPortGetUUID")
    UUID getUUID();

    @Libvirt(value = "virNetworkPortGetUUIDString", via = "virNetworkPortGetUUID")
    default String getUUIDString() {
        return getUUID().toString();
    }

    @Libvirt("virNetworkPortGetXMLDesc")
    default String getXMLDesc() {
        throw VirtException.noSupport();
    }

    /** The port's parameters, such as {@code TypedParamFields.NETWORK_PORT_BANDWIDTH_IN_AVERAGE}. */
    @Libvirt("virNetworkPortGetParameters")
    default TypedParameters getParameters() {
        throw VirtException.noSupport();
    }

    @Modifies
    @Libvirt("virNetworkPortSetParameters")
    default void setParameters(TypedParameters params) {
        throw VirtException.noSupport();
    }

    @Modifies
    @Libvirt("virNetworkPortDelete")
    default void delete() {
        throw VirtException.noSupport();
    }
}
