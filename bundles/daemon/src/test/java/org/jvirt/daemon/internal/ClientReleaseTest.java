package org.jvirt.daemon.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jvirt.rpc.remote.RemoteProtocol;
import org.jvirt.rpc.remote.RemoteProtocol.*;
import org.jvirt.rpc.transport.RpcClient;
import org.jvirt.rpc.transport.Transports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client whose connection drops, or who closes properly, leaves nothing behind: its connection to the API is
 * closed, its event callbacks end, the server forgets it. Its events meanwhile go only where they were asked for.
 */
class ClientReleaseTest {
    private static final Duration BOUND = Duration.ofSeconds(10);

    @TempDir
    Path home;

    @Test
    void aDroppedClientsConnectionAndCallbacksAreReleased() throws Exception {
        RecordingFactory factory = new RecordingFactory(TestDaemon.factory());
        try (TestDaemon d = TestDaemon.start(home, Map.of(), factory)) {
            RpcClient c = RpcClient.open("dropper", Transports.connectUnix(d.rwSocket()));
            c.call(RemoteProtocol.CONNECT_OPEN, new ConnectOpenArgs("test:///default", 0));
            c.call(RemoteProtocol.CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY,
                    new ConnectDomainEventCallbackRegisterAnyArgs(0, null));
            c.call(RemoteProtocol.CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY,
                    new ConnectDomainEventCallbackRegisterAnyArgs(1, null));
            c.call(RemoteProtocol.CONNECT_DOMAIN_EVENT_REGISTER, null);
            c.call(RemoteProtocol.CONNECT_REGISTER_CLOSE_CALLBACK, null);
            assertThat(factory.opened).hasSize(1);
            assertThat(factory.liveSubscriptions.get()).isEqualTo(4);
            assertThat(d.daemon.server().clients()).hasSize(1);

            c.close(); // the socket goes, no CONNECT_CLOSE

            await(() -> factory.closed.size() == 1);
            await(() -> factory.liveSubscriptions.get() == 0);
            await(() -> d.daemon.server().clients().isEmpty());
        }
    }

    @Test
    void connectCloseEndsTheClientAfterItsReply() throws Exception {
        RecordingFactory factory = new RecordingFactory(TestDaemon.factory());
        try (TestDaemon d = TestDaemon.start(home, Map.of(), factory)) {
            RpcClient c = RpcClient.open("closer", Transports.connectTcp("127.0.0.1", d.tcpPort));
            c.call(RemoteProtocol.CONNECT_OPEN, new ConnectOpenArgs("test:///default", 0));
            c.call(RemoteProtocol.CONNECT_CLOSE, null);
            await(() -> !c.isOpen());
            await(() -> factory.closed.size() == 1);
            await(() -> d.daemon.server().clients().isEmpty());
        }
    }

    @Test
    void eventsGoToTheirCallbacksAndFiltersHold() throws Exception {
        try (TestDaemon d = TestDaemon.start(home)) {
            RpcClient a = RpcClient.open("a", Transports.connectUnix(d.rwSocket()));
            RpcClient b = RpcClient.open("b", Transports.connectUnix(d.rwSocket()));
            BlockingQueue<Object> toA = new LinkedBlockingQueue<>();
            BlockingQueue<Object> toB = new LinkedBlockingQueue<>();
            a.onEvents(RemoteProtocol.PROGRAM, (p, body) -> toA.add(body));
            b.onEvents(RemoteProtocol.PROGRAM, (p, body) -> toB.add(body));
            for (RpcClient c : new RpcClient[] {a, b}) {
                c.call(RemoteProtocol.CONNECT_OPEN, new ConnectOpenArgs("test:///default", 0));
            }
            NonnullDomain test = a.call(RemoteProtocol.DOMAIN_LOOKUP_BY_NAME, new DomainLookupByNameArgs("test")).dom();
            int idA = a.call(RemoteProtocol.CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY,
                    new ConnectDomainEventCallbackRegisterAnyArgs(0, test)).callbackID();
            // b watches another domain only
            b.call(RemoteProtocol.DOMAIN_DEFINE_XML, new DomainDefineXmlArgs("<domain type='test'><name>other</name>"
                    + "<uuid>00000000-0000-0000-0000-0000000000aa</uuid><memory>65536</memory><os><type>hvm</type></os>"
                    + "</domain>"));
            NonnullDomain other = b.call(RemoteProtocol.DOMAIN_LOOKUP_BY_NAME, new DomainLookupByNameArgs("other")).dom();
            b.call(RemoteProtocol.CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY,
                    new ConnectDomainEventCallbackRegisterAnyArgs(0, other));

            a.call(RemoteProtocol.DOMAIN_SUSPEND, new DomainSuspendArgs(test));
            Object ev = toA.poll(BOUND.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(ev).isInstanceOf(DomainEventCallbackLifecycleMsg.class);
            DomainEventCallbackLifecycleMsg m = (DomainEventCallbackLifecycleMsg) ev;
            assertThat(m.callbackID()).isEqualTo(idA);
            assertThat(m.msg().dom().name()).isEqualTo("test");
            assertThat(m.msg().event()).isEqualTo(3); // VIR_DOMAIN_EVENT_SUSPENDED
            a.call(RemoteProtocol.DOMAIN_RESUME, new DomainResumeArgs(test));
            assertThat(toA.poll(BOUND.toMillis(), TimeUnit.MILLISECONDS)).isNotNull();

            b.call(RemoteProtocol.DOMAIN_UNDEFINE, new DomainUndefineArgs(other));
            Object evB = toB.poll(BOUND.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(evB).isInstanceOf(DomainEventCallbackLifecycleMsg.class);
            assertThat(((DomainEventCallbackLifecycleMsg) evB).msg().dom().name()).isEqualTo("other");
            // the suspend and resume of "test" never reached b
            assertThat(toB).isEmpty();

            a.call(RemoteProtocol.CONNECT_DOMAIN_EVENT_CALLBACK_DEREGISTER_ANY,
                    new ConnectDomainEventCallbackDeregisterAnyArgs(idA));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> a.call(
                    RemoteProtocol.CONNECT_DOMAIN_EVENT_CALLBACK_DEREGISTER_ANY,
                    new ConnectDomainEventCallbackDeregisterAnyArgs(idA)))
                    .hasMessage("internal error: domain event callback " + idA + " not registered");
            a.close();
            b.close();
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + BOUND.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("not within " + BOUND);
            }
            Thread.sleep(10);
        }
    }
}
