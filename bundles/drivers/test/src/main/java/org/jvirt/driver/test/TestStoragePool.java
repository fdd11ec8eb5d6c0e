package org.jvirt.driver.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.jvirt.api.Connect;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.StoragePool;
import org.jvirt.api.StoragePoolBuildFlag;
import org.jvirt.api.StoragePoolCreateFlag;
import org.jvirt.api.StoragePoolDeleteFlag;
import org.jvirt.api.StoragePoolInfo;
import org.jvirt.api.StoragePoolState;
import org.jvirt.api.StorageVol;
import org.jvirt.api.StorageVolCreateFlag;
import org.jvirt.api.StorageXMLFlag;
import org.jvirt.api.VirtException;
import org.jvirt.api.event.StoragePoolLifecycleEvent;
import org.jvirt.api.event.StoragePoolLifecycleType;
import org.jvirt.api.event.StoragePoolRefreshEvent;
import org.jvirt.conf.storage.StoragePoolDef;
import org.jvirt.conf.storage.StorageVolDef;

/**
 * A handle naming a storage pool of a test connection by name and UUID (libvirt's test storage pool functions): most
 * calls find the pool by the handle's name, isActive, isPersistent and listAllVolumes by its UUID.
 */
final class TestStoragePool implements StoragePool {
    private final TestConnect conn;
    private final String name;
    private final UUID uuid;

    TestStoragePool(TestConnect conn, String name, UUID uuid) {
        this.conn = conn;
        this.name = name;
        this.uuid = uuid;
    }

    private TestState state() {
        return conn.state;
    }

    /** Runs {@code body} on the pool of this handle's name (testStoragePoolObjFindByName). */
    private <T> T byName(Function<StoragePoolObj, T> body) {
        return conn.locked(() -> body.apply(TestStorage.found(state().objects.pools.byName(name), name)));
    }

    /** Runs {@code body} on the pool of this handle's name, which must run (testStoragePoolObjFindActiveByName). */
    private <T> T active(Function<StoragePoolObj, T> body) {
        return byName(o -> body.apply(TestStorage.checkActive(o, name)));
    }

