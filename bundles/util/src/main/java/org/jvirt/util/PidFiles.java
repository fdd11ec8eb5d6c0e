package org.jvirt.util;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.OptionalLong;

/** Pid files as daemons and emulators write them: the decimal pid, optionally followed by a newline. */
public final class PidFiles {
    private PidFiles() {
    }

    /** The pid in {@code file}, or empty when the file is missing, empty or not a number. */
    public static OptionalLong read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (NoSuchFileException e) {
            return OptionalLong.empty();
        } catch (IOException e) {
            return OptionalLong.empty();
        }
        if (text.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            long pid = Long.parseLong(text);
            return pid > 0 ? OptionalLong.of(pid) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** Writes {@code pid} to {@code file} atomically; a pid file describes a process and is not forced to disk. */
    public static void write(Path file, long pid) throws IOException {
        AtomicFiles.writeLive(file, pid + "\n");
    }
}
