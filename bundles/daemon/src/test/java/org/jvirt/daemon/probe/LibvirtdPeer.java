package org.jvirt.daemon.probe;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A private libvirtd 9.0 serving its test driver, started and stopped by ../shared/peers/libvirtd-peer.sh. */
public final class LibvirtdPeer implements AutoCloseable {
    public final Path dir;
    public final int port;
    private final Path script;

    private LibvirtdPeer(Path script, Path dir, int port) {
        this.script = script;
        this.dir = dir;
        this.port = port;
    }

    /** Starts one, or skips the test (saying why) when the peer or the shared folder is absent. */
    public static LibvirtdPeer start() throws IOException, InterruptedException {
        String shared = System.getProperty("jvirt.shared");
        assumeTrue(shared != null, "jvirt.shared is not set: the libvirtd peer test needs ../shared");
        Path script = Path.of(shared, "peers", "libvirtd-peer.sh");
        assumeTrue(Files.isRegularFile(script), "no " + script + ": the libvirtd peer test is skipped");
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/libvirtd")),
                "libvirtd is not installed (../shared/peers/install.sh installs it): the peer test is skipped");
        Path dir = Files.createTempDirectory("jvirt-daemon-libvirtd");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process p = new ProcessBuilder("sh", script.toString(), "start", dir.toString(), Integer.toString(port))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("libvirtd-peer.sh start failed: " + out);
        }
        return new LibvirtdPeer(script, dir, port);
    }

    public Path socket() {
        return dir.resolve("run").resolve("libvirt-sock");
    }

    public Path readOnlySocket() {
        return dir.resolve("run").resolve("libvirt-sock-ro");
    }

    @Override
    public void close() throws Exception {
        Process p = new ProcessBuilder("sh", script.toString(), "stop", dir.toString()).redirectErrorStream(true)
                .start();
        p.getInputStream().readAllBytes();
        p.waitFor(30, TimeUnit.SECONDS);
    }
}
