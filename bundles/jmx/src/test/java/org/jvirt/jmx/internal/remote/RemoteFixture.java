package org.jvirt.jmx.internal.remote;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;

import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * What the remote JMX tests share: an etc/ folder with a private password file and an access file (alice may write,
 * bob may read, carol has a password but no role), free ports, and a client that connects as JConsole does.
 */
final class RemoteFixture {
    static final String ALICE = "alice";
    static final String ALICE_PASSWORD = "alice-secret";
    static final String BOB = "bob";
    static final String BOB_PASSWORD = "bob-secret";
    static final String CAROL = "carol";
    static final String CAROL_PASSWORD = "carol-secret";

    final Path etc;
    final int registryPort;
    final int serverPort;

    RemoteFixture(Path etc) throws IOException {
        this.etc = etc;
        Path passwords = etc.resolve("jmx.password");
        Files.writeString(passwords, "# user password\n" + ALICE + " " + ALICE_PASSWORD + "\n" + BOB + " "
                + BOB_PASSWORD + "\n\n" + CAROL + " " + CAROL_PASSWORD + "\n");
        Files.setPosixFilePermissions(passwords, PosixFilePermissions.fromString("rw-------"));
        Files.writeString(etc.resolve("jmx.access"), "# user role\n" + ALICE + " readwrite\n" + BOB + " readonly\n");
        this.registryPort = freePort();
        this.serverPort = freePort();
    }

    /** The configuration of a connector on this fixture's ports, with {@code extra} on top. */
    Map<String, Object> config(Object... extra) {
        Map<String, Object> config = new HashMap<>();
        config.put(RemoteJmxSettings.ENABLED, "true");
        config.put(RemoteJmxSettings.REGISTRY_PORT, Integer.toString(registryPort));
        config.put(RemoteJmxSettings.SERVER_PORT, Integer.toString(serverPort));
        for (int i = 0; i < extra.length; i += 2) {
            config.put((String) extra[i], extra[i + 1]);
        }
        return config;
    }

    JMXServiceURL url() {
        return url(registryPort);
    }

    static JMXServiceURL url(int registryPort) {
        try {
            return new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + registryPort + "/jmxrmi");
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Connects as JConsole does: JMXConnectorFactory with a user name and password. */
    static JMXConnector connect(JMXServiceURL url, String user, String password, Object... env) throws IOException {
        Map<String, Object> map = new HashMap<>();
        if (user != null) {
            map.put(JMXConnector.CREDENTIALS, new String[] {user, password});
        }
        for (int i = 0; i < env.length; i += 2) {
            map.put((String) env[i], env[i + 1]);
        }
        return JMXConnectorFactory.connect(url, map);
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether something accepts connections on {@code address:port}. */
    static boolean listening(InetAddress address, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(address, port), 2000);
            return true;
        } catch (ConnectException e) {
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    static boolean listening(int port) {
        return listening(InetAddress.getLoopbackAddress(), port);
    }
}
