package org.jvirt.jmx.internal;

import java.util.List;
import java.util.Set;

import javax.management.ObjectName;

import org.jvirt.api.Connect;
import org.jvirt.api.Interface;
import org.jvirt.jmx.InterfaceMXBean;
import org.jvirt.jmx.JvirtObjectNames;

/**
 * Host network interfaces: {@code org.jvirt:type=Interface,...}, active and defined ones. libvirt has no interface
 * events: they are listed when the connection is exported and after the MBeans' own operations.
 */
final class InterfaceKind extends ListedKind<Interface> {
    static final InterfaceKind INSTANCE = new InterfaceKind();

    @Override
    String type() {
        return "Interface";
    }

    @Override
    Class<?> mxbean() {
        return InterfaceMXBean.class;
    }

    @Override
    List<Interface> list(Connect connect) {
        return connect.listAllInterfaces(Set.of());
    }

    @Override
    ObjectName objectName(String uri, Interface object) {
        return JvirtObjectNames.hostInterface(uri, object.getName());
    }

    @Override
    ObjectBean bean(Interface object, ObjectName name, Runnable relist) {
        return new InterfaceBean(object, name, relist);
    }
}
