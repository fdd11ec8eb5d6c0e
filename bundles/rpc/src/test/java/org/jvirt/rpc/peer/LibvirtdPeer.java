package org.jvirt.rpc.peer;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A private libvirtd 9.0 serving its test driver, started and stopped by ../shared/peers/libvirtd-peer.sh. Shared
 * with the daemon's and the remote driver's tests through this module's test-jar.
 */
public final class LibvirtdPeer implements AutoCloseable {
    public final Path dir;
    public final int port;
    private final Path script;

    private LibvirtdPeer(Path script, Path dir, int port) {
        this.script = script;
        this.dir = dir;
        this.port = port;
    }

    /** Starts one listening on TCP, or skips the test (saying why) when the peer or the shared folder is absent. */
    public static LibvirtdPeer start() throws IOException, InterruptedException {
        String shared = System.getProperty("jvirt.shared");
        assumeTrue(shared != null, "jvirt.shared is not set: the libvirtd peer tests need ../shared");
        Path script = Path.of(shared, "peers", "libvirtd-peer.sh");
        assumeTrue(Files.isRegularFile(script), "no " + script + ": the libvirtd peer tests are skipped");
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/libvirtd")),
                "libvirtd is not installed (../shared/peers/install.sh installs it): the peer tests are skipped");
        Path dir = Files.createTempDirectory("jvirt-libvirtd-peer");
        int port = freePort();
        Process p = new ProcessBuilder("sh", script.toString(), "start", dir.toString(), Integer.toString(port))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("libvirtd-peer.sh start failed: " + out);
        }
        LibvirtdPeer peer = new LibvirtdPeer(script, dir, port);
        peer.awaitTcp();
        return peer;
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private void awaitTcp() throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("libvirtd does not listen on " + port);
    }

    public Path unixSocket() {
        return dir.resolve("run").resolve("libvirt-sock");
    }

    public Path readOnlySocket() {
        return dir.resolve("run").resolve("libvirt-sock-ro");
    }

    public String tcpUri() {
        return "test+tcp://127.0.0.1:" + port + "/default";
    }

    public String unixUri() {
        return "test+unix:///default?socket=" + unixSocket();
    }

    /** Stops the daemon and waits (up to 30 s) until its process has gone. */
    @Override
    public void close() throws Exception {
        Path pidFile = dir.resolve("run").resolve("libvirtd.pid");
        String pid = Files.exists(pidFile) ? Files.readString(pidFile).trim() : "";
        Process p = new ProcessBuilder("sh", script.toString(), "stop", dir.toString()).redirectErrorStream(true)
                .start();
        p.getInputStream().readAllBytes();
        p.waitFor(30, TimeUnit.SECONDS);
        if (!pid.isEmpty()) {
            Optional<ProcessHandle> daemon = ProcessHandle.of(Long.parseLong(pid));
            if (daemon.isPresent()) {
                daemon.get().onExit().get(30, TimeUnit.SECONDS);
            }
        }
    }
}
