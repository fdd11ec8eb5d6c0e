package org.jvirt.driver.test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jvirt.conf.domain.MemorySize;
import org.jvirt.conf.storage.StoragePoolDef;
import org.jvirt.conf.storage.StorageVolDef;

/** One storage pool of a test state with its volumes (libvirt's virStoragePoolObj); guarded by the state's lock. */
final class StoragePoolObj {
    /** The test driver's pools hold 100 GiB, whatever their XML says (testStoragePoolObjSetDefaults). */
    static final long DEFAULT_CAPACITY = 100L * 1024 * 1024 * 1024;

    StoragePoolDef def;
    /** The definition to use from the next start, given while the pool ran. */
    StoragePoolDef newDef;
    final UUID uuid;
    final PoolType type;
    boolean active;
    /** Whether the pool has a configuration (libvirt's configFile): false for a pool made by createXML. */
    boolean persistent;
    boolean autostart;
    private final Map<String, StorageVolDef> volumes = new LinkedHashMap<>();

    StoragePoolObj(StoragePoolDef def, UUID uuid, PoolType type) {
        this.def = def;
        this.uuid = uuid;
        this.type = type;
    }

    String name() {
        return def.name;
    }

    /** The pool's target path, or null for the pool types without one. */
    String targetPath() {
        return def.target == null ? null : def.target.path;
    }

    List<StorageVolDef> volumes() {
        return new ArrayList<>(volumes.values());
    }

    StorageVolDef volume(String name) {
        return volumes.get(name);
    }

    StorageVolDef volumeByKey(String key) {
        for (StorageVolDef v : volumes.values()) {
            if (key.equals(v.key)) {
                return v;
            }
        }
        return null;
    }

    StorageVolDef volumeByPath(String path) {
        for (StorageVolDef v : volumes.values()) {
            if (v.target != null && path.equals(v.target.path)) {
                return v;
            }
        }
        return null;
    }

    /** Adds a volume and counts its allocation in the pool's. */
    void addVolume(StorageVolDef v) {
        volumes.put(v.name, v);
        setSizes(capacity(), allocation() + VolumeDefs.allocation(v));
    }

    void removeVolume(StorageVolDef v) {
        volumes.remove(v.name);
        setSizes(capacity(), allocation() - VolumeDefs.allocation(v));
    }

    /** The test driver's sizes of a pool: 100 GiB, none allocated (testStoragePoolObjSetDefaults). */
    void setDefaults() {
        setSizes(DEFAULT_CAPACITY, 0);
    }

    long capacity() {
        return value(def.capacity);
    }

    long allocation() {
        return value(def.allocation);
    }

    long available() {
        return value(def.available);
    }

    /** Sets capacity and allocation, the available space being the difference, in bytes as libvirt writes them. */
    void setSizes(long capacity, long allocation) {
        def.capacity = VolumeDefs.bytes(capacity);
        def.allocation = VolumeDefs.bytes(allocation);
        def.available = VolumeDefs.bytes(capacity - allocation);
    }

    private static long value(MemorySize m) {
        return m == null ? 0 : Long.parseLong(m.text);
    }
}
