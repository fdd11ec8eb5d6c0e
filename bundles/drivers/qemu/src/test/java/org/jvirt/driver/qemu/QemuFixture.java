package org.jvirt.driver.qemu;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jvirt.api.CloseReason;
import org.jvirt.api.Connect;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainDestroyFlag;
import org.jvirt.api.ListDomainsFlag;
import org.jvirt.api.driver.ConnectRequest;
import org.jvirt.api.driver.EventSink;
import org.jvirt.api.event.DomainEvent;
import org.jvirt.api.event.DomainLifecycleEvent;

/** A driver on a temporary home, a connection that records events, and a guest XML that needs no OS. */
final class QemuFixture implements AutoCloseable {
    final Path home;
    final QemuHypervisorDriver driver;
    final Connect conn;
    final BlockingQueue<DomainEvent> events = new LinkedBlockingQueue<>();
    /** QEMU's own events, as libvirt-qemu's monitor event subscribers get them. */
    final BlockingQueue<org.jvirt.api.qemu.QemuMonitorEvent> monitorEvents = new LinkedBlockingQueue<>();

    QemuFixture(Path home) {
        this(home, new QemuHypervisorDriver(home));
    }

    /** A fixture on a driver made elsewhere (closing the fixture closes the driver too). */
    QemuFixture(Path home, QemuHypervisorDriver driver) {
        this.home = home;
        this.driver = driver;
        this.conn = open();
    }

    /** Waits (up to 30 s) until a domain reaches {@code state}; returns the state it has then. */
    static org.jvirt.api.DomainState awaitState(Domain d, org.jvirt.api.DomainState state)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (d.getState().state() != state && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return d.getState().state();
    }

    Connect open() {
        return driver.open(new ConnectRequest(URI.create("qemu:///system"), Set.of(), null, new EventSink() {
            @Override
            public void event(org.jvirt.api.event.ObjectEvent event) {
                if (event instanceof org.jvirt.api.qemu.QemuMonitorEvent m) {
                    monitorEvents.add(m);
                } else if (event instanceof DomainEvent d) {
                    events.add(d);
                }
            }

            @Override
            public void domainEvent(DomainEvent event) {
                events.add(event);
            }

            @Override
            public void connectionClosed(CloseReason reason) {
            }
        })).orElseThrow();
    }

    static String xml(String name) {
        return xml(name, "");
    }

    static String xml(String name, String devices) {
        return "<domain type='qemu'><name>" + name + "</name><memory unit='MiB'>32</memory><vcpu>1</vcpu>"
                + "<os><type arch='x86_64' machine='pc'>hvm</type></os><devices>" + devices
                + "</devices></domain>";
    }

    /** The next lifecycle event, as "TYPE/DETAIL" with the detail's constant name. */
    String nextLifecycle() throws InterruptedException {
        while (true) {
            DomainEvent e = events.poll(30, TimeUnit.SECONDS);
            if (e == null) {
                return "(none)";
            }
            if (e instanceof DomainLifecycleEvent l) {
                return l.type() + "/" + ((Enum<?>) l.detailConstant()).name();
            }
        }
    }

    @Override
    public void close() {
        // end every guest this test left, so that no QEMU outlives it
        try {
            for (Domain d : conn.listAllDomains(Set.of(ListDomainsFlag.ACTIVE))) {
                d.destroy(Set.of(DomainDestroyFlag.DEFAULT));
            }
        } finally {
            conn.close();
            driver.close();
        }
    }

    static List<String> names(List<Domain> ds) {
        return ds.stream().map(Domain::getName).sorted().toList();
    }
}
