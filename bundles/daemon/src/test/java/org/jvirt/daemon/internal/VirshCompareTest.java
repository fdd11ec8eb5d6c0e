package org.jvirt.daemon.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real virsh 9.0 against jvirt's daemon, over its unix socket and over TCP, gives what it gives against libvirt's
 * own test driver (test:///default, inside virsh): the scenarios of {@code virsh/scenarios.txt}, character for
 * character, exit status included, once {@link VolatileFields} masked what changes between runs.
 */
class VirshCompareTest {
    private static final Path VIRSH = Path.of("/usr/bin/virsh");

    @TempDir
    Path tmp;

    record Result(int status, String output) {
    }

    static Stream<String> scenarios() throws IOException, URISyntaxException {
        Path dir = folder();
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("scenarios.txt"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                out.add(line.replace("${dir}", dir.toString()));
            }
        }
        return out.stream();
    }

    private static Path folder() throws URISyntaxException {
        return Path.of(VirshCompareTest.class.getResource("/virsh/scenarios.txt").toURI()).getParent();
    }

    /** The scenarios that differ for the driver's or conf's reasons (known-differences.txt), with the reason. */
    private static Map<String, String> knownDifferences() throws IOException, URISyntaxException {
        Path dir = folder();
        Map<String, String> out = new HashMap<>();
        for (String line : Files.readAllLines(dir.resolve("known-differences.txt"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] parts = line.split("\t", 2);
                out.put(parts[0].replace("${dir}", dir.toString()), parts[1]);
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void sameAsLibvirtsTestDriver(String commands) throws Exception {
        assumeTrue(Files.isExecutable(VIRSH), "virsh is not installed (../shared/peers/install.sh): skipped");
        Result reference = virsh("test:///default", commands);
        Result unix;
        Result tcp;
        try (TestDaemon d = TestDaemon.start(tmp.resolve("unix"))) {
            unix = virsh(d.unixUri(), commands);
        }
        try (TestDaemon d = TestDaemon.start(tmp.resolve("tcp"))) {
            tcp = virsh(d.tcpUri(), commands);
        }
        String known = knownDifferences().get(commands);
        if (known != null) {
            String expected = VolatileFields.mask(reference.output());
            boolean agrees = VolatileFields.mask(unix.output()).equals(expected)
                    && VolatileFields.mask(tcp.output()).equals(expected);
            // a listed scenario that agrees now fails, so the list cannot go stale
            assertThat(agrees).as("%s agrees with libvirt now: take it off known-differences.txt", commands)
                    .isFalse();
            assumeTrue(false, "differs, not for the daemon: " + known);
        }
        assertThat(VolatileFields.mask(unix.output())).as("over the unix socket")
                .isEqualTo(VolatileFields.mask(reference.output()));
        assertThat(unix.status()).as("exit status over the unix socket").isEqualTo(reference.status());
        assertThat(VolatileFields.mask(tcp.output())).as("over TCP").isEqualTo(VolatileFields.mask(reference.output()));
        assertThat(tcp.status()).as("exit status over TCP").isEqualTo(reference.status());
    }

    private Result virsh(String uri, String commands) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(VIRSH.toString(), "-c", uri, commands).redirectErrorStream(true);
        pb.environment().remove("LIBVIRT_DEFAULT_URI");
        pb.environment().put("HOME", tmp.toString());
        pb.environment().put("XDG_CONFIG_HOME", tmp.resolve("config").toString());
        pb.environment().put("XDG_CACHE_HOME", tmp.resolve("cache").toString());
        Process p = pb.start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("virsh did not finish: " + commands);
        }
        return new Result(p.exitValue(), out);
    }
}
