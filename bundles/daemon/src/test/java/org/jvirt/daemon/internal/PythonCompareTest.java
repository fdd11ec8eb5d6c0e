package org.jvirt.daemon.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * libvirt-python against jvirt's daemon and against libvirt's in-process test driver: {@code python/exercise.py}'s
 * transcripts (domains, events with callbacks, errors with their code, domain and message) must be the same, once
 * {@link VolatileFields} masked what may differ.
 */
class PythonCompareTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"domains", "events", "errors"})
    void sameTranscriptAsLibvirt(String section) throws Exception {
        String reference = run("test:///default", section);
        String jvirt;
        try (TestDaemon d = TestDaemon.start(tmp.resolve("home"))) {
            jvirt = run(d.unixUri(), section);
        }
        assertThat(reference).as("libvirt's transcript").endsWith("end\n");
        assertThat(VolatileFields.mask(jvirt)).isEqualTo(VolatileFields.mask(reference));
    }

    @Test
    void storageWithStreams() throws Exception {
        String jvirt;
        try (TestDaemon d = TestDaemon.start(tmp.resolve("home"))) {
            jvirt = run(d.unixUri(), "storage");
        }
        assumeFalse(jvirt.contains("this function is not supported by the connection driver"),
                "jvirt's test driver serves no networks or storage pools yet: the storage section is not compared");
        assertThat(VolatileFields.mask(jvirt)).isEqualTo(VolatileFields.mask(run("test:///default", "storage")));
    }

    private String run(String uri, String section) throws Exception {
        assumeTrue(Files.isExecutable(PYTHON), "/usr/bin/python3 is missing: skipped");
        Path script = Path.of(PythonCompareTest.class.getResource("/python/exercise.py").toURI());
        ProcessBuilder pb = new ProcessBuilder(PYTHON.toString(), script.toString(), uri, section)
                .redirectErrorStream(true);
        pb.environment().put("HOME", tmp.toString());
        pb.environment().remove("LIBVIRT_DEFAULT_URI");
        Process p = pb.start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("python did not finish " + section + " against " + uri);
        }
        assumeFalse(out.contains("No module named 'libvirt'"), "python3-libvirt is not installed: skipped");
        return out;
    }
}
