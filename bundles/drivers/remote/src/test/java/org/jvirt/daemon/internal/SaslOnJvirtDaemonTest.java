package org.jvirt.daemon.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.jvirt.api.Connect;
import org.jvirt.api.ConnectAuth;
import org.jvirt.api.ConnectFactory;
import org.jvirt.api.Credential;
import org.jvirt.api.CredentialType;
import org.jvirt.api.Domain;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.event.DomainEvent;
import org.jvirt.api.event.DomainEventId;
import org.jvirt.api.event.DomainLifecycleEvent;
import org.jvirt.api.event.EventSubscription;
import org.jvirt.api.event.LifecycleEventType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The remote driver's SASL authentication against jvirt's daemon (in this JVM, serving the test driver): DIGEST-MD5
 * with its confidentiality layer on plain TCP, SCRAM-SHA-256 on the unix socket; wrong passwords, refusing and
 * missing callbacks, mechanisms the server does not offer, each failing with libvirt's error and leaving no
 * connection behind on either side.
 */
class SaslOnJvirtDaemonTest {
    @TempDir
    static Path home;
    private static ConnectFactory factory;
    private static Daemon daemon;
    private static int port;
    private static final byte[] ZERO_SALT = new byte[16];

    @BeforeAll
    static void start() throws IOException {
        factory = ServiceLoader.load(ConnectFactory.class).findFirst().orElseThrow();
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Files.createDirectories(home.resolve("etc"));
        Files.write(home.resolve("etc").resolve("sasl-users"), List.of("alice:wonderland", "bob:builder",
                "carol:" + ScramCredentials.of("s3cret", ZERO_SALT, 4096).format()));
        Map<String, Object> cfg = new HashMap<>();
        cfg.put("listen_unix", "1");
        cfg.put("listen_tcp", "1");
        cfg.put("tcp_port", Integer.toString(port));
        cfg.put("auth_tcp", "sasl");
        cfg.put("auth_unix_rw", "sasl");
        cfg.put("sasl_allowed_username_list", "[\"alice\", \"carol\"]");
        daemon = new Daemon(factory, DaemonConfig.from(cfg, "daemon", home));
    }

    @AfterAll
    static void stop() {
        if (daemon != null) {
            daemon.close();
        }
    }

    private Set<Thread> before;

    @BeforeEach
    void threadsBefore() {
        before = Set.copyOf(Thread.getAllStackTraces().keySet());
    }

    @AfterEach
    void nothingLeftOpen() throws InterruptedException {
        // every failed opening closes its socket: the daemon sees its clients go
        for (int i = 0; i < 100 && !daemon.server().clients().isEmpty(); i++) {
            Thread.sleep(50);
        }
        assertThat(daemon.server().clients()).isEmpty();
        assertThat(rpcThreads()).isEmpty();
    }

