package org.jvirt.jmx.internal;

import static org.assertj.core.api.Assertions.fail;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import javax.management.AttributeChangeNotification;
import javax.management.MBeanServer;
import javax.management.Notification;
import javax.management.NotificationListener;
import javax.management.ObjectName;

import org.jvirt.api.ConnectFactory;
import org.jvirt.jmx.JvirtObjectNames;

/** What the JMX tests share: the real platform outside OSGi, the platform MBeanServer, bounded waits. */
final class JmxTestSupport {
    /** How long an asynchronous event may take to show; a bound for waiting, never a pause. */
    static final Duration EVENT_BOUND = Duration.ofSeconds(10);

    static final MBeanServer SERVER = ManagementFactory.getPlatformMBeanServer();

    private JmxTestSupport() {
    }

    /** Core's standalone factory, with the drivers on the test class path (the test driver). */
    static ConnectFactory factory() {
        return ServiceLoader.load(ConnectFactory.class).findFirst()
                .orElseThrow(() -> new AssertionError("no ConnectFactory on the class path"));
    }

    static Set<ObjectName> jvirtNames() {
        return SERVER.queryNames(JvirtObjectNames.all(), null);
    }

    /** Waits, checking often, until {@code condition} holds; fails after {@link #EVENT_BOUND}. */
    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + EVENT_BOUND.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("not within " + EVENT_BOUND + ": " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted waiting for " + what);
            }
        }
    }

    /** Collects the notifications an MBean emits. */
    static final class Notifications implements NotificationListener {
        private final BlockingQueue<Notification> received = new LinkedBlockingQueue<>();

        @Override
        public void handleNotification(Notification notification, Object handback) {
            received.add(notification);
        }

        /** The next notification of {@code type}, waiting at most {@link #EVENT_BOUND}. */
        Notification next(String type) throws InterruptedException {
            long deadline = System.nanoTime() + EVENT_BOUND.toNanos();
            while (true) {
                long left = deadline - System.nanoTime();
                Notification n = received.poll(Math.max(left, 0), TimeUnit.NANOSECONDS);
                if (n == null) {
                    throw new AssertionError("no " + type + " notification within " + EVENT_BOUND);
                }
                if (n.getType().equals(type)) {
                    return n;
                }
            }
        }

        /** The next State change, waiting at most {@link #EVENT_BOUND}. */
        AttributeChangeNotification nextStateChange() throws InterruptedException {
            return nextChangeOf("State");
        }

        /** The next change of {@code attribute}, waiting at most {@link #EVENT_BOUND}. */
        AttributeChangeNotification nextChangeOf(String attribute) throws InterruptedException {
            long deadline = System.nanoTime() + EVENT_BOUND.toNanos();
            while (true) {
                long left = deadline - System.nanoTime();
                Notification n = received.poll(Math.max(left, 0), TimeUnit.NANOSECONDS);
                if (n == null) {
                    throw new AssertionError("no " + attribute + " change notification within " + EVENT_BOUND);
                }
                if (n instanceof AttributeChangeNotification change && attribute.equals(change.getAttributeName())) {
                    return change;
                }
            }
        }

        boolean isEmpty() {
            return received.isEmpty();
        }
    }
}
