package org.jvirt.driver.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jvirt.api.ConnectStorage;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.ListStoragePoolsFlag;
import org.jvirt.api.StoragePool;
import org.jvirt.api.StoragePoolCreateFlag;
import org.jvirt.api.StoragePoolDefineFlag;
import org.jvirt.api.StorageVol;
import org.jvirt.api.VirtException;
import org.jvirt.api.event.StoragePoolLifecycleEvent;
import org.jvirt.api.event.StoragePoolLifecycleType;
import org.jvirt.conf.XmlSchemas;
import org.jvirt.conf.storage.StoragePoolDef;
import org.jvirt.conf.storage.StorageVolDef;

/**
 * The storage pools and volumes of a test connection (libvirt's testStorageDriver table): lookups, lists, define,
 * create and source discovery. The connection implements this interface; the state lives in {@link HostObjects}.
 */
interface TestStorage extends ConnectStorage {

    /** The connection this part belongs to: only {@link TestConnect} implements it. */
    private TestConnect self() {
        return (TestConnect) this;
    }

    @Override
    default List<StoragePool> listAllStoragePools(Set<ListStoragePoolsFlag> flags) {
        Flags.check("testConnectListAllStoragePools", flags, Flags.all(ListStoragePoolsFlag.class));
        return self().locked(() -> {
            List<StoragePool> out = new ArrayList<>();
            for (StoragePoolObj o : self().state.objects.pools.all()) {
                if (matches(o, flags)) {
                    out.add(handle(self(), o));
                }
            }
            return out;
        });
    }

    @Override
    default StoragePool storagePoolLookupByName(String name) {
        return self().locked(() -> handle(self(), found(self().state.objects.pools.byName(name), name)));
    }

    @Override
    default StoragePool storagePoolLookupByUUID(UUID uuid) {
        return self().locked(() -> handle(self(), foundUuid(self().state.objects.pools.byUuid(uuid), uuid)));
    }

    @Override
    default StoragePool storagePoolCreateXML(String xml, Set<StoragePoolCreateFlag> flags) {
        Flags.check("testStoragePoolCreateXML", flags, 0);
        return self().locked(() -> {
            StoragePoolDef def = parse(xml, false);
            PoolType type = PoolType.of(def.type);
            StoragePoolObj o = self().state.objects.pools.add(def, UUID.fromString(def.uuid), type, true);
            StoragePoolDef.Source.Adapter adapter = def.source == null ? null : def.source.adapter;
            if (adapter != null && "fc_host".equals(adapter.type)) {
                try {
                    TestNodeDevices.createVport(self().state, adapter.wwnn, adapter.wwpn);
                } catch (VirtException e) {
                    self().state.objects.pools.remove(o);
                    throw e;
                }
            }
            o.setDefaults();
            o.persistent = false;
            o.active = true;
            emit(self().state, o, StoragePoolLifecycleType.STARTED);
            return handle(self(), o);
        });
    }

    @Override
    default StoragePool storagePoolDefineXML(String xml, Set<StoragePoolDefineFlag> flags) {
        Flags.check("testStoragePoolDefineXML", flags, StoragePoolDefineFlag.VALIDATE.value());
        return self().locked(() -> {
            StoragePoolDef def = parse(xml, flags.contains(StoragePoolDefineFlag.VALIDATE));
            PoolType type = PoolType.of(def.type);
            StoragePoolObj o = self().state.objects.pools.add(def, UUID.fromString(def.uuid), type, false);
            emit(self().state, o, StoragePoolLifecycleType.DEFINED);
            // as libvirt's test driver: the sizes of the pool's current definition start again from the defaults
            o.setDefaults();
            o.persistent = true;
            return handle(self(), o);
        });
    }

