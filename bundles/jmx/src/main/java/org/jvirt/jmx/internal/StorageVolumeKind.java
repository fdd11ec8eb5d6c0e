package org.jvirt.jmx.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.management.ObjectName;

import org.jvirt.api.Connect;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ListStoragePoolsFlag;
import org.jvirt.api.StoragePool;
import org.jvirt.api.StorageVol;
import org.jvirt.api.VirtException;
import org.jvirt.api.event.EventSubscription;
import org.jvirt.api.event.StoragePoolEventId;
import org.jvirt.jmx.JvirtObjectNames;
import org.jvirt.jmx.StorageVolumeMXBean;

/**
 * Storage volumes: {@code org.jvirt:type=StorageVolume,...,pool=...,name=...}, the volumes of the active pools.
 * libvirt has no volume events; a pool's lifecycle and refresh events, and the MBeans' own operations, make the
 * volumes be listed again.
 */
final class StorageVolumeKind extends ListedKind<StorageVolumeKind.Volume> {
    static final StorageVolumeKind INSTANCE = new StorageVolumeKind();

    /** A volume and the name of its pool (asking the volume for its pool is a call of its own). */
    record Volume(StorageVol vol, String pool) {
    }

    @Override
    String type() {
        return "StorageVolume";
    }

    @Override
    Class<?> mxbean() {
        return StorageVolumeMXBean.class;
    }

    @Override
    List<Volume> list(Connect connect) {
        List<Volume> all = new ArrayList<>();
        for (StoragePool pool : connect.listAllStoragePools(Set.of(ListStoragePoolsFlag.ACTIVE))) {
            try {
                for (StorageVol vol : pool.listAllVolumes()) {
                    all.add(new Volume(vol, pool.getName()));
                }
            } catch (VirtException e) {
                // stopped or gone since it was listed: its volumes are not there now
                if (e.code() != ErrorCode.OPERATION_INVALID && e.code() != ErrorCode.NO_STORAGE_POOL) {
                    throw e;
                }
            }
        }
        return all;
    }

    @Override
    ObjectName objectName(String uri, Volume object) {
        return JvirtObjectNames.storageVolume(uri, object.pool(), object.vol().getName());
    }

    @Override
    List<EventSubscription> subscribe(Connect connect, Runnable relist) {
        return List.of(connect.storagePoolEventRegisterAny(null, StoragePoolEventId.LIFECYCLE, e -> relist.run()),
                connect.storagePoolEventRegisterAny(null, StoragePoolEventId.REFRESH, e -> relist.run()));
    }

    @Override
    ObjectBean bean(Volume object, ObjectName name, Runnable relist) {
        return new StorageVolumeBean(object.vol(), object.pool(), name, relist);
    }
}
