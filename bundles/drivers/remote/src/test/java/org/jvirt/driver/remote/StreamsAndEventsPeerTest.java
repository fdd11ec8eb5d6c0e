package org.jvirt.driver.remote;

import org.jvirt.rpc.peer.LibvirtdPeer;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jvirt.api.Connect;
import org.jvirt.api.ConnectFactory;
import org.jvirt.api.Domain;
import org.jvirt.api.Network;
import org.jvirt.api.Stream;
import org.jvirt.api.event.EventSubscription;
import org.jvirt.api.event.NetworkEvent;
import org.jvirt.api.event.NetworkEventId;
import org.jvirt.api.event.NetworkLifecycleEvent;
import org.jvirt.api.event.NetworkLifecycleType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A stream (a screenshot, read from libvirtd's test driver) and network events, against the real libvirtd. */
class StreamsAndEventsPeerTest {
    private static LibvirtdPeer peer;
    private static ConnectFactory factory;

    @BeforeAll
    static void start() throws Exception {
        peer = LibvirtdPeer.start();
        factory = ServiceLoader.load(ConnectFactory.class).findFirst().orElseThrow();
    }

    @AfterAll
    static void stop() throws Exception {
        if (peer != null) {
            peer.close();
        }
    }

    @Test
    void aScreenshotStreamsTheSameBytesAsPythonLibvirtGets() throws Exception {
        String py = PythonLibvirt.run(peer.tcpUri(), """
                import hashlib
                d = conn.lookupByName('test')
                st = conn.newStream(0)
                mime = d.screenshot(st, 0)
                data = bytearray()
                while True:
                    chunk = st.recv(65536)
                    if not chunk:
                        break
                    data += chunk
                st.finish()
                print(mime, len(data), hashlib.sha256(data).hexdigest())""");
        try (Connect c = factory.open(peer.tcpUri())) {
            Domain d = c.domainLookupByName("test");
            Stream st = c.newStream(Set.of());
            String mime = d.screenshot(st, 0);
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            st.recvAll(data::write);
            String mine = mime + " " + data.size() + " "
                    + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data.toByteArray()))
                    + "\n";
            assertThat(mine).isEqualTo(py);
            // the connection is still fine after the stream
            assertThat(d.getName()).isEqualTo("test");
        }
    }

    @Test
    void networkEventsArriveInOrder() throws Exception {
        String xml = "<network><name>jvirt-remote-net</name><bridge name='jvbr0'/>"
                + "<ip address='192.168.200.1' netmask='255.255.255.0'/></network>";
        BlockingQueue<NetworkEvent> events = new LinkedBlockingQueue<>();
        try (Connect c = factory.open(peer.unixUri());
                EventSubscription sub = c.networkEventRegisterAny(null, NetworkEventId.LIFECYCLE, events::add)) {
            Network n = c.networkDefineXML(xml);
            n.create();
            n.destroy();
            n.undefine();
            for (NetworkLifecycleType expected : new NetworkLifecycleType[] {NetworkLifecycleType.DEFINED,
                    NetworkLifecycleType.STARTED, NetworkLifecycleType.STOPPED, NetworkLifecycleType.UNDEFINED}) {
                NetworkEvent e = events.poll(10, TimeUnit.SECONDS);
                assertThat(e).isInstanceOf(NetworkLifecycleEvent.class);
                assertThat(((NetworkLifecycleEvent) e).type()).isEqualTo(expected);
                assertThat(((NetworkLifecycleEvent) e).network()).isEqualTo(n);
            }
        }
    }
}
