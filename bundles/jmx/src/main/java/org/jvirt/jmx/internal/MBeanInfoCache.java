package org.jvirt.jmx.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import javax.management.MBeanInfo;

/**
 * One MBeanInfo per MXBean interface and implementation class, shared by all their MBeans. StandardMBean builds one
 * per instance, through reflection and the description hooks, which is most of the cost of registering 10,000
 * domains; ours depend only on the classes, and an MBeanInfo is immutable.
 */
final class MBeanInfoCache {
    private static final Map<List<Class<?>>, MBeanInfo> INFOS = new ConcurrentHashMap<>();

    private MBeanInfoCache() {
    }

    static MBeanInfo get(Class<?> intf, Class<?> implementation, Supplier<MBeanInfo> build) {
        List<Class<?>> key = List.of(intf, implementation);
        MBeanInfo info = INFOS.get(key);
        if (info == null) {
            info = build.get();
            INFOS.putIfAbsent(key, info);
        }
        return info;
    }
}
