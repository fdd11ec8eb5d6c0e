package org.jvirt.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import org.jvirt.api.ConnectFactory;
import org.jvirt.rpc.peer.LibvirtdPeer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shell's whole virsh parity session (bundles/shell's {@code parity/session.txt}: every command the shell has
 * for the test driver, its options and its errors) run twice against a libvirtd 9.0 serving its test driver: once
 * by the real virsh, once by jvirt's shell over the remote driver, each against a fresh daemon (the session changes
 * the daemon's state). stdout and stderr must be equal byte for byte after {@link VirshParityTest#normalize} (the
 * banner, the prompts, the test driver's clock in dominfo). The malformed document's error is the server's own
 * message on both sides, so unlike the local session it is compared whole. Skipped, saying so, without virsh or
 * the peer.
 */
class ShellSessionOverRemoteTest {
    private static final Path VIRSH = Path.of("/usr/bin/virsh");

    @TempDir
    Path dir;

    @Test
    void theParitySessionPrintsWhatVirshPrints() throws Exception {
        compare(false);
    }

    @Test
    void theQuietParitySessionPrintsWhatVirshPrints() throws Exception {
        compare(true);
    }

    private void compare(boolean quiet) throws Exception {
        assumeTrue(Files.isExecutable(VIRSH), "virsh is not installed at " + VIRSH + ": the comparison is skipped");
        String[] virsh;
        try (LibvirtdPeer peer = LibvirtdPeer.start()) {
            virsh = VirshParityTest.runVirsh(dir, peer.tcpUri(), VirshParityTest.session(dir, peer.tcpUri()), quiet);
            virsh = new String[] {virsh[0].replace(peer.tcpUri(), "URI"), virsh[1].replace(peer.tcpUri(), "URI")};
        }
        ShellHarness.Run jvirt;
        try (LibvirtdPeer peer = LibvirtdPeer.start()) {
            ConnectFactory factory = ServiceLoader.load(ConnectFactory.class).findFirst().orElseThrow();
            jvirt = new ShellHarness(factory).run(peer.tcpUri(), quiet, VirshParityTest.session(dir, peer.tcpUri()));
            jvirt = new ShellHarness.Run(jvirt.status(), jvirt.out().replace(peer.tcpUri(), "URI"),
                    jvirt.err().replace(peer.tcpUri(), "URI"));
        }
        keep(quiet ? "-quiet" : "", virsh, jvirt);
        assertThat(VirshParityTest.normalize(jvirt.out(), "jvirt"))
                .isEqualTo(VirshParityTest.normalize(virsh[0], "virsh"));
        assertThat(jvirt.err()).isEqualTo(virsh[1]);
    }

    /** Both sides' output in target/parity-remote, to diff when the check fails. */
    private static void keep(String suffix, String[] virsh, ShellHarness.Run jvirt) throws IOException {
        Path target = Path.of("target", "parity-remote");
        Files.createDirectories(target);
        Files.writeString(target.resolve("virsh" + suffix + ".out"), VirshParityTest.normalize(virsh[0], "virsh"));
        Files.writeString(target.resolve("virsh" + suffix + ".err"), virsh[1]);
        Files.writeString(target.resolve("jvirt" + suffix + ".out"), VirshParityTest.normalize(jvirt.out(), "jvirt"));
        Files.writeString(target.resolve("jvirt" + suffix + ".err"), jvirt.err());
    }
}
