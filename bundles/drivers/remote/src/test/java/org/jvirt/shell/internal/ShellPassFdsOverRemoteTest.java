package org.jvirt.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.FileInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;

import org.jvirt.api.Connect;
import org.jvirt.api.ConnectFactory;
import org.jvirt.rpc.peer.LibvirtdPeer;
import org.jvirt.rpc.transport.FilePassing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code create --pass-fds} and {@code start --pass-fds} through the remote driver against libvirtd 9.0: jvirt's
 * shell prints what virsh prints, command by command, stdout and stderr byte for byte. virsh gets the file as its
 * descriptor 3; jvirt's shell, running in this JVM, gets the number this JVM opened the same file under. A
 * connection held open keeps the test driver's state between the commands (it resets when the last one closes).
 */
class ShellPassFdsOverRemoteTest {
    private static final Path VIRSH = Path.of("/usr/bin/virsh");

    @TempDir
    Path dir;

    private static String[] virsh(String uri, String... args) throws Exception {
        // sh runs virsh ($0) on the URI ($1) with the rest, its descriptor 3 open on the file
        List<String> cmd = new ArrayList<>(List.of("sh", "-c",
                "u=$1; shift; exec \"$0\" -c \"$u\" \"$@\" 3</etc/hostname", VIRSH.toString(), uri));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new String[] {out, err, Integer.toString(p.exitValue())};
    }

    private static String[] jvirt(ShellHarness shell, String uri, String... args) {
        ShellHarness.Run r = shell.run(uri, args);
        return new String[] {r.out(), r.err(), Integer.toString(r.status())};
    }

    @Test
    void passFdsOverTheUnixSocketPrintsWhatVirshPrints() throws Exception {
        assumeTrue(Files.isExecutable(VIRSH), "virsh is not installed at " + VIRSH + ": the comparison is skipped");
        Path xml = Files.writeString(dir.resolve("fd.xml"),
                "<domain type='test'><name>fdtest</name><memory>8192</memory><os><type>hvm</type></os></domain>\n");
        ConnectFactory factory = ServiceLoader.load(ConnectFactory.class).findFirst().orElseThrow();
        ShellHarness shell = new ShellHarness(factory);
        try (LibvirtdPeer peer = LibvirtdPeer.start(); FileInputStream file = new FileInputStream("/etc/hostname")) {
            String uri = peer.unixUri();
            String n = Integer.toString(FilePassing.number(file.getFD()));
            // each command as virsh gives it, then jvirt's with this JVM's number for the same file
            String[][] steps = {
                {"create", xml.toString(), "--pass-fds", "@"},
                {"destroy", "fdtest"},
                {"define", xml.toString()},
                {"start", "fdtest", "--pass-fds", "@"},
                {"start", "fdtest", "--pass-fds", "@,@"},
                {"destroy", "fdtest"},
                {"start", "fdtest", "--pass-fds", "@,x"},
                {"start", "fdtest", "--pass-fds", "@,@"},
                {"destroy", "fdtest"},
                {"undefine", "fdtest"},
            };
            try (Connect hold = factory.open(uri)) {
                List<String> v = new ArrayList<>();
                for (String[] step : steps) {
                    v.add(String.join("\u0000", virsh(uri, replace(step, "3"))));
                }
                List<String> j = new ArrayList<>();
                for (String[] step : steps) {
                    j.add(String.join("\u0000", jvirt(shell, uri, replace(step, n))));
                }
                assertThat(hold.isAlive()).isTrue();
                assertThat(j).isEqualTo(v);
                assertThat(v.get(0)).startsWith("Domain 'fdtest' created from " + xml);
            }
        }
    }

    private static String[] replace(String[] step, String fd) {
        String[] out = step.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] = out[i].replace("@", fd);
        }
        return out;
    }
}
