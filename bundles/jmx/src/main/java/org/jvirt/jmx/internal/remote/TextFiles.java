package org.jvirt.jmx.internal.remote;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The "name value" lines of the password and access files: blank lines and lines starting with # ignored. */
final class TextFiles {
    /** One meaningful line: its number (from 1) and its words. */
    record Line(int number, String[] words) {
    }

    private TextFiles() {
    }

    static List<Line> read(Path file) throws IOException {
        List<Line> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            out.add(new Line(i + 1, line.split("\\s+")));
        }
        return out;
    }

    /**
     * Refuses a file others than its owner may read or write, as the JDK's own agent refuses its password file; a file
     * system without POSIX permissions is taken as it is.
     */
    static void checkOwnerOnly(Path file) throws IOException {
        Set<PosixFilePermission> perms;
        try {
            perms = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException e) {
            return;
        }
        for (PosixFilePermission p : List.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
                PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE)) {
            if (perms.contains(p)) {
                throw new IllegalArgumentException(file + " must be readable only by its owner (chmod 600)");
            }
        }
    }
}
