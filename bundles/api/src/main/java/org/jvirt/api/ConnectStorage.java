package org.jvirt.api;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jvirt.api.event.EventSubscription;
import org.jvirt.api.event.StoragePoolEventId;
import org.jvirt.api.event.StoragePoolEventListener;

/**
 * A connection's storage pools and volumes: the part of {@link Connect} that libvirt's storage driver serves. A
 * hypervisor driver that implements none of these methods gets the platform's shared
 * {@link org.jvirt.api.driver.StorageDriver} behind them.
 */
public interface ConnectStorage {

    @Libvirt("virConnectListAllStoragePools")
    default List<StoragePool> listAllStoragePools(Set<ListStoragePoolsFlag> flags) {
        throw VirtException.noSupport();
    }

    @Libvirt(value = "virConnectNumOfStoragePools", via = "virConnectListAllStoragePools")
    default int numOfStoragePools() {
        return listAllStoragePools(EnumSet.of(ListStoragePoolsFlag.ACTIVE)).size();
    }

    /** The names of the active pools. */
    @Libvirt(value = "virConnectListStoragePools", via = "virConnectListAllStoragePools")
    default List<String> listStoragePools() {
        return listAllStoragePools(EnumSet.of(ListStoragePoolsFlag.ACTIVE)).stream().map(StoragePool::getName)
                .toList();
    }

    @Libvirt(value = "virConnectNumOfDefinedStoragePools", via = "virConnectListAllStoragePools")
    default int numOfDefinedStoragePools() {
        return listAllStoragePools(EnumSet.of(ListStoragePoolsFlag.INACTIVE)).size();
    }

    /** The names of the defined pools that are not active. */
    @Libvirt(value = "virConnectListDefinedStoragePools", via = "virConnectListAllStoragePools")
    default List<String> listDefinedStoragePools() {
        return listAllStoragePools(EnumSet.of(ListStoragePoolsFlag.INACTIVE)).stream().map(StoragePool::getName)
                .toList();
    }

    /** Looks for pool sources of {@code type} (e.g. "logical", "netfs"); returns a {@code <sources>} document. */
    @Modifies
    @Libvirt("virConnectFindStoragePoolSources")
    default String findStoragePoolSources(String type, String srcSpec) {
        throw VirtException.noSupport();
    }

    /** The storage pool types the host supports, as a {@code <storagepoolCapabilities>} document. */
    @Libvirt("virConnectGetStoragePoolCapabilities")
    default String getStoragePoolCapabilities() {
        throw VirtException.noSupport();
    }

    @Libvirt("virStoragePoolLookupByName")
    default StoragePool storagePoolLookupByName(String name) {
        throw VirtException.noSupport();
    }

    @Libvirt("virStoragePoolLookupByUUID")
    default StoragePool storagePoolLookupByUUID(UUID uuid) {
        throw VirtException.noSupport();
    }

    @Libvirt(value = "virStoragePoolLookupByUUIDString", via = "virStoragePoolLookupByUUID")
    default StoragePool storagePoolLookupByUUIDString(String uuid) {
        return storagePoolLookupByUUID(Uuids.parse(uuid));
    }

    /** The pool whose target is {@code path}. */
    @Libvirt("virStoragePoolLookupByTargetPath")
    default StoragePool storagePoolLookupByTargetPath(String path) {
        throw VirtException.noSupport();
    }

    /** Creates and starts a transient pool from its XML. */
    @Modifies
    @Libvirt("virStoragePoolCreateXML")
    default StoragePool storagePoolCreateXML(String xml, Set<StoragePoolCreateFlag> flags) {
        throw VirtException.noSupport();
    }

    /** Defines (or redefines) a persistent pool from its XML; it is not started. */
    @Modifies
    @Libvirt("virStoragePoolDefineXML")
    default StoragePool storagePoolDefineXML(String xml, Set<StoragePoolDefineFlag> flags) {
        throw VirtException.noSupport();
    }

    /** The volume with this key, in whichever pool. */
    @Libvirt("virStorageVolLookupByKey")
    default StorageVol storageVolLookupByKey(String key) {
        throw VirtException.noSupport();
    }

    /** The volume at this path, in whichever pool. */
    @Libvirt("virStorageVolLookupByPath")
    default StorageVol storageVolLookupByPath(String path) {
        throw VirtException.noSupport();
    }

    /** Subscribes to storage pool events; the platform implements it for every driver. */
    @Libvirt("virConnectStoragePoolEventRegisterAny")
    default EventSubscription storagePoolEventRegisterAny(StoragePool pool, StoragePoolEventId id,
            StoragePoolEventListener listener) {
        throw VirtException.noSupport();
    }

    @Libvirt("virConnectStoragePoolEventDeregisterAny")
    default void storagePoolEventDeregisterAny(int callbackId) {
        throw VirtException.noSupport();
    }
}
