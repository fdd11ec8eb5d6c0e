package org.jvirt.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.inject.Inject;
import javax.management.AttributeChangeNotification;
import javax.management.MBeanServerConnection;
import javax.management.Notification;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import org.jvirt.api.Connect;
import org.jvirt.api.ConnectFactory;
import org.jvirt.api.DomainState;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Remote JMX in the real platform, reached as a console reaches it: remote JMX is switched on through ConfigAdmin
 * at run time (as etc/org.jvirt.jmx.remote.cfg would be), then clients connect with JMXConnectorFactory, a user name
 * and a password. The read-write user reads, invokes a lifecycle operation and receives its notifications; the
 * read-only user reads and receives notifications but is refused the operation; Driver MBeans follow a driver
 * dropped into deploy/ and removed; removing the configuration closes the ports.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RemoteJmxIT {
    static final String PID = "org.jvirt.jmx.remote";
    static final ObjectName CONNECTION = name("org.jvirt:type=Connection,uri=" + ObjectName.quote("test:///default"));
    static final ObjectName TEST = name("org.jvirt:type=Domain,connection=" + ObjectName.quote("test:///default")
            + ",name=" + ObjectName.quote("test"));

    @Inject
    BundleContext context;

    @Inject
    ConnectFactory factory;

    @Inject
    ConfigurationAdmin configurations;

    @Configuration
    public Option[] config() {
        return PlatformOptions.platform("remotejmx");
    }

    @Test
    public void aConsoleConnectsReadsInvokesListensAndTheReadOnlyUserIsRefused() throws Exception {
        Path etc = Files.createDirectories(Path.of(context.getProperty("jvirt.home"), "etc"));
        Path passwords = etc.resolve("jmx.password");
        Files.writeString(passwords, "operator op-secret\nwatcher watch-secret\n");
        Files.setPosixFilePermissions(passwords, PosixFilePermissions.fromString("rw-------"));
        Files.writeString(etc.resolve("jmx.access"), "operator readwrite\nwatcher readonly\n");
        int registryPort = freePort();
        int serverPort = freePort();
        assertFalse("nothing listens before remote JMX is configured", listening(registryPort));

        org.osgi.service.cm.Configuration remote = configurations.getConfiguration(PID, "?");
        Hashtable<String, Object> settings = new Hashtable<>();
        settings.put("enabled", "true");
        settings.put("registry.port", Integer.toString(registryPort));
        settings.put("server.port", Integer.toString(serverPort));
        remote.update(settings);
        JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + registryPort + "/jmxrmi");
        assertTrue("the connector answers once configured", Await.until(() -> answers(url), 10_000));

        try (JMXConnector operator = connect(url, "operator", "op-secret");
                JMXConnector watcher = connect(url, "watcher", "watch-secret");
                Connect api = factory.open("test:///default")) {
            MBeanServerConnection rw = operator.getMBeanServerConnection();
            MBeanServerConnection ro = watcher.getMBeanServerConnection();
            assertTrue("the MBeans are there", Await.until(() -> registered(ro, TEST), 10_000));

            // reads, for both
            assertEquals("TEST", rw.getAttribute(CONNECTION, "HypervisorType"));
            assertEquals("running", ro.getAttribute(TEST, "State"));
            assertEquals(2, ro.getAttribute(TEST, "CPUs"));
            ObjectName testDriver = name("org.jvirt:type=Driver,name=\"test\"");
            assertEquals("ACTIVE", ro.getAttribute(testDriver, "State"));
            assertEquals(Arrays.asList("test"), Arrays.asList((String[]) ro.getAttribute(testDriver, "URISchemes")));

            BlockingQueue<Notification> seenByOperator = new LinkedBlockingQueue<>();
            BlockingQueue<Notification> seenByWatcher = new LinkedBlockingQueue<>();
            rw.addNotificationListener(TEST, (n, h) -> seenByOperator.add(n), null, null);
            ro.addNotificationListener(TEST, (n, h) -> seenByWatcher.add(n), null, null);

            // the read-only user may not change anything
            try {
                ro.invoke(TEST, "suspend", new Object[0], new String[0]);
                fail("a read-only user invoked an operation");
            } catch (SecurityException e) {
                assertEquals("Access denied: a read-only user may not invoke suspend on " + TEST, e.getMessage());
            }
            assertEquals(DomainState.RUNNING, api.domainLookupByName("test").getState().state());

            // the operator may, and both hear of it
            rw.invoke(TEST, "suspend", new Object[0], new String[0]);
            assertEquals(DomainState.PAUSED, api.domainLookupByName("test").getState().state());
            for (BlockingQueue<Notification> seen : java.util.List.of(seenByOperator, seenByWatcher)) {
                AttributeChangeNotification change = (AttributeChangeNotification) next(seen);
                assertEquals("running", change.getOldValue());
                assertEquals("paused", change.getNewValue());
                Notification lifecycle = next(seen);
                assertEquals("jvirt.domain.lifecycle", lifecycle.getType());
                assertEquals("event 'lifecycle' for domain 'test': Suspended Paused", lifecycle.getMessage());
                assertEquals("Suspended", ((CompositeData) lifecycle.getUserData()).get("event"));
            }
            rw.invoke(TEST, "resume", new Object[0], new String[0]);
            assertEquals("running", ro.getAttribute(TEST, "State"));

            // a driver dropped into deploy/ becomes an MBean, and goes with its jar
            Path deploy = Path.of(context.getProperty("felix.fileinstall.dir"));
            Path jar = jarIn(Path.of(System.getProperty("jvirt.fixtures"), "alpha", "target"));
            Path dropped = deploy.resolve(jar.getFileName());
            Files.copy(jar, dropped, StandardCopyOption.REPLACE_EXISTING);
            ObjectName alpha = name("org.jvirt:type=Driver,name=\"alpha\"");
            assertTrue("the dropped driver's MBean comes", Await.until(() -> registered(ro, alpha), 15_000));
            assertTrue("it reads ACTIVE once started", Await.until(() -> "ACTIVE".equals(attribute(ro, alpha,
                    "State")), 15_000));
            Files.delete(dropped);
            assertTrue("the removed driver's MBean goes", Await.until(() -> !registered(ro, alpha), 15_000));
        }

        // wrong passwords get nowhere
        try {
            connect(url, "operator", "wrong").close();
            fail("a wrong password connected");
        } catch (SecurityException e) {
            assertEquals("Authentication failed", e.getMessage());
        }

        remote.delete();
        assertTrue("the ports close with the configuration", Await.until(
                () -> !listening(registryPort) && !listening(serverPort), 10_000));
    }

    /** Connects as JConsole does; the JDK finds its RMI connector and JNDI's rmi: URLs through its own loader. */
    private static JMXConnector connect(JMXServiceURL url, String user, String password) throws IOException {
        Map<String, Object> env = new HashMap<>();
        env.put(JMXConnector.CREDENTIALS, new String[] {user, password});
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(null);
        try {
            return JMXConnectorFactory.connect(url, env);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static boolean answers(JMXServiceURL url) {
        try (JMXConnector c = connect(url, "watcher", "watch-secret")) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Notification next(BlockingQueue<Notification> queue) throws InterruptedException {
        Notification n = queue.poll(10, TimeUnit.SECONDS);
        assertNotNull("a notification within 10 s", n);
        return n;
    }

    private static boolean registered(MBeanServerConnection server, ObjectName name) {
        try {
            return server.isRegistered(name);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object attribute(MBeanServerConnection server, ObjectName name, String attribute) {
        try {
            return server.getAttribute(name, attribute);
        } catch (Exception e) {
            return null;
        }
    }

    private static Path jarIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            Optional<Path> jar = files.filter(p -> p.toString().endsWith(".jar")).findFirst();
            return jar.orElseThrow(() -> new IllegalStateException("no jar in " + folder));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static ObjectName name(String text) {
        try {
            return new ObjectName(text);
        } catch (javax.management.MalformedObjectNameException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
