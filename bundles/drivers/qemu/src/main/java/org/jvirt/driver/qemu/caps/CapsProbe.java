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

    /**
     * Probes {@code emulator}; fails with an IOException whose message says what went wrong. When KVM answered,
     * a second, shorter run under TCG asks which CPU models TCG can run, as libvirt probes each accelerator.
     */
    public static QemuCaps probe(Path emulator, long size, long mtimeMillis) throws IOException {
        long t0 = System.nanoTime();
        Map<String, JsonNode> replies = new HashMap<>();
        session(emulator, kvmDeviceUsable() ? List.of("kvm", "tcg") : List.of("tcg"), CapsParser.COMMANDS, replies);
        JsonNode kvm = replies.get("query-kvm");
        if (kvm != null && kvm.path("enabled").asBoolean(false)) {
            Map<String, JsonNode> tcg = new HashMap<>();
            try {
                session(emulator, List.of("tcg"), List.of("query-cpu-definitions"), tcg);
            } catch (IOException e) {
                // a QEMU without its TCG module still serves KVM guests; TCG's models are then unknown
                LOG.warn("probe {}: TCG did not start ({}); its CPU models are taken as KVM's", emulator,
                        e.getMessage());
            }
            if (tcg.containsKey("query-cpu-definitions")) {
                replies.put(CapsParser.TCG_CPU_DEFINITIONS, tcg.get("query-cpu-definitions"));
            }
        }
        QemuCaps caps = CapsParser.parse(emulator.toString(), size, mtimeMillis, replies::get);
        LOG.info("probed {} (QEMU {}, {}, kvm {}) in {} ms", emulator, caps.versionText(), caps.arch(),
                caps.kvm() ? "yes" : "no", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
        return caps;
    }

    /** Runs the emulator with no machine under {@code accels} (the first that works) and asks {@code commands}. */
    private static void session(Path emulator, List<String> accels, List<String> commands,
            Map<String, JsonNode> replies) throws IOException {
        List<String> argv = new ArrayList<>(List.of(emulator.toString(), "-S", "-no-user-config", "-nodefaults",
                "-display", "none", "-machine", "none"));
        for (String accel : accels) {
            argv.addAll(List.of("-accel", accel));
        }
        argv.addAll(List.of("-qmp", "stdio"));
        Process p = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.PIPE).start();
        try (QmpMonitor m = QmpMonitor.over(p.getInputStream(), p.getOutputStream(), () -> {
            p.getOutputStream().close();
            p.getInputStream().close();
        }, "probe", null, TIMEOUT)) {
            for (String cmd : commands) {
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