    @Override
    default String findStoragePoolSources(String type, String srcSpec) {
        PoolType t = PoolType.of(type);
        // libvirt tests the type's number for zero, so "dir", the first type, is unknown here
        if (t == PoolType.DIR) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.TEST, "unknown storage pool type " + type);
        }
        String host = null;
        if (t != null && srcSpec != null) {
            StoragePoolDef spec = ObjectXml.parse("<pool type='" + type + "'>" + srcSpec + "</pool>",
                    StoragePoolDef.class);
            host = spec.source == null || spec.source.hosts.isEmpty() ? null : spec.source.hosts.get(0).name;
        }
        if (t == PoolType.LOGICAL) {
            return PoolSources.LOGICAL;
        }
        if (t == PoolType.NETFS) {
            if (host == null) {
                throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.TEST,
                        "hostname must be specified for netfs sources");
            }
            return PoolSources.netfs(host);
        }
        throw new VirtException(ErrorCode.NO_SUPPORT, ErrorDomain.TEST, "pool type '" + type
                + "' does not support source discovery");
    }

    @Override
    default StorageVol storageVolLookupByKey(String key) {
        return self().locked(() -> {
            for (StoragePoolObj o : self().state.objects.pools.all()) {
                StorageVolDef v = o.active ? o.volumeByKey(key) : null;
                if (v != null) {
                    return new TestStorageVol(self(), o.name(), v.name, v.key);
                }
            }
            throw new VirtException(ErrorCode.NO_STORAGE_VOL, ErrorDomain.TEST,
                    "no storage vol with matching key '" + key + "'");
        });
    }

    @Override
    default StorageVol storageVolLookupByPath(String path) {
        return self().locked(() -> {
            for (StoragePoolObj o : self().state.objects.pools.all()) {
                StorageVolDef v = o.active ? o.volumeByPath(path) : null;
                if (v != null) {
                    return new TestStorageVol(self(), o.name(), v.name, v.key);
                }
            }
            throw new VirtException(ErrorCode.NO_STORAGE_VOL, ErrorDomain.TEST,
                    "no storage vol with matching path '" + path + "'");
        });
    }

    /**
     * A pool definition from its XML: a known type, a name, a UUID in canonical form, the host and target its type
     * needs, and a source element as libvirt always writes one.
     */
    static StoragePoolDef parse(String xml, boolean validate) {
        if (validate) {
            XmlSchemas.check(xml, "storagepool");
        }
        StoragePoolDef def = ObjectXml.parseDefinition(xml, StoragePoolDef.class);
        if (def.type == null) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.XML,
                    "Missing required attribute 'type' in element 'pool'");
        }
        PoolType type = PoolType.of(def.type);
        if (type == null) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.XML,
                    "Invalid value for attribute 'type' in element 'pool': '" + def.type + "'.");
        }
        if (def.source == null) {
            def.source = new StoragePoolDef.Source();
        }
        if (def.name == null || def.name.isEmpty()) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.STORAGE, "missing pool source name element");
        }
        if (def.name.indexOf('/') >= 0) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.STORAGE, "name " + def.name
                    + " cannot contain '/'");
        }
        try {
            def.uuid = ObjectXml.uuid(def.uuid, ErrorDomain.STORAGE).toString();
        } catch (VirtException e) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.STORAGE, "malformed uuid element");
        }
        boolean needsHost = switch (type) {
            case NETFS, ISCSI, ISCSI_DIRECT, RBD, SHEEPDOG, GLUSTER -> true;
            default -> false;
        };
        if (needsHost && (def.source.hosts.isEmpty() || def.source.hosts.get(0).name == null)) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.STORAGE,
                    "missing storage pool source host name");
        }
        boolean needsTarget = switch (type) {
            case RBD, SHEEPDOG, GLUSTER, ISCSI_DIRECT -> false;
            default -> true;
        };
        if (needsTarget && (def.target == null || def.target.path == null)) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.STORAGE, "missing storage pool target path");
        }
        return def;
    }

    /** Adds a parsed volume to a running pool as libvirt's testStorageVolCreateXML. */
    static StorageVol addVolume(TestConnect conn, StoragePoolObj o, StorageVolDef v) {
        if (o.volume(v.name) != null) {
            throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.TEST, "storage vol already exists");
        }
        if (o.allocation() + VolumeDefs.allocation(v) > o.capacity()) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.TEST,
                    "Not enough free space in pool for volume '" + v.name + "'");
        }
        VolumeDefs.place(v, o.targetPath());
        o.addVolume(v);
        return new TestStorageVol(conn, o.name(), v.name, v.key);
    }

    static StoragePoolObj found(StoragePoolObj o, String name) {
        if (o == null) {
            throw new VirtException(ErrorCode.NO_STORAGE_POOL, ErrorDomain.TEST,
                    "no storage pool with matching name '" + name + "'");
        }
        return o;
    }

    static StoragePoolObj foundUuid(StoragePoolObj o, UUID uuid) {
        if (o == null) {
            throw new VirtException(ErrorCode.NO_STORAGE_POOL, ErrorDomain.TEST,
                    "no storage pool with matching uuid '" + uuid + "'");
        }
        return o;
    }

    static StoragePoolObj checkActive(StoragePoolObj o, String name) {
        if (!o.active) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.TEST, "storage pool '" + name
                    + "' is not active");
        }
        return o;
    }

    static StorageVolDef volume(StoragePoolObj o, String name) {
        StorageVolDef v = o.volume(name);
        if (v == null) {
            throw new VirtException(ErrorCode.NO_STORAGE_VOL, ErrorDomain.TEST,
                    "no storage vol with matching name '" + name + "'");
        }
        return v;
    }

    static TestStoragePool handle(TestConnect conn, StoragePoolObj o) {
        return new TestStoragePool(conn, o.name(), o.uuid);
    }

    /** Tells every connection of the state that pool {@code o} changed (virStoragePoolEventLifecycleNew). */
    static void emit(TestState state, StoragePoolObj o, StoragePoolLifecycleType type) {
        String name = o.name();
        UUID uuid = o.uuid;
        state.emitEvent(c -> new StoragePoolLifecycleEvent(new TestStoragePool(c, name, uuid), type, 0));
    }

    /** virStoragePoolObjMatch: each filter group present in {@code flags} must hold. */
    private static boolean matches(StoragePoolObj o, Set<ListStoragePoolsFlag> f) {
        if (!group(f, ListStoragePoolsFlag.ACTIVE, ListStoragePoolsFlag.INACTIVE, o.active)
                || !group(f, ListStoragePoolsFlag.PERSISTENT, ListStoragePoolsFlag.TRANSIENT, o.persistent)
                || !group(f, ListStoragePoolsFlag.AUTOSTART, ListStoragePoolsFlag.NO_AUTOSTART, o.autostart)) {
            return false;
        }
        boolean anyType = false;
        for (PoolType t : PoolType.values()) {
            anyType |= f.contains(t.listFlag);
        }
        return !anyType || f.contains(o.type.listFlag);
    }

    private static boolean group(Set<ListStoragePoolsFlag> f, ListStoragePoolsFlag yes, ListStoragePoolsFlag no,
            boolean value) {
        if (!f.contains(yes) && !f.contains(no)) {
            return true;
        }
        return f.contains(yes) && value || f.contains(no) && !value;
    }
}
