package org.jvirt.driver.test;

import java.util.List;

import org.jvirt.api.ListStoragePoolsFlag;
import org.jvirt.api.StorageVolType;

/**
 * libvirt's storage pool types in virStoragePoolType's order, with what the test driver needs of each: the list
 * filter, the type its volumes report (testStorageVolumeTypeForPool), and the volume formats of its backend.
 */
enum PoolType {
    DIR("dir", ListStoragePoolsFlag.DIR, StorageVolType.FILE, Formats.FILE),
    FS("fs", ListStoragePoolsFlag.FS, StorageVolType.FILE, Formats.FILE),
    NETFS("netfs", ListStoragePoolsFlag.NETFS, StorageVolType.FILE, Formats.FILE),
    LOGICAL("logical", ListStoragePoolsFlag.LOGICAL, StorageVolType.BLOCK, Formats.NONE),
    DISK("disk", ListStoragePoolsFlag.DISK, StorageVolType.BLOCK, Formats.PARTITION),
    ISCSI("iscsi", ListStoragePoolsFlag.ISCSI, StorageVolType.BLOCK, Formats.NONE),
    ISCSI_DIRECT("iscsi-direct", ListStoragePoolsFlag.ISCSI_DIRECT, StorageVolType.NETWORK, Formats.NONE),
    SCSI("scsi", ListStoragePoolsFlag.SCSI, StorageVolType.BLOCK, Formats.NONE),
    MPATH("mpath", ListStoragePoolsFlag.MPATH, StorageVolType.BLOCK, Formats.NONE),
    RBD("rbd", ListStoragePoolsFlag.RBD, StorageVolType.NETWORK, Formats.NONE),
    SHEEPDOG("sheepdog", ListStoragePoolsFlag.SHEEPDOG, StorageVolType.NETWORK, Formats.NONE),
    GLUSTER("gluster", ListStoragePoolsFlag.GLUSTER, StorageVolType.NETWORK, Formats.FILE),
    ZFS("zfs", ListStoragePoolsFlag.ZFS, StorageVolType.BLOCK, Formats.NONE),
    VSTORAGE("vstorage", ListStoragePoolsFlag.VSTORAGE, StorageVolType.FILE, Formats.FILE);

    /** The volume formats a pool's backend knows, and the one a volume gets when it names none. */
    enum Formats {
        /** Image files (virStorageFileFormat). */
        FILE("raw", List.of("none", "raw", "dir", "bochs", "cloop", "dmg", "iso", "vpc", "vdi", "fat", "vhd",
                "ploop", "cow", "qcow", "qcow2", "qed", "vmdk")),
        /** Partitions of a disk pool (virStorageVolFormatDisk). */
        PARTITION("none", List.of("none", "linux", "fat16", "fat32", "linux-swap", "linux-lvm", "linux-raid",
                "extended")),
        /** Backends whose volumes have no format. */
        NONE(null, List.of());

        final String defaultFormat;
        final List<String> names;

        Formats(String defaultFormat, List<String> names) {
            this.defaultFormat = defaultFormat;
            this.names = names;
        }
    }

    final String xmlName;
    final ListStoragePoolsFlag listFlag;
    final StorageVolType volType;
    final Formats formats;

    PoolType(String xmlName, ListStoragePoolsFlag listFlag, StorageVolType volType, Formats formats) {
        this.xmlName = xmlName;
        this.listFlag = listFlag;
        this.volType = volType;
        this.formats = formats;
    }

    /** The type of this XML name, or null. */
    static PoolType of(String name) {
        for (PoolType t : values()) {
            if (t.xmlName.equals(name)) {
                return t;
            }
        }
        return null;
    }
}
