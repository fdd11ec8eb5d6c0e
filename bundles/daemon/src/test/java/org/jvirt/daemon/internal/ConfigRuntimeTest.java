package org.jvirt.daemon.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.remote.RemoteProtocol;
import org.jvirt.rpc.transport.RpcClient;
import org.jvirt.rpc.transport.Transports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A configuration applied while the daemon runs: listeners open, move and close; connected clients stay. */
class ConfigRuntimeTest {
    @TempDir
    Path home;

    @Test
    void listenersFollowTheConfigurationAndClientsStay() throws Exception {
        int port = TestDaemon.freePort();
        Map<String, Object> cfg = new HashMap<>(Map.of("listen_unix", "1", "unix_sock_ro_perms", "0755"));
        try (Daemon d = new Daemon(TestDaemon.factory(), DaemonConfig.from(cfg, "shell", home))) {
            Path rw = home.resolve("run/jvirt-sock");
            Path ro = home.resolve("run/jvirt-sock-ro");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(rw, LinkOption.NOFOLLOW_LINKS)))
                    .isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(ro, LinkOption.NOFOLLOW_LINKS)))
                    .isEqualTo("rwxr-xr-x");
            RpcClient staying = RpcClient.open("staying", Transports.connectUnix(rw));
            staying.call(RemoteProtocol.CONNECT_OPEN, new RemoteProtocol.ConnectOpenArgs("test:///default", 0));

            // TCP comes, explicitly without authentication
            cfg.put("listen_tcp", "1");
            cfg.put("tcp_port", Integer.toString(port));
            cfg.put("auth_tcp", "none");
            d.apply(DaemonConfig.from(cfg, "shell", home));
            try (RpcClient tcp = RpcClient.open("tcp", Transports.connectTcp("127.0.0.1", port))) {
                assertThat(tcp.call(RemoteProtocol.AUTH_LIST, null).types()).containsExactly(0);
            }
            // the unix sockets go; the client connected through one stays served
            cfg.put("listen_unix", "0");
            d.apply(DaemonConfig.from(cfg, "shell", home));
            assertThat(Files.exists(rw, LinkOption.NOFOLLOW_LINKS)).isFalse();
            assertThat(Files.exists(ro, LinkOption.NOFOLLOW_LINKS)).isFalse();
            assertThatThrownBy(() -> Transports.connectUnix(rw)).isInstanceOf(VirtException.class);
            assertThat(staying.call(RemoteProtocol.DOMAIN_LOOKUP_BY_NAME,
                    new RemoteProtocol.DomainLookupByNameArgs("test")).dom().name()).isEqualTo("test");
            // TCP asks for SASL now
            cfg.put("auth_tcp", "sasl");
            d.apply(DaemonConfig.from(cfg, "shell", home));
            try (RpcClient tcp = RpcClient.open("tcp", Transports.connectTcp("127.0.0.1", port))) {
                assertThat(tcp.call(RemoteProtocol.AUTH_LIST, null).types()).containsExactly(1);
                assertThatThrownBy(() -> tcp.call(RemoteProtocol.CONNECT_OPEN,
                        new RemoteProtocol.ConnectOpenArgs("test:///default", 0)))
                        .hasMessage("authentication required");
            }
            staying.close();
        }
        assertThat(home.resolve("run")).isEmptyDirectory();
    }

    @Test
    void theServerIsBuiltWithTheFirstListener() throws Exception {
        Map<String, Object> cfg = new HashMap<>(Map.of("listen_unix", "0"));
        try (Daemon d = new Daemon(TestDaemon.factory(), DaemonConfig.from(cfg, "daemon", home))) {
            assertThat(d.listeners()).isEmpty();
            assertThat(d.server()).as("no listener, no server nor dispatch table").isNull();
            // a configuration without listeners builds nothing either; its limits are kept for when it does
            cfg.put("max_clients", "1");
            d.apply(DaemonConfig.from(cfg, "daemon", home));
            assertThat(d.server()).isNull();

            cfg.put("listen_unix", "1");
            d.apply(DaemonConfig.from(cfg, "daemon", home));
            assertThat(d.server()).isNotNull();
            Path rw = home.resolve("run/jvirt-sock");
            try (RpcClient c = RpcClient.open("first", Transports.connectUnix(rw))) {
                c.call(RemoteProtocol.CONNECT_OPEN, new RemoteProtocol.ConnectOpenArgs("test:///default", 0));
                assertThat(c.call(RemoteProtocol.DOMAIN_LOOKUP_BY_NAME,
                        new RemoteProtocol.DomainLookupByNameArgs("test")).dom().name()).isEqualTo("test");
                RpcClient second = RpcClient.open("second", Transports.connectUnix(rw));
                assertThatThrownBy(() -> second.call(RemoteProtocol.AUTH_LIST, null))
                        .isInstanceOf(VirtException.class);
                second.close();
            }
        }
        assertThat(home.resolve("run")).isEmptyDirectory();
    }

    @Test
    void tooManyClientsAreTurnedAway() throws Exception {
        try (TestDaemon d = TestDaemon.start(home, Map.of("max_clients", "2"))) {
            RpcClient a = RpcClient.open("a", Transports.connectUnix(d.rwSocket()));
            RpcClient b = RpcClient.open("b", Transports.connectUnix(d.rwSocket()));
            a.call(RemoteProtocol.AUTH_LIST, null);
            b.call(RemoteProtocol.AUTH_LIST, null);
            RpcClient c = RpcClient.open("c", Transports.connectUnix(d.rwSocket()));
            assertThatThrownBy(() -> c.call(RemoteProtocol.AUTH_LIST, null)).isInstanceOf(VirtException.class);
            a.close();
            b.close();
            c.close();
        }
    }
}
