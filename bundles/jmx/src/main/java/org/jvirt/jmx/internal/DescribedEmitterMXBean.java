package org.jvirt.jmx.internal;

import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanParameterInfo;
import javax.management.NotificationEmitter;
import javax.management.StandardEmitterMBean;

/** An MXBean that emits notifications, with the interface's descriptions and parameter names in its MBeanInfo. */
final class DescribedEmitterMXBean extends StandardEmitterMBean {
    private final Descriptions descriptions;

    <T> DescribedEmitterMXBean(T implementation, Class<T> intf, NotificationEmitter emitter) {
        super(implementation, intf, true, emitter);
        this.descriptions = new Descriptions(intf);
    }

    @Override
    public MBeanInfo getMBeanInfo() {
        return MBeanInfoCache.get(getMBeanInterface(), getImplementationClass(), super::getMBeanInfo);
    }

    @Override
    protected String getDescription(MBeanInfo info) {
        return descriptions.ofInterface(info.getDescription());
    }

    @Override
    protected String getDescription(MBeanAttributeInfo info) {
        return descriptions.of(info);
    }

    @Override
    protected String getDescription(MBeanOperationInfo info) {
        return descriptions.of(info);
    }

    @Override
    protected String getParameterName(MBeanOperationInfo op, MBeanParameterInfo param, int sequence) {
        return descriptions.parameterName(op, sequence, param.getName());
    }
}
