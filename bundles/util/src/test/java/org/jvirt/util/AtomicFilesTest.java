package org.jvirt.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void createsAndReplacesWithoutLeavingTemporaryFiles() throws IOException {
        Path f = dir.resolve("vm1.xml");
        AtomicFiles.writeString(f, "<domain/>\n");
        assertThat(Files.readString(f)).isEqualTo("<domain/>\n");
        AtomicFiles.writeString(f, "<domain type='test'/>\n");
        assertThat(Files.readString(f)).isEqualTo("<domain type='test'/>\n");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(f);
        }
    }

    @Test
    void failsWhenTheFolderIsMissingAndLeavesNothing() {
        Path f = dir.resolve("missing/vm1.xml");
        assertThatThrownBy(() -> AtomicFiles.writeString(f, "x")).isInstanceOf(IOException.class);
        assertThat(Files.exists(f)).isFalse();
    }

    @Test
    void writesBytesExactly() throws IOException {
        Path f = dir.resolve("blob");
        byte[] data = new byte[70_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        AtomicFiles.write(f, data);
        assertThat(Files.readAllBytes(f)).isEqualTo(data);
    }

    @Test
    void replacesLiveStateTheSameWay() throws IOException {
        Path f = dir.resolve("vm.xml");
        AtomicFiles.writeLive(f, "one");
        AtomicFiles.writeLive(f, "two");
        assertThat(Files.readString(f)).isEqualTo("two");
        try (var s = Files.list(dir)) {
            assertThat(s).containsExactly(f);
        }
    }
}
