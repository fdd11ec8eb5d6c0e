package org.jvirt.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same session, with and without -q, through the real virsh 9.0 ({@code virsh -c test:///default}, libvirt's own test driver, fed on
 * standard input) and through jvirt's console over jvirt's test driver: stdout and stderr must be equal byte for
 * byte once {@link #normalize} has done its three things, which are the only differences allowed:
 * <ol>
 * <li>the banner (everything before the first prompt) is dropped and the prompts (read-write and read-only) are the
 * same placeholders;</li>
 * <li>the "CPU time:" line of dominfo is masked: it is the host's clock in libvirt's test driver;</li>
 * <li>the error of malformed XML: only its first line must match ("error: Failed to define domain from F"), and a
 * second {@code error:} line must follow; the rest is libxml's parser message, which jvirt words its own way. That
 * command is the session's last, so the streams are cut after it.</li>
 * </ol>
 * Skipped, saying so, where /usr/bin/virsh is not installed.
 */
class VirshParityTest {
    private static final Path VIRSH = Path.of("/usr/bin/virsh");

    @TempDir
    Path dir;

    @Test
    void aSessionPrintsWhatVirshPrints() throws Exception {
        compare(false);
    }

    @Test
    void aQuietSessionPrintsWhatVirshPrints() throws Exception {
        compare(true);
    }

    private void compare(boolean quiet) throws Exception {
        assumeTrue(Files.isExecutable(VIRSH), "virsh is not installed at " + VIRSH + ": the parity check cannot run");
        String script = script();

        String[] virsh = runVirsh(script, quiet);
        ShellHarness.Run jvirt = new ShellHarness(TestDriverFactory.fresh())
                .run("test:///default", quiet, script);

        String side = quiet ? "-quiet" : "";
        keep("virsh" + side, normalize(virsh[0], "virsh"), virsh[1]);
        keep("jvirt" + side, normalize(jvirt.out(), "jvirt"), jvirt.err());
        assertThat(normalize(jvirt.out(), "jvirt")).isEqualTo(normalize(virsh[0], "virsh"));
        String[] virshErr = cutAfterMalformedXml(virsh[1]);
        String[] jvirtErr = cutAfterMalformedXml(jvirt.err());
        assertThat(jvirtErr[0]).isEqualTo(virshErr[0]);
        assertThat(virshErr[1]).startsWith("error: ");
        assertThat(jvirtErr[1]).startsWith("error: ");
    }

    /** Keeps both sides' output in target/parity, to diff when the check fails. */
    private static void keep(String side, String out, String err) throws IOException {
        Path target = Path.of("target", "parity");
        Files.createDirectories(target);
        Files.writeString(target.resolve(side + ".out"), out);
        Files.writeString(target.resolve(side + ".err"), err);
    }

    /** The session, with the files it names written to the temporary folder. */
    private String script() throws IOException {
        return session(dir, "test:///default");
    }

    /**
     * The parity session with the files it names written to {@code dir}, its connections made to {@code uri}
     * (the remote driver's tests run it against a libvirtd serving the test driver).
     */
    static String session(Path dir, String uri) throws IOException {
        Path good = dir.resolve("good.xml");
        Files.writeString(good, "<domain type='test'><name>parity</name>"
                + "<uuid>0b4e8e6a-5a47-4c32-a9b4-3c7f2b6a1f11</uuid><title>A title</title><memory>1024</memory>"
                + "<os><type>hvm</type></os></domain>\n");
        Path bad = dir.resolve("bad.xml");
        Files.writeString(bad, "<domain type=\"test\"><name>x</name\n");
        String text;
        try (InputStream in = VirshParityTest.class.getResourceAsStream("/parity/session.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        StringBuilder script = new StringBuilder();
        for (String line : text.split("\n")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            script.append(line.replace("@GOOD@", good.toString()).replace("@BAD@", bad.toString())
                    .replace("@MISSING@", dir.resolve("missing.xml").toString())
                    .replace("test:///default", uri)).append('\n');
        }
        return script.toString();
    }

    private String[] runVirsh(String script, boolean quiet) throws IOException, InterruptedException {
        return runVirsh(dir, "test:///default", script, quiet);
    }

    /** virsh fed {@code script} on its standard input, connected to {@code uri}: stdout and stderr. */
    static String[] runVirsh(Path dir, String uri, String script, boolean quiet)
            throws IOException, InterruptedException {
        Path in = dir.resolve("script.txt");
        Path out = dir.resolve("virsh.out");
        Path err = dir.resolve("virsh.err");
        Files.writeString(in, script);
        List<String> command = new ArrayList<>(List.of(VIRSH.toString(), "-c", uri));
        if (quiet) {
            command.add("-q");
        }
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectInput(in.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("LC_ALL", "C.UTF-8");
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("virsh did not finish");
        }
        return new String[] {Files.readString(out), Files.readString(err)};
    }

    /** The allowed differences 1 and 2 (see the class comment); {@code name} starts the prompts. */
    static String normalize(String out, String name) {
        String rw = name + " # ";
        String ro = name + " > ";
        int first = out.indexOf(rw) < 0 ? out.indexOf(ro) : out.indexOf(rw);
        String body = first < 0 ? out : out.substring(first);
        List<String> lines = new ArrayList<>();
        for (String line : body.replace(rw, "PROMPT# ").replace(ro, "PROMPT> ").split("\n", -1)) {
            lines.add(line.startsWith("CPU time:       ") ? "CPU time:       <masked>" : line);
        }
        return String.join("\n", lines);
    }

    /** Difference 3: stderr up to the first line of the malformed XML's error, and the line after it. */
    static String[] cutAfterMalformedXml(String err) {
        String marker = "error: Failed to define domain from ";
        int at = err.lastIndexOf(marker);
        assertThat(at).as("the malformed XML's error in:\n" + err).isNotNegative();
        int end = err.indexOf('\n', at) + 1;
        String next = err.substring(end);
        return new String[] {err.substring(0, end), next};
    }
}
