package org.jvirt.driver.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.jvirt.api.Connect;
import org.jvirt.api.ConnectAuth;
import org.jvirt.api.ConnectFactory;
import org.jvirt.api.Credential;
import org.jvirt.api.CredentialType;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainMetadataType;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.peer.LibvirtdPeer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The remote driver's SASL authentication against a real libvirtd 9.0 with {@code auth_tcp = "sasl"} and
 * {@code auth_unix_rw = "sasl"}: cyrus-sasl's DIGEST-MD5 with its confidentiality layer on TCP, SCRAM-SHA-256 and
 * DIGEST-MD5 without a layer on the unix socket, and libvirtd's own refusals, each beside virsh's.
 *
 * <p>Nothing outside the test's folder is touched: cyrus-sasl reads the server's {@code libvirt.conf} from
 * {@code SASL_CONF_PATH} (here, the folder, instead of /etc/sasl2), which names a sasldb made with
 * {@code saslpasswd2 -f}. Skipped, saying so, without libvirtd or saslpasswd2 (Debian's sasl2-bin).
 */
class SaslLibvirtdPeerTest {
    private static final Path LIBVIRTD = Path.of("/usr/sbin/libvirtd");
    private static final Path SASLPASSWD2 = Path.of("/usr/sbin/saslpasswd2");
    private static final Path VIRSH = Path.of("/usr/bin/virsh");

    @TempDir
    static Path dir;
    private static ConnectFactory factory;
    private static int port;
    private static Process daemon;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.isExecutable(LIBVIRTD), "libvirtd is not installed (../shared/peers/install.sh): skipped");
        assumeTrue(Files.isExecutable(SASLPASSWD2), "saslpasswd2 is missing (apt-get install sasl2-bin): skipped");
        factory = ServiceLoader.load(ConnectFactory.class).findFirst().orElseThrow();
        Files.createDirectories(dir.resolve("run"));
        Files.createDirectories(dir.resolve("empty-driver-dir"));
        // cyrus-sasl's configuration for the service "libvirt", found through SASL_CONF_PATH
        Files.writeString(dir.resolve("libvirt.conf"), "mech_list: digest-md5 scram-sha-256\nsasldb_path: "
                + dir.resolve("passwd.db") + "\n");
        saslpasswd2("alice", "wonderland");
        port = LibvirtdPeer.freePort();
        Files.writeString(dir.resolve("libvirtd.conf"), String.join("\n",
                "listen_tls = 0", "listen_tcp = 1", "listen_addr = \"127.0.0.1\"", "tcp_port = \"" + port + "\"",
                "auth_tcp = \"sasl\"", "auth_unix_rw = \"sasl\"", "auth_unix_ro = \"none\"",
                "unix_sock_dir = \"" + dir.resolve("run") + "\"", "unix_sock_ro_perms = \"0777\"",
                "unix_sock_rw_perms = \"0700\"", "log_level = 3",
                "log_outputs = \"3:file:" + dir.resolve("libvirtd.log") + "\"", ""));
        ProcessBuilder pb = new ProcessBuilder(LIBVIRTD.toString(), "--listen", "-f",
                dir.resolve("libvirtd.conf").toString(), "-p", dir.resolve("run/libvirtd.pid").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("libvirtd.stdout").toFile());
        pb.environment().put("SASL_CONF_PATH", dir.toString());
        // no hypervisor modules: the built-in test driver is all it serves
        pb.environment().put("LIBVIRT_DRIVER_DIR", dir.resolve("empty-driver-dir").toString());
        daemon = pb.start();
        for (int i = 0; i < 200; i++) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                if (Files.exists(dir.resolve("run/libvirt-sock"))) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            assertThat(daemon.isAlive()).as("libvirtd exited: see " + dir.resolve("libvirtd.stdout")).isTrue();
            Thread.sleep(100);
        }
        throw new IllegalStateException("libvirtd did not start: see " + dir);
    }

    private static void saslpasswd2(String user, String password) throws Exception {
        Process p = new ProcessBuilder(SASLPASSWD2.toString(), "-f", dir.resolve("passwd.db").toString(), "-a",
                "libvirt", "-p", "-c", user).redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(password.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }

    @AfterAll
    static void stop() throws Exception {
        if (daemon != null) {
            daemon.destroy();
            if (!daemon.waitFor(30, TimeUnit.SECONDS)) {
                daemon.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static String tcpUri() {
        return "test+tcp://127.0.0.1:" + port + "/default";
    }

    private static String unixUri() {
        return "test+unix:///default?socket=" + dir.resolve("run/libvirt-sock");
    }

    static ConnectAuth answers(String user, String password) {
        return new ConnectAuth() {
            @Override
            public Set<CredentialType> supportedTypes() {
                return Set.of(CredentialType.AUTHNAME, CredentialType.PASSPHRASE);
            }

            @Override
            public void request(List<Credential> credentials) {
                for (Credential c : credentials) {
                    c.setResult(c.type() == CredentialType.AUTHNAME ? user : password);
                }
            }
        };
    }

    @Test
    void digestMd5WithItsLayerOnTcp() {
        try (Connect c = factory.open(tcpUri(), Set.of(), answers("alice", "wonderland"))) {
            assertThat(c.listAllDomains(Set.of())).extracting(Domain::getName).containsExactly("test");
            // a call and a reply far larger than one wrapped buffer (64 KiB at most either way)
            Domain d = c.domainLookupByName("test");
            String big = "y".repeat(300_000);
            d.setMetadata(DomainMetadataType.DESCRIPTION, big, null, null, Set.of());
            assertThat(d.getMetadata(DomainMetadataType.DESCRIPTION, null, Set.of())).isEqualTo(big);
            assertThat(d.getXMLDesc(Set.of())).contains("<name>test</name>");
            d.setMetadata(DomainMetadataType.DESCRIPTION, null, null, null, Set.of());
            assertThat(c.isEncrypted()).isTrue();
            assertThat(c.isSecure()).isTrue();
        }
    }

    @Test
    void scramSha256AndDigestMd5OnTheUnixSocket() {
        try (Connect c = factory.open(unixUri(), Set.of(), answers("alice", "wonderland"))) {
            assertThat(c.listAllDomains(Set.of())).extracting(Domain::getName).containsExactly("test");
        }
        try (Connect c = factory.open(unixUri() + "&auth=sasl.SCRAM-SHA-256", Set.of(),
                answers("alice", "wonderland"))) {
            assertThat(c.getHostname()).isNotEmpty();
        }
        // DIGEST-MD5 without a layer: libvirt asks for none on a secure channel
        try (Connect c = factory.open(unixUri() + "&auth=sasl.DIGEST-MD5", Set.of(),
                answers("alice", "wonderland"))) {
            assertThat(c.listAllDomains(Set.of())).extracting(Domain::getName).containsExactly("test");
        }
    }

    @Test
    void refusalsAreLibvirtds() throws Exception {
        for (String uri : List.of(tcpUri(), unixUri(), unixUri() + "&auth=sasl.DIGEST-MD5")) {
            assertThatThrownBy(() -> factory.open(uri, Set.of(), answers("alice", "nope")))
                    .isInstanceOfSatisfying(VirtException.class, e -> {
                        assertThat(e.getMessage()).isEqualTo("authentication failed: authentication failed");
                        assertThat(e.code()).isEqualTo(ErrorCode.AUTH_FAILED);
                        assertThat(e.domain()).isEqualTo(ErrorDomain.RPC);
                    });
        }
        assertThatThrownBy(() -> factory.open(tcpUri() + "?auth=sasl.SCRAM-SHA-256", Set.of(),
                answers("alice", "wonderland"))).isInstanceOfSatisfying(VirtException.class, e ->
                        // libvirtd lists on TCP only what gives a layer of 56 bits
                        assertThat(e.getMessage()).isEqualTo("authentication failed: "
                                + "SASL mechanism SCRAM-SHA-256 not supported by server"));
        // virsh says the same of a wrong password (its credentials from an auth.conf)
        Optional<String> virsh = virsh(tcpUri(), "alice", "nope");
        virsh.ifPresent(out -> assertThat(out).contains("error: authentication failed: authentication failed"));
    }

    @Test
    void credentialsFromAnAuthFileAsVirshReadsThem() throws Exception {
        Path conf = dir.resolve("auth-file.conf");
        Files.writeString(conf, "[credentials-t]\nauthname=alice\npassword=wonderland\n\n"
                + "[auth-libvirt-127.0.0.1]\ncredentials=t\n");
        // no callback at all: the file answers everything
        try (Connect c = factory.open(tcpUri() + "?authfile=" + conf)) {
            assertThat(c.listAllDomains(Set.of())).extracting(Domain::getName).containsExactly("test");
        }
        Optional<String> out = virsh(tcpUri(), "alice", "wonderland");
        out.ifPresent(o -> assertThat(o).isEqualTo("test\n\n"));
    }

    /** virsh's output for {@code list --name} with the credentials in a private auth.conf, when virsh exists. */
    private static Optional<String> virsh(String uri, String user, String password) throws Exception {
        if (!Files.isExecutable(VIRSH)) {
            return Optional.empty();
        }
        Path conf = dir.resolve("auth-" + user + ".conf");
        Files.writeString(conf, "[credentials-t]\nauthname=" + user + "\npassword=" + password
                + "\n\n[auth-libvirt-127.0.0.1]\ncredentials=t\n");
        ProcessBuilder pb = new ProcessBuilder(VIRSH.toString(), "-c", uri, "list", "--name")
                .redirectErrorStream(true);
        pb.environment().put("LIBVIRT_AUTH_FILE", conf.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return Optional.of(out);
    }
}
