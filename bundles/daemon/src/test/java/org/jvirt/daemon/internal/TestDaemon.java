package org.jvirt.daemon.internal;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import org.jvirt.api.ConnectFactory;

/**
 * A daemon for tests, in this JVM: core's standalone factory with the test driver on the class path, its unix
 * sockets in a temporary home, TCP on a free loopback port when asked. Close it to end everything it started.
 */
final class TestDaemon implements AutoCloseable {
    final Path home;
    final int tcpPort;
    final Daemon daemon;

    private TestDaemon(Path home, int tcpPort, Daemon daemon) {
        this.home = home;
        this.tcpPort = tcpPort;
        this.daemon = daemon;
    }

    static ConnectFactory factory() {
        return ServiceLoader.load(ConnectFactory.class).findFirst()
                .orElseThrow(() -> new AssertionError("no ConnectFactory on the class path"));
    }

    /** Unix sockets and TCP without authentication (said explicitly), plus {@code extra} settings. */
    static TestDaemon start(Path home, Map<String, Object> extra) throws IOException {
        return start(home, extra, factory());
    }

    /** As {@link #start(Path, Map)}, serving the API through {@code factory}. */
    static TestDaemon start(Path home, Map<String, Object> extra, ConnectFactory factory) throws IOException {
        int port = freePort();
        Map<String, Object> cfg = new HashMap<>();
        cfg.put("listen_unix", "1");
        cfg.put("listen_tcp", "1");
        cfg.put("tcp_port", Integer.toString(port));
        cfg.put("auth_tcp", "none");
        cfg.putAll(extra);
        return new TestDaemon(home, port, new Daemon(factory, DaemonConfig.from(cfg, "daemon", home)));
    }

    static TestDaemon start(Path home) throws IOException {
        return start(home, Map.of());
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    Path rwSocket() {
        return home.resolve("run").resolve(DaemonConfig.RW_SOCKET);
    }

    Path roSocket() {
        return home.resolve("run").resolve(DaemonConfig.RO_SOCKET);
    }

    String unixUri() {
        return "test+unix:///default?socket=" + rwSocket();
    }

    String roUri() {
        return "test+unix:///default?socket=" + roSocket();
    }

    String tcpUri() {
        return "test+tcp://127.0.0.1:" + tcpPort + "/default";
    }

    @Override
    public void close() {
        daemon.close();
    }

    /** Runs the daemon until killed, for trying it by hand: TestDaemon HOME. */
    public static void main(String[] args) throws Exception {
        Map<String, Object> cfg = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            cfg.put(kv[0], kv[1]);
        }
        try (TestDaemon d = start(Path.of(args[0]), cfg)) {
            System.out.println(d.unixUri() + "\n" + d.roUri() + "\n" + d.tcpUri());
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
