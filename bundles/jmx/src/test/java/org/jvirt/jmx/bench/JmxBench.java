package org.jvirt.jmx.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.management.AttributeChangeNotification;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.jvirt.api.Connect;
import org.jvirt.api.ConnectFactory;
import org.jvirt.api.Domain;
import org.jvirt.jmx.JvirtObjectNames;
import org.jvirt.jmx.internal.ExportedHost;

/**
 * JMX at scale on the test driver (a benchmark run by hand, not a test): N domains defined on test:///default, then
 * exported (every MBean registered; time, and heap per MBean), then the time from a state change through the API to
 * a JMX notification listener, and the cost of registering domains one event at a time while exported.
 *
 * <p>Run: see docs/jmx.md ("Figures"). Arguments: [domains, default 10000] [state changes, default 20000].
 */
public final class JmxBench {
    private static final String URI = "test:///default";
    private static final MBeanServer SERVER = ManagementFactory.getPlatformMBeanServer();

    private JmxBench() {
    }

    public static void main(String[] args) throws Exception {
        int domains = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int changes = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        print("JVM %s, %d CPUs, max heap %d MiB", System.getProperty("java.vm.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);

        ConnectFactory factory = ExportedHost.newPlatform();
        try (Connect api = factory.open(URI)) {
            long t = System.nanoTime();
            define(api, "bench-", domains);
            print("defined %d domains (no JMX): %.0f ms", domains, ms(System.nanoTime() - t));

            long before = usedHeap();
            t = System.nanoTime();
            ExportedHost host = new ExportedHost(factory, URI);
            long registration = System.nanoTime() - t;
            int mbeans = SERVER.queryNames(JvirtObjectNames.all(), null).size();
            long after = usedHeap();
            print("exported: %d MBeans registered in %.0f ms (%.1f us each)", mbeans, ms(registration),
                    registration / 1e3 / mbeans);
            print("heap: %.1f MiB for them, %d bytes per MBean", (after - before) / 1048576.0,
                    (after - before) / mbeans);

            latency(api, changes);

            t = System.nanoTime();
            define(api, "live-", domains / 10);
            long defining = System.nanoTime() - t;
            awaitCount(mbeans + domains / 10);
            long live = System.nanoTime() - t;
            print("defined %d more domains while exported: %.0f ms until all their MBeans were there "
                    + "(the defines alone returned after %.0f ms)", domains / 10, ms(live), ms(defining));

            t = System.nanoTime();
            host.close();
            print("unexported: every MBean unregistered in %.0f ms", ms(System.nanoTime() - t));
        }
    }

    /** Suspends and resumes the running domain "test"; each time, how long until the State notification. */
    private static void latency(Connect api, int changes) throws Exception {
        ObjectName test = JvirtObjectNames.domain(URI, "test");
        BlockingQueue<Long> arrivals = new ArrayBlockingQueue<>(4);
        SERVER.addNotificationListener(test, (n, h) -> {
            if (n instanceof AttributeChangeNotification) {
                arrivals.add(System.nanoTime());
            }
        }, null, null);
        Domain domain = api.domainLookupByName("test");
        int warmup = Math.min(5_000, changes / 4);
        long[] nanos = new long[changes];
        for (int i = 0; i < warmup + changes; i++) {
            long start = System.nanoTime();
            if (i % 2 == 0) {
                domain.suspend();
            } else {
                domain.resume();
            }
            Long arrived = arrivals.poll(10, TimeUnit.SECONDS);
            if (arrived == null) {
                throw new IllegalStateException("no notification for change " + i);
            }
            if (i >= warmup) {
                nanos[i - warmup] = arrived - start;
            }
        }
        if (changes % 2 == 1) {
            domain.resume();
            arrivals.poll(10, TimeUnit.SECONDS);
        }
        Arrays.sort(nanos);
        print("state change (API suspend/resume) to JMX listener, %d changes after %d to warm up: "
                + "median %.1f us, p90 %.1f us, p99 %.1f us, max %.1f us", changes, warmup,
                nanos[changes / 2] / 1e3, nanos[changes * 9 / 10] / 1e3, nanos[changes * 99 / 100] / 1e3,
                nanos[changes - 1] / 1e3);
    }

    private static void define(Connect api, String prefix, int n) {
        for (int i = 0; i < n; i++) {
            api.domainDefineXML("<domain type='test'><name>" + prefix + String.format("%05d", i)
                    + "</name><memory>65536</memory><os><type>hvm</type></os></domain>");
        }
    }

    private static void awaitCount(int count) throws InterruptedException {
        ObjectName all = JvirtObjectNames.all();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (SERVER.queryNames(all, null).size() < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the MBeans did not all come");
            }
            Thread.sleep(1);
        }
    }

    private static long usedHeap() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static void print(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args)); // a benchmark's report is its output
    }

}
