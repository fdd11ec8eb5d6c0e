package org.jvirt.driver.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ServiceLoader;

import org.jvirt.api.ConnectFactory;
import org.jvirt.rpc.peer.LibvirtdPeer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Migration over the remote driver against libvirtd 9.0, whose test driver cannot migrate: every call gives what
 * python-libvirt gets from the same daemon (code, domain, message), through the same checks and feature probes.
 */
class MigrationPeerTest {
    private static LibvirtdPeer peer;
    private static ConnectFactory factory;

    @BeforeAll
    static void startPeer() throws Exception {
        peer = LibvirtdPeer.start();
        factory = ServiceLoader.load(ConnectFactory.class).findFirst().orElseThrow();
    }

    @AfterAll
    static void stopPeer() throws Exception {
        if (peer != null) {
            peer.close();
        }
    }

    @Test
    void everyMigrationCallAnswersAsPythonLibvirtOverTcp() throws Exception {
        String python = PythonLibvirt.run(peer.tcpUri(), MigrationCases.pythonScript());
        assertThat(python.lines().count()).isEqualTo(MigrationCases.count());
        assertThat(MigrationCases.jvirt(factory, peer.tcpUri())).isEqualTo(python);
    }

    @Test
    void everyMigrationCallAnswersAsPythonLibvirtOverTheUnixSocket() throws Exception {
        String python = PythonLibvirt.run(peer.unixUri(), MigrationCases.pythonScript());
        assertThat(MigrationCases.jvirt(factory, peer.unixUri())).isEqualTo(python);
    }
}
