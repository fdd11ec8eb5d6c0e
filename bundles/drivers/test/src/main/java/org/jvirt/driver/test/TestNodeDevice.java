package org.jvirt.driver.test;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.jvirt.api.Connect;
import org.jvirt.api.NodeDevice;
import org.jvirt.conf.nodedev.NodeDeviceDef;

/**
 * A handle naming a host device of a test connection (libvirt's test node device functions). As libvirt's handles,
 * one from a lookup, a list or a creation carries its parent's name, which it gives even once the device is gone.
 */
final class TestNodeDevice implements NodeDevice {
    private final TestConnect conn;
    private final String name;
    private final String parent;

    /** A handle that asks for its parent when asked (as those of events). */
    TestNodeDevice(TestConnect conn, String name) {
        this(conn, name, null);
    }

    TestNodeDevice(TestConnect conn, String name, String parent) {
        this.conn = conn;
        this.name = name;
        this.parent = parent;
    }

    private <T> T with(Function<NodeDeviceDef, T> body) {
        return conn.locked(() -> body.apply(TestNodeDevices.found(conn.state.objects.devices.byName(name), name)));
    }

    @Override
    public Connect getConnect() {
        return conn;
    }

    @Override
    public String getName() {
        return name;
    }

    /**
     * The parent's name; null for a device without one (libvirt's test driver reports "no parent for this device",
     * which the C API's callers, its remote protocol and python binding all turn into an absent name).
     */
    @Override
    public String getParent() {
        if (parent != null) {
            return conn.locked(() -> parent);
        }
        return with(d -> d.parent);
    }

    @Override
    public String getXMLDesc() {
        return with(ObjectXml::format);
    }

    @Override
    public List<String> listCaps() {
        return with(NodeDeviceObjList::caps);
    }

    @Override
    public void destroy() {
        conn.locked(() -> {
            TestNodeDevices.destroy(conn.state, name);
            return null;
        });
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TestNodeDevice d && d.name.equals(name) && d.conn == conn;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, System.identityHashCode(conn));
    }

    @Override
    public String toString() {
        return "TestNodeDevice[" + name + "]";
    }
}
