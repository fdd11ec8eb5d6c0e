package org.jvirt.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** xml-format and xml-validate, run as a user runs them: the printed output and the exit status. */
class XmlCommandsTest {
    private static final String DOMAIN = "<domain type='test'><name>a</name><uuid>"
            + "20747820-fab5-4cc4-a5e8-056b2b8eb6ce</uuid><memory unit='MiB'>1</memory>"
            + "<os><type>hvm</type></os></domain>";

    private final ShellHarness shell = new ShellHarness(new FakeFactory());

    @TempDir
    Path dir;

    @Test
    void formatPrintsTheDocumentWithLibvirtsDefaults() throws IOException {
        Path f = Files.writeString(dir.resolve("d.xml"), DOMAIN);
        ShellHarness.Run r = shell.run("fake:///x", "xml-format", f.toString());
        assertThat(r.status()).isZero();
        assertThat(r.out()).startsWith("<domain type='test'>\n  <name>a</name>\n")
                .contains("<memory unit='KiB'>1024</memory>", "<on_poweroff>destroy</on_poweroff>");
    }

    @Test
    void formatReportsLibvirtsErrorAndFails() throws IOException {
        Path f = Files.writeString(dir.resolve("bad.xml"), DOMAIN.replace("<name>a</name>", "<name>a/b</name>"));
        ShellHarness.Run r = shell.run("fake:///x", "xml-format", f.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("error: Failed to format " + f)
                .contains("XML error: name a/b cannot contain '/'");
    }

    @Test
    void formatReadsAnyDocumentKind() throws IOException {
        Path f = Files.writeString(dir.resolve("s.xml"),
                "<secret ephemeral='no' private='yes'><uuid>aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee</uuid></secret>");
        ShellHarness.Run r = shell.run("fake:///x", "xml-format", f.toString());
        assertThat(r.out()).isEqualTo("<secret ephemeral='no' private='yes'>\n"
                + "  <uuid>aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee</uuid>\n</secret>\n\n");
    }

    @Test
    void validateSaysWhetherTheDocumentValidates() throws IOException {
        String shared = System.getProperty("jvirt.shared");
        Path schemas = shared == null ? null : Path.of(shared, "libvirt-tests", "schemas");
        Assumptions.assumeTrue(schemas != null && Files.isDirectory(schemas),
                "../shared/libvirt-tests/schemas is absent: libvirt's schemas not available");
        String old = System.setProperty("jvirt.schemas", schemas.toString());
        try {
            Path good = Files.writeString(dir.resolve("good.xml"), DOMAIN);
            ShellHarness.Run ok = shell.run("fake:///x", "xml-validate", good.toString());
            assertThat(ok.out()).isEqualTo(good + " validates\n\n");
            assertThat(ok.status()).isZero();
            Path bad = Files.writeString(dir.resolve("bad.xml"), DOMAIN.replace("<os>", "<bogus/><os>"));
            ShellHarness.Run no = shell.run("fake:///x", "xml-validate", bad.toString());
            assertThat(no.err()).contains(bad + ":1: ").endsWith(bad + " fails to validate\n");
            assertThat(no.status()).isEqualTo(1);
        } finally {
            if (old == null) {
                System.clearProperty("jvirt.schemas");
            } else {
                System.setProperty("jvirt.schemas", old);
            }
        }
    }
}
