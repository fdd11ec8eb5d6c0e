package org.jvirt.driver.qemu.caps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

/** Capabilities read from the QMP replies libvirt recorded of real QEMU builds ({@code qemucapabilitiesdata}). */
public final class RecordedCaps {
    private RecordedCaps() {
    }

    /** The folder of recordings, which may be absent (a machine without ../shared). */
    public static Path folder() {
        return CapsParserTest.DATA;
    }

    /**
     * The newest x86_64 recording: what libvirt's tests call "x86_64-latest", as seen by an emulator at
     * {@code /usr/bin/qemu-system-x86_64}.
     */
    public static QemuCaps latestX86_64() {
        try (Stream<Path> s = Files.list(folder())) {
            Path newest = s.filter(p -> p.getFileName().toString().matches("caps_[0-9.]+_x86_64\\.replies"))
                    .max(Comparator.comparing(RecordedCaps::versionKey)).orElseThrow();
            Map<String, JsonNode> replies = CapsParserTest.firstReplies(newest);
            return CapsParser.parse("/usr/bin/qemu-system-x86_64", 1, 2, replies::get);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String versionKey(Path p) {
        String[] v = p.getFileName().toString().split("_")[1].split("\\.");
        StringBuilder b = new StringBuilder();
        for (String part : v) {
            b.append(String.format("%05d", Integer.parseInt(part)));
        }
        return b.toString();
    }
}
