package org.jvirt.daemon.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ServiceLoader;

import org.jvirt.api.Connect;
import org.jvirt.api.ConnectFactory;
import org.jvirt.driver.remote.FilesPeerTest;
import org.jvirt.driver.remote.PythonLibvirt;
import org.jvirt.rpc.peer.LibvirtdPeer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Open files passed to jvirt's daemon (in this JVM, serving the test driver): python-libvirt gets from it what it
 * gets from libvirtd 9.0 (FilesPeerTest's steps, over the unix socket and TCP), and jvirt's remote driver gets
 * from it what python-libvirt gets.
 */
class FilesOnJvirtDaemonTest {
    @TempDir
    static Path home;
    private static ConnectFactory factory;
    private static InProcessDaemon daemon;

    @BeforeAll
    static void start() throws IOException {
        factory = ServiceLoader.load(ConnectFactory.class).findFirst().orElseThrow();
        daemon = InProcessDaemon.start(factory, home);
    }

    @AfterAll
    static void stop() {
        if (daemon != null) {
            daemon.close();
        }
    }

    private static String unixUri() {
        return InProcessDaemon.unixUri(home);
    }

    @Test
    void jvirtsRemoteDriverGetsWhatPythonLibvirtGetsOverTheUnixSocket() throws Exception {
        String py = PythonLibvirt.run(unixUri(), FilesPeerTest.PYTHON);
        String mine;
        try (Connect c = factory.open(unixUri())) {
            mine = FilesPeerTest.jvirtSteps(c);
        }
        assertThat(mine).isEqualTo(py);
        assertThat(py).contains("createXMLWithFiles OK fdtest", "createWithFiles-three OK 0");
    }

    @Test
    void pythonLibvirtGetsWhatLibvirtdGivesOverTheUnixSocketAndTcp() throws Exception {
        String unix = PythonLibvirt.run(unixUri(), FilesPeerTest.PYTHON);
        String tcp = PythonLibvirt.run(daemon.testUri(), FilesPeerTest.PYTHON);
        try (LibvirtdPeer peer = LibvirtdPeer.start()) {
            assertThat(unix).isEqualTo(PythonLibvirt.run(peer.unixUri(), FilesPeerTest.PYTHON));
            assertThat(tcp).isEqualTo(PythonLibvirt.run(peer.tcpUri(), FilesPeerTest.PYTHON));
        }
    }

    @Test
    void overTcpTheRemoteDriverFailsAsPythonLibvirtDoes() throws Exception {
        String py = PythonLibvirt.run(daemon.testUri(), FilesPeerTest.PYTHON);
        String mine;
        try (Connect c = factory.open(daemon.testUri())) {
            mine = FilesPeerTest.jvirtSteps(c);
        }
        String first = "createXMLWithFiles ERR 1 7 internal error: Sending file descriptors is not supported on this "
                + "socket\n";
        assertThat(py).startsWith(first).endsWith("isAlive OK 0\n");
        assertThat(mine).startsWith(first).endsWith("isAlive OK 0\n");
    }
}
