package org.jvirt.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The platform's bundles and their start levels, from {@code etc/startup.properties}: one line per bundle,
 * {@code bundle/file.jar = LEVEL}, installed in the order given. Lines starting with '#' are comments.
 */
record StartupList(List<Entry> entries) {

    record Entry(Path jar, int startLevel) {
    }

    static StartupList read(Path file, Path install) {
        List<Entry> entries = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        int n = 0;
        for (String raw : lines) {
            n++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException(file + ":" + n + ": expected 'bundle/NAME.jar = LEVEL'");
            }
            Path jar = install.resolve(line.substring(0, eq).strip());
            int level;
            try {
                level = Integer.parseInt(line.substring(eq + 1).strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(file + ":" + n + ": the start level must be a number");
            }
            entries.add(new Entry(jar, level));
        }
        return new StartupList(List.copyOf(entries));
    }

    int highestLevel() {
        return entries.stream().mapToInt(Entry::startLevel).max().orElse(1);
    }
}
