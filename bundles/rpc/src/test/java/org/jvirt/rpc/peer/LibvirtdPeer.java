package org.jvirt.rpc.peer;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A private libvirtd 9.0 serving its test driver, started by ../shared/peers/libvirtd-peer.sh and stopped by it. */
final class LibvirtdPeer implements AutoCloseable {
    final Path dir;
    final int port;
    private final Path script;

    private LibvirtdPeer(Path script, Path dir, int port) {
        this.script = script;
        this.dir = dir;
        this.port = port;
    }

    /** Starts one, or skips the test (saying why) when the peer or the shared folder is absent. */
    static LibvirtdPeer start() throws IOException, InterruptedException {
        String shared = System.getProperty("jvirt.shared");
        assumeTrue(shared != null, "jvirt.shared is not set: the libvirtd peer test needs ../shared");
        Path script = Path.of(shared, "peers", "libvirtd-peer.sh");
        assumeTrue(Files.isRegularFile(script), "no " + script + ": the libvirtd peer test is skipped");
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/libvirtd")),
                "libvirtd is not installed (../shared/peers/install.sh installs it): the peer test is skipped");
        Path dir = Files.createTempDirectory("jvirt-rpc-libvirtd");
        int port = freePort();
        Process p = new ProcessBuilder("sh", script.toString(), "start", dir.toString(), Integer.toString(port))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("libvirtd-peer.sh start failed: " + out);
        }
        LibvirtdPeer peer = new LibvirtdPeer(script, dir, port);
        peer.awaitTcp();
        return peer;
    }

    static int freePort() throws IOException {
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

    Path unixSocket() {
        return dir.resolve("run").resolve("libvirt-sock");
    }

    @Override
    public void close() throws Exception {
        Process p = new ProcessBuilder("sh", script.toString(), "stop", dir.toString()).redirectErrorStream(true)
                .start();
        p.getInputStream().readAllBytes();
        p.waitFor(30, TimeUnit.SECONDS);
    }
}
