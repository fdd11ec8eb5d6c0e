package org.jvirt.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import org.jvirt.api.ConnectFactory;
import org.jvirt.daemon.internal.InProcessDaemon;
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

    /**
     * A jvirt host managed from another jvirt platform: jvirt's shell over the remote driver against jvirt's daemon
     * (in this JVM, serving jvirt's test driver) prints what virsh prints on libvirt's test driver in-process, with
     * the local session's one allowance (libxml2's wording of the malformed document, the session's last command).
     * The reference is not virsh through libvirtd: libvirtd 9.0 fails freepages of its test driver with "Library
     * function returned error but did not set virError", where the driver itself answers.
     */
    @Test
    void theParitySessionThroughJvirtsDaemonPrintsWhatVirshPrintsOnTheTestDriver() throws Exception {
        assumeTrue(Files.isExecutable(VIRSH), "virsh is not installed at " + VIRSH + ": the comparison is skipped");
        String local = "test:///default";
        String[] virsh = VirshParityTest.runVirsh(dir, local, VirshParityTest.session(dir, local), false);
        virsh = new String[] {virsh[0].replace(local, "URI"), virsh[1].replace(local, "URI")};
        ConnectFactory factory = ServiceLoader.load(ConnectFactory.class).findFirst().orElseThrow();
        ShellHarness.Run jvirt;
        try (InProcessDaemon daemon = InProcessDaemon.start(factory, Files.createDirectories(dir.resolve("home")))) {
            jvirt = jvirtShell(factory, daemon.testUri(), false);
        }
        keep("-jvirt-daemon", virsh, jvirt);
        assertThat(VirshParityTest.normalize(jvirt.out(), "jvirt"))
                .isEqualTo(VirshParityTest.normalize(virsh[0], "virsh"));
        String[] virshErr = VirshParityTest.cutAfterMalformedXml(virsh[1]);
        String[] jvirtErr = VirshParityTest.cutAfterMalformedXml(jvirt.err());
        assertThat(jvirtErr[0]).isEqualTo(virshErr[0]);
        assertThat(jvirtErr[1]).startsWith("error: ");
    }

    private void compare(boolean quiet) throws Exception {
        assumeTrue(Files.isExecutable(VIRSH), "virsh is not installed at " + VIRSH + ": the comparison is skipped");
        String[] virsh = virshOnPeer(quiet);
        ShellHarness.Run jvirt;
        try (LibvirtdPeer peer = LibvirtdPeer.start()) {
            jvirt = jvirtShell(ServiceLoader.load(ConnectFactory.class).findFirst().orElseThrow(), peer.tcpUri(),
                    quiet);
        }
        check(quiet ? "-quiet" : "", virsh, jvirt);
    }

    /** virsh's session against a fresh libvirtd, its URI replaced by "URI". */
    private String[] virshOnPeer(boolean quiet) throws Exception {
        try (LibvirtdPeer peer = LibvirtdPeer.start()) {
            String[] virsh = VirshParityTest.runVirsh(dir, peer.tcpUri(), VirshParityTest.session(dir, peer.tcpUri()),
                    quiet);
            return new String[] {virsh[0].replace(peer.tcpUri(), "URI"), virsh[1].replace(peer.tcpUri(), "URI")};
        }
    }

    /** jvirt's shell's session against {@code uri}, the URI replaced by "URI". */
    private ShellHarness.Run jvirtShell(ConnectFactory factory, String uri, boolean quiet) throws IOException {
        ShellHarness.Run run = new ShellHarness(factory).run(uri, quiet, VirshParityTest.session(dir, uri));
        return new ShellHarness.Run(run.status(), run.out().replace(uri, "URI"), run.err().replace(uri, "URI"));
    }

    private static void check(String suffix, String[] virsh, ShellHarness.Run jvirt) throws IOException {
        keep(suffix, virsh, jvirt);
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
