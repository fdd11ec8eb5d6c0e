package org.jvirt.jmx.internal;

import java.util.Map;
import java.util.Set;

import javax.management.MBeanNotificationInfo;
import javax.management.ObjectName;

import org.jvirt.api.StoragePool;
import org.jvirt.api.StoragePoolInfo;
import org.jvirt.api.StoragePoolState;
import org.jvirt.api.StorageVol;
import org.jvirt.jmx.StoragePoolMXBean;

/** One storage pool as an MXBean; every attribute asks the driver when read. */
final class StoragePoolBean extends ObjectBean implements StoragePoolMXBean {
    // virsh pool-info's words (tools/virsh-pool.c)
    private static final Map<StoragePoolState, String> STATES = Map.of(
            StoragePoolState.INACTIVE, "inactive",
            StoragePoolState.BUILDING, "building",
            StoragePoolState.RUNNING, "running",
            StoragePoolState.DEGRADED, "degraded",
            StoragePoolState.INACCESSIBLE, "inaccessible");

    private final StoragePool pool;

    StoragePoolBean(StoragePool pool, ObjectName objectName, MBeanNotificationInfo[] infos) {
        super(objectName, "State", state(pool.getInfo().state()), infos);
        this.pool = pool;
    }

    /** "running", "inactive", ...; "unknown" for a state this version does not know, as virsh prints. */
    static String state(StoragePoolState state) {
        String word = state == null ? null : STATES.get(state);
        return word == null ? "unknown" : word;
    }

    private StoragePoolInfo info() {
        return JmxCalls.ask(objectName(), pool::getInfo);
    }

    @Override
    public String getName() {
        return JmxCalls.ask(objectName(), pool::getName);
    }

    @Override
    public String getUUID() {
        return JmxCalls.ask(objectName(), pool::getUUIDString);
    }

    @Override
    public String getState() {
        return state(info().state());
    }

    @Override
    public boolean isPersistent() {
        return JmxCalls.ask(objectName(), pool::isPersistent);
    }

    @Override
    public boolean isAutostart() {
        return JmxCalls.ask(objectName(), pool::getAutostart);
    }

    @Override
    public void setAutostart(boolean autostart) {
        JmxCalls.act(objectName(), () -> pool.setAutostart(autostart));
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
    public long getAvailableBytes() {
        return info().available();
    }

    @Override
    public String[] getVolumes() {
        return JmxCalls.ask(objectName(), () -> pool.listAllVolumes().stream().map(StorageVol::getName).sorted()
                .toArray(String[]::new));
    }

    @Override
    public String getXML() {
        return JmxCalls.ask(objectName(), () -> pool.getXMLDesc(Set.of()));
    }

    @Override
    public void start() {
        JmxCalls.act(objectName(), () -> pool.create(Set.of()));
    }

    @Override
    public void destroy() {
        JmxCalls.act(objectName(), pool::destroy);
    }

    @Override
    public void refresh() {
        JmxCalls.act(objectName(), pool::refresh);
    }

    @Override
    public void undefine() {
        JmxCalls.act(objectName(), pool::undefine);
    }
}
