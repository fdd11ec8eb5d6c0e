package org.jvirt.jmx.internal;

import java.util.Locale;
import java.util.Set;

import javax.management.MBeanNotificationInfo;
import javax.management.ObjectName;

import org.jvirt.api.StorageVol;
import org.jvirt.api.StorageVolInfo;
import org.jvirt.api.StorageVolResizeFlag;
import org.jvirt.api.StorageVolType;
import org.jvirt.jmx.StorageVolumeMXBean;

/** One storage volume as an MXBean; every attribute asks the driver when read. It emits nothing (no events). */
final class StorageVolumeBean extends ObjectBean implements StorageVolumeMXBean {
    private static final MBeanNotificationInfo[] NONE = new MBeanNotificationInfo[0];

    private final StorageVol vol;
    private final String pool;
    private final Runnable relist;

    StorageVolumeBean(StorageVol vol, String pool, ObjectName objectName, Runnable relist) {
        super(objectName, null, null, NONE);
        this.vol = vol;
        this.pool = pool;
        this.relist = relist;
    }

    /** virsh vol-info's word for a type: the constant's name in lower case ("file", "block", ...). */
    static String type(StorageVolType type) {
        return type == null ? "unknown" : type.name().toLowerCase(Locale.ROOT);
    }

    private StorageVolInfo info() {
        return JmxCalls.ask(objectName(), vol::getInfo);
    }

    @Override
    public String getName() {
        return JmxCalls.ask(objectName(), vol::getName);
    }

    @Override
    public String getPool() {
        return pool;
    }

    @Override
    public String getKey() {
        return JmxCalls.ask(objectName(), vol::getKey);
    }

    @Override
    public String getPath() {
        return JmxCalls.ask(objectName(), vol::getPath);
    }

    @Override
    public String getType() {
        return type(info().type());
    }

    @Override
    public long getCapacityBytes() {
        return info().capacity();
    }

    @Override
    public long getAllocationBytes() {
        return info().allocation();
    }

    @Override
    public String getXML() {
        return JmxCalls.ask(objectName(), vol::getXMLDesc);
    }

    @Override
    public void delete() {
        JmxCalls.act(objectName(), () -> vol.delete(Set.of()));
        relist.run();
    }

    @Override
    public void wipe() {
        JmxCalls.act(objectName(), vol::wipe);
    }

    @Override
    public void resize(long capacityBytes) {
        JmxCalls.act(objectName(), () -> vol.resize(capacityBytes, Set.of()));
    }

    @Override
    public void shrink(long capacityBytes) {
        JmxCalls.act(objectName(), () -> vol.resize(capacityBytes, Set.of(StorageVolResizeFlag.SHRINK)));
    }
}
