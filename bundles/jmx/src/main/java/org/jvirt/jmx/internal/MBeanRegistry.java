package org.jvirt.jmx.internal;

import javax.management.InstanceAlreadyExistsException;
import javax.management.InstanceNotFoundException;
import javax.management.MBeanRegistrationException;
import javax.management.MBeanServer;
import javax.management.NotCompliantMBeanException;
import javax.management.ObjectName;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Registers jvirt's MBeans in one MBeanServer, with JMX's checked exceptions turned into plain failures. */
final class MBeanRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(MBeanRegistry.class);

    private final MBeanServer server;

    MBeanRegistry(MBeanServer server) {
        this.server = server;
    }

    /**
     * Registers {@code bean} under {@code name}. The bean's interface is named *MXBean, so the server treats it as
     * an MXBean (open types only).
     */
    void register(Object bean, ObjectName name) {
        try {
            server.registerMBean(bean, name);
            LOG.debug("registered {}", name);
        } catch (InstanceAlreadyExistsException e) {
            throw new IllegalStateException(name + " is already registered", e);
        } catch (NotCompliantMBeanException | MBeanRegistrationException e) {
            throw new IllegalStateException("cannot register " + name + ": " + e.getMessage(), e);
        }
    }

    /** Unregisters {@code name}; one already gone is no failure. */
    void unregister(ObjectName name) {
        try {
            server.unregisterMBean(name);
            LOG.debug("unregistered {}", name);
        } catch (InstanceNotFoundException e) {
            LOG.debug("{} was already unregistered", name);
        } catch (MBeanRegistrationException e) {
            LOG.warn("unregistering {} failed: {}", name, e.toString(), e);
        }
    }
}
