package org.jvirt.daemon.internal;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.jvirt.api.ConnectFactory;

/**
 * jvirt's daemon in this JVM over {@code factory}, for the remote driver's tests: its unix sockets under the home's
 * {@code run/} and loopback TCP on a free port, without authentication.
 */
public final class InProcessDaemon implements AutoCloseable {
    private final Daemon daemon;
    private final int port;

    private InProcessDaemon(Daemon daemon, int port) {
        this.daemon = daemon;
        this.port = port;
    }

    /** A daemon over {@code factory} with its home in {@code home}. */
    public static InProcessDaemon start(ConnectFactory factory, Path home) throws java.io.IOException {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Map<String, Object> cfg = new HashMap<>();
        cfg.put("listen_unix", "1");
        cfg.put("listen_tcp", "1");
        cfg.put("tcp_port", Integer.toString(port));
        cfg.put("auth_tcp", "none");
        return new InProcessDaemon(new Daemon(factory, DaemonConfig.from(cfg, "daemon", home)), port);
    }

    /** The test driver's default host through the read-write unix socket of a daemon whose home is {@code home}. */
    public static String unixUri(Path home) {
        return "test+unix:///default?socket=" + home.resolve("run").resolve(DaemonConfig.RW_SOCKET);
    }

    /** The test driver's default host through this daemon. */
    public String testUri() {
        return "test+tcp://127.0.0.1:" + port + "/default";
    }

    @Override
    public void close() {
        daemon.close();
    }
}
