package org.jvirt.jmx.internal;

import java.util.Set;

import javax.management.MBeanNotificationInfo;
import javax.management.ObjectName;

import org.jvirt.api.Network;
import org.jvirt.jmx.NetworkMXBean;

/** One network as an MXBean; every attribute asks the driver when read. */
final class NetworkBean extends ObjectBean implements NetworkMXBean {
    private final Network network;

    NetworkBean(Network network, ObjectName objectName, MBeanNotificationInfo[] infos) {
        super(objectName, "Active", network.isActive(), infos);
        this.network = network;
    }

    @Override
    public String getName() {
        return JmxCalls.ask(objectName(), network::getName);
    }

    @Override
    public String getUUID() {
        return JmxCalls.ask(objectName(), network::getUUIDString);
    }

    @Override
    public boolean isActive() {
        return JmxCalls.ask(objectName(), network::isActive);
    }

    @Override
    public boolean isPersistent() {
        return JmxCalls.ask(objectName(), network::isPersistent);
    }

    @Override
    public boolean isAutostart() {
        return JmxCalls.ask(objectName(), network::getAutostart);
    }

    @Override
    public void setAutostart(boolean autostart) {
        JmxCalls.act(objectName(), () -> network.setAutostart(autostart));
    }

    @Override
    public String getBridge() {
        return JmxCalls.ask(objectName(), network::getBridgeName);
    }

    @Override
    public String getXML() {
        return JmxCalls.ask(objectName(), () -> network.getXMLDesc(Set.of()));
    }

    @Override
    public void start() {
        JmxCalls.act(objectName(), network::create);
    }

    @Override
    public void destroy() {
        JmxCalls.act(objectName(), network::destroy);
    }

    @Override
    public void undefine() {
        JmxCalls.act(objectName(), network::undefine);
    }
}