    /** Runs {@code body} on the pool of this handle's name, which must not run. */
    private <T> T inactive(Function<StoragePoolObj, T> body) {
        return byName(o -> {
            if (o.active) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.TEST, "storage pool '" + name
                        + "' is active");
            }
            return body.apply(o);
        });
    }

    /** Runs {@code body} on the pool of this handle's UUID (testStoragePoolObjFindByUUID). */
    private <T> T byUuid(Function<StoragePoolObj, T> body) {
        return conn.locked(() -> body.apply(TestStorage.foundUuid(state().objects.pools.byUuid(uuid), uuid)));
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
    public UUID getUUID() {
        return uuid;
    }

    @Override
    public StoragePoolInfo getInfo() {
        return byName(o -> new StoragePoolInfo(o.active ? StoragePoolState.RUNNING : StoragePoolState.INACTIVE,
                o.capacity(), o.allocation(), o.available()));
    }

    @Override
    public String getXMLDesc(Set<StorageXMLFlag> flags) {
        Flags.check("testStoragePoolGetXMLDesc", flags, 0);
        return byName(o -> ObjectXml.format(o.def));
    }

    @Override
    public boolean getAutostart() {
        return byName(o -> o.persistent && o.autostart);
    }

    @Override
    public void setAutostart(boolean autostart) {
        byName(o -> {
            if (!o.persistent) {
                throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.TEST, "pool has no config file");
            }
            o.autostart = autostart;
            return null;
        });
    }

    @Override
    public boolean isActive() {
        return byUuid(o -> o.active);
    }

    @Override
    public boolean isPersistent() {
        return byUuid(o -> o.persistent);
    }

    @Override
    public void build(Set<StoragePoolBuildFlag> flags) {
        Flags.check("testStoragePoolBuild", flags, 0);
        inactive(o -> emit(StoragePoolLifecycleType.CREATED));
    }

    @Override
    public void create(Set<StoragePoolCreateFlag> flags) {
        Flags.check("testStoragePoolCreate", flags, 0);
        inactive(o -> {
            o.active = true;
            return emit(StoragePoolLifecycleType.STARTED);
        });
    }

    @Override
    public void destroy() {
        active(o -> {
            o.active = false;
            StoragePoolDef.Source.Adapter adapter = o.def.source == null ? null : o.def.source.adapter;
            if (adapter != null && "fc_host".equals(adapter.type)) {
                TestNodeDevices.destroyVport(state());
            }
            TestStorage.emit(state(), o, StoragePoolLifecycleType.STOPPED);
            if (!o.persistent) {
                state().objects.pools.remove(o);
            }
            return null;
        });
    }

    @Override
    public void delete(Set<StoragePoolDeleteFlag> flags) {
        Flags.check("testStoragePoolDelete", flags, 0);
        inactive(o -> emit(StoragePoolLifecycleType.DELETED));
    }

    @Override
    public void undefine() {
        inactive(o -> {
            emit(StoragePoolLifecycleType.UNDEFINED);
            state().objects.pools.remove(o);
            return null;
        });
    }

    @Override
    public void refresh() {
        active(o -> {
            state().emitEvent(c -> new StoragePoolRefreshEvent(new TestStoragePool(c, name, uuid)));
            return null;
        });
    }

    /** An event about this pool, under the handle's name as libvirt's test driver sends it. */
    private Void emit(StoragePoolLifecycleType type) {
        state().emitEvent(c -> new StoragePoolLifecycleEvent(new TestStoragePool(c, name, uuid), type, 0));
        return null;
    }

    @Override
    public List<StorageVol> listAllVolumes() {
        return byUuid(o -> {
            if (!o.active) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.TEST, "storage pool is not active");
            }
            List<StorageVol> out = new ArrayList<>();
            for (StorageVolDef v : o.volumes()) {
                out.add(new TestStorageVol(conn, o.name(), v.name, v.key));
            }
            return out;
        });
    }

    @Override
    public int numOfVolumes() {
        return active(o -> o.volumes().size());
    }

    @Override
    public List<String> listVolumes() {
        return active(o -> o.volumes().stream().map(v -> v.name).toList());
    }

    @Override
    public StorageVol storageVolLookupByName(String volName) {
        return active(o -> {
            StorageVolDef v = TestStorage.volume(o, volName);
            return new TestStorageVol(conn, o.name(), v.name, v.key);
        });
    }

    @Override
    public StorageVol storageVolCreateXML(String xml, Set<StorageVolCreateFlag> flags) {
        Flags.check("testStorageVolCreateXML", flags, 0);
        return active(o -> {
            StorageVolDef v = VolumeDefs.parse(xml, o.type);
            return TestStorage.addVolume(conn, o, v);
        });
    }

    @Override
    public StorageVol storageVolCreateXMLFrom(String xml, StorageVol clone, Set<StorageVolCreateFlag> flags) {
        Flags.check("testStorageVolCreateXMLFrom", flags, 0);
        return active(o -> {
            StorageVolDef v = VolumeDefs.parse(xml, o.type);
            if (o.volume(v.name) != null) {
                throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.TEST, "storage vol already exists");
            }
            // as libvirt's test driver, the volume to clone is looked for by name in this pool
            if (o.volume(clone.getName()) == null) {
                throw new VirtException(ErrorCode.NO_STORAGE_VOL, ErrorDomain.TEST,
                        "no storage vol with matching name '" + clone.getName() + "'");
            }
            return TestStorage.addVolume(conn, o, v);
        });
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TestStoragePool p && p.uuid.equals(uuid) && p.conn == conn;
    }

    @Override
    public int hashCode() {
        return Objects.hash(uuid, System.identityHashCode(conn));
    }

    @Override
    public String toString() {
        return "TestStoragePool[" + name + ", " + uuid + "]";
    }
}
