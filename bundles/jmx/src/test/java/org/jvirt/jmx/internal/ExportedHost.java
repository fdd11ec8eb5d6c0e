package org.jvirt.jmx.internal;

import java.util.Map;

import org.jvirt.api.ConnectFactory;

/** For tests of other packages: the test driver's host exported to the platform MBeanServer, until closed. */
public final class ExportedHost implements AutoCloseable {
    private final ConnectFactory factory = JmxTestSupport.factory();
    private final JmxComponent component;

    public ExportedHost(String uri) {
        component = new JmxComponent(factory, Map.of(JmxComponent.URIS, uri));
    }

    /** The factory of the exported host's driver: its connections see the same domains. */
    public ConnectFactory factory() {
        return factory;
    }

    @Override
    public void close() {
        component.deactivate();
    }
}
