package org.jvirt.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTailTest {
    @TempDir
    Path dir;

    @Test
    void readsWhatWasAppendedSinceAnOffset() throws Exception {
        Path f = dir.resolve("vm.log");
        Files.writeString(f, "old run\n");
        long mark = FileTail.size(f);
        Files.writeString(f, "new line 1\nnew line 2\n", java.nio.file.StandardOpenOption.APPEND);
        assertThat(FileTail.since(f, mark, 1000)).isEqualTo("new line 1\nnew line 2\n");
    }

    @Test
    void keepsTheLastWholeLinesWhenTooLong() throws Exception {
        Path f = dir.resolve("vm.log");
        Files.writeString(f, "aaaaaaaaaa\nbbbbbbbbbb\ncccc\n");
        assertThat(FileTail.since(f, 0, 12)).isEqualTo("cccc\n");
    }

    @Test
    void emptyForAMissingFile() {
        assertThat(FileTail.since(dir.resolve("none"), 0, 100)).isEmpty();
        assertThat(FileTail.size(dir.resolve("none"))).isZero();
    }
}
