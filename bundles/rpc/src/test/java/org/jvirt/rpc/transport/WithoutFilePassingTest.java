package org.jvirt.rpc.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileDescriptor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jvirt.api.VirtException;
import org.junit.jupiter.api.Test;

/**
 * A JVM started without {@code --add-exports java.base/sun.nio.ch=ALL-UNNAMED} (as a launcher that forgot it):
 * file passing says it is unavailable and why, and a call with files fails with libvirt's error instead of
 * dropping them.
 */
class WithoutFilePassingTest {
    /** Run in a JVM of its own, without the flag: prints what file passing says there. */
    public static void main(String[] args) {
        System.out.println(FilePassing.available());
        System.out.println(FilePassing.unavailableReason());
        try {
            FilePassing.duplicate(List.of(FileDescriptor.in));
            System.out.println("duplicated");
        } catch (VirtException e) {
            System.out.println(e.code() + " " + e.domain() + " " + e.getMessage());
        }
    }

    @Test
    void withoutTheJvmFlagCallsWithFilesFailWithLibvirtsError() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                WithoutFilePassingTest.class.getName()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String[] lines = out.strip().split("\n");
        assertThat(lines[0]).as(out).isEqualTo("false");
        assertThat(lines[1]).contains("--add-exports java.base/sun.nio.ch=ALL-UNNAMED");
        assertThat(lines[2]).isEqualTo(
                "INTERNAL_ERROR RPC internal error: Sending file descriptors is not supported on this socket");
    }
}
