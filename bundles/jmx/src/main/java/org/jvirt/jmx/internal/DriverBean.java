package org.jvirt.jmx.internal;

import javax.management.ObjectName;

import org.jvirt.api.ConnectFactory;
import org.jvirt.api.DriverInfo;
import org.jvirt.jmx.DriverMXBean;

/** One installed driver bundle as an MXBean; every attribute asks the ConnectFactory when read. */
final class DriverBean implements DriverMXBean {
    /** What tells one driver bundle from another: a name may be declared by two bundles, or two versions. */
    record Key(String name, String bundle, String version) {
        static Key of(DriverInfo info) {
            return new Key(info.name(), info.bundle(), info.version());
        }
    }

    private final ConnectFactory factory;
    private final Key key;
    private final ObjectName objectName;

    DriverBean(ConnectFactory factory, Key key, ObjectName objectName) {
        this.factory = factory;
        this.key = key;
        this.objectName = objectName;
    }

    Key key() {
        return key;
    }

    ObjectName objectName() {
        return objectName;
    }

    /** The driver as the platform sees it now; null once its bundle is gone. */
    private DriverInfo now() {
        for (DriverInfo d : factory.drivers()) {
            if (Key.of(d).equals(key)) {
                return d;
            }
        }
        return null;
    }

    @Override
    public String getName() {
        return key.name();
    }

    @Override
    public String getBundle() {
        return key.bundle();
    }

    @Override
    public String getVersion() {
        return key.version();
    }

    @Override
    public String getState() {
        DriverInfo d = now();
        return d == null ? "UNINSTALLED" : d.state();
    }

    @Override
    public String[] getURISchemes() {
        DriverInfo d = now();
        return d == null ? new String[0] : d.uriSchemes().toArray(String[]::new);
    }

    @Override
    public int getConnections() {
        DriverInfo d = now();
        return d == null ? 0 : d.connections();
    }

    @Override
    public String toString() {
        return objectName.toString();
    }
}
