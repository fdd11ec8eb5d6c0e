package org.jvirt.api;

import java.util.UUID;

/**
 * A network filter (virNWFilterPtr): a handle naming it by name and UUID. Two handles are equal when they name the
 * same filter (UUID) on the same connection.
 */
public interface NWFilter {

    /** The connection the filter was found on. */
    Connect getConnect();

    @Libvirt("virNWFilterGetName")
    String getName();

    @Libvirt("virNWFilterGetUUID")
    UUID getUUID();

    @Libvirt(value = "virNWFilterGetUUIDString", via = "virNWFilterGetUUID")
    default String getUUIDString() {
        return getUUID().toString();
    }

    @Libvirt("virNWFilterGetXMLDesc")
    default String getXMLDesc() {
        throw VirtException.noSupport();
    }

    @Modifies
    @Libvirt("virNWFilterUndefine")
    default void undefine() {
        throw VirtException.noSupport();
    }
}
