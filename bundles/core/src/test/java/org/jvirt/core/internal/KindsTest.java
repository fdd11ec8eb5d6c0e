package org.jvirt.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jvirt.api.Connect;
import org.jvirt.api.ConnectFlag;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainBlockJobInfo;
import org.jvirt.api.DomainSnapshot;
import org.jvirt.api.DomainStatsRecord;
import org.jvirt.api.DomainXMLFlag;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.Network;
import org.jvirt.api.SparseStreamSink;
import org.jvirt.api.StoragePool;
import org.jvirt.api.StorageVol;
import org.jvirt.api.StorageVolDownloadFlag;
import org.jvirt.api.Stream;
import org.jvirt.api.StreamEventType;
import org.jvirt.api.StreamFlag;
import org.jvirt.api.VirtException;
import org.jvirt.api.event.DomainBlockThresholdEvent;
import org.jvirt.api.event.DomainEvent;
import org.jvirt.api.event.DomainEventId;
import org.jvirt.api.event.DomainLifecycleEvent;
import org.jvirt.api.event.EventSubscription;
import org.jvirt.api.event.NetworkEvent;
import org.jvirt.api.event.NetworkEventId;
import org.jvirt.api.event.NetworkLifecycleEvent;
import org.jvirt.api.qemu.QemuMonitorEvent;
import org.jvirt.api.qemu.QemuMonitorEventRegisterFlag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The platform around every kind of API object: wrapping, identity, events, streams and secondary drivers. */
class KindsTest {
    private final Hub hub = new Hub(() -> "kinds:///default");
    private final KindsDriver kinds = new KindsDriver();
    private final SharedNetworks networks = new SharedNetworks();

    KindsTest() {
        hub.addDriver(kinds, "kinds", kinds.uriSchemes(), false, "kinds");
        hub.addSecondary(networks, "network", "networks");
    }

    @AfterEach
    void stop() {
        hub.shutdown();
    }

    private Connect open() {
        return hub.open(null, Set.of(), null);
    }

    private static boolean isPlatformHandle(Object o) {
        return Proxy.isProxyClass(o.getClass()) && Proxy.getInvocationHandler(o) instanceof ObjectHandle;
    }

    @Test
    void objectsInListsRecordsAndOptionalsAreWrapped() {
        Connect c = open();
        Domain a = c.domainLookupByName("a");
        List<DomainSnapshot> snaps = a.listAllSnapshots(Set.of());
        assertThat(snaps).singleElement().satisfies(s -> {
            assertThat(isPlatformHandle(s)).isTrue();
            assertThat(s.getConnect()).isSameAs(c);
            assertThat(s.getDomain()).isEqualTo(a);
            assertThat(isPlatformHandle(s.getDomain())).isTrue();
        });
        List<DomainStatsRecord> stats = c.getAllDomainStats(Set.of(), Set.of());
        assertThat(stats).singleElement().satisfies(r -> {
            assertThat(isPlatformHandle(r.domain())).isTrue();
            assertThat(r.domain()).isEqualTo(a);
            assertThat(r.params().getInt("state.state")).hasValue(1);
        });
        assertThat(a.getBlockJobInfo("vda", Set.of())).map(DomainBlockJobInfo::cur).hasValue(1L);
        assertThat(a.getBlockJobInfo("vdb", Set.of())).isEmpty();
        StoragePool pool = c.storagePoolLookupByName("pool");
        StorageVol vol = pool.listAllVolumes().get(0);
        assertThat(isPlatformHandle(vol)).isTrue();
        assertThat(vol.storagePoolLookupByVolume()).isEqualTo(pool);
    }

