package org.jvirt.rpc.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.remote.RemoteFeatures;
import org.jvirt.rpc.remote.RemoteProtocol;
import org.jvirt.rpc.remote.RemoteProtocol.*;
import org.jvirt.rpc.transport.RpcClient;
import org.jvirt.rpc.transport.Transports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** jvirt's client against the real libvirtd 9.0 (its test driver): virsh's opening sequence, calls, errors, events. */
class LibvirtdPeerTest {
    private static LibvirtdPeer peer;

    @BeforeAll
    static void startPeer() throws Exception {
        peer = LibvirtdPeer.start();
    }

    @AfterAll
    static void stopPeer() throws Exception {
        if (peer != null) {
            peer.close();
        }
    }

    /**
     * virsh's opening: AUTH_LIST, SUPPORTS_FEATURE (keepalive: the one libvirtd answers before a connection is
     * open), CONNECT_OPEN, then SUPPORTS_FEATURE for event callbacks and the close callback.
     */
    static RpcClient open(RpcClient c) {
        AuthListRet auth = c.call(RemoteProtocol.AUTH_LIST, null);
        assertThat(auth.types()).containsExactly(RemoteProtocol.REMOTE_AUTH_NONE);
        assertThat(supports(c, RemoteFeatures.PROGRAM_KEEPALIVE)).isEqualTo(1);
        c.startKeepalive(5, 5);
        c.call(RemoteProtocol.CONNECT_OPEN, new ConnectOpenArgs("test:///default", 0));
        assertThat(supports(c, RemoteFeatures.REMOTE_EVENT_CALLBACK)).isEqualTo(1);
        assertThat(supports(c, RemoteFeatures.REMOTE_CLOSE_CALLBACK)).isEqualTo(1);
        return c;
    }

    private static int supports(RpcClient c, int feature) {
        return c.call(RemoteProtocol.CONNECT_SUPPORTS_FEATURE, new ConnectSupportsFeatureArgs(feature)).supported();
    }

    @Test
    void callsBeforeOpenGetLibvirtsError() {
        try (RpcClient c = RpcClient.open("libvirtd-early", Transports.connectTcp("127.0.0.1", peer.port))) {
            assertThatThrownBy(() -> c.call(RemoteProtocol.CONNECT_SUPPORTS_FEATURE,
                    new ConnectSupportsFeatureArgs(RemoteFeatures.REMOTE_EVENT_CALLBACK)))
                    .isInstanceOfSatisfying(VirtException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL_ERROR);
                        assertThat(e.domain()).isEqualTo(ErrorDomain.RPC);
                        assertThat(e.getMessage()).isEqualTo("internal error: hypervisor connection not open");
                    });
        }
    }

    @Test
    void virshSequenceOverTcp() {
        try (RpcClient c = open(RpcClient.open("libvirtd-tcp", Transports.connectTcp("127.0.0.1", peer.port)))) {
            ConnectListAllDomainsRet all = c.call(RemoteProtocol.CONNECT_LIST_ALL_DOMAINS,
                    new ConnectListAllDomainsArgs(1, 0));
            assertThat(all.domains()).extracting(NonnullDomain::name).containsExactly("test");
            assertThat(all.ret()).isEqualTo(1);
            NonnullDomain test = all.domains().get(0);
            assertThat(test.uuid()).hasSize(16);
            assertThat(test.id()).isEqualTo(1);

            DomainGetStateRet state = c.call(RemoteProtocol.DOMAIN_GET_STATE, new DomainGetStateArgs(test, 0));
            assertThat(state.state()).isEqualTo(1); // VIR_DOMAIN_RUNNING
            assertThat(state.reason()).isEqualTo(0); // unknown, as `virsh domstate test --reason` prints

            assertThatThrownBy(() -> c.call(RemoteProtocol.DOMAIN_LOOKUP_BY_NAME,
                    new DomainLookupByNameArgs("nosuch")))
                    .isInstanceOfSatisfying(VirtException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.NO_DOMAIN);
                        assertThat(e.domain()).isEqualTo(ErrorDomain.TEST);
                        // libvirt 9.0's test driver gives no detail here (python-libvirt shows the same text)
                        assertThat(e.getMessage()).isEqualTo("Domain not found");
                    });

            // the connection goes on after an error
            DomainLookupByNameRet found = c.call(RemoteProtocol.DOMAIN_LOOKUP_BY_NAME,
                    new DomainLookupByNameArgs("test"));
            assertThat(found.dom().uuid()).isEqualTo(test.uuid());

            NodeGetInfoRet node = c.call(RemoteProtocol.NODE_GET_INFO, null);
            assertThat(new String(node.model()).trim()).startsWith("i686");
            assertThat(node.cpus()).isEqualTo(16);

            assertThat(c.ping()).succeedsWithin(Duration.ofSeconds(10));
            c.call(RemoteProtocol.CONNECT_CLOSE, null);
        }
    }

    @Test
    void lifecycleEventsOverUnixSocket() throws Exception {
        BlockingQueue<Object> events = new LinkedBlockingQueue<>();
        try (RpcClient c = open(RpcClient.open("libvirtd-unix", Transports.connectUnix(peer.unixSocket())))) {
            c.onEvents(RemoteProtocol.PROGRAM, (proc, body) -> events.add(body));
            ConnectDomainEventCallbackRegisterAnyRet reg = c.call(
                    RemoteProtocol.CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY,
                    new ConnectDomainEventCallbackRegisterAnyArgs(0, null)); // VIR_DOMAIN_EVENT_ID_LIFECYCLE
            NonnullDomain test = c.call(RemoteProtocol.DOMAIN_LOOKUP_BY_NAME, new DomainLookupByNameArgs("test"))
                    .dom();
            c.call(RemoteProtocol.DOMAIN_SUSPEND, new DomainSuspendArgs(test));
            c.call(RemoteProtocol.DOMAIN_RESUME, new DomainResumeArgs(test));

            DomainEventCallbackLifecycleMsg suspended = (DomainEventCallbackLifecycleMsg) events.poll(10,
                    TimeUnit.SECONDS);
            DomainEventCallbackLifecycleMsg resumed = (DomainEventCallbackLifecycleMsg) events.poll(10,
                    TimeUnit.SECONDS);
            assertThat(suspended).isNotNull();
            assertThat(resumed).isNotNull();
            assertThat(List.of(suspended.callbackID(), resumed.callbackID())).containsOnly(reg.callbackID());
            assertThat(suspended.msg().dom().name()).isEqualTo("test");
            assertThat(suspended.msg().event()).isEqualTo(3); // VIR_DOMAIN_EVENT_SUSPENDED
            assertThat(suspended.msg().detail()).isEqualTo(0); // _PAUSED
            assertThat(resumed.msg().event()).isEqualTo(4); // VIR_DOMAIN_EVENT_RESUMED
            assertThat(resumed.msg().detail()).isEqualTo(0); // _UNPAUSED

            c.call(RemoteProtocol.CONNECT_DOMAIN_EVENT_CALLBACK_DEREGISTER_ANY,
                    new ConnectDomainEventCallbackDeregisterAnyArgs(reg.callbackID()));
            c.call(RemoteProtocol.CONNECT_CLOSE, null);
        }
    }
}
