package org.jvirt.driver.qemu;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Disk images for tests, made with the real qemu-img (the test skips without it). */
final class QemuImages {
    private QemuImages() {
    }

    /** Creates an image of {@code size}, or on top of {@code backing} (a qcow2 backing file) when given. */
    static void create(Path file, String format, String size, Path backing) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(RealQemu.qemuImg().toString(), "create", "-q", "-f", format));
        if (backing != null) {
            cmd.addAll(List.of("-b", backing.toString(), "-F", "qcow2"));
        }
        cmd.add(file.toString());
        if (size != null) {
            cmd.add(size);
        }
        run(cmd);
    }

    /** Writes {@code length} bytes of {@code pattern} at {@code offset} into an image (qemu-io). */
    static void write(Path image, String format, long offset, long length, int pattern)
            throws IOException, InterruptedException {
        Path qemuIo = RealQemu.QEMU_IMG.resolveSibling("qemu-io");
        run(List.of(qemuIo.toString(), "-f", format, "-c", "write -P " + pattern + " " + offset + " " + length,
                image.toString()));
    }

    /** What qemu-img says of an image while QEMU has it open (shared access). */
    static com.fasterxml.jackson.databind.JsonNode info(Path image) throws IOException, InterruptedException {
        return org.jvirt.driver.qemu.qmp.QmpMonitor.JSON.readTree(run(List.of(RealQemu.qemuImg().toString(), "info",
                "-U", "--output=json", image.toString())));
    }

    static String run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(cmd + " did not finish");
        }
        if (p.exitValue() != 0) {
            throw new IOException(cmd + " failed: " + out);
        }
        return out;
    }
}