    @Test
    void handlesCompareByIdentityWhateverTheDriverObjects() {
        Connect c = open();
        Domain a1 = c.domainLookupByName("a");
        Domain a2 = c.listAllDomains(Set.of()).get(0);
        assertThat(a1).isEqualTo(a2).hasSameHashCodeAs(a2).isNotEqualTo(c.domainLookupByName("b"));
        DomainSnapshot s1 = a1.snapshotLookupByName("s1");
        assertThat(s1).isEqualTo(a2.listAllSnapshots(Set.of()).get(0)).isNotEqualTo(a1.snapshotLookupByName("s2"));
        Connect other = open();
        assertThat(other.domainLookupByName("a")).isNotEqualTo(a1);
    }

    @Test
    void aConvenienceRunsOnThePlatformHandleAndIsNamedWhenUnsupported() {
        Connect c = open();
        assertThat(c.numOfDomains()).isEqualTo(2);
        assertThat(c.domainLookupByName("a").getUUIDString()).isEqualTo(KindsDriver.uuidOf("a").toString());
        assertThat(c.numOfStoragePools()).isEqualTo(1);
        hub.removeSecondary("networks");
        assertThatThrownBy(c::numOfNetworks).isInstanceOfSatisfying(VirtException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.NO_SUPPORT);
            assertThat(e.domain()).isEqualTo(ErrorDomain.NETWORK);
            assertThat(e.getMessage())
                    .isEqualTo("this function is not supported by the connection driver: virConnectNumOfNetworks");
        });
    }

    @Test
    void aPartTheHypervisorDriverLacksGoesToTheSharedDriver() {
        Connect c = open();
        assertThat(networks.parts).isEmpty();
        List<Network> nets = c.listAllNetworks(Set.of());
        assertThat(networks.parts).hasSize(1);
        assertThat(nets).singleElement().satisfies(n -> {
            assertThat(isPlatformHandle(n)).isTrue();
            assertThat(n.getConnect()).isSameAs(c);
            assertThat(n.getName()).isEqualTo("default");
            assertThat(n.isActive()).isTrue();
        });
        assertThat(c.listNetworks()).containsExactly("default");
        assertThat(c.networkLookupByName("default")).isEqualTo(nets.get(0));
        assertThatThrownBy(() -> c.networkLookupByName("nope")).isInstanceOfSatisfying(VirtException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.NO_NETWORK));
        assertThat(networks.parts).as("one part per connection").hasSize(1);
        c.close();
        assertThat(networks.parts.get(0).closed).isTrue();
        assertThatThrownBy(() -> nets.get(0).getName())
                .hasMessage("invalid connection pointer in virNetworkGetName");
    }

    @Test
    void theHypervisorDriverKeepsThePartsItServes() {
        Connect c = open();
        assertThat(c.listAllStoragePools(Set.of())).hasSize(1);
        assertThat(SecondaryPart.STORAGE.servedBy(KindsDriver.Conn.class)).isTrue();
        assertThat(SecondaryPart.NETWORKS.servedBy(KindsDriver.Conn.class)).isFalse();
        assertThat(SecondaryPart.NETWORKS.servedBy(SharedNetworks.Part.class)).isTrue();
    }

    @Test
    void aLeavingSecondaryDriverClosesItsPartsAndLeavesThePartUnserved() {
        Connect c = open();
        c.listAllNetworks(Set.of());
        hub.removeSecondary("networks");
        assertThat(networks.parts.get(0).closed).isTrue();
        assertThatThrownBy(() -> c.networkLookupByName("default")).isInstanceOfSatisfying(VirtException.class,
                e -> assertThat(e.getMessage()).isEqualTo(
                        "this function is not supported by the connection driver: virNetworkLookupByName"));
        SharedNetworks again = new SharedNetworks();
        hub.addSecondary(again, "network", "again");
        assertThat(c.listNetworks()).containsExactly("default");
        assertThat(again.parts).hasSize(1);
    }

    @Test
    void readOnlyRefusesConditionalFlagsAndReadOnlyDestinations() {
        Connect ro = hub.open(null, Set.of(ConnectFlag.RO), null);
        Domain a = ro.domainLookupByName("a");
        assertThat(a.getXMLDesc(Set.of())).contains("<name>a</name>");
        assertThatThrownBy(() -> a.getXMLDesc(Set.of(DomainXMLFlag.SECURE)))
                .isInstanceOfSatisfying(VirtException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.OPERATION_DENIED);
                    assertThat(e.getMessage()).isEqualTo("operation forbidden: virDomainGetXMLDesc with secure flag");
                });
        assertThatThrownBy(() -> ro.networkDefineXML("<network/>")).hasMessage(
                "operation forbidden: read only access prevents virNetworkDefineXML");
        assertThat(networks.parts).as("refused before any driver is asked").isEmpty();
        Connect rw = open();
        assertThatThrownBy(() -> rw.domainLookupByName("a").migrate(ro, Set.of(), null, null, 0))
                .hasMessage("operation forbidden: read only access prevents virDomainMigrate");
        Connect dest = open();
        Domain moved = rw.domainLookupByName("a").migrate(dest, Set.of(), null, null, 0);
        assertThat(kinds.opened.get(1).lastDestination).as("the driver gets its own destination connection")
                .isSameAs(kinds.opened.get(2));
        assertThat(moved.getConnect()).as("the domain is the destination's, as libvirt returns it").isSameAs(dest);
    }

    @Test
    void closedConnectionsRefuseCallsOnEveryKind() {
        Connect c = open();
        Domain a = c.domainLookupByName("a");
        DomainSnapshot s = a.snapshotLookupByName("s1");
        StorageVol v = c.storagePoolLookupByName("pool").listAllVolumes().get(0);
        Stream st = c.newStream(Set.of());
        c.close();
        assertThatThrownBy(s::getName).hasMessage("invalid connection pointer in virDomainSnapshotGetName")
                .isInstanceOfSatisfying(VirtException.class,
                        e -> assertThat(e.domain()).isEqualTo(ErrorDomain.DOMAIN_SNAPSHOT));
        assertThatThrownBy(v::getKey).hasMessage("invalid connection pointer in virStorageVolGetKey");
        assertThatThrownBy(st::finish).hasMessage("invalid connection pointer in virStreamFinish");
        assertThatThrownBy(() -> c.domainEventRegisterAny(null, DomainEventId.LIFECYCLE, e -> { }))
                .hasMessage("invalid connection pointer in virConnectDomainEventRegisterAny");
    }

    @Test
    void eventsOfEveryFamilyReachTheirSubscribersOnly() throws Exception {
        Connect c = open();
        Domain a = c.domainLookupByName("a");
        BlockingQueue<DomainEvent> aLifecycle = new LinkedBlockingQueue<>();
        BlockingQueue<DomainEvent> bLifecycle = new LinkedBlockingQueue<>();
        BlockingQueue<DomainEvent> thresholds = new LinkedBlockingQueue<>();
        BlockingQueue<NetworkEvent> nets = new LinkedBlockingQueue<>();
        c.domainEventRegisterAny(a, DomainEventId.LIFECYCLE, aLifecycle::add);
        c.domainEventRegisterAny(c.domainLookupByName("b"), DomainEventId.LIFECYCLE, bLifecycle::add);
        c.domainEventRegisterAny(null, DomainEventId.BLOCK_THRESHOLD, thresholds::add);
        c.networkEventRegisterAny(null, NetworkEventId.LIFECYCLE, nets::add);
        a.create();
        c.networkDefineXML("<network/>");
        DomainEvent threshold = thresholds.poll(5, TimeUnit.SECONDS);
        assertThat(threshold).isInstanceOfSatisfying(DomainBlockThresholdEvent.class, t -> {
            assertThat(t.domain()).isEqualTo(a);
            assertThat(isPlatformHandle(t.domain())).isTrue();
            assertThat(t.excess()).isEqualTo(2);
        });
        assertThat(aLifecycle.poll(5, TimeUnit.SECONDS)).isInstanceOf(DomainLifecycleEvent.class);
        NetworkEvent defined = nets.poll(5, TimeUnit.SECONDS);
        assertThat(defined).isInstanceOfSatisfying(NetworkLifecycleEvent.class, n -> {
            assertThat(n.network().getName()).isEqualTo("new");
            assertThat(n.network().getConnect()).isSameAs(c);
        });
        assertThat(bLifecycle).isEmpty();
    }

    @Test
    void subscriptionsEndByCallbackIdWithinTheirFamilyOnly() throws Exception {
        Connect c = open();
        BlockingQueue<DomainEvent> got = new LinkedBlockingQueue<>();
        EventSubscription s = c.domainEventRegisterAny(null, DomainEventId.LIFECYCLE, got::add);
        assertThatThrownBy(() -> c.networkEventDeregisterAny(s.callbackId()))
                .hasMessage("invalid argument: could not find event callback " + s.callbackId() + " for deletion");
        c.domainEventDeregisterAny(s.callbackId());
        c.domainLookupByName("a").create();
        assertThat(got.poll(300, TimeUnit.MILLISECONDS)).isNull();
        assertThatThrownBy(() -> c.domainEventDeregisterAny(s.callbackId()))
                .isInstanceOfSatisfying(VirtException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARG));
    }

    @Test
    void theFirstEventApiTakesListenersAndGivesThemBack() throws Exception {
        Connect c = open();
        BlockingQueue<DomainEvent> got = new LinkedBlockingQueue<>();
        org.jvirt.api.event.DomainEventListener l = got::add;
        c.domainEventRegister(l);
        assertThatThrownBy(() -> c.domainEventRegister(l)).hasMessage("invalid argument: event callback already tracked");
        c.domainLookupByName("a").create();
        assertThat(got.poll(5, TimeUnit.SECONDS)).isInstanceOf(DomainLifecycleEvent.class);
        c.domainEventDeregister(l);
        assertThatThrownBy(() -> c.domainEventDeregister(l))
                .hasMessage("invalid argument: could not find event callback for removal");
    }

    @Test
    void subscribingToAnotherConnectionsObjectIsRefused() {
        Connect c = open();
        Domain foreign = open().domainLookupByName("a");
        assertThatThrownBy(() -> c.domainEventRegisterAny(foreign, DomainEventId.LIFECYCLE, e -> { }))
                .hasMessage("domain 'a' must match connection");
    }

    @Test
    void qemuMonitorEventsAreFilteredByNameExactlyIgnoringCaseOrByRegex() throws Exception {
        Connect c = open();
        List<String> exact = new ArrayList<>();
        List<String> nocase = new ArrayList<>();
        BlockingQueue<QemuMonitorEvent> regex = new LinkedBlockingQueue<>();
        c.domainQemuMonitorEventRegister(null, "SHUTDOWN", e -> exact.add(e.event()), Set.of());
        c.domainQemuMonitorEventRegister(null, "shutdown", e -> nocase.add(e.event()),
                Set.of(QemuMonitorEventRegisterFlag.NOCASE));
        c.domainQemuMonitorEventRegister(c.domainLookupByName("a"), "^BLOCK_", regex::add,
                Set.of(QemuMonitorEventRegisterFlag.REGEX));
        KindsDriver.Conn driverSide = kinds.opened.get(0);
        driverSide.emitQemu("shutdown");
        driverSide.emitQemu("SHUTDOWN");
        driverSide.emitQemu("BLOCK_JOB_READY");
        QemuMonitorEvent e = regex.poll(5, TimeUnit.SECONDS);
        assertThat(e.event()).isEqualTo("BLOCK_JOB_READY");
        assertThat(e.domain().getName()).isEqualTo("a");
        assertThat(exact).containsExactly("SHUTDOWN");
        assertThat(nocase).containsExactly("shutdown", "SHUTDOWN");
        assertThatThrownBy(() -> c.domainQemuMonitorEventRegister(null, "(", ev -> { },
                Set.of(QemuMonitorEventRegisterFlag.REGEX))).hasMessageStartingWith("invalid argument: failed to compile regex '('");
        Connect ro = hub.open(null, Set.of(ConnectFlag.RO), null);
        assertThatThrownBy(() -> ro.domainQemuMonitorEventRegister(null, null, ev -> { }, Set.of()))
                .hasMessage("operation forbidden: read only access prevents virConnectDomainQemuMonitorEventRegister");
    }

    @Test
    void streamsCarryAnUploadAndASparseDownload() throws Exception {
        Connect c = open();
        StorageVol vol = c.storagePoolLookupByName("pool").listAllVolumes().get(0);
        Stream up = c.newStream(Set.of());
        vol.upload(up, 0, 0, Set.of());
        up.sendAll(new ByteArrayInputStream("new content".getBytes(StandardCharsets.UTF_8))::read);
        assertThat(new String(kinds.opened.get(0).volume, StandardCharsets.UTF_8)).isEqualTo("new content");

        Stream down = c.newStream(Set.of());
        vol.download(down, 0, 0, Set.of(StorageVolDownloadFlag.SPARSE_STREAM));
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        List<Long> holes = new ArrayList<>();
        down.sparseRecvAll(new SparseStreamSink() {
            @Override
            public void write(byte[] buf, int off, int len) {
                got.write(buf, off, len);
            }

            @Override
            public void hole(long length) {
                holes.add(length);
            }
        });
        assertThat(got.toString(StandardCharsets.UTF_8)).isEqualTo("new content");
        assertThat(holes).containsExactly(4L);
        assertThatThrownBy(() -> down.recv(new byte[1], 0, 1)).hasMessage("Requested operation is not valid: stream is closed");
    }

    @Test
    void aStreamNothingIsAttachedToIsUnsupportedAndStreamsStayWithTheirConnection() {
        Connect c = open();
        Stream st = c.newStream(Set.of());
        assertThatThrownBy(() -> st.send(new byte[1], 0, 1))
                .hasMessage("this function is not supported by the connection driver: virStreamSend");
        st.abort();
        Stream foreign = open().newStream(Set.of());
        StorageVol vol = c.storagePoolLookupByName("pool").listAllVolumes().get(0);
        assertThatThrownBy(() -> vol.upload(foreign, 0, 0, Set.of()))
                .hasMessage("stream in virStorageVolUpload must match connection of volume 'vol'");
        Stream nonblocking = c.newStream(Set.of(StreamFlag.NONBLOCK));
        vol.download(nonblocking, 0, 0, Set.of());
        assertThatThrownBy(() -> nonblocking.recvAll((b, o, l) -> { }))
                .hasMessage("Requested operation is not valid: data sinks cannot be used for non-blocking streams");
    }

    @Test
    void streamEventsArriveOnTheConnectionsQueue() throws Exception {
        Connect c = open();
        StorageVol vol = c.storagePoolLookupByName("pool").listAllVolumes().get(0);
        Stream st = c.newStream(Set.of(StreamFlag.NONBLOCK));
        vol.download(st, 0, 0, Set.of());
        BlockingQueue<Set<StreamEventType>> ready = new LinkedBlockingQueue<>();
        BlockingQueue<Stream> from = new LinkedBlockingQueue<>();
        st.eventAddCallback(Set.of(StreamEventType.READABLE), (s, events) -> {
            from.add(s);
            ready.add(events);
        });
        assertThat(ready.poll(5, TimeUnit.SECONDS)).containsExactly(StreamEventType.READABLE);
        assertThat(from.poll()).isEqualTo(st);
        assertThatThrownBy(() -> st.eventAddCallback(Set.of(), (s, e) -> { }))
                .hasMessage("internal error: stream already has a callback registered");
        st.eventRemoveCallback();
    }
}
