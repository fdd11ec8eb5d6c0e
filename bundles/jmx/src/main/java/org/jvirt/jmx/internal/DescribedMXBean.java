package org.jvirt.jmx.internal;

import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanParameterInfo;
import javax.management.StandardMBean;

/** An MXBean whose MBeanInfo carries the interface's descriptions and parameter names. */
final class DescribedMXBean extends StandardMBean {
    private final Descriptions descriptions;

    <T> DescribedMXBean(T implementation, Class<T> intf) {
        super(implementation, intf, true);
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
