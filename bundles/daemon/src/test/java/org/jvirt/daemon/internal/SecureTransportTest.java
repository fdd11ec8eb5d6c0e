package org.jvirt.daemon.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * TLS with libvirt's x509 layout and SASL, against the real virsh and libvirt-python: client certificates verified
 * against the CA and the DN allow-list; SCRAM-SHA-256 on secure channels, DIGEST-MD5 with its security layer on
 * plain TCP; wrong passwords and users off the list refused with libvirt's "authentication failed".
 */
class SecureTransportTest {
    private static final Path VIRSH = Path.of("/usr/bin/virsh");
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @TempDir
    Path tmp;

    private Map<String, Object> tls(int port) {
        Map<String, Object> cfg = new HashMap<>();
        cfg.put("listen_tls", "1");
        cfg.put("tls_port", Integer.toString(port));
        return cfg;
    }

    @ParameterizedTest(name = "server key {0}")
    @ValueSource(strings = {"pkcs8", "pkcs1", "ec"})
    void virshOverTlsWithAClientCertificate(String keyForm) throws Exception {
        TestPki pki = TestPki.create(tmp.resolve("ca"));
        Path home = tmp.resolve("home");
        pki.server(home, keyForm);
        Path client = pki.client("client", "/C=GB/O=jvirt test/CN=client");
        int port = TestDaemon.freePort();
        try (TestDaemon d = TestDaemon.start(home, tls(port))) {
            Result r = virsh("test+tls://127.0.0.1:" + port + "/default?pkipath=" + client, "list");
            assertThat(r.output()).contains(" 1    test   running");
            assertThat(r.status()).isZero();
        }
    }

