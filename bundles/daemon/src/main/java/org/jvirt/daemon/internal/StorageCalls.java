package org.jvirt.daemon.internal;

import static org.jvirt.rpc.remote.RemoteProtocol.*;

import java.util.List;
import org.jvirt.api.ListStoragePoolsFlag;
import org.jvirt.api.StoragePool;
import org.jvirt.api.StoragePoolBuildFlag;
import org.jvirt.api.StoragePoolCreateFlag;
import org.jvirt.api.StoragePoolDefineFlag;
import org.jvirt.api.StoragePoolDeleteFlag;
import org.jvirt.api.StoragePoolInfo;
import org.jvirt.api.StorageVol;
import org.jvirt.api.StorageVolCreateFlag;
import org.jvirt.api.StorageVolDeleteFlag;
import org.jvirt.api.StorageVolInfo;
import org.jvirt.api.StorageVolInfoFlag;
import org.jvirt.api.StorageVolResizeFlag;
import org.jvirt.api.StorageVolWipeAlgorithm;
import org.jvirt.api.StorageXMLFlag;

/** Storage pools and volumes (their streams are in {@code StreamCalls}). */
final class StorageCalls {
    private StorageCalls() {
    }

    static void register(DispatchTable t) {
        t.on(CONNECT_LIST_ALL_STORAGE_POOLS, (c, a) -> {
            List<StoragePool> pools = c.conn().listAllStoragePools(c.flags(ListStoragePoolsFlag.class, a.flags()));
            return new ConnectListAllStoragePoolsRet(a.needResults() != 0 ? Wire.map(pools, Wire::pool) : List.of(),
                    pools.size());
        });
        t.on(CONNECT_NUM_OF_STORAGE_POOLS, (c, a) -> new ConnectNumOfStoragePoolsRet(c.conn().numOfStoragePools()));
        t.on(CONNECT_LIST_STORAGE_POOLS, (c, a) -> {
            DomainCalls.max(a.maxnames(), REMOTE_STORAGE_POOL_LIST_MAX, "maxnames > REMOTE_STORAGE_POOL_LIST_MAX");
            return new ConnectListStoragePoolsRet(DomainCalls.first(c.conn().listStoragePools(), a.maxnames()));
        });
        t.on(CONNECT_NUM_OF_DEFINED_STORAGE_POOLS, (c, a) -> new ConnectNumOfDefinedStoragePoolsRet(
                c.conn().numOfDefinedStoragePools()));
        t.on(CONNECT_LIST_DEFINED_STORAGE_POOLS, (c, a) -> {
            DomainCalls.max(a.maxnames(), REMOTE_STORAGE_POOL_LIST_MAX, "maxnames > REMOTE_STORAGE_POOL_LIST_MAX");
            return new ConnectListDefinedStoragePoolsRet(DomainCalls.first(c.conn().listDefinedStoragePools(),
                    a.maxnames()));
        });
        t.on(CONNECT_FIND_STORAGE_POOL_SOURCES, (c, a) -> {
            c.noFlags(a.flags());
            return new ConnectFindStoragePoolSourcesRet(c.conn().findStoragePoolSources(a.type(), a.srcSpec()));
        });
        t.on(CONNECT_GET_STORAGE_POOL_CAPABILITIES, (c, a) -> {
            c.noFlags(a.flags());
            return new ConnectGetStoragePoolCapabilitiesRet(c.conn().getStoragePoolCapabilities());
        });
        t.on(STORAGE_POOL_LOOKUP_BY_NAME, (c, a) -> new StoragePoolLookupByNameRet(Wire.pool(c.conn()
                .storagePoolLookupByName(a.name()))));
        t.on(STORAGE_POOL_LOOKUP_BY_UUID, (c, a) -> new StoragePoolLookupByUuidRet(Wire.pool(c.conn()
                .storagePoolLookupByUUID(Wire.uuid(a.uuid())))));
        t.on(STORAGE_POOL_LOOKUP_BY_VOLUME, (c, a) -> new StoragePoolLookupByVolumeRet(Wire.pool(c.vol(a.vol())
                .storagePoolLookupByVolume())));
        t.on(STORAGE_POOL_LOOKUP_BY_TARGET_PATH, (c, a) -> new StoragePoolLookupByTargetPathRet(Wire.pool(c.conn()
                .storagePoolLookupByTargetPath(a.path()))));
        t.on(STORAGE_POOL_CREATE_XML, (c, a) -> new StoragePoolCreateXmlRet(Wire.pool(c.conn().storagePoolCreateXML(
                a.xml(), c.flags(StoragePoolCreateFlag.class, a.flags())))));
        t.on(STORAGE_POOL_DEFINE_XML, (c, a) -> new StoragePoolDefineXmlRet(Wire.pool(c.conn().storagePoolDefineXML(
                a.xml(), c.flags(StoragePoolDefineFlag.class, a.flags())))));
        t.on(STORAGE_POOL_BUILD, (c, a) -> {
            c.pool(a.pool()).build(c.flags(StoragePoolBuildFlag.class, a.flags()));
            return null;
        });
        t.on(STORAGE_POOL_UNDEFINE, (c, a) -> {
            c.pool(a.pool()).undefine();
            return null;
        });
        t.on(STORAGE_POOL_CREATE, (c, a) -> {
            c.pool(a.pool()).create(c.flags(StoragePoolCreateFlag.class, a.flags()));
            return null;
        });
        t.on(STORAGE_POOL_DESTROY, (c, a) -> {
            c.pool(a.pool()).destroy();
            return null;
        });
        t.on(STORAGE_POOL_DELETE, (c, a) -> {
            c.pool(a.pool()).delete(c.flags(StoragePoolDeleteFlag.class, a.flags()));
            return null;
        });
        t.on(STORAGE_POOL_REFRESH, (c, a) -> {
            c.noFlags(a.flags());
            c.pool(a.pool()).refresh();
            return null;
        });
        t.on(STORAGE_POOL_GET_XML_DESC, (c, a) -> new StoragePoolGetXmlDescRet(c.pool(a.pool()).getXMLDesc(
                c.flags(StorageXMLFlag.class, a.flags()))));
        t.on(STORAGE_POOL_GET_INFO, (c, a) -> {
            StoragePoolInfo i = c.pool(a.pool()).getInfo();
            return new StoragePoolGetInfoRet(i.state().value(), i.capacity(), i.allocation(), i.available());
        });
        t.on(STORAGE_POOL_GET_AUTOSTART, (c, a) -> new StoragePoolGetAutostartRet(c.pool(a.pool()).getAutostart()
                ? 1 : 0));
        t.on(STORAGE_POOL_SET_AUTOSTART, (c, a) -> {
            c.pool(a.pool()).setAutostart(a.autostart() != 0);
            return null;
        });
        t.on(STORAGE_POOL_IS_ACTIVE, (c, a) -> new StoragePoolIsActiveRet(c.pool(a.pool()).isActive() ? 1 : 0));
        t.on(STORAGE_POOL_IS_PERSISTENT, (c, a) -> new StoragePoolIsPersistentRet(c.pool(a.pool()).isPersistent()
                ? 1 : 0));
        t.on(STORAGE_POOL_NUM_OF_VOLUMES, (c, a) -> new StoragePoolNumOfVolumesRet(c.pool(a.pool()).numOfVolumes()));
        t.on(STORAGE_POOL_LIST_VOLUMES, (c, a) -> {
            DomainCalls.max(a.maxnames(), REMOTE_STORAGE_VOL_LIST_MAX, "maxnames > REMOTE_STORAGE_VOL_LIST_MAX");
            return new StoragePoolListVolumesRet(DomainCalls.first(c.pool(a.pool()).listVolumes(), a.maxnames()));
        });
        t.on(STORAGE_POOL_LIST_ALL_VOLUMES, (c, a) -> {
            c.noFlags(a.flags());
            List<StorageVol> vols = c.pool(a.pool()).listAllVolumes();
            return new StoragePoolListAllVolumesRet(a.needResults() != 0 ? Wire.map(vols, Wire::vol) : List.of(),
                    vols.size());
        });

        t.on(STORAGE_VOL_LOOKUP_BY_NAME, (c, a) -> new StorageVolLookupByNameRet(Wire.vol(c.pool(a.pool())
                .storageVolLookupByName(a.name()))));
        t.on(STORAGE_VOL_LOOKUP_BY_KEY, (c, a) -> new StorageVolLookupByKeyRet(Wire.vol(c.conn()
                .storageVolLookupByKey(a.key()))));
        t.on(STORAGE_VOL_LOOKUP_BY_PATH, (c, a) -> new StorageVolLookupByPathRet(Wire.vol(c.conn()
                .storageVolLookupByPath(a.path()))));
        t.on(STORAGE_VOL_CREATE_XML, (c, a) -> new StorageVolCreateXmlRet(Wire.vol(c.pool(a.pool())
                .storageVolCreateXML(a.xml(), c.flags(StorageVolCreateFlag.class, a.flags())))));
        t.on(STORAGE_VOL_CREATE_XML_FROM, (c, a) -> new StorageVolCreateXmlFromRet(Wire.vol(c.pool(a.pool())
                .storageVolCreateXMLFrom(a.xml(), c.vol(a.clonevol()), c.flags(StorageVolCreateFlag.class,
                        a.flags())))));
        t.on(STORAGE_VOL_DELETE, (c, a) -> {
            c.vol(a.vol()).delete(c.flags(StorageVolDeleteFlag.class, a.flags()));
            return null;
        });
        t.on(STORAGE_VOL_WIPE, (c, a) -> {
            c.noFlags(a.flags());
            c.vol(a.vol()).wipe();
            return null;
        });
        t.on(STORAGE_VOL_WIPE_PATTERN, (c, a) -> {
            c.noFlags(a.flags());
            c.vol(a.vol()).wipePattern(Enums.of(StorageVolWipeAlgorithm.class, a.algorithm(), "wipe algorithm"));
            return null;
        });
        t.on(STORAGE_VOL_GET_XML_DESC, (c, a) -> {
            c.noFlags(a.flags());
            return new StorageVolGetXmlDescRet(c.vol(a.vol()).getXMLDesc());
        });
        t.on(STORAGE_VOL_GET_INFO, (c, a) -> {
            StorageVolInfo i = c.vol(a.vol()).getInfo();
            return new StorageVolGetInfoRet(i.type().value(), i.capacity(), i.allocation());
        });
        t.on(STORAGE_VOL_GET_INFO_FLAGS, (c, a) -> {
            StorageVolInfo i = c.vol(a.vol()).getInfo(c.flags(StorageVolInfoFlag.class, a.flags()));
            return new StorageVolGetInfoFlagsRet(i.type().value(), i.capacity(), i.allocation());
        });
        t.on(STORAGE_VOL_GET_PATH, (c, a) -> new StorageVolGetPathRet(c.vol(a.vol()).getPath()));
        t.on(STORAGE_VOL_RESIZE, (c, a) -> {
            c.vol(a.vol()).resize(a.capacity(), c.flags(StorageVolResizeFlag.class, a.flags()));
            return null;
        });
    }
}
