package org.jvirt.jmx.internal;

import java.util.Set;

import javax.management.AttributeChangeNotification;
import javax.management.MBeanNotificationInfo;
import javax.management.ObjectName;

import org.jvirt.api.Interface;
import org.jvirt.api.InterfaceXMLFlag;
import org.jvirt.jmx.InterfaceMXBean;

/**
 * One host interface as an MXBean; every attribute asks the driver when read. Its own start and destroy emit an
 * AttributeChangeNotification on Active (libvirt tells nothing of changes made elsewhere).
 */
final class InterfaceBean extends ObjectBean implements InterfaceMXBean {
    private static final MBeanNotificationInfo[] INFOS = {new MBeanNotificationInfo(
            new String[] {AttributeChangeNotification.ATTRIBUTE_CHANGE}, AttributeChangeNotification.class.getName(),
            "The interface's Active changed through this MBean's start or destroy")};

    private final Interface iface;
    private final Runnable relist;

    InterfaceBean(Interface iface, ObjectName objectName, Runnable relist) {
        super(objectName, "Active", iface.isActive(), INFOS);
        this.iface = iface;
        this.relist = relist;
    }

    @Override
    public String getName() {
        return JmxCalls.ask(objectName(), iface::getName);
    }

    @Override
    public String getMAC() {
        return JmxCalls.ask(objectName(), iface::getMACString);
    }

    @Override
    public boolean isActive() {
        return JmxCalls.ask(objectName(), iface::isActive);
    }

    @Override
    public String getXML() {
        return JmxCalls.ask(objectName(), () -> iface.getXMLDesc(Set.of()));
    }

    @Override
    public String getInactiveXML() {
        return JmxCalls.ask(objectName(), () -> iface.getXMLDesc(Set.of(InterfaceXMLFlag.INACTIVE)));
    }

    @Override
    public void start() {
        JmxCalls.act(objectName(), iface::create);
        stateChanged(isActive());
    }

    @Override
    public void destroy() {
        JmxCalls.act(objectName(), iface::destroy);
        stateChanged(isActive());
    }

    @Override
    public void undefine() {
        JmxCalls.act(objectName(), iface::undefine);
        relist.run();
    }
}
