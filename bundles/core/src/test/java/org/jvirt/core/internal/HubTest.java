package org.jvirt.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jvirt.api.CloseReason;
import org.jvirt.api.Connect;
import org.jvirt.api.ConnectFlag;
import org.jvirt.api.Domain;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.api.event.DomainEvent;
import org.jvirt.api.event.DomainEventId;
import org.jvirt.api.event.DomainLifecycleEvent;
import org.jvirt.api.event.EventSubscription;
import org.jvirt.api.event.LifecycleEventType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HubTest {
    private final Hub hub = new Hub(() -> "tiny:///default");
    private final TinyDriver tiny = new TinyDriver("tiny", false);

    HubTest() {
        hub.addDriver(tiny, "tiny", tiny.uriSchemes(), false, "tiny-key");
    }

    @AfterEach
    void stop() {
        hub.shutdown();
    }

    @Test
    void opensByScheme() {
        Connect c = hub.open("tiny:///default", Set.of(), null);
        assertThat(c.getURI()).isEqualTo("tiny:///default");
        assertThat(c.getType()).isEqualTo("TINY");
    }

    @Test
    void noURIMeansTheDefault() {
        assertThat(hub.open(null, Set.of(), null).getURI()).isEqualTo("tiny:///default");
        assertThat(hub.open("", Set.of(), null).getURI()).isEqualTo("tiny:///default");
    }

    @Test
    void unknownSchemeHasNoDriver() {
        assertThatThrownBy(() -> hub.open("foo:///bar", Set.of(), null))
                .isInstanceOfSatisfying(VirtException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.NO_CONNECT);
                    assertThat(e.getMessage()).isEqualTo("no connection driver available for foo:///bar");
                });
    }

    @Test
    void aServerInTheURISkipsLocalDrivers() {
        assertThatThrownBy(() -> hub.open("tiny://otherhost/default", Set.of(), null))
                .hasMessage("no connection driver available for tiny://otherhost/default");
    }

    @Test
    void aDecliningDriverLetsTheNextTry() {
        hub.removeDriver("tiny-key");
        TinyDriver shy = new TinyDriver("tiny", true);
        hub.addDriver(shy, "shy", shy.uriSchemes(), false, "shy");
        hub.addDriver(tiny, "tiny", tiny.uriSchemes(), false, "tiny-key");
        assertThat(hub.open("tiny:///default", Set.of(), null).getType()).isEqualTo("TINY");
        assertThat(tiny.opened).hasSize(1);
    }

    @Test
    void unparsableURIsAreLibvirtsError() {
        assertThatThrownBy(() -> hub.open("test:///with space", Set.of(), null))
                .hasMessage("internal error: Unable to parse URI test:///with space");
    }

    @Test
    void readOnlyConnectionsRefuseChangesAndChangeNothing() {
        Connect ro = hub.open("tiny:///default", Set.of(ConnectFlag.RO), null);
        Domain d = ro.domainLookupByName("d1");
        assertThatThrownBy(d::create).isInstanceOfSatisfying(VirtException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.OPERATION_DENIED);
            assertThat(e.getMessage()).isEqualTo("operation forbidden: read only access prevents virDomainCreate");
        });
        assertThat(tiny.running).isFalse();
        assertThat(d.getInfo().state().name()).isEqualTo("SHUTOFF");
    }

    @Test
    void unsupportedFunctionsAreNamed() {
        Domain d = hub.open(null, Set.of(), null).domainLookupByName("d1");
        assertThatThrownBy(d::suspend).isInstanceOfSatisfying(VirtException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.NO_SUPPORT);
            assertThat(e.getMessage())
                    .isEqualTo("this function is not supported by the connection driver: virDomainSuspend");
        });
    }

    @Test
    void driverErrorsPassThroughAndDriverBugsBecomeInternalErrors() {
        Connect c = hub.open(null, Set.of(), null);
        assertThatThrownBy(() -> c.domainLookupByName("nope"))
                .hasMessage("Domain not found: no domain with matching name 'nope'");
        assertThatThrownBy(() -> c.domainLookupByID(7)).isInstanceOfSatisfying(VirtException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL_ERROR));
    }

    @Test
    void handlesAreWrappedAndCompareByDomain() {
        Connect c = hub.open(null, Set.of(), null);
        Domain a = c.domainLookupByName("d1");
        Domain b = c.listAllDomains(Set.of()).get(0);
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.getConnect()).isSameAs(c);
        assertThat(a.getUUIDString()).isEqualTo("11111111-2222-3333-4444-555555555555");
    }

    @Test
    void aMigratedDomainBelongsToTheDestinationConnection() {
        Connect source = hub.open("tiny:///default", Set.of(), null);
        Connect destination = hub.open("tiny:///default", Set.of(), null);
        Domain there = source.domainLookupByName("d1").migrate(destination, Set.of(), null, null, 0);
        assertThat(there.getConnect()).isSameAs(destination);
        source.close();
        // the source going away leaves the migrated domain usable, as libvirt's virDomainMigrate's result is
        assertThat(there.getName()).isEqualTo("d1");
        assertThat(there).isEqualTo(destination.domainLookupByName("d1"));
    }

    @Test
    void closedConnectionsRefuseEveryCall() {
        Connect c = hub.open(null, Set.of(), null);
        Domain d = c.domainLookupByName("d1");
        c.close();
        c.close();
        assertThat(tiny.opened.get(0).closed).isTrue();
        assertThat(c.isAlive()).isFalse();
        assertThatThrownBy(c::getURI).isInstanceOfSatisfying(VirtException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONN);
            assertThat(e.getMessage()).isEqualTo("invalid connection pointer in virConnectGetURI");
        });
        assertThatThrownBy(d::getInfo).hasMessage("invalid connection pointer in virDomainGetInfo");
    }

    @Test
    void aLeavingDriverClosesItsConnectionsAndTellsCloseListeners() throws Exception {
        Connect c = hub.open(null, Set.of(), null);
        BlockingQueue<CloseReason> reasons = new LinkedBlockingQueue<>();
        c.registerCloseCallback(reasons::add);
        hub.removeDriver("tiny-key");
        assertThat(reasons.poll(5, TimeUnit.SECONDS)).isEqualTo(CloseReason.EOF);
        assertThat(tiny.opened.get(0).closed).isTrue();
        assertThatThrownBy(c::getType).hasMessage("invalid connection pointer in virConnectGetType");
        assertThatThrownBy(() -> hub.open("tiny:///default", Set.of(), null))
                .hasMessageStartingWith("no connection driver available");
    }

    @Test
    void eventsReachSubscribersInOrderWithPlatformHandles() throws Exception {
        Connect c = hub.open(null, Set.of(), null);
        Domain d = c.domainLookupByName("d1");
        BlockingQueue<DomainEvent> all = new LinkedBlockingQueue<>();
        BlockingQueue<DomainEvent> reboots = new LinkedBlockingQueue<>();
        EventSubscription sub = c.domainEventRegisterAny(d, DomainEventId.LIFECYCLE, all::add);
        c.domainEventRegisterAny(null, DomainEventId.REBOOT, reboots::add);
        d.create();
        DomainEvent e = all.poll(5, TimeUnit.SECONDS);
        assertThat(e).isInstanceOf(DomainLifecycleEvent.class);
        assertThat(((DomainLifecycleEvent) e).type()).isEqualTo(LifecycleEventType.STARTED);
        assertThat(e.domain()).isEqualTo(d);
        assertThat(e.domain().getConnect()).isSameAs(c);
        sub.close();
        d.create();
        d.create();
        assertThat(all.poll(200, TimeUnit.MILLISECONDS)).isNull();
        assertThat(reboots).isEmpty();
    }

    @Test
    void subscriptionsGetDistinctCallbackIds() {
        Connect c = hub.open(null, Set.of(), null);
        EventSubscription a = c.domainEventRegisterAny(null, DomainEventId.LIFECYCLE, e -> { });
        EventSubscription b = c.domainEventRegisterAny(null, DomainEventId.LIFECYCLE, e -> { });
        assertThat(a.callbackId()).isNotEqualTo(b.callbackId());
    }

    @Test
    void defaultUriFollowsLibvirtsChain() {
        Map<String, String> env = Map.of("JVIRT_DEFAULT_URI", "qemu:///session", "LIBVIRT_DEFAULT_URI", "lxc:///");
        assertThat(DefaultUri.resolve("xen:///", env::get)).isEqualTo("xen:///");
        assertThat(DefaultUri.resolve(null, env::get)).isEqualTo("qemu:///session");
        assertThat(DefaultUri.resolve(" ", Map.of("LIBVIRT_DEFAULT_URI", "lxc:///")::get)).isEqualTo("lxc:///");
        assertThat(DefaultUri.resolve(null, k -> null)).isEqualTo("test:///default");
    }

    @Test
    void standaloneFactoryFindsNoDriverWithoutAny() {
        StandaloneConnectFactory f = new StandaloneConnectFactory(List.of(tiny));
        assertThat(f.drivers()).singleElement().satisfies(i -> {
            assertThat(i.name()).isEqualTo("tiny");
            assertThat(i.uriSchemes()).containsExactly("tiny");
        });
        assertThat(f.open("tiny:///x").getType()).isEqualTo("TINY");
    }

    @Test
    void libvirtsArgumentChecksComeBeforeTheDriverAndAfterReadOnly() {
        Domain d = hub.open(null, Set.of(), null).domainLookupByName("d1");
        assertThatThrownBy(() -> d.setMemoryFlags(0, Set.of())).isInstanceOfSatisfying(VirtException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARG);
            assertThat(e.getMessage()).isEqualTo("memory in virDomainSetMemoryFlags must not be zero");
        });
        // a non-zero value reaches the driver, which does not implement it
        assertThatThrownBy(() -> d.setMemoryFlags(1024, Set.of())).isInstanceOfSatisfying(VirtException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.NO_SUPPORT));
        Domain ro = hub.open(null, Set.of(ConnectFlag.RO), null).domainLookupByName("d1");
        assertThatThrownBy(() -> ro.setMemory(0)).isInstanceOfSatisfying(VirtException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.OPERATION_DENIED));
    }

    @Test
    void argumentChecksReadAsLibvirts() {
        assertThat(ArgChecks.failure(org.jvirt.api.Arg.Check.NON_EMPTY_STRING, null))
                .isEqualTo(org.jvirt.api.Arg.Check.NON_NULL);
        assertThat(ArgChecks.failure(org.jvirt.api.Arg.Check.NON_EMPTY_STRING, "")
                .message("xml", "virDomainDefineXML")).isEqualTo("string xml in virDomainDefineXML must not be empty");
        assertThat(ArgChecks.failure(org.jvirt.api.Arg.Check.POSITIVE, 0)
                .message("nvcpus", "virDomainSetVcpus")).isEqualTo("nvcpus in virDomainSetVcpus must be greater than zero");
        assertThat(ArgChecks.failure(org.jvirt.api.Arg.Check.NON_NEGATIVE, 0L)).isNull();
    }
}
