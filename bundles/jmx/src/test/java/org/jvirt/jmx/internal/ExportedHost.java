package org.jvirt.jmx.internal;

import java.util.Map;

import org.jvirt.api.ConnectFactory;

/** For tests of other packages: the test driver's host exported to the platform MBeanServer, until closed. */
public final class ExportedHost implements AutoCloseable {
    private final ConnectFactory factory;
    private final JmxComponent component;

    /** Exports {@code uri} of a platform of its own (core's standalone factory, the test driver). */
    public ExportedHost(String uri) {
        this(JmxTestSupport.factory(), uri);
    }

    /** Exports {@code uri} of {@code factory}'s platform; returns once every MBean is registered. */
    public ExportedHost(ConnectFactory factory, String uri) {
        this.factory = factory;
        this.component = new JmxComponent(factory, Map.of(JmxComponent.URIS, uri));
    }

    /** A platform of its own, as the tests use: core's standalone factory with the test driver. */
    public static ConnectFactory newPlatform() {
        return JmxTestSupport.factory();
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
