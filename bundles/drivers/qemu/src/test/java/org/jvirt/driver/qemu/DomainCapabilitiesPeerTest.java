package org.jvirt.driver.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.VirtException;

/**
 * {@code virsh domcapabilities} on jvirt's QEMU driver against libvirt 9.0's QEMU driver on this very host and
 * QEMU: libvirt's runs as a session daemon of the unprivileged user {@code nobody} (so under TCG, and touching
 * nothing of the system's), and jvirt is asked for the TCG accelerator. Documents match but for the host-model
 * CPU, which jvirt reports as not supported (it does not expand the host CPU yet); errors match by message.
 */
class DomainCapabilitiesPeerTest {
    private static final Path QEMU_MODULE = Path.of(
            "/usr/lib/x86_64-linux-gnu/libvirt/connection-driver/libvirt_driver_qemu.so");
    private static final String HOST_MODEL = "(?s)<mode name='host-model' supported='yes'>.*?</mode>";

    @TempDir
    static Path home;
    static Path peer;
    static QemuFixture f;

    @BeforeAll
    static void setUp() throws IOException {
        assumeTrue(Files.isExecutable(RealQemu.X86_64), "no qemu-system-x86_64");
        assumeTrue(Files.exists(QEMU_MODULE) && Files.isExecutable(Path.of("/usr/bin/virsh")),
                "libvirt's QEMU driver (libvirt-daemon-driver-qemu) or virsh is not installed");
        assumeTrue("root".equals(System.getProperty("user.name")), "the peer runs as nobody, which needs root");
        peer = Files.createTempDirectory("jvirt-domcaps-peer");
        Files.setPosixFilePermissions(peer, PosixFilePermissions.fromString("rwxrwxrwx"));
        f = new QemuFixture(home);
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (f != null) {
            f.close();
        }
        if (peer != null) {
            // the session daemon virsh started stays for its idle timeout: end it now
            Path pid = peer.resolve("run/libvirt/libvirtd.pid");
            if (Files.exists(pid)) {
                ProcessHandle.of(Long.parseLong(Files.readString(pid).strip())).ifPresent(ProcessHandle::destroy);
            }
            new ProcessBuilder("rm", "-rf", peer.toString()).start().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void defaultMachine() throws Exception {
        compare(null, null, null);
    }

    @Test
    void q35() throws Exception {
        compare(null, null, "q35");
    }

    @Test
    void isapc() throws Exception {
        compare(null, null, "isapc");
    }

    @Test
    void i686OnTheDefaultEmulator() throws Exception {
        compare(null, "i686", null);
    }

    @Test
    void anOldMachineByItsVersionedName() throws Exception {
        compare(RealQemu.X86_64.toString(), null, "pc-i440fx-2.0");
    }

    @Test
    void errorsAsLibvirtGivesThem() throws Exception {
        for (String[] a : new String[][] {{null, null, null, "foo"}, {null, null, "bogus", null},
                {null, "bogus", null, null}, {null, "ppc64", null, null}, {"/nonexistent", null, null, null},
                {RealQemu.X86_64.toString(), "aarch64", null, null}}) {
            String expected = virsh(a[0], a[1], a[2], a[3]);
            assertThat(expected).startsWith("error: failed to get emulator capabilities\nerror: ");
            VirtException e = catchThrowableOfType(() -> f.conn.getDomainCapabilities(a[0], a[1], a[2],
                    a[3] == null ? "qemu" : a[3]), VirtException.class);
            assertThat(e).as(String.join(" ", String.valueOf(a[0]), a[1], a[2], a[3])).isNotNull();
            assertThat("error: failed to get emulator capabilities\nerror: " + e.getMessage() + "\n")
                    .isEqualTo(expected);
        }
    }

    private static void compare(String emulator, String arch, String machine) throws Exception {
        String expected = virsh(emulator, arch, machine, null);
        assertThat(expected).startsWith("<domainCapabilities>");
        assertThat(expected).contains("<domain>qemu</domain>");
        String actual = f.conn.getDomainCapabilities(emulator, arch, machine, "qemu");
        assertThat(actual).contains("<mode name='host-model' supported='no'/>");
        // the document ends its last line; virsh adds blank lines of its own
        assertThat(actual).endsWith("</domainCapabilities>\n");
        assertThat(actual.replace("<mode name='host-model' supported='no'/>", "HOST-MODEL"))
                .isEqualTo(expected.replaceFirst(HOST_MODEL, "HOST-MODEL").stripTrailing() + "\n");
    }

    /** virsh's output (stdout, else stderr) for {@code domcapabilities} on the peer, with the options given. */
    private static String virsh(String emulator, String arch, String machine, String virttype) throws Exception {
        List<String> opts = new ArrayList<>();
        for (String[] o : new String[][] {{"--emulatorbin", emulator}, {"--arch", arch}, {"--machine", machine},
                {"--virttype", virttype}}) {
            if (o[1] != null) {
                opts.add(o[0] + " " + o[1]);
            }
        }
        String env = "HOME=" + peer + " XDG_RUNTIME_DIR=" + peer + "/run XDG_CONFIG_HOME=" + peer + "/cfg"
                + " XDG_CACHE_HOME=" + peer + "/cache XDG_DATA_HOME=" + peer + "/data";
        String cmd = "mkdir -p " + peer + "/run && env " + env + " virsh -c qemu:///session domcapabilities "
                + String.join(" ", opts);
        Process p = new ProcessBuilder("su", "-s", "/bin/sh", "nobody", "-c", cmd).start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new String(p.exitValue() == 0 ? out : err, StandardCharsets.UTF_8);
    }
}
