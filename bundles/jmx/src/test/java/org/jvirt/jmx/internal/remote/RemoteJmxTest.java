package org.jvirt.jmx.internal.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jvirt.jmx.internal.remote.RemoteFixture.ALICE;
import static org.jvirt.jmx.internal.remote.RemoteFixture.ALICE_PASSWORD;
import static org.jvirt.jmx.internal.remote.RemoteFixture.BOB;
import static org.jvirt.jmx.internal.remote.RemoteFixture.BOB_PASSWORD;
import static org.jvirt.jmx.internal.remote.RemoteFixture.CAROL;
import static org.jvirt.jmx.internal.remote.RemoteFixture.CAROL_PASSWORD;
import static org.jvirt.jmx.internal.remote.RemoteFixture.listening;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.management.Attribute;
import javax.management.AttributeChangeNotification;
import javax.management.MBeanServerConnection;
import javax.management.Notification;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.remote.JMXConnector;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.Connect;
import org.jvirt.api.DomainState;
import org.jvirt.jmx.JvirtObjectNames;
import org.jvirt.jmx.internal.ExportedHost;

/**
 * The connector over real RMI, as JConsole reaches it: JMXConnectorFactory, a user name and a password; the test
 * driver's host exported as jvirt does.
 */
class RemoteJmxTest {
    static final String URI = "test:///default";
    static final ObjectName CONNECTION = JvirtObjectNames.connection(URI);
    static final ObjectName TEST = JvirtObjectNames.domain(URI, "test");

