package org.jvirt.driver.test;

import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;

import org.jvirt.api.Connect;
import org.jvirt.api.StoragePool;
import org.jvirt.api.StorageVol;
import org.jvirt.api.StorageVolDeleteFlag;
import org.jvirt.api.StorageVolInfo;
import org.jvirt.conf.storage.StorageVolDef;

/**
 * A handle naming a volume of a test connection by pool, name and key (libvirt's test storage volume functions):
 * each call finds the running pool by name, then the volume in it by name.
 */
final class TestStorageVol implements StorageVol {
    private final TestConnect conn;
    private final String pool;
    private final String name;
    private final String key;

    TestStorageVol(TestConnect conn, String pool, String name, String key) {
        this.conn = conn;
        this.pool = pool;
        this.name = name;
        this.key = key;
    }

    private <T> T with(BiFunction<StoragePoolObj, StorageVolDef, T> body) {
        return conn.locked(() -> {
            StoragePoolObj o = TestStorage.checkActive(TestStorage.found(conn.state.objects.pools.byName(pool), pool),
                    pool);
            return body.apply(o, TestStorage.volume(o, name));
        });
    }

    @Override
    public Connect getConnect() {
        return conn;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getKey() {
        return key;
    }

    @Override
    public String getPath() {
        return with((o, v) -> v.target.path);
    }

    @Override
    public StoragePool storagePoolLookupByVolume() {
        return conn.storagePoolLookupByName(pool);
    }

    /** virStorageVolGetInfo; libvirt's test driver has no virStorageVolGetInfoFlags. */
    @Override
    public StorageVolInfo getInfo() {
        return with((o, v) -> new StorageVolInfo(o.type.volType, VolumeDefs.capacity(v), VolumeDefs.allocation(v)));
    }

    @Override
    public String getXMLDesc() {
        return with((o, v) -> ObjectXml.format(v));
    }

    @Override
    public void delete(Set<StorageVolDeleteFlag> flags) {
        Flags.check("testStorageVolDelete", flags, 0);
        with((o, v) -> {
            o.removeVolume(v);
            return null;
        });
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TestStorageVol v && Objects.equals(v.key, key) && v.conn == conn;
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, System.identityHashCode(conn));
    }

    @Override
    public String toString() {
        return "TestStorageVol[" + pool + "/" + name + "]";
    }
}
