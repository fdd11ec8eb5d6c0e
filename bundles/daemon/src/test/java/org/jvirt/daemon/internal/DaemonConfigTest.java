package org.jvirt.daemon.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DaemonConfigTest {
    private static final Path HOME = Path.of("/opt/jvirt");

    @Test
    void headlessPlatformListensOnItsUnixSocketsAndNothingElse() {
        DaemonConfig c = DaemonConfig.from(Map.of(), "daemon", HOME);
        assertThat(c.listenUnix()).isTrue();
        assertThat(c.listenTcp()).isFalse();
        assertThat(c.listenTls()).isFalse();
        List<ListenerSpec> specs = ListenerSpec.of(c);
        assertThat(specs).extracting(ListenerSpec::describe)
                .containsExactly("/opt/jvirt/run/jvirt-sock", "/opt/jvirt/run/jvirt-sock-ro");
        assertThat(specs).extracting(s -> s.perms()).containsExactly("0700", "0777");
        assertThat(specs).extracting(s -> s.service().readOnly()).containsExactly(false, true);
    }

    @Test
    void interactivePlatformListensOnlyWhenConfigured() {
        assertThat(ListenerSpec.of(DaemonConfig.from(Map.of(), "shell", HOME))).isEmpty();
        assertThat(ListenerSpec.of(DaemonConfig.from(Map.of("listen_unix", "1"), "shell", HOME))).hasSize(2);
    }

    @Test
    void aPlatformForOneCommandNeverListens() {
        Map<String, String> all = Map.of("listen_unix", "1", "listen_tcp", "1", "listen_tls", "1");
        assertThat(ListenerSpec.of(DaemonConfig.from(all, "daemon", HOME))).hasSize(4);
        assertThat(ListenerSpec.of(DaemonConfig.from(all, "command", HOME))).isEmpty();
    }

    @Test
    void tcpAsksForSaslUnlessToldOtherwiseInSoManyWords() {
        DaemonConfig c = DaemonConfig.from(Map.of("listen_tcp", "1"), "daemon", HOME);
        ListenerSpec tcp = ListenerSpec.of(c).get(2);
        assertThat(tcp.describe()).isEqualTo("tcp 127.0.0.1:16509");
        assertThat(tcp.service().auth()).isEqualTo(Service.Auth.SASL);
        assertThat(tcp.service().secure()).isFalse();
        DaemonConfig none = DaemonConfig.from(Map.of("listen_tcp", "1", "auth_tcp", "none"), "daemon", HOME);
        assertThat(ListenerSpec.of(none).get(2).service().auth()).isEqualTo(Service.Auth.NONE);
    }

    @Test
    void tlsUsesLibvirtsX509Layout() {
        DaemonConfig c = DaemonConfig.from(Map.of("listen_tls", "true", "listen_addr", "0.0.0.0"), "shell", HOME);
        ListenerSpec tls = ListenerSpec.of(c).get(0);
        assertThat(tls.describe()).isEqualTo("tls 0.0.0.0:16514");
        assertThat(tls.tls().cert()).isEqualTo(HOME.resolve("etc/pki/libvirt/servercert.pem"));
        assertThat(tls.tls().key()).isEqualTo(HOME.resolve("etc/pki/libvirt/private/serverkey.pem"));
        assertThat(tls.tls().ca()).isEqualTo(HOME.resolve("etc/pki/CA/cacert.pem"));
        assertThat(tls.tls().noVerifyCertificate()).isFalse();
        assertThat(tls.service().auth()).isEqualTo(Service.Auth.NONE);
        assertThat(tls.service().secure()).isTrue();
    }

    @Test
    void valuesInLibvirtdConfsSpellingAndInCfgSpelling() {
        DaemonConfig c = DaemonConfig.from(Map.of("unix_sock_rw_perms", "\"0770\"",
                "tls_allowed_dn_list", "[\"C=GB,CN=a*\", \"CN=b\"]", "sasl_allowed_username_list", "alice, bob",
                "max_clients", "10", "keepalive_interval", "-1", "unix_sock_dir", "/var/run/x"), "daemon", HOME);
        assertThat(c.unixSockRwPerms()).isEqualTo("0770");
        assertThat(c.tlsAllowedDnList()).containsExactly("C=GB,CN=a*", "CN=b");
        assertThat(c.saslAllowedUsernameList()).containsExactly("alice", "bob");
        assertThat(c.maxClients()).isEqualTo(10);
        assertThat(c.keepaliveInterval()).isEqualTo(-1);
        assertThat(c.unixSockDir()).isEqualTo(Path.of("/var/run/x"));
        assertThat(c.saslMechanisms()).containsExactly("SCRAM-SHA-256", "DIGEST-MD5");
        assertThat(c.busyPollMicros()).isEqualTo(DaemonConfig.DEFAULT_BUSY_POLL_MICROS);
        assertThat(DaemonConfig.from(Map.of("busy_poll_us", "0"), "daemon", HOME).busyPollMicros()).isZero();
    }

    @Test
    void badValuesNameTheirKey() {
        assertThatThrownBy(() -> DaemonConfig.from(Map.of("tcp_port", "99999"), "daemon", HOME))
                .hasMessageContaining("tcp_port");
        assertThatThrownBy(() -> DaemonConfig.from(Map.of("auth_tcp", "polkit"), "daemon", HOME))
                .hasMessageContaining("auth_tcp");
        assertThatThrownBy(() -> DaemonConfig.from(Map.of("unix_sock_ro_perms", "rwx"), "daemon", HOME))
                .hasMessageContaining("unix_sock_ro_perms");
        assertThatThrownBy(() -> DaemonConfig.from(Map.of("listen_tcp", "maybe"), "daemon", HOME))
                .hasMessageContaining("listen_tcp");
        assertThatThrownBy(() -> DaemonConfig.from(Map.of("max_workers", "0"), "daemon", HOME))
                .hasMessageContaining("max_workers");
        assertThatThrownBy(() -> DaemonConfig.from(Map.of("busy_poll_us", "-5"), "daemon", HOME))
                .hasMessageContaining("busy_poll_us");
    }

    @Test
    void unixModesAreOctal() {
        assertThat(UnixSockets.mode("0700")).extracting(Enum::name)
                .containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE", "OWNER_EXECUTE");
        assertThat(UnixSockets.mode("0777")).hasSize(9);
        assertThat(UnixSockets.mode("0640")).extracting(Enum::name)
                .containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE", "GROUP_READ");
    }
}
