package org.jvirt.driver.remote;

import org.jvirt.rpc.peer.LibvirtdPeer;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ServiceLoader;

import org.jvirt.api.Connect;
import org.jvirt.api.ConnectFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The process transports against the real libvirtd: ext (any command bridging stdin/stdout to the daemon) and ssh,
 * whose client is replaced (libvirt's {@code command} parameter) by a stand-in that runs the far side's command
 * locally, and whose netcat is a small bridge ({@code netcat} parameter): the command line and the bridge shell
 * code are the real ones; only the network hop is left out.
 */
class TransportsPeerTest {
    private static LibvirtdPeer peer;
    private static ConnectFactory factory;
    @TempDir
    static Path tmp;
    private static Path bridge;
    private static Path fakeSsh;

    @BeforeAll
    static void start() throws Exception {
        peer = LibvirtdPeer.start();
        factory = ServiceLoader.load(ConnectFactory.class).findFirst().orElseThrow();
        bridge = script("unix-bridge", """
                #!/usr/bin/python3
                # netcat's -U mode, enough for the test: stdin/stdout <-> a unix socket; "-q" alone prints nothing
                import os, socket, sys, threading
                args = [a for a in sys.argv[1:] if a not in ("-q", "-q0")]
                if "-U" not in args:
                    sys.exit(0)
                s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                s.connect(args[args.index("-U") + 1])
                def up():
                    while True:
                        b = os.read(0, 65536)
                        if not b:
                            s.shutdown(socket.SHUT_WR)
                            return
                        s.sendall(b)
                threading.Thread(target=up, daemon=True).start()
                while True:
                    b = s.recv(65536)
                    if not b:
                        break
                    os.write(1, b)
                """);
        fakeSsh = script("fake-ssh", """
                #!/bin/sh
                # stands in for ssh: records its arguments, runs the far side's command (the last one) here
                printf '%s\\n' "$@" > "$0.args"
                for last; do :; done
                exec sh -c "$last"
                """);
    }

    private static Path script(String name, String text) throws Exception {
        Path p = tmp.resolve(name);
        Files.writeString(p, text);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    @AfterAll
    static void stop() throws Exception {
        if (peer != null) {
            peer.close();
        }
    }

    private static Path socket() {
        return peer.dir.resolve("run").resolve("libvirt-sock");
    }

    @Test
    void extRunsTheCommandAndSpeaksThroughIt() throws Exception {
        // libvirt runs the command as one program, without a shell: a wrapper names the socket
        Path wrapper = script("ext-wrapper", "#!/bin/sh\nexec " + bridge + " -U " + socket() + "\n");
        String uri = "test+ext:///default?command=" + wrapper;
        try (Connect c = factory.open(uri)) {
            assertThat(c.getType()).isEqualTo("TEST");
            assertThat(c.domainLookupByName("test").getID()).isEqualTo(1);
            assertThat(c.isEncrypted()).isFalse();
        }
    }

    @Test
    void sshRunsTheClientWithLibvirtsArgumentsAndTheNetcatBridge() throws Exception {
        String uri = "test+ssh://someone@127.0.0.1:2222/default?command=" + fakeSsh + "&netcat=" + bridge
                + "&socket=" + socket() + "&keyfile=/k/id&no_tty=1";
        try (Connect c = factory.open(uri)) {
            assertThat(c.getHostname()).isNotEmpty();
            assertThat(c.listAllDomains(java.util.Set.of())).extracting(d -> d.getName()).contains("test");
            // ssh's encryption is not the client's own: libvirt counts the channel secure, not encrypted
            assertThat(c.isSecure()).isTrue();
            assertThat(c.isEncrypted()).isFalse();
        }
        String args = Files.readString(Path.of(fakeSsh + ".args"));
        assertThat(args).startsWith("-p\n2222\n-l\nsomeone\n-i\n/k/id\n-T\n-e\nnone\n-o\nBatchMode=yes\n--\n127.0.0.1\n"
                + "sh -c ");
        assertThat(args).contains(" -U ").contains(socket().toString());
    }
}
