package org.jvirt.jmx.internal.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jvirt.jmx.internal.remote.RemoteFixture.ALICE;
import static org.jvirt.jmx.internal.remote.RemoteFixture.ALICE_PASSWORD;
import static org.jvirt.jmx.internal.remote.RemoteFixture.BOB;
import static org.jvirt.jmx.internal.remote.RemoteFixture.BOB_PASSWORD;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.rmi.ssl.SslRMIClientSocketFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.jmx.JvirtObjectNames;
import org.jvirt.jmx.internal.ExportedHost;

/**
 * The connector over TLS, with self-signed certificates the test makes with the JDK's keytool: the server's, and a
 * client's for client authentication. The client side is the JVM's default SSLContext, as for JConsole started with
 * {@code -J-Djavax.net.ssl.trustStore=...}.
 */
class TlsRemoteJmxTest {
    static final String PASSWORD = "changeit";
    static final ObjectName TEST = JvirtObjectNames.domain("test:///default", "test");
    /** What a client sets to look the connector up in a registry that speaks TLS (JConsole does the same). */
    static final String REGISTRY_SOCKETS = "com.sun.jndi.rmi.factory.socket";

    @TempDir
    static Path certs;

    @TempDir
    Path etc;
    private RemoteFixture fixture;
    private ExportedHost host;
    private RemoteJmxComponent component;

    @BeforeAll
    static void makeCertificates() throws Exception {
        keytool("-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-keystore", "server.p12");
        keytool("-genkeypair", "-alias", "client", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=jvirt client", "-keystore", "client.p12");
        keytool("-exportcert", "-alias", "server", "-keystore", "server.p12", "-file", "server.cer");
        keytool("-exportcert", "-alias", "client", "-keystore", "client.p12", "-file", "client.cer");
        keytool("-importcert", "-noprompt", "-alias", "server", "-file", "server.cer", "-keystore", "client-trust.p12");
        keytool("-importcert", "-noprompt", "-alias", "client", "-file", "client.cer", "-keystore", "server-trust.p12");

        // the client: trusts the server's certificate, presents its own when asked
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(load("client.p12"), PASSWORD.toCharArray());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(load("client-trust.p12"));
        SSLContext client = SSLContext.getInstance("TLS");
        client.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        SSLContext.setDefault(client);
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.add("-J-XX:TieredStopAtLevel=1"); // a short run: the first JIT tier starts sooner
        command.addAll(List.of(args));
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD));
        Process p = new ProcessBuilder(command).directory(certs.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException("keytool " + String.join(" ", args) + " failed: " + output);
        }
    }

    private static KeyStore load(String file) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(certs.resolve(file))) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }

    @BeforeEach
    void setUp() throws Exception {
        fixture = new RemoteFixture(etc);
        host = new ExportedHost("test:///default");
    }

    @AfterEach
    void tearDown() {
        if (component != null) {
            component.deactivate();
        }
        host.close();
    }

    private void start(Object... extra) {
        List<Object> settings = new ArrayList<>(List.of(RemoteJmxSettings.TLS, "true",
                RemoteJmxSettings.TLS_KEYSTORE, certs.resolve("server.p12").toString(),
                RemoteJmxSettings.TLS_KEYSTORE_PASSWORD, PASSWORD));
        settings.addAll(List.of(extra));
        Map<String, Object> config = fixture.config(settings.toArray());
        component = new RemoteJmxComponent(ManagementFactory.getPlatformMBeanServer(), etc, config);
        assertThat(component.address()).as("the connector started").isPresent();
    }

    @Test
    void aClientTrustingTheCertificateConnectsOverTls() throws Exception {
        start();

        try (JMXConnector jmx = RemoteFixture.connect(fixture.url(), ALICE, ALICE_PASSWORD,
                REGISTRY_SOCKETS, new SslRMIClientSocketFactory())) {
            assertThat(jmx.getMBeanServerConnection().getAttribute(TEST, "State")).isEqualTo("running");
        }
    }

    @Test
    void aClientSpeakingPlainRmiGetsNowhere() {
        start();

        assertThatThrownBy(() -> RemoteFixture.connect(fixture.url(), ALICE, ALICE_PASSWORD).close())
                .isInstanceOf(IOException.class);
    }

    @Test
    void withAPlainRegistryTheStubStillLeadsToTls() throws Exception {
        start(RemoteJmxSettings.TLS_REGISTRY, "false");

        try (JMXConnector jmx = RemoteFixture.connect(fixture.url(), BOB, BOB_PASSWORD)) {
            assertThat(jmx.getMBeanServerConnection().isRegistered(TEST)).isTrue();
        }
    }

    @Test
    void clientCertificatesWhenRequiredAreCheckedAgainstTheTruststore() throws Exception {
        start(RemoteJmxSettings.TLS_NEED_CLIENT_AUTH, "true",
                RemoteJmxSettings.TLS_TRUSTSTORE, certs.resolve("server-trust.p12").toString(),
                RemoteJmxSettings.TLS_TRUSTSTORE_PASSWORD, PASSWORD);

        try (JMXConnector jmx = RemoteFixture.connect(fixture.url(), ALICE, ALICE_PASSWORD,
                REGISTRY_SOCKETS, new SslRMIClientSocketFactory())) {
            assertThat(jmx.getMBeanServerConnection().isRegistered(TEST)).isTrue();
        }
    }

    @Test
    void aClientCertificateTheTruststoreDoesNotHoldIsRefused() {
        start(RemoteJmxSettings.TLS_NEED_CLIENT_AUTH, "true",
                // it holds the server's own certificate, not the client's
                RemoteJmxSettings.TLS_TRUSTSTORE, certs.resolve("client-trust.p12").toString(),
                RemoteJmxSettings.TLS_TRUSTSTORE_PASSWORD, PASSWORD);

        assertThatThrownBy(() -> RemoteFixture.connect(fixture.url(), ALICE, ALICE_PASSWORD,
                REGISTRY_SOCKETS, new SslRMIClientSocketFactory()).close()).isInstanceOf(IOException.class);
    }

    @Test
    void aWrongKeystorePasswordKeepsTheConnectorOff() {
        Map<String, Object> config = fixture.config(RemoteJmxSettings.TLS, "true",
                RemoteJmxSettings.TLS_KEYSTORE, certs.resolve("server.p12").toString(),
                RemoteJmxSettings.TLS_KEYSTORE_PASSWORD, "wrong");

        component = new RemoteJmxComponent(ManagementFactory.getPlatformMBeanServer(), etc, config);

        assertThat(component.address()).isEmpty();
        assertThat(RemoteFixture.listening(fixture.registryPort)).isFalse();
    }
}
