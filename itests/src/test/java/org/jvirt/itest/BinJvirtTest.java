package org.jvirt.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.Assume;
import org.junit.Test;

/**
 * The installed {@code bin/jvirt} as a user runs it, a process of its own with the launcher's own Felix: what the
 * Pax Exam platform cannot show (its framework is set up by Pax Exam, not by the launcher).
 */
public class BinJvirtTest {
    private static final Path JVIRT = PlatformOptions.DIST.resolve("bin/jvirt");

    record Run(int status, String out, String err) {
    }

    private static Run jvirt(List<String> javaOpts, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("sh", JVIRT.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("LIBVIRT_DEFAULT_URI");
        pb.environment().put("JVIRT_JAVA_OPTS", String.join(" ", javaOpts));
        Path out = Files.createTempFile("jvirt", ".out");
        Path err = Files.createTempFile("jvirt", ".err");
        try {
            Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(2, TimeUnit.MINUTES)) {
                p.destroyForcibly().waitFor();
                throw new AssertionError("bin/jvirt did not end within two minutes");
            }
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.delete(out);
            Files.delete(err);
        }
    }

    @Test
    public void defineValidateRefusesWhatTheSchemaRefuses() throws Exception {
        String schemas = System.getProperty("jvirt.schemas");
        boolean shared = schemas != null && Files.isDirectory(Path.of(schemas));
        Assume.assumeTrue("libvirt's schemas are absent: VALIDATE not checked",
                shared || Files.isDirectory(Path.of("/usr/share/libvirt/schemas")));
        List<String> opts = shared ? List.of("-Djvirt.schemas=" + Path.of(schemas).toAbsolutePath()) : List.of();
        Path file = Files.createTempFile("stray", ".xml");
        try {
            Files.writeString(file, "<domain type='test'><name>v</name><jvirtStray/><memory>8192</memory>"
                    + "<os><type>hvm</type></os></domain>");
            Run r = jvirt(opts, "-c", "test:///default", "define", "--validate", file.toString());
            // jing's messages are resources of the conf bundle: missing, this was an internal error
            assertTrue(r.err(), r.err().startsWith("error: Failed to define domain from " + file + "\n"
                    + "error: XML document failed to validate against schema: Unable to validate doc against "));
            assertTrue(r.err(), r.err().contains("jvirtStray"));
            assertEquals(1, r.status());
        } finally {
            Files.delete(file);
        }
    }
}
