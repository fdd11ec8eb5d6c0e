package org.jvirt.jmx.internal;

import java.util.function.Supplier;

import org.jvirt.api.VirtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an API call for a JMX client. A libvirt error leaves as a JDK exception with the same message and no cause,
 * so that a console shows libvirt's sentence without needing jvirt's classes (a remote client could not load
 * VirtException).
 */
final class JmxCalls {
    private static final Logger LOG = LoggerFactory.getLogger(JmxCalls.class);

    private JmxCalls() {
    }

    /** The value {@code call} returns, for {@code what} (an MBean's name, for the log). */
    static <T> T ask(Object what, Supplier<T> call) {
        try {
            return call.get();
        } catch (VirtException e) {
            LOG.debug("{}: {}", what, e.toString());
            throw toJmx(e);
        }
    }

    static void act(Object what, Runnable call) {
        ask(what, () -> {
            call.run();
            return null;
        });
    }

    static RuntimeException toJmx(VirtException e) {
        String message = e.getMessage();
        return switch (e.code()) {
            case INVALID_ARG, NO_DOMAIN, NO_NETWORK, NO_STORAGE_POOL, NO_STORAGE_VOL, NO_NODE_DEVICE, NO_INTERFACE,
                    NO_SECRET, NO_DOMAIN_SNAPSHOT, XML_ERROR, XML_DETAIL ->
                    new IllegalArgumentException(message);
            case NO_SUPPORT -> new UnsupportedOperationException(message);
            default -> new IllegalStateException(message);
        };
    }
}