    @Test
    void aCertificateFromAnotherCaOrOffTheListIsRefused() throws Exception {
        TestPki pki = TestPki.create(tmp.resolve("ca"));
        Path home = tmp.resolve("home");
        pki.server(home, "pkcs8");
        Path good = pki.client("good", "/C=GB/O=jvirt test/CN=admin");
        Path other = pki.client("other", "/C=GB/O=jvirt test/CN=intern");
        TestPki stranger = TestPki.create(tmp.resolve("ca2"));
        Path foreign = stranger.client("foreign", "/C=GB/O=elsewhere/CN=admin");
        // libvirt's client trusts the server by its own CA file: give the stranger the right one
        Files.copy(tmp.resolve("ca/cacert.pem"), foreign.resolve("cacert.pem"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        int port = TestDaemon.freePort();
        Map<String, Object> cfg = tls(port);
        cfg.put("tls_allowed_dn_list", "[\"CN=admin,O=jvirt test,C=GB\"]");
        try (TestDaemon d = TestDaemon.start(home, cfg)) {
            String base = "test+tls://127.0.0.1:" + port + "/default?pkipath=";
            assertThat(virsh(base + good, "domstate test").output()).isEqualTo("running\n\n");
            Result off = virsh(base + other, "domstate test");
            assertThat(off.status()).isNotZero();
            assertThat(off.output()).contains("error: failed to connect to the hypervisor");
            Result strange = virsh(base + foreign, "domstate test");
            assertThat(strange.status()).isNotZero();
            assertThat(strange.output()).contains("error: failed to connect to the hypervisor");
            assertThat(d.daemon.server().clients()).isEmpty();
        }
    }

    @Test
    void saslOnPlainTcpNeedsDigestMd5WithItsLayer() throws Exception {
        Path home = tmp.resolve("home");
        users(home, "alice:wonderland", "bob:builder");
        int port;
        Map<String, Object> cfg = Map.of("auth_tcp", "sasl", "sasl_allowed_username_list", "alice");
        try (TestDaemon d = TestDaemon.start(home, cfg)) {
            port = d.tcpPort;
            String uri = "test+tcp://127.0.0.1:" + port + "/default";
            assertThat(python(uri, "alice", "wonderland")).isEqualTo("OK ['test'] [1, 8388608]\n");
            assertThat(python(uri, "alice", "nope")).isEqualTo("ERR 45 7 authentication failed: authentication failed\n");
            // bob knows his password, but is not on the list
            assertThat(python(uri, "bob", "builder")).isEqualTo("ERR 45 7 authentication failed: authentication failed\n");
            // virsh takes its credentials from auth.conf, as an admin would give them
            Path config = Files.createDirectories(tmp.resolve("config/libvirt"));
            Files.writeString(config.resolve("auth.conf"), "[credentials-jvirt]\nauthname=alice\npassword=wonderland\n\n"
                    + "[auth-libvirt-127.0.0.1]\ncredentials=jvirt\n");
            Result r = virsh(uri, "list --name");
            assertThat(r.output()).isEqualTo("test\n\n");
        }
    }

    @Test
    void scramSha256OnSecureChannels() throws Exception {
        Path home = tmp.resolve("home");
        byte[] salt = new byte[16];
        users(home, "carol:" + ScramCredentials.of("s3cret", salt, 4096).format(), "dave:plain");
        Map<String, Object> cfg = Map.of("auth_unix_rw", "sasl", "sasl_mech_list", "SCRAM-SHA-256");
        try (TestDaemon d = TestDaemon.start(home, cfg)) {
            assertThat(python(d.unixUri(), "carol", "s3cret")).isEqualTo("OK ['test'] [1, 8388608]\n");
            assertThat(python(d.unixUri(), "carol", "S3cret")).startsWith("ERR 45 7 authentication failed");
            assertThat(python(d.unixUri(), "dave", "plain")).isEqualTo("OK ['test'] [1, 8388608]\n");
            assertThat(python(d.unixUri(), "nobody", "plain")).startsWith("ERR 45 7 authentication failed");
            // the read-only socket asks for nothing here
            assertThat(virsh(d.roUri(), "list --name").output()).isEqualTo("test\n\n");
        }
    }

    @Test
    void tlsAndScramTogether() throws Exception {
        TestPki pki = TestPki.create(tmp.resolve("ca"));
        Path home = tmp.resolve("home");
        pki.server(home, "pkcs8");
        Path client = pki.client("client", "/C=GB/O=jvirt test/CN=client");
        users(home, "erin:tls-and-sasl");
        int port = TestDaemon.freePort();
        Map<String, Object> cfg = tls(port);
        cfg.put("auth_tls", "sasl");
        try (TestDaemon d = TestDaemon.start(home, cfg)) {
            String uri = "test+tls://127.0.0.1:" + port + "/default?pkipath=" + client;
            assertThat(python(uri, "erin", "tls-and-sasl")).isEqualTo("OK ['test'] [1, 8388608]\n");
            assertThat(python(uri, "erin", "wrong")).startsWith("ERR 45 7 authentication failed");
        }
    }

    private static void users(Path home, String... lines) throws Exception {
        Path etc = Files.createDirectories(home.resolve("etc"));
        Files.write(etc.resolve("sasl-users"), List.of(lines));
    }

    record Result(int status, String output) {
    }

    private Result virsh(String uri, String command) throws Exception {
        assumeTrue(Files.isExecutable(VIRSH), "virsh is not installed (../shared/peers/install.sh): skipped");
        return run(List.of(VIRSH.toString(), "-c", uri, command));
    }

    private String python(String uri, String user, String password) throws Exception {
        assumeTrue(Files.isExecutable(PYTHON), "/usr/bin/python3 is missing: skipped");
        Path script = Path.of(SecureTransportTest.class.getResource("/python/sasl.py").toURI());
        Result r = run(List.of(PYTHON.toString(), script.toString(), uri, user, password));
        assumeFalse(r.output().contains("No module named 'libvirt'"), "python3-libvirt is not installed: skipped");
        return r.output();
    }

    private Result run(List<String> cmd) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(false);
        pb.environment().remove("LIBVIRT_DEFAULT_URI");
        pb.environment().put("HOME", tmp.toString());
        pb.environment().put("XDG_CONFIG_HOME", tmp.resolve("config").toString());
        pb.environment().put("XDG_CACHE_HOME", tmp.resolve("cache").toString());
        Process p = pb.start();
        String out;
        String err;
        try (InputStream in = p.getInputStream(); InputStream e = p.getErrorStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            err = new String(e.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("did not finish: " + cmd);
        }
        // libvirt's library prints its own errors on stderr; virsh's go there too
        String both = out + err.replaceAll("(?m)^libvirt: .*\\R", "");
        return new Result(p.exitValue(), both);
    }
}