    @TempDir
    Path etc;
    private RemoteFixture fixture;
    private ExportedHost host;
    private RemoteJmxComponent component;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new RemoteFixture(etc);
        host = new ExportedHost(URI);
    }

    @AfterEach
    void tearDown() {
        if (component != null) {
            component.deactivate();
        }
        host.close();
        assertThat(System.getProperty(RmiHostname.PROPERTY)).as("the JVM's RMI host name left as it was").isNull();
    }

    private RemoteJmxComponent start(Map<String, Object> config) {
        component = new RemoteJmxComponent(ManagementFactory.getPlatformMBeanServer(), etc, config);
        return component;
    }

    @Test
    void withoutConfigurationNothingListens() {
        start(Map.of(RemoteJmxSettings.REGISTRY_PORT, Integer.toString(fixture.registryPort),
                RemoteJmxSettings.SERVER_PORT, Integer.toString(fixture.serverPort)));

        assertThat(component.address()).isEmpty();
        assertThat(listening(fixture.registryPort)).isFalse();
        assertThat(listening(fixture.serverPort)).isFalse();
    }

    @Test
    void aPlatformStartedForOneCommandNeverListens() {
        component = new RemoteJmxComponent(ManagementFactory.getPlatformMBeanServer(), etc, fixture.config(),
                "command");

        assertThat(component.address()).isEmpty();
        assertThat(listening(fixture.registryPort)).isFalse();
        assertThat(listening(fixture.serverPort)).isFalse();
    }

    @Test
    void aReadWriteUserReadsInvokesAndReceivesTheNotifications() throws Exception {
        start(fixture.config());
        assertThat(component.address().map(Object::toString))
                .contains("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + fixture.registryPort + "/jmxrmi");

        try (JMXConnector jmx = RemoteFixture.connect(fixture.url(), ALICE, ALICE_PASSWORD);
                Connect api = host.factory().open(URI)) {
            MBeanServerConnection server = jmx.getMBeanServerConnection();
            assertThat(server.getAttribute(CONNECTION, "HypervisorType")).isEqualTo("TEST");
            assertThat(server.getAttribute(TEST, "State")).isEqualTo("running");
            assertThat(server.queryNames(JvirtObjectNames.all(), null)).contains(CONNECTION, TEST);
            BlockingQueue<Notification> received = new LinkedBlockingQueue<>();
            server.addNotificationListener(TEST, (n, h) -> received.add(n), null, null);

            server.invoke(TEST, "suspend", new Object[0], new String[0]);

            assertThat(api.domainLookupByName("test").getState().state()).isEqualTo(DomainState.PAUSED);
            Notification first = poll(received);
            Notification second = poll(received);
            AttributeChangeNotification change = (AttributeChangeNotification) first;
            assertThat(change.getAttributeName()).isEqualTo("State");
            assertThat(change.getOldValue()).isEqualTo("running");
            assertThat(change.getNewValue()).isEqualTo("paused");
            assertThat(second.getType()).isEqualTo("jvirt.domain.lifecycle");
            assertThat(((CompositeData) second.getUserData()).get("event")).isEqualTo("Suspended");

            server.setAttribute(TEST, new Attribute("Autostart", true));
            assertThat(api.domainLookupByName("test").getAutostart()).isTrue();
        }
    }

    @Test
    void aReadOnlyUserReadsAndListensButIsRefusedEveryChange() throws Exception {
        start(fixture.config());

        try (JMXConnector jmx = RemoteFixture.connect(fixture.url(), BOB, BOB_PASSWORD);
                Connect api = host.factory().open(URI)) {
            MBeanServerConnection server = jmx.getMBeanServerConnection();
            assertThat(server.getAttribute(TEST, "State")).isEqualTo("running");
            assertThat(server.getMBeanInfo(TEST).getOperations()).isNotEmpty();
            BlockingQueue<Notification> received = new LinkedBlockingQueue<>();
            server.addNotificationListener(TEST, (n, h) -> received.add(n), null, null);

            assertThatThrownBy(() -> server.invoke(TEST, "destroy", new Object[0], new String[0]))
                    .isInstanceOf(SecurityException.class)
                    .hasMessage("Access denied: a read-only user may not invoke destroy on " + TEST);
            assertThatThrownBy(() -> server.setAttribute(TEST, new Attribute("Autostart", true)))
                    .isInstanceOf(SecurityException.class);
            assertThatThrownBy(() -> server.createMBean("javax.management.loading.MLet",
                    new ObjectName("jvirt.test:type=MLet"))).isInstanceOf(SecurityException.class);
            assertThatThrownBy(() -> server.unregisterMBean(TEST)).isInstanceOf(SecurityException.class);

            assertThat(api.domainLookupByName("test").getState().state()).isEqualTo(DomainState.RUNNING);
            assertThat(api.domainLookupByName("test").getAutostart()).isFalse();
            // a change made elsewhere still reaches the read-only listener
            api.domainLookupByName("test").suspend();
            assertThat(((AttributeChangeNotification) poll(received)).getNewValue()).isEqualTo("paused");
        }
    }

    @Test
    void clientsWithoutRightCredentialsAreRefused() {
        start(fixture.config());

        for (String[] c : new String[][] {{ALICE, "wrong"}, {"mallory", ALICE_PASSWORD}, {CAROL, CAROL_PASSWORD}}) {
            assertThatThrownBy(() -> RemoteFixture.connect(fixture.url(), c[0], c[1]).close())
                    .as(c[0]).isInstanceOf(SecurityException.class).hasMessage("Authentication failed");
        }
        assertThatThrownBy(() -> RemoteFixture.connect(fixture.url(), null, null).close())
                .isInstanceOf(SecurityException.class)
                .hasMessage("Authentication failed: a user name and a password are required");
    }

    @Test
    void theConnectorFollowsItsConfigurationAtRunTime() throws Exception {
        start(fixture.config());
        assertThat(listening(fixture.registryPort)).isTrue();
        assertThat(listening(fixture.serverPort)).isTrue();

        int otherRegistry = RemoteFixture.freePort();
        component.modified(fixture.config(RemoteJmxSettings.REGISTRY_PORT, Integer.toString(otherRegistry)));

        assertThat(listening(fixture.registryPort)).as("the old registry port is free").isFalse();
        try (JMXConnector jmx = RemoteFixture.connect(RemoteFixture.url(otherRegistry), ALICE, ALICE_PASSWORD)) {
            assertThat(jmx.getMBeanServerConnection().isRegistered(TEST)).isTrue();
        }

        component.modified(fixture.config(RemoteJmxSettings.ENABLED, "false"));

        assertThat(component.address()).isEmpty();
        assertThat(listening(otherRegistry)).isFalse();
        assertThat(listening(fixture.serverPort)).isFalse();

        component.modified(fixture.config());
        try (JMXConnector jmx = RemoteFixture.connect(fixture.url(), BOB, BOB_PASSWORD)) {
            assertThat(jmx.getMBeanServerConnection().isRegistered(TEST)).as("back on the first ports").isTrue();
        }

        component.deactivate();
        component = null;
        assertThat(listening(fixture.registryPort)).isFalse();
        assertThat(listening(fixture.serverPort)).isFalse();
    }

    @Test
    void aBadConfigurationListensOnNothing() throws Exception {
        Files.delete(etc.resolve("jmx.password"));
        start(fixture.config());
        assertThat(component.address()).isEmpty();
        assertThat(listening(fixture.registryPort)).isFalse();

        component.modified(fixture.config(RemoteJmxSettings.ENABLED, "perhaps"));
        assertThat(component.address()).isEmpty();

        // the password file made and the configuration saved again: it starts
        new RemoteFixture(etc);
        component.modified(fixture.config());
        assertThat(component.address()).isPresent();
    }

    @Test
    void aPasswordFileOthersMayReadKeepsTheConnectorOff() throws Exception {
        Files.setPosixFilePermissions(etc.resolve("jmx.password"),
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));

        start(fixture.config());

        assertThat(component.address()).isEmpty();
        assertThat(listening(fixture.registryPort)).isFalse();
    }

    @Test
    void aPortInUseKeepsTheConnectorOffAndLeavesTheOtherFree() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(fixture.serverPort, 0,
                InetAddress.getLoopbackAddress())) {
            assertThat(taken.isBound()).isTrue();
            start(fixture.config());

            assertThat(component.address()).isEmpty();
            assertThat(listening(fixture.registryPort)).isFalse();
        }
        component.deactivate();
        try (java.net.ServerSocket taken = new java.net.ServerSocket(fixture.registryPort, 0,
                InetAddress.getLoopbackAddress())) {
            assertThat(taken.isBound()).isTrue();
            start(fixture.config());

            assertThat(component.address()).isEmpty();
            assertThat(listening(fixture.serverPort)).as("the connector was taken down again").isFalse();
        }
        // both free again: it starts
        component.modified(fixture.config(RemoteJmxSettings.SERVER_PORT, Integer.toString(fixture.serverPort)));
        assertThat(component.address()).isPresent();
    }

    @Test
    void byDefaultOnlyLoopbackListens() throws Exception {
        Optional<InetAddress> outside = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress()).findFirst();
        Assumptions.assumeTrue(outside.isPresent(), "this machine has no address but loopback");

        start(fixture.config());

        assertThat(listening(fixture.registryPort)).isTrue();
        assertThat(listening(outside.get(), fixture.registryPort)).as("registry on " + outside.get()).isFalse();
        assertThat(listening(outside.get(), fixture.serverPort)).as("connector on " + outside.get()).isFalse();
    }

    private static Notification poll(BlockingQueue<Notification> queue) throws InterruptedException {
        Notification n = queue.poll(10, TimeUnit.SECONDS);
        assertThat(n).as("a notification within 10 s").isNotNull();
        return n;
    }
}
