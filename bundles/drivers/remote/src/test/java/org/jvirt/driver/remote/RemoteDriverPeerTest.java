package org.jvirt.driver.remote;

import org.jvirt.rpc.peer.LibvirtdPeer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jvirt.api.Connect;
import org.jvirt.api.ConnectFactory;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainInfo;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.ListDomainsFlag;
import org.jvirt.api.NodeInfo;
import org.jvirt.api.StoragePool;
import org.jvirt.api.StoragePoolInfo;
import org.jvirt.api.VirtException;
import org.jvirt.api.event.DomainEvent;
import org.jvirt.api.event.DomainEventId;
import org.jvirt.api.event.DomainLifecycleEvent;
import org.jvirt.api.event.EventSubscription;
import org.jvirt.api.event.LifecycleEventType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The remote driver against the real libvirtd 9.0 (its test driver), through core's standalone ConnectFactory,
 * compared with what python-libvirt gets from the same daemon.
 */
class RemoteDriverPeerTest {
    private static LibvirtdPeer peer;
    private static ConnectFactory factory;

    @BeforeAll
    static void startPeer() throws Exception {
        peer = LibvirtdPeer.start();
        factory = ServiceLoader.load(ConnectFactory.class).findFirst().orElseThrow();
    }

    @AfterAll
    static void stopPeer() throws Exception {
        if (peer != null) {
            peer.close();
        }
    }

    @Test
    void hostFactsOverTcpAreWhatPythonLibvirtGets() throws Exception {
        String py = PythonLibvirt.run(peer.tcpUri(), """
                print(conn.getType()); print(conn.getVersion()); print(conn.getLibVersion())
                print(conn.getHostname()); print(conn.getMaxVcpus(None)); print(conn.getInfo())
                print(conn.getFreeMemory()); print(conn.isSecure()); print(conn.isEncrypted())
                print(sorted(d.name() for d in conn.listAllDomains(0)))
                print(sorted(n.name() for n in conn.listAllNetworks(0)))
                print(sorted(p.name() for p in conn.listAllStoragePools(0)))
                print(sorted(i.name() for i in conn.listAllInterfaces(0)))
                print(sorted(d.name() for d in conn.listAllDevices(0)))
                print(conn.numOfDomains(), conn.numOfDefinedDomains(), conn.listDomainsID())""");
        try (Connect c = factory.open(peer.tcpUri())) {
            NodeInfo n = c.nodeInfo();
            String mine = String.join("\n", c.getType(), Long.toString(c.getVersion()),
                    Long.toString(c.getLibVersion()), c.getHostname(), Integer.toString(c.getMaxVcpus(null)),
                    "['" + n.model() + "', " + n.memoryKiB() / 1024 + ", " + n.cpus() + ", " + n.mhz() + ", "
                            + n.nodes() + ", " + n.sockets() + ", " + n.cores() + ", " + n.threads() + "]",
                    Long.toString(c.nodeGetFreeMemory()), c.isSecure() ? "1" : "0", c.isEncrypted() ? "1" : "0",
                    names(c.listAllDomains(Set.of()).stream().map(Domain::getName).toList()),
                    names(c.listAllNetworks(Set.of()).stream().map(x -> x.getName()).toList()),
                    names(c.listAllStoragePools(Set.of()).stream().map(StoragePool::getName).toList()),
                    names(c.listAllInterfaces(Set.of()).stream().map(x -> x.getName()).toList()),
                    names(c.listAllNodeDevices(Set.of()).stream().map(x -> x.getName()).toList()),
                    c.numOfDomains() + " " + c.numOfDefinedDomains() + " " + ids(c.listDomains())) + "\n";
            assertThat(mine).isEqualTo(py);
            assertThat(c.getCapabilities()).isEqualTo(PythonLibvirt.run(peer.tcpUri(),
                    "sys.stdout.write(conn.getCapabilities())"));
            assertThat(c.getURI()).isEqualTo(peer.tcpUri());
            assertThat(c.isAlive()).isTrue();
        }
    }

    private static String names(List<String> names) {
        StringBuilder b = new StringBuilder("[");
        names.stream().sorted().forEach(n -> b.append(b.length() > 1 ? ", " : "").append('\'').append(n).append('\''));
        return b.append(']').toString();
    }

    /** Typed parameters as python prints sorted(params.items()). */
    private static String pairs(org.jvirt.api.TypedParameters params) {
        StringBuilder b = new StringBuilder("[");
        params.asList().stream().sorted(java.util.Comparator.comparing(org.jvirt.api.TypedParameter::field))
                .forEach(p -> b.append(b.length() > 1 ? ", " : "").append("('").append(p.field()).append("', ")
                        .append(p.value() instanceof String v ? "'" + v + "'" : p.valueText()).append(')'));
        return b.append(']').toString();
    }

    private static String ids(int[] ids) {
        StringBuilder b = new StringBuilder("[");
        for (int i : ids) {
            b.append(b.length() > 1 ? ", " : "").append(i);
        }
        return b.append(']').toString();
    }