    /** The client's RPC threads (reader, events) this test started that are still alive. */
    private List<String> rpcThreads() throws InterruptedException {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            names.clear();
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                boolean client = t.getName().startsWith("jvirt-rpc-client-")
                        || t.getName().startsWith("jvirt-rpc-events-");
                if (t.isAlive() && client && !before.contains(t)) {
                    names.add(t.getName());
                }
            }
            if (names.isEmpty()) {
                break;
            }
            Thread.sleep(50);
        }
        return names;
    }

    private static String tcpUri() {
        return "test+tcp://127.0.0.1:" + port + "/default";
    }

    private static String unixUri() {
        return InProcessDaemon.unixUri(home);
    }

    /** A callback answering user name and pass phrase, and recording what it was asked. */
    static final class Answers implements ConnectAuth {
        final String user;
        final String password;
        final List<List<CredentialType>> asked = new ArrayList<>();

        Answers(String user, String password) {
            this.user = user;
            this.password = password;
        }

        @Override
        public Set<CredentialType> supportedTypes() {
            return Set.of(CredentialType.AUTHNAME, CredentialType.PASSPHRASE, CredentialType.ECHOPROMPT,
                    CredentialType.NOECHOPROMPT, CredentialType.REALM);
        }

        @Override
        public void request(List<Credential> credentials) {
            asked.add(credentials.stream().map(Credential::type).toList());
            for (Credential c : credentials) {
                c.setResult(switch (c.type()) {
                    case AUTHNAME -> user;
                    case PASSPHRASE -> password;
                    default -> null;
                });
            }
        }
    }

    private static Connect open(String uri, ConnectAuth auth) {
        return factory.open(uri, Set.of(), auth);
    }

    @Test
    void digestMd5OnPlainTcpAuthenticatesAndEncrypts() throws Exception {
        try (RecordingProxy proxy = new RecordingProxy(port)) {
            Answers alice = new Answers("alice", "wonderland");
            String uri = "test+tcp://127.0.0.1:" + proxy.port() + "/default";
            String xml;
            try (Connect c = open(uri, alice)) {
                assertThat(c.listAllDomains(Set.of())).extracting(Domain::getName).containsExactly("test");
                xml = c.domainLookupByName("test").getXMLDesc(Set.of());
                assertThat(xml).contains("<name>test</name>");
                assertThat(c.isEncrypted()).isTrue();
                assertThat(c.isSecure()).isTrue();
            }
            // one request, with cyrus-sasl's two questions together
            assertThat(alice.asked).containsExactly(List.of(CredentialType.AUTHNAME, CredentialType.PASSPHRASE));
            // the layer covered every call after authentication: the domain's XML never crossed in clear
            String seen = proxy.serverToClient();
            assertThat(seen).contains("DIGEST-MD5");
            assertThat(seen).doesNotContain("<name>test</name>");
        }
    }

    @Test
    void largeMessagesAndEventsCrossTheLayer() throws Exception {
        // a description far larger than one wrapped buffer, both ways
        String big = "x".repeat(300_000);
        try (Connect c = open(tcpUri(), new Answers("alice", "wonderland"))) {
            Domain d = c.domainLookupByName("test");
            d.setMetadata(org.jvirt.api.DomainMetadataType.DESCRIPTION, big, null, null, Set.of());
            assertThat(d.getMetadata(org.jvirt.api.DomainMetadataType.DESCRIPTION, null, Set.of())).isEqualTo(big);
            BlockingQueue<DomainEvent> events = new LinkedBlockingQueue<>();
            try (EventSubscription s = c.domainEventRegisterAny(null, DomainEventId.LIFECYCLE, events::add)) {
                d.suspend();
                d.resume();
                DomainEvent first = events.poll(10, TimeUnit.SECONDS);
                DomainEvent second = events.poll(10, TimeUnit.SECONDS);
                assertThat(((DomainLifecycleEvent) first).type()).isEqualTo(LifecycleEventType.SUSPENDED);
                assertThat(((DomainLifecycleEvent) second).type()).isEqualTo(LifecycleEventType.RESUMED);
            }
            d.setMetadata(org.jvirt.api.DomainMetadataType.DESCRIPTION, null, null, null, Set.of());
        }
    }

    @Test
    void aWrongPasswordFailsWithTheServersError() {
        assertFails(() -> open(tcpUri(), new Answers("alice", "nope")), ErrorCode.AUTH_FAILED, ErrorDomain.RPC,
                "authentication failed: authentication failed");
        // bob's password is right, but he is not on sasl_allowed_username_list
        assertFails(() -> open(tcpUri(), new Answers("bob", "builder")), ErrorCode.AUTH_FAILED, ErrorDomain.RPC,
                "authentication failed: authentication failed");
    }

    @Test
    void aCallbackThatRefusesEndsTheOpening() {
        ConnectAuth refusing = new ConnectAuth() {
            @Override
            public Set<CredentialType> supportedTypes() {
                return Set.of(CredentialType.AUTHNAME, CredentialType.PASSPHRASE);
            }

            @Override
            public void request(List<Credential> credentials) {
                throw new VirtException(ErrorCode.AUTH_CANCELLED, ErrorDomain.NONE, "no");
            }
        };
        assertFails(() -> open(tcpUri(), refusing), ErrorCode.AUTH_FAILED, ErrorDomain.REMOTE,
                "authentication failed: Failed to collect auth credentials");
        assertFails(() -> open(unixUri(), refusing), ErrorCode.AUTH_FAILED, ErrorDomain.REMOTE,
                "authentication failed: Failed to collect auth credentials");
        // a callback that cannot answer a pass phrase is no better
        ConnectAuth namesOnly = new ConnectAuth() {
            @Override
            public Set<CredentialType> supportedTypes() {
                return Set.of(CredentialType.AUTHNAME);
            }

            @Override
            public void request(List<Credential> credentials) {
                credentials.forEach(c -> c.setResult("alice"));
            }
        };
        assertFails(() -> open(tcpUri(), namesOnly), ErrorCode.AUTH_FAILED, ErrorDomain.REMOTE,
                "authentication failed: Failed to collect auth credentials");
    }

    @Test
    void withoutACallbackNothingCanBeAsked() {
        assertFails(() -> factory.open(tcpUri()), ErrorCode.AUTH_FAILED, ErrorDomain.REMOTE,
                "authentication failed: No authentication callback available");
    }

    @Test
    void scramSha256OnTheUnixSocket() {
        Answers carol = new Answers("carol", "s3cret");
        try (Connect c = open(unixUri(), carol)) {
            assertThat(c.listAllDomains(Set.of())).extracting(Domain::getName).containsExactly("test");
            assertThat(c.domainLookupByName("test").getInfo().state()).isNotNull();
            // libvirt's client counts any SASL session as encryption
            assertThat(c.isEncrypted()).isTrue();
            assertThat(c.isSecure()).isTrue();
        }
        assertThat(carol.asked).containsExactly(List.of(CredentialType.AUTHNAME, CredentialType.PASSPHRASE));
        // alice's entry is her password, from which the daemon makes SCRAM keys
        try (Connect c = open(unixUri(), new Answers("alice", "wonderland"))) {
            assertThat(c.getHostname()).isNotEmpty();
        }
        assertFails(() -> open(unixUri(), new Answers("carol", "S3cret")), ErrorCode.AUTH_FAILED,
                ErrorDomain.RPC, "authentication failed: authentication failed");
        assertFails(() -> open(unixUri(), new Answers("nobody", "s3cret")), ErrorCode.AUTH_FAILED,
                ErrorDomain.RPC, "authentication failed: authentication failed");
    }

    @Test
    void theUrisAuthParameterPicksAsLibvirtsClientDoes() {
        Answers alice = new Answers("alice", "wonderland");
        try (Connect c = open(tcpUri() + "?auth=sasl.DIGEST-MD5", alice)) {
            assertThat(c.getHostname()).isNotEmpty();
        }
        try (Connect c = open(unixUri() + "&auth=SASL", alice)) {
            assertThat(c.getHostname()).isNotEmpty();
        }
        // on plain TCP the daemon offers only DIGEST-MD5
        assertFails(() -> open(tcpUri() + "?auth=sasl.SCRAM-SHA-256", alice), ErrorCode.AUTH_FAILED,
                ErrorDomain.REMOTE, "authentication failed: SASL mechanism SCRAM-SHA-256 not supported by server");
        // libvirt compares mechanism names as they are written
        assertFails(() -> open(tcpUri() + "?auth=sasl.digest-md5", alice), ErrorCode.AUTH_FAILED,
                ErrorDomain.REMOTE, "authentication failed: SASL mechanism digest-md5 not supported by server");
        assertFails(() -> open(tcpUri() + "?auth=polkit", alice), ErrorCode.AUTH_FAILED, ErrorDomain.REMOTE,
                "authentication failed: requested authentication type polkit rejected");
        assertFails(() -> open(tcpUri() + "?auth=none", alice), ErrorCode.AUTH_FAILED, ErrorDomain.REMOTE,
                "authentication failed: unknown authentication type none");
    }

    private static void assertFails(Runnable opening, ErrorCode code, ErrorDomain domain, String message) {
        assertThatThrownBy(opening::run).isInstanceOfSatisfying(VirtException.class, e -> {
            assertThat(e.getMessage()).isEqualTo(message);
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.domain()).isEqualTo(domain);
        });
    }

    /** A TCP proxy on loopback that keeps what the server sent. */
    static final class RecordingProxy implements AutoCloseable {
        private final ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final ByteArrayOutputStream fromServer = new ByteArrayOutputStream();
        private final List<Socket> sockets = new java.util.concurrent.CopyOnWriteArrayList<>();

        RecordingProxy(int target) throws IOException {
            Thread t = new Thread(() -> {
                try {
                    while (true) {
                        Socket client = listener.accept();
                        Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
                        sockets.add(client);
                        sockets.add(server);
                        pump(client, server, b -> { });
                        pump(server, client, this::record);
                    }
                } catch (IOException e) {
                    // the listener closed
                }
            }, "recording-proxy-accept");
            t.setDaemon(true);
            t.start();
        }

        int port() {
            return listener.getLocalPort();
        }

        private synchronized void record(byte[] b) {
            fromServer.writeBytes(b);
        }

        synchronized String serverToClient() {
            return fromServer.toString(StandardCharsets.ISO_8859_1);
        }

        private static void pump(Socket from, Socket to, Consumer<byte[]> tap) {
            Thread t = new Thread(() -> {
                byte[] buf = new byte[65536];
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    for (int n; (n = in.read(buf)) >= 0; ) {
                        tap.accept(java.util.Arrays.copyOf(buf, n));
                        out.write(buf, 0, n);
                        out.flush();
                    }
                } catch (IOException e) {
                    // a side went away
                }
            }, "recording-proxy-pump");
            t.setDaemon(true);
            t.start();
        }

        @Override
        public void close() throws IOException {
            listener.close();
            for (Socket s : sockets) {
                s.close();
            }
        }
    }
}
