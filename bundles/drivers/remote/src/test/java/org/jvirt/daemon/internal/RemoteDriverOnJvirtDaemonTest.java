package org.jvirt.daemon.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.jvirt.api.Connect;
import org.jvirt.api.ConnectFactory;
import org.jvirt.api.Domain;
import org.jvirt.api.VirtException;
import org.jvirt.api.event.DomainEvent;
import org.jvirt.api.event.DomainEventId;
import org.jvirt.api.event.DomainLifecycleEvent;
import org.jvirt.api.event.EventSubscription;
import org.jvirt.api.event.LifecycleEventType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A jvirt host managed from another jvirt platform: jvirt's daemon (in this JVM, serving the test driver) reached
 * through the remote driver over its unix socket and TCP, each answer compared with the same call made on the
 * test driver directly.
 */
class RemoteDriverOnJvirtDaemonTest {
    @TempDir
    static Path home;
    private static ConnectFactory factory;
    private static InProcessDaemon daemon;

    @BeforeAll
    static void start() throws IOException {
        factory = ServiceLoader.load(ConnectFactory.class).findFirst().orElseThrow();
        daemon = InProcessDaemon.start(factory, home);
    }

    @AfterAll
    static void stop() {
        if (daemon != null) {
            daemon.close();
        }
    }

    private static String unixUri() {
        return InProcessDaemon.unixUri(home);
    }

    private static String tcpUri() {
        return daemon.testUri();
    }

    /** What a call answers, or its error, as text. */
    private static String answer(Connect c, Function<Connect, Object> call) {
        try {
            Object v = call.apply(c);
            if (v instanceof List<?> l) {
                return l.stream().map(x -> x instanceof Domain d ? d.getName() : String.valueOf(x)).sorted().toList()
                        .toString();
            }
            return String.valueOf(v);
        } catch (VirtException e) {
            return "ERR " + e.code() + " " + e.domain() + " " + e.getMessage();
        }
    }

    @Test
    void answersAreTheTestDriversOwn() {
        List<Function<Connect, Object>> calls = List.of(
                Connect::getType, Connect::getHostname, Connect::getCapabilities, Connect::nodeInfo,
                Connect::nodeGetFreeMemory, c -> c.listAllDomains(Set.of()),
                c -> c.listAllNetworks(Set.of()).stream().map(n -> n.getName()).toList(),
                c -> c.listAllStoragePools(Set.of()).stream().map(n -> n.getName()).toList(),
                c -> c.domainLookupByName("test").getInfo().state(),
                c -> c.domainLookupByName("test").getXMLDesc(Set.of()),
                c -> c.domainLookupByName("test").getState(),
                c -> c.domainLookupByName("test").getUUIDString(),
                c -> c.domainLookupByName("nosuch"),
                c -> c.networkLookupByName("default").getXMLDesc(Set.of()),
                c -> c.storagePoolLookupByName("default-pool").getInfo(),
                c -> c.interfaceLookupByName("eth1").getXMLDesc(Set.of()));
        try (Connect local = factory.open("test:///default");
                Connect viaUnix = factory.open(unixUri());
                Connect viaTcp = factory.open(tcpUri())) {
            for (Function<Connect, Object> call : calls) {
                String expected = answer(local, call);
                assertThat(answer(viaUnix, call)).isEqualTo(expected);
                assertThat(answer(viaTcp, call)).isEqualTo(expected);
            }
        }
    }

    @Test
    void eventsCrossTheDaemon() throws Exception {
        BlockingQueue<DomainEvent> events = new LinkedBlockingQueue<>();
        try (Connect c = factory.open(tcpUri());
                EventSubscription s = c.domainEventRegisterAny(null, DomainEventId.LIFECYCLE, events::add)) {
            Domain d = c.domainLookupByName("test");
            d.suspend();
            d.resume();
            assertThat(s.callbackId()).isPositive();
            DomainEvent first = events.poll(10, TimeUnit.SECONDS);
            DomainEvent second = events.poll(10, TimeUnit.SECONDS);
            assertThat(first).isInstanceOf(DomainLifecycleEvent.class);
            assertThat(((DomainLifecycleEvent) first).type()).isEqualTo(LifecycleEventType.SUSPENDED);
            assertThat(((DomainLifecycleEvent) second).type()).isEqualTo(LifecycleEventType.RESUMED);
            assertThat(first.domain()).isEqualTo(d);
        }
    }

    @Test
    void theReadOnlySocketRefusesChangesOnTheServer() {
        String ro = "test+unix:///default?socket=" + home.resolve("run").resolve(DaemonConfig.RO_SOCKET);
        try (Connect c = factory.openReadOnly(ro)) {
            assertThat(c.domainLookupByName("test").getName()).isEqualTo("test");
            assertThatThrownBy(() -> c.domainLookupByName("test").suspend()).isInstanceOf(VirtException.class);
        }
    }
}
