package org.jvirt.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidFilesTest {
    @TempDir
    Path dir;

    @Test
    void writesAndReadsAPid() throws Exception {
        Path f = dir.resolve("vm.pid");
        PidFiles.write(f, 4242);
        assertThat(Files.readString(f)).isEqualTo("4242\n");
        assertThat(PidFiles.read(f)).hasValue(4242);
    }

    @Test
    void readsWhatEmulatorsWriteWithoutANewline() throws Exception {
        Path f = dir.resolve("qemu.pid");
        Files.writeString(f, "17");
        assertThat(PidFiles.read(f)).hasValue(17);
    }

    @Test
    void nothingForMissingEmptyOrGarbledFiles() throws Exception {
        assertThat(PidFiles.read(dir.resolve("none"))).isEmpty();
        Files.writeString(dir.resolve("empty"), "");
        assertThat(PidFiles.read(dir.resolve("empty"))).isEmpty();
        Files.writeString(dir.resolve("bad"), "12ab\n");
        assertThat(PidFiles.read(dir.resolve("bad"))).isEmpty();
        Files.writeString(dir.resolve("zero"), "0\n");
        assertThat(PidFiles.read(dir.resolve("zero"))).isEmpty();
    }
}
