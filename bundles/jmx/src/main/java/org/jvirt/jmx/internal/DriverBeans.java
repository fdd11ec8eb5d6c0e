package org.jvirt.jmx.internal;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.management.ObjectName;

import org.jvirt.api.ConnectFactory;
import org.jvirt.api.DriverInfo;
import org.jvirt.jmx.DriverMXBean;
import org.jvirt.jmx.JvirtObjectNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Driver MBeans: one per installed driver bundle, as {@link ConnectFactory#drivers()} lists them. {@link #sync()}
 * brings the set in line with the list (it is called when bundles come and go); the first bundle to declare a
 * driver name gets {@code name=<name>}, a further one also its bundle and version in its name.
 */
final class DriverBeans implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DriverBeans.class);

    private final ConnectFactory factory;
    private final MBeanRegistry registry;
    private final Map<DriverBean.Key, DriverBean> beans = new LinkedHashMap<>(); // guarded by this
    private boolean closed; // guarded by this

    DriverBeans(ConnectFactory factory, MBeanRegistry registry) {
        this.factory = factory;
        this.registry = registry;
    }

    /** Registers the drivers that are new and unregisters those whose bundle is gone. */
    synchronized void sync() {
        if (closed) {
            return;
        }
        List<DriverInfo> present = factory.drivers();
        Set<DriverBean.Key> keys = new HashSet<>();
        present.forEach(d -> keys.add(DriverBean.Key.of(d)));
        beans.values().removeIf(b -> {
            if (keys.contains(b.key())) {
                return false;
            }
            registry.unregister(b.objectName());
            LOG.info("driver {} {} {} gone from JMX", b.key().name(), b.key().bundle(), b.key().version());
            return true;
        });
        for (DriverInfo d : present) {
            DriverBean.Key key = DriverBean.Key.of(d);
            if (beans.containsKey(key)) {
                continue;
            }
            DriverBean bean = new DriverBean(factory, key, nameFor(key));
            try {
                registry.register(new DescribedMXBean(bean, DriverMXBean.class), bean.objectName());
                beans.put(key, bean);
                LOG.debug("driver {} in JMX as {}", key.name(), bean.objectName());
            } catch (IllegalStateException e) {
                LOG.warn("driver {}: {}", key.name(), e.getMessage());
            }
        }
    }

    private ObjectName nameFor(DriverBean.Key key) {
        boolean taken = beans.keySet().stream().anyMatch(k -> k.name().equals(key.name()));
        return taken ? JvirtObjectNames.driver(key.name(), key.bundle(), key.version())
                : JvirtObjectNames.driver(key.name());
    }

    /** The names of the Driver MBeans registered now. */
    synchronized Set<ObjectName> names() {
        Set<ObjectName> names = new HashSet<>();
        beans.values().forEach(b -> names.add(b.objectName()));
        return names;
    }

    @Override
    public synchronized void close() {
        closed = true;
        beans.values().forEach(b -> registry.unregister(b.objectName()));
        beans.clear();
    }
}