    @Test
    void domainCallsOverUnixSocketAreWhatPythonLibvirtGets() throws Exception {
        String py = PythonLibvirt.run(peer.unixUri(), """
                d = conn.lookupByName('test')
                print(d.info()[:4]); print(d.state()); print(d.ID(), d.UUIDString(), d.OSType())
                print(d.isActive(), d.isPersistent(), d.autostart(), d.maxMemory(), d.maxVcpus())
                print(d.schedulerType()); print(sorted(d.schedulerParameters().items()))
                print(sorted(d.memoryParameters(0).items()))
                sys.stdout.write(d.XMLDesc(0))""");
        try (Connect c = factory.open(peer.unixUri())) {
            Domain d = c.domainLookupByName("test");
            DomainInfo i = d.getInfo();
            var state = d.getState();
            // the test driver's CPU time is the clock's: it differs from call to call
            assertThat(i.cpuTimeNanos()).isPositive();
            String mine = "[" + i.state().value() + ", " + i.maxMemKiB() + ", " + i.memoryKiB() + ", " + i.nrVirtCpu()
                    + "]\n"
                    + "[" + state.state().value() + ", " + state.reason() + "]\n"
                    + d.getID() + " " + d.getUUIDString() + " " + d.getOSType() + "\n"
                    + (d.isActive() ? 1 : 0) + " " + (d.isPersistent() ? 1 : 0) + " " + (d.getAutostart() ? 1 : 0)
                    + " " + d.getMaxMemory() + " " + d.getMaxVcpus() + "\n";
            assertThat(py).startsWith(mine);
            assertThat(py).endsWith(d.getXMLDesc(Set.of()));
            var sched = d.getSchedulerType();
            assertThat(py).contains("\n('" + sched.type() + "', " + sched.nparams() + ")\n");
            assertThat(py).contains("\n" + pairs(d.getSchedulerParameters()) + "\n" + pairs(d.getMemoryParameters(Set.of()))
                    + "\n");
        }
    }

    @Test
    void serverErrorsKeepLibvirtsCodeDomainAndMessage() throws Exception {
        String py = PythonLibvirt.run(peer.tcpUri(), """
                try:
                    conn.lookupByName('nosuch')
                except libvirt.libvirtError as e:
                    print(e.get_error_code(), e.get_error_domain(), e.get_error_message())""");
        try (Connect c = factory.open(peer.tcpUri())) {
            assertThatThrownBy(() -> c.domainLookupByName("nosuch"))
                    .isInstanceOfSatisfying(VirtException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.NO_DOMAIN);
                        assertThat(e.domain()).isEqualTo(ErrorDomain.TEST);
                        assertThat(e.code().value() + " " + e.domain().value() + " " + e.getMessage() + "\n")
                                .isEqualTo(py);
                    });
            // the connection goes on after an error
            assertThat(c.domainLookupByName("test").getName()).isEqualTo("test");
        }
    }

    @Test
    void lifecycleOfADefinedDomainWithEventsInOrder() throws Exception {
        String xml = "<domain type='test'><name>jvirt-remote-1</name><memory>65536</memory><vcpu>1</vcpu>"
                + "<os><type>hvm</type></os></domain>";
        BlockingQueue<DomainEvent> events = new LinkedBlockingQueue<>();
        try (Connect c = factory.open(peer.tcpUri());
                EventSubscription sub = c.domainEventRegisterAny(null, DomainEventId.LIFECYCLE, events::add)) {
            Domain d = c.domainDefineXML(xml);
            try {
                assertThat(d.getID()).isEqualTo(-1);
                d.create();
                assertThat(d.getID()).isPositive();
                assertThat(c.domainLookupByID(d.getID())).isEqualTo(d);
                d.suspend();
                d.resume();
                d.destroy();
                assertThat(d.getID()).isEqualTo(-1);
                assertThat(c.listAllDomains(EnumSet.of(ListDomainsFlag.INACTIVE)))
                        .extracting(Domain::getName).contains("jvirt-remote-1");
            } finally {
                d.undefine();
            }
            List<LifecycleEventType> seen = new java.util.ArrayList<>();
            for (int k = 0; k < 6; k++) {
                DomainEvent e = events.poll(10, TimeUnit.SECONDS);
                assertThat(e).as("event %d", k).isInstanceOf(DomainLifecycleEvent.class);
                assertThat(e.domain()).isEqualTo(d);
                seen.add(((DomainLifecycleEvent) e).type());
            }
            assertThat(seen).containsExactly(LifecycleEventType.DEFINED, LifecycleEventType.STARTED,
                    LifecycleEventType.SUSPENDED, LifecycleEventType.RESUMED, LifecycleEventType.STOPPED,
                    LifecycleEventType.UNDEFINED);
        }
    }

    @Test
    void storagePoolInfoIsWhatPythonLibvirtGets() throws Exception {
        String py = PythonLibvirt.run(peer.tcpUri(), """
                p = conn.storagePoolLookupByName('default-pool')
                print(p.info()); print(p.isActive(), p.numOfVolumes())""");
        try (Connect c = factory.open(peer.tcpUri())) {
            StoragePool p = c.storagePoolLookupByName("default-pool");
            StoragePoolInfo i = p.getInfo();
            assertThat("[" + i.state().value() + ", " + i.capacity() + ", " + i.allocation() + ", " + i.available()
                    + "]\n" + (p.isActive() ? 1 : 0) + " " + p.numOfVolumes() + "\n").isEqualTo(py);
        }
    }

    @Test
    void readOnlyConnectionIsRefusedChanges() {
        try (Connect c = factory.openReadOnly(peer.tcpUri())) {
            Domain d = c.domainLookupByName("test");
            assertThatThrownBy(d::suspend).isInstanceOfSatisfying(VirtException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.OPERATION_DENIED));
            assertThat(d.getInfo().state()).isNotNull();
        }
    }
}
