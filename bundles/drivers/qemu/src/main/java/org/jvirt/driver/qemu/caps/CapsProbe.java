package org.jvirt.driver.qemu.caps;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.jvirt.driver.qemu.qmp.QmpError;
import org.jvirt.driver.qemu.qmp.QmpMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks a QEMU binary what it can do: runs it with no machine, paused, its monitor on standard input and output,
 * sends the probe's commands and ends it. With a usable {@code /dev/kvm} it asks for KVM, falling back to TCG, so
 * that {@code query-kvm} tells whether KVM really works.
 */
public final class CapsProbe {
    private static final Logger LOG = LoggerFactory.getLogger(CapsProbe.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private CapsProbe() {
    }

    /** Whether {@code /dev/kvm} exists and this process may open it for reading and writing. */
    public static boolean kvmDeviceUsable() {
        Path kvm = Path.of("/dev/kvm");
        return Files.isReadable(kvm) && Files.isWritable(kvm);
    }

    /** Probes {@code emulator}; fails with an IOException whose message says what went wrong. */
    public static QemuCaps probe(Path emulator, long size, long mtimeMillis) throws IOException {
        List<String> argv = new ArrayList<>(List.of(emulator.toString(), "-S", "-no-user-config", "-nodefaults",
                "-display", "none", "-machine", "none"));
        if (kvmDeviceUsable()) {
            argv.addAll(List.of("-accel", "kvm"));
        }
        argv.addAll(List.of("-accel", "tcg", "-qmp", "stdio"));
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.PIPE).start();
        Map<String, JsonNode> replies = new HashMap<>();
        try (QmpMonitor m = QmpMonitor.over(p.getInputStream(), p.getOutputStream(), () -> {
            p.getOutputStream().close();
            p.getInputStream().close();
        }, "probe", null, TIMEOUT)) {
            for (String cmd : CapsParser.COMMANDS) {
                try {
                    replies.put(cmd, m.execute(cmd, null, TIMEOUT));
                } catch (QmpError e) {
                    if (e.closed() || QmpError.TIMEOUT.equals(e.errorClass())) {
                        throw e;
                    }
                    LOG.debug("probe {}: {} refused: {}", emulator, cmd, e.desc());
                }
            }
            try {
                m.execute("quit", null, Duration.ofSeconds(5));
            } catch (QmpError e) {
                // QEMU may close its monitor before answering quit
            }
        } catch (QmpError e) {
            String err = new String(p.getErrorStream().readNBytes(4096)).strip();
            throw new IOException(err.isEmpty() ? e.desc() : err);
        } finally {
            end(p);
        }
        QemuCaps caps = CapsParser.parse(emulator.toString(), size, mtimeMillis, replies::get);
        LOG.info("probed {} (QEMU {}, {}, kvm {}) in {} ms", emulator, caps.versionText(), caps.arch(),
                caps.kvm() ? "yes" : "no", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
        return caps;
    }

    private static void end(Process p) {
        try {
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
    }
}
