package org.jvirt.jmx.internal;

import java.util.Locale;

import javax.management.MBeanNotificationInfo;
import javax.management.ObjectName;

import org.jvirt.api.Secret;
import org.jvirt.api.SecretUsageType;
import org.jvirt.jmx.SecretMXBean;

/** One secret as an MXBean: what it is for and its XML, never its value. */
final class SecretBean extends ObjectBean implements SecretMXBean {
    private final Secret secret;

    SecretBean(Secret secret, ObjectName objectName, MBeanNotificationInfo[] infos) {
        super(objectName, null, null, infos);
        this.secret = secret;
    }

    @Override
    public String getUUID() {
        return JmxCalls.ask(objectName(), secret::getUUIDString);
    }

    @Override
    public String getUsageType() {
        // libvirt's names of the usage types are the constants' names in lower case ("volume", "ceph", ...)
        return JmxCalls.ask(objectName(), () -> {
            SecretUsageType type = secret.getUsageType();
            return type == null ? "unknown" : type.name().toLowerCase(Locale.ROOT);
        });
    }

    @Override
    public String getUsageID() {
        return JmxCalls.ask(objectName(), () -> {
            String id = secret.getUsageID();
            return id == null ? "" : id;
        });
    }

    @Override
    public String getXML() {
        return JmxCalls.ask(objectName(), secret::getXMLDesc);
    }

    @Override
    public void undefine() {
        JmxCalls.act(objectName(), secret::undefine);
    }
}
