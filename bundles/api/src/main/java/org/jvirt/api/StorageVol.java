package org.jvirt.api;

import java.util.Set;

/**
 * A storage volume (virStorageVolPtr): a handle naming it by pool, name and key. Two handles are equal when they
 * name the same volume (key) on the same connection.
 */
public interface StorageVol {

    @Libvirt("virStorageVolGetConnect")
    Connect getConnect();

    @Libvirt("virStorageVolGetName")
    String getName();

    /** The volume's key, unique on the host (often its path). */
    @Libvirt("virStorageVolGetKey")
    String getKey();

    @Libvirt("virStorageVolGetPath")
    default String getPath() {
        throw VirtException.noSupport();
    }

    /** The pool the volume is in. */
    @Libvirt("virStoragePoolLookupByVolume")
    default StoragePool storagePoolLookupByVolume() {
        throw VirtException.noSupport();
    }

    @Libvirt(value = "virStorageVolGetInfo", via = "virStorageVolGetInfoFlags")
    default StorageVolInfo getInfo() {
        return getInfo(Set.of());
    }

    @Libvirt("virStorageVolGetInfoFlags")
    default StorageVolInfo getInfo(Set<StorageVolInfoFlag> flags) {
        throw VirtException.noSupport();
    }

    @Libvirt("virStorageVolGetXMLDesc")
    default String getXMLDesc() {
        throw VirtException.noSupport();
    }

    @Modifies
    @Libvirt("virStorageVolDelete")
    default void delete(Set<StorageVolDeleteFlag> flags) {
        throw VirtException.noSupport();
    }

    /** Overwrites the volume's data with zeroes. */
    @Modifies
    @Libvirt("virStorageVolWipe")
    default void wipe() {
        throw VirtException.noSupport();
    }

    /** Overwrites the volume's data with a pattern. */
    @Modifies
    @Libvirt("virStorageVolWipePattern")
    default void wipePattern(StorageVolWipeAlgorithm algorithm) {
        throw VirtException.noSupport();
    }

    /** Changes the volume's capacity, in bytes (with DELTA, by that much). */
    @Modifies
    @Libvirt("virStorageVolResize")
    default void resize(long capacity, Set<StorageVolResizeFlag> flags) {
        throw VirtException.noSupport();
    }

    /**
     * Attaches {@code stream} to write the volume from byte {@code offset}, {@code length} bytes (0: to the end);
     * the caller then sends the data and finishes the stream.
     */
    @Modifies
    @Libvirt("virStorageVolUpload")
    default void upload(Stream stream, long offset, long length, Set<StorageVolUploadFlag> flags) {
        throw VirtException.noSupport();
    }

    /**
     * Attaches {@code stream} to read the volume from byte {@code offset}, {@code length} bytes (0: to the end);
     * the caller then receives the data and finishes the stream.
     */
    @Modifies
    @Libvirt("virStorageVolDownload")
    default void download(Stream stream, long offset, long length, Set<StorageVolDownloadFlag> flags) {
        throw VirtException.noSupport();
    }
}
