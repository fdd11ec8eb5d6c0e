package org.jvirt.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A driver that asks for credentials gets them from the shell as from virsh (libvirt's default callback): the
 * driver's prompt on the output, the answer from the input. Checked against virsh 9.0 on libvirt's own test node
 * with an {@code <auth>} section (tests/virsh-auth.xml), standard input piped.
 */
class CredentialPromptTest {
    private static final Path VIRSH = Path.of("/usr/bin/virsh");

    private static Path authNode() {
        String shared = System.getProperty("jvirt.shared");
        Path node = shared == null ? null : Path.of(shared, "libvirt-tests", "tests-toplevel", "virsh-auth.xml");
        assumeTrue(node != null && Files.isRegularFile(node), "libvirt's virsh-auth.xml (jvirt.shared) is absent");
        return node.toAbsolutePath().normalize();
    }

    private static ShellHarness.Run virsh(String uri, String stdin, String command) throws Exception {
        Process p = new ProcessBuilder(VIRSH.toString(), "-c", uri, command).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread drain = new Thread(() -> copy(p.getErrorStream(), err), "virsh-stderr");
        drain.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(1, TimeUnit.MINUTES);
        drain.join();
        return new ShellHarness.Run(p.exitValue(), out, err.toString(StandardCharsets.UTF_8));
    }

    private static void copy(InputStream from, ByteArrayOutputStream to) {
        try {
            from.transferTo(to);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "answers {0}")
    @CsvSource(delimiter = '|', value = {
        "astrochicken\\n|uri",
        "nobody\\nsecret\\n|uri",
        "\\n|uri",
        "|uri",
        "astrochicken\\n|list --all"})
    void promptsAndAnswersAsVirsh(String answers, String command) throws Exception {
        assumeTrue(Files.isExecutable(VIRSH), "virsh is not installed at " + VIRSH);
        String stdin = answers == null ? "" : answers.replace("\\n", "\n");
        String uri = "test://" + authNode();
        ShellHarness.Run reference = virsh(uri, stdin, command);
        ShellHarness.Run jvirt = new ShellHarness(TestDriverFactory.fresh()).run(uri, false, stdin, command);
        assertThat(jvirt.out()).as("standard output").isEqualTo(reference.out());
        assertThat(jvirt.err()).as("standard error").isEqualTo(reference.err());
        assertThat(jvirt.status()).as("exit status").isEqualTo(reference.status());
    }
}
