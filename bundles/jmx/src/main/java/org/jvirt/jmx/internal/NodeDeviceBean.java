package org.jvirt.jmx.internal;

import javax.management.MBeanNotificationInfo;
import javax.management.ObjectName;

import org.jvirt.api.NodeDevice;
import org.jvirt.jmx.NodeDeviceMXBean;

/** One host device as an MXBean; every attribute asks the driver when read. */
final class NodeDeviceBean extends ObjectBean implements NodeDeviceMXBean {
    private final NodeDevice device;

    NodeDeviceBean(NodeDevice device, ObjectName objectName, MBeanNotificationInfo[] infos) {
        super(objectName, "Active", NodeDeviceKind.activeOrPresent(device), infos);
        this.device = device;
    }

    @Override
    public String getName() {
        return JmxCalls.ask(objectName(), device::getName);
    }

    @Override
    public String getParent() {
        // as virsh nodedev-info, the root has an empty parent
        return JmxCalls.ask(objectName(), () -> {
            String parent = device.getParent();
            return parent == null ? "" : parent;
        });
    }

    @Override
    public String[] getCapabilities() {
        return JmxCalls.ask(objectName(), () -> device.listCaps().toArray(String[]::new));
    }

    @Override
    public boolean isActive() {
        return JmxCalls.ask(objectName(), device::isActive);
    }

    @Override
    public boolean isPersistent() {
        return JmxCalls.ask(objectName(), device::isPersistent);
    }

    @Override
    public boolean isAutostart() {
        return JmxCalls.ask(objectName(), device::getAutostart);
    }

    @Override
    public String getXML() {
        return JmxCalls.ask(objectName(), device::getXMLDesc);
    }

    @Override
    public void destroy() {
        JmxCalls.act(objectName(), device::destroy);
    }

    @Override
    public void start() {
        JmxCalls.act(objectName(), device::create);
    }

    @Override
    public void undefine() {
        JmxCalls.act(objectName(), device::undefine);
    }

    @Override
    public void detach() {
        JmxCalls.act(objectName(), () -> device.detachFlags(null));
    }

    @Override
    public void reattach() {
        JmxCalls.act(objectName(), device::reAttach);
    }

    @Override
    public void reset() {
        JmxCalls.act(objectName(), device::reset);
    }
}
