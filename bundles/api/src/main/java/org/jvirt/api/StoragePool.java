package org.jvirt.api;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A storage pool (virStoragePoolPtr): a handle naming it by name and UUID. Two handles are equal when they name the
 * same pool (UUID) on the same connection.
 */
public interface StoragePool {

    @Libvirt("virStoragePoolGetConnect")
    Connect getConnect();

    @Libvirt("virStoragePoolGetName")
    String getName();

    @Libvirt("virStoragePoolGetUUID")
    UUID getUUID();

    @Libvirt(value = "virStoragePoolGetUUIDString", via = "virStoragePoolGetUUID")
    default String getUUIDString() {
        return getUUID().toString();
    }

    @Libvirt("virStoragePoolGetInfo")
    default StoragePoolInfo getInfo() {
        throw VirtException.noSupport();
    }

    @Libvirt("virStoragePoolGetXMLDesc")
    default String getXMLDesc(Set<StorageXMLFlag> flags) {
        throw VirtException.noSupport();
    }

    @Libvirt("virStoragePoolGetAutostart")
    default boolean getAutostart() {
        throw VirtException.noSupport();
    }

    @Modifies
    @Libvirt("virStoragePoolSetAutostart")
    default void setAutostart(boolean autostart) {
        throw VirtException.noSupport();
    }

    @Libvirt("virStoragePoolIsActive")
    default boolean isActive() {
        throw VirtException.noSupport();
    }

    @Libvirt("virStoragePoolIsPersistent")
    default boolean isPersistent() {
        throw VirtException.noSupport();
    }

    /** Builds the pool's underlying storage (makes the folder, formats the disk, …). */
    @Modifies
    @Libvirt("virStoragePoolBuild")
    default void build(Set<StoragePoolBuildFlag> flags) {
        throw VirtException.noSupport();
    }

    /** Starts a defined pool. */
    @Modifies
    @Libvirt("virStoragePoolCreate")
    default void create(Set<StoragePoolCreateFlag> flags) {
        throw VirtException.noSupport();
    }

    /** Stops the pool; its data stays. */
    @Modifies
    @Libvirt("virStoragePoolDestroy")
    default void destroy() {
        throw VirtException.noSupport();
    }

    /** Deletes the pool's underlying storage (the opposite of build). */
    @Modifies
    @Libvirt("virStoragePoolDelete")
    default void delete(Set<StoragePoolDeleteFlag> flags) {
        throw VirtException.noSupport();
    }

    @Modifies
    @Libvirt("virStoragePoolUndefine")
    default void undefine() {
        throw VirtException.noSupport();
    }

    /** Looks at the storage again for volumes made or removed behind libvirt's back. */
    @Modifies
    @Libvirt("virStoragePoolRefresh")
    default void refresh() {
        throw VirtException.noSupport();
    }

    @Libvirt("virStoragePoolListAllVolumes")
    default List<StorageVol> listAllVolumes() {
        throw VirtException.noSupport();
    }

    @Libvirt(value = "virStoragePoolNumOfVolumes", via = "virStoragePoolListAllVolumes")
    default int numOfVolumes() {
        return listAllVolumes().size();
    }

    /** The names of the pool's volumes. */
    @Libvirt(value = "virStoragePoolListVolumes", via = "virStoragePoolListAllVolumes")
    default List<String> listVolumes() {
        return listAllVolumes().stream().map(StorageVol::getName).toList();
    }

    @Libvirt("virStorageVolLookupByName")
    default StorageVol storageVolLookupByName(String name) {
        throw VirtException.noSupport();
    }

    /** Creates a volume in the pool from its XML. */
    @Modifies
    @Libvirt("virStorageVolCreateXML")
    default StorageVol storageVolCreateXML(String xml, Set<StorageVolCreateFlag> flags) {
        throw VirtException.noSupport();
    }

    /** Creates a volume in the pool from its XML, with the content of {@code clone} (which may be in another pool). */
    @Modifies
    @Libvirt("virStorageVolCreateXMLFrom")
    default StorageVol storageVolCreateXMLFrom(String xml, StorageVol clone, Set<StorageVolCreateFlag> flags) {
        throw VirtException.noSupport();
    }
}
