package org.jvirt.driver.remote;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private libvirtd 9.0 serving its test driver, started and stopped by ../shared/peers/libvirtd-peer.sh; and
 * python-libvirt run against it, for what libvirt's own client gets from the same daemon.
 */
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
        assumeTrue(shared != null, "jvirt.shared is not set: the libvirtd peer tests need ../shared");
        Path script = Path.of(shared, "peers", "libvirtd-peer.sh");
        assumeTrue(Files.isRegularFile(script), "no " + script + ": the libvirtd peer tests are skipped");
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/libvirtd")),
                "libvirtd is not installed (../shared/peers/install.sh installs it): the peer tests are skipped");
        Path dir = Files.createTempDirectory("jvirt-remote-libvirtd");
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

    String tcpUri() {
        return "test+tcp://127.0.0.1:" + port + "/default";
    }

    String unixUri() {
        return "test+unix:///default?socket=" + dir.resolve("run").resolve("libvirt-sock");
    }

    /** Runs {@code code} in python-libvirt with {@code conn} open on {@code uri}; its standard output. */
    static String python(String uri, String code) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "no /usr/bin/python3: comparison skipped");
        String script = "import libvirt, sys\nconn = libvirt.open(sys.argv[1])\n" + code + "\nconn.close()\n";
        // libvirt's default error handler also prints to stderr: only stdout is the answer
        Process p = new ProcessBuilder(List.of("/usr/bin/python3", "-c", script, uri))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            assumeTrue(!out.contains("No module named 'libvirt'"), "python3-libvirt is not installed");
            throw new IllegalStateException("python-libvirt failed: " + out);
        }
        return out;
    }

    @Override
    public void close() throws Exception {
        Process p = new ProcessBuilder("sh", script.toString(), "stop", dir.toString()).redirectErrorStream(true)
                .start();
        p.getInputStream().readAllBytes();
        p.waitFor(30, TimeUnit.SECONDS);
    }
}
