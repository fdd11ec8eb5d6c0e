package org.jvirt.jmx.internal;

import java.util.List;
import java.util.function.Consumer;

import javax.management.ObjectName;

import org.jvirt.api.CloseReason;
import org.jvirt.api.Connect;
import org.jvirt.api.ConnectFactory;
import org.jvirt.api.event.EventSubscription;
import org.jvirt.jmx.ConnectionMXBean;
import org.jvirt.jmx.JvirtObjectNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One configured URI in JMX: its open connection, the connection's MBean and the MBeans of its objects. It ends by
 * {@link #close()} (configuration or deactivation) or by the connection closing underneath (driver gone), and in
 * both cases leaves no MBean behind.
 */
final class ExportedConnection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ExportedConnection.class);

    private final String configuredUri;
    private final Connect connect;
    private final MBeanRegistry registry;
    private final ConnectionBean bean;
    private final EventRelay relay;
    // one entry per kind of object shown in JMX
    private final List<ObjectBeans> objects;
    private final Consumer<ExportedConnection> onLost;
    private EventSubscription closeSubscription;
    private volatile boolean registered;
    private boolean ended; // guarded by this

    private ExportedConnection(String configuredUri, Connect connect, MBeanRegistry registry,
            Consumer<ExportedConnection> onLost) {
        this.configuredUri = configuredUri;
        this.connect = connect;
        this.registry = registry;
        this.onLost = onLost;
        String uri = connect.getURI();
        ObjectName name = JvirtObjectNames.connection(uri);
        List<EventType> types = new java.util.ArrayList<>(DomainEventTypes.all());
        types.addAll(NetworkKind.INSTANCE.eventTypes());
        types.addAll(StoragePoolKind.INSTANCE.eventTypes());
        types.addAll(NodeDeviceKind.INSTANCE.eventTypes());
        types.addAll(SecretKind.INSTANCE.eventTypes());
        this.relay = new EventRelay(name, types);
        DomainBeans domains = new DomainBeans(connect, uri, registry, relay);
        this.objects = List.of(domains,
                new LifecycleObjectBeans<>(NetworkKind.INSTANCE, connect, uri, registry, relay),
                new LifecycleObjectBeans<>(StoragePoolKind.INSTANCE, connect, uri, registry, relay),
                new ListedObjectBeans<>(StorageVolumeKind.INSTANCE, connect, uri, registry),
                new LifecycleObjectBeans<>(NodeDeviceKind.INSTANCE, connect, uri, registry, relay),
                new ListedObjectBeans<>(InterfaceKind.INSTANCE, connect, uri, registry),
                new LifecycleObjectBeans<>(SecretKind.INSTANCE, connect, uri, registry, relay));
        this.bean = new ConnectionBean(connect, domains, objects, name);
    }

    /**
     * Opens {@code uri} and registers its MBeans; {@code onLost} is told if the connection later closes on its
     * own. On failure nothing stays open or registered.
     */
    static ExportedConnection open(ConnectFactory factory, String uri, MBeanRegistry registry,
            Consumer<ExportedConnection> onLost) {
        Connect connect = factory.open(uri);
        ExportedConnection export;
        try {
            export = new ExportedConnection(uri, connect, registry, onLost);
        } catch (RuntimeException e) {
            connect.close();
            throw e;
        }
        try {
            export.start();
        } catch (RuntimeException e) {
            export.close();
            throw e;
        }
        return export;
    }

    private void start() {
        registry.register(new DescribedEmitterMXBean(bean, ConnectionMXBean.class, relay), bean.objectName());
        registered = true;
        closeSubscription = connect.registerCloseCallback(this::closedUnderneath);
        objects.forEach(ObjectBeans::start);
        LOG.info("{} exported to JMX as {}", configuredUri, bean.objectName());
    }

    /** Whether the MBeans are gone (closed, or the connection was lost). */
    synchronized boolean isEnded() {
        return ended;
    }

    String configuredUri() {
        return configuredUri;
    }

    /** Unregisters every MBean of this connection and closes it. */
    @Override
    public void close() {
        if (!end()) {
            return;
        }
        if (closeSubscription != null) {
            closeSubscription.close();
        }
        connect.close();
        LOG.info("{} no longer exported to JMX", configuredUri);
    }

    private void closedUnderneath(CloseReason reason) {
        if (!end()) {
            return;
        }
        LOG.warn("{} closed ({}): its MBeans are removed", configuredUri, reason);
        connect.close(); // already closed underneath; this releases our side and does nothing more
        onLost.accept(this);
    }

    /** Takes every MBean away, once; false when that was already done. */
    private boolean end() {
        synchronized (this) {
            if (ended) {
                return false;
            }
            ended = true;
        }
        objects.forEach(ObjectBeans::close);
        if (registered) {
            // only our own: a failed start may have met another connection's MBean under the same name
            registry.unregister(bean.objectName());
        }
        return true;
    }

    @Override
    public String toString() {
        return bean.objectName().toString();
    }
}
