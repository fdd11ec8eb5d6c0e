package org.jvirt.driver.remote;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** python-libvirt run against a server, for what libvirt's own client gets from it. */
public final class PythonLibvirt {
    private PythonLibvirt() {
    }

    /** Runs {@code code} in python-libvirt with {@code conn} open on {@code uri}; its standard output. */
    public static String run(String uri, String code) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "no /usr/bin/python3: comparison skipped");
        String script = "import libvirt, sys\nconn = libvirt.open(sys.argv[1])\n" + code + "\nconn.close()\n";
        // libvirt's default error handler also prints to stderr: only stdout is the answer
        Process p = new ProcessBuilder(List.of("/usr/bin/python3", "-c", script, uri))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            assumeTrue(!out.contains("No module named 'libvirt'"), "python3-libvirt is not installed");
            throw new IllegalStateException("python-libvirt failed: " + out);
        }
        return out;
    }
}
