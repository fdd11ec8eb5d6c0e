package org.jvirt.driver.remote;

import org.jvirt.rpc.peer.LibvirtdPeer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.TrustManagerFactory;

import org.jvirt.api.Connect;
import org.jvirt.api.ConnectFactory;
import org.jvirt.api.VirtException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TLS transport with x509 files laid out as libvirt's ({@code pkipath} holding cacert.pem, clientcert.pem,
 * clientkey.pem; the key in PKCS#1 as certtool and openssl write it), against libvirtd behind a TLS terminator that
 * asks for the client's certificate: the server is checked by CA and by name, no_verify skips both.
 */
@Timeout(120)
class TlsPeerTest {
    private static LibvirtdPeer peer;
    private static ConnectFactory factory;
    @TempDir
    static Path pki;
    @TempDir
    static Path otherPki;
    private static SSLServerSocket terminator;
    /** The TLS version of each connection the terminator accepted, in order. */
    private static final List<String> negotiated = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "no openssl to make certificates: skipped");
        peer = LibvirtdPeer.start();
        factory = ServiceLoader.load(ConnectFactory.class).findFirst().orElseThrow();
        makeCa(pki);
        issue(pki, "server", "localhost", "subjectAltName=DNS:localhost");
        issue(pki, "client", "jvirt-client", "extendedKeyUsage=clientAuth");
        Files.move(pki.resolve("client.pem"), pki.resolve("clientcert.pem"));
        openssl(pki, "rsa", "-in", "client.key", "-traditional", "-out", "clientkey.pem");
        makeCa(otherPki);
        terminator = terminator();
    }

    @AfterAll
    static void stop() throws Exception {
        if (terminator != null) {
            terminator.close();
        }
        if (peer != null) {
            peer.close();
        }
    }

    @Test
    void connectsWithLibvirtsFilesAndChecksTheServer() {
        String uri = "test+tls://localhost:" + terminator.getLocalPort() + "/default?pkipath=" + pki;
        try (Connect c = factory.open(uri)) {
            assertThat(c.getType()).isEqualTo("TEST");
            assertThat(c.isEncrypted()).isTrue();
            assertThat(c.isSecure()).isTrue();
            assertThat(c.domainLookupByName("test").getID()).isEqualTo(1);
        }
    }

    @Test
    void aServerWhoseCertificateNamesAnotherHostIsRefused() {
        // the certificate names localhost, not 127.0.0.1
        String uri = "test+tls://127.0.0.1:" + terminator.getLocalPort() + "/default?pkipath=" + pki;
        assertThatThrownBy(() -> factory.open(uri)).isInstanceOf(VirtException.class);
        try (Connect c = factory.open(uri + "&no_verify=1")) {
            assertThat(c.getType()).isEqualTo("TEST");
        }
    }

    @Test
    void aServerSignedByAnotherCaIsRefused() throws Exception {
        Files.copy(pki.resolve("clientcert.pem"), otherPki.resolve("clientcert.pem"));
        Files.copy(pki.resolve("clientkey.pem"), otherPki.resolve("clientkey.pem"));
        String uri = "test+tls://localhost:" + terminator.getLocalPort() + "/default?pkipath=" + otherPki;
        assertThatThrownBy(() -> factory.open(uri)).isInstanceOf(VirtException.class);
    }

    @Test
    void tlsPriorityPicksTheProtocolVersions() {
        String uri = "test+tls://localhost:" + terminator.getLocalPort() + "/default?pkipath=" + pki;
        for (String[] p : new String[][] {{"NORMAL:-VERS-TLS1.3", "TLSv1.2"}, {"NONE:+VERS-TLS1.3", "TLSv1.3"}}) {
            try (Connect c = factory.open(uri + "&tls_priority=" + p[0])) {
                assertThat(c.getType()).isEqualTo("TEST");
                assertThat(negotiated.get(negotiated.size() - 1)).isEqualTo(p[1]);
            }
        }
        int before = negotiated.size();
        assertThatThrownBy(() -> factory.open(uri + "&tls_priority=NORMAL:-AES-256-GCM"))
                .isInstanceOfSatisfying(VirtException.class,
                        e -> assertThat(e.code()).isEqualTo(org.jvirt.api.ErrorCode.CONFIG_UNSUPPORTED));
        // refused before any connection
        assertThat(negotiated).hasSize(before);
    }

    private static void makeCa(Path dir) throws Exception {
        openssl(dir, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "cacert.pem",
                "-days", "2", "-subj", "/CN=jvirt test CA");
    }

    private static void issue(Path dir, String name, String cn, String ext) throws Exception {
        openssl(dir, "req", "-newkey", "rsa:2048", "-nodes", "-keyout", name + ".key", "-out", name + ".csr",
                "-subj", "/CN=" + cn);
        Files.writeString(dir.resolve(name + ".ext"), ext + "\n");
        openssl(dir, "x509", "-req", "-in", name + ".csr", "-CA", "cacert.pem", "-CAkey", "ca.key",
                "-CAcreateserial", "-out", name + ".pem", "-days", "2", "-extfile", name + ".ext");
    }

    private static void openssl(Path dir, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("/usr/bin/openssl"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("openssl " + List.of(args) + ": " + out);
        }
    }

    /** A TLS terminator on loopback that wants a client certificate of the test CA, in front of libvirtd's TCP. */
    private static SSLServerSocket terminator() throws Exception {
        openssl(pki, "pkcs12", "-export", "-in", "server.pem", "-inkey", "server.key", "-out", "server.p12",
                "-passout", "pass:changeit");
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(pki.resolve("server.p12"))) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        KeyStore ts = KeyStore.getInstance("PKCS12");
        ts.load(null, null);
        try (InputStream in = Files.newInputStream(pki.resolve("cacert.pem"))) {
            ts.setCertificateEntry("ca", java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ts);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        SSLServerSocket server = (SSLServerSocket) ctx.getServerSocketFactory().createServerSocket(0, 10,
                InetAddress.getLoopbackAddress());
        server.setNeedClientAuth(true);
        Thread t = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    negotiated.add(((javax.net.ssl.SSLSocket) client).getSession().getProtocol());
                    Socket daemon = new Socket(InetAddress.getLoopbackAddress(), peer.port);
                    pipe(client, daemon);
                    pipe(daemon, client);
                } catch (IOException e) {
                    // closed, or a refused handshake
                }
            }
        }, "tls-terminator");
        t.setDaemon(true);
        t.start();
        return server;
    }

    private static void pipe(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[65536];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    out.write(buf, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // a side closed
            } finally {
                try {
                    to.close();
                } catch (IOException e) {
                    // already
                }
            }
        }, "tls-terminator-pipe");
        t.setDaemon(true);
        t.start();
    }
}
