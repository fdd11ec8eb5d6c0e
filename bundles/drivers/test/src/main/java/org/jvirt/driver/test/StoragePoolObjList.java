package org.jvirt.driver.test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.conf.storage.StoragePoolDef;

/** The storage pools of a test state by UUID (libvirt's virStoragePoolObjList); callers hold the state's lock. */
final class StoragePoolObjList {
    private final Map<UUID, StoragePoolObj> objs = new LinkedHashMap<>();

    List<StoragePoolObj> all() {
        return new ArrayList<>(objs.values());
    }

    StoragePoolObj byUuid(UUID uuid) {
        return objs.get(uuid);
    }

    StoragePoolObj byName(String name) {
        for (StoragePoolObj o : objs.values()) {
            if (o.name().equals(name)) {
                return o;
            }
        }
        return null;
    }

    /**
     * Adds a pool or replaces a definition as libvirt's virStoragePoolObjListAdd: another pool on the same storage
     * is refused first, then the same UUID under another name or the same name under another UUID; with
     * {@code checkLive} a pool that runs is refused. A running pool keeps its definition until it stops.
     */
    StoragePoolObj add(StoragePoolDef def, UUID uuid, PoolType type, boolean checkLive) {
        for (StoragePoolObj o : objs.values()) {
            if (!o.name().equals(def.name) && sameSource(o, def, type)) {
                throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.STORAGE,
                        "Storage source conflict with pool: '" + o.name() + "'");
            }
        }
        StoragePoolObj obj = objs.get(uuid);
        if (obj != null) {
            if (!obj.name().equals(def.name)) {
                throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.STORAGE, "pool '" + obj.name()
                        + "' is already defined with uuid " + obj.uuid);
            }
            if (checkLive && obj.active) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.STORAGE,
                        "pool is already active as '" + obj.name() + "'");
            }
            if (obj.active) {
                obj.newDef = def;
            } else {
                obj.def = def;
            }
            return obj;
        }
        StoragePoolObj same = byName(def.name);
        if (same != null) {
            throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.STORAGE, "pool '" + def.name
                    + "' already exists with uuid " + same.uuid);
        }
        obj = new StoragePoolObj(def, uuid, type);
        objs.put(uuid, obj);
        return obj;
    }

    void remove(StoragePoolObj obj) {
        objs.remove(obj.uuid);
    }

    /** virStoragePoolObjSourceFindDuplicateCb: whether {@code def} would use the storage pool {@code o} uses. */
    private static boolean sameSource(StoragePoolObj o, StoragePoolDef def, PoolType type) {
        StoragePoolDef.Source a = o.def.source;
        StoragePoolDef.Source b = def.source;
        return switch (o.type) {
            case DIR -> type == PoolType.DIR && Objects.equals(o.targetPath(),
                    def.target == null ? null : def.target.path);
            case NETFS -> type == o.type && a != null && b != null && a.dir != null && b.dir != null
                    && Objects.equals(a.dir.path, b.dir.path) && singleHost(a, b);
            case GLUSTER -> type == o.type && a != null && b != null && Objects.equals(a.name, b.name)
                    && Objects.equals(a.dir == null ? null : a.dir.path, b.dir == null ? null : b.dir.path)
                    && singleHost(a, b);
            case SCSI -> type == o.type && sameAdapter(a, b);
            case ISCSI, FS, LOGICAL, DISK, ZFS -> devicePool(type) && (o.type == PoolType.ISCSI
                    ? type == PoolType.ISCSI && sameDevice(a, b) && Objects.equals(iqn(a), iqn(b))
                    : type != PoolType.ISCSI && sameDevice(a, b));
            case SHEEPDOG -> type == o.type && singleHost(a, b);
            case MPATH -> type == o.type;
            case VSTORAGE -> type == o.type && a != null && b != null && Objects.equals(a.name, b.name);
            case ISCSI_DIRECT, RBD -> false;
        };
    }

    private static boolean devicePool(PoolType t) {
        return t == PoolType.ISCSI || t == PoolType.FS || t == PoolType.LOGICAL || t == PoolType.DISK
                || t == PoolType.ZFS;
    }

    /** virStoragePoolSourceFindDuplicateDevices: a device path the two sources share. */
    private static boolean sameDevice(StoragePoolDef.Source a, StoragePoolDef.Source b) {
        if (a == null || b == null) {
            return false;
        }
        for (StoragePoolDef.Source.Device x : a.devices) {
            for (StoragePoolDef.Source.Device y : b.devices) {
                if (x.path != null && x.path.equals(y.path)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** virStoragePoolSourceMatchSingleHost. */
    private static boolean singleHost(StoragePoolDef.Source a, StoragePoolDef.Source b) {
        if (a.hosts.size() != 1 && b.hosts.size() != 1 || a.hosts.isEmpty() || b.hosts.isEmpty()) {
            return false;
        }
        StoragePoolDef.Source.Host x = a.hosts.get(0);
        StoragePoolDef.Source.Host y = b.hosts.get(0);
        if (y.port != null && !y.port.equals(x.port)) {
            return false;
        }
        return Objects.equals(x.name, y.name);
    }

    /** SCSI adapters naming the same fibre channel ports or the same SCSI host. */
    private static boolean sameAdapter(StoragePoolDef.Source a, StoragePoolDef.Source b) {
        if (a == null || b == null || a.adapter == null || b.adapter == null) {
            return false;
        }
        StoragePoolDef.Source.Adapter x = a.adapter;
        StoragePoolDef.Source.Adapter y = b.adapter;
        if ("fc_host".equals(x.type) && "fc_host".equals(y.type)) {
            return Objects.equals(x.wwnn, y.wwnn) && Objects.equals(x.wwpn, y.wwpn);
        }
        return x.name != null && x.name.equals(y.name);
    }

    private static String iqn(StoragePoolDef.Source s) {
        return s == null || s.initiator == null || s.initiator.iqn == null ? null : s.initiator.iqn.name;
    }
}
