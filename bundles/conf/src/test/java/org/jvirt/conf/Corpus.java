package org.jvirt.conf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.function.Executable;
import org.opentest4j.TestAbortedException;

/**
 * libvirt's test corpus in {@code ../shared/libvirt-tests}: one dynamic test per case of a folder. A case listed
 * in {@code known-failures.txt} (one file for every folder, with the reason) is reported as skipped with its
 * reason when it fails, and fails when it passes, so the list cannot go stale. Counts per folder are kept for
 * {@link CorpusSummary}, which prints them when the test run ends.
 */
final class Corpus {
    static final Map<String, int[]> COUNTS = new ConcurrentHashMap<>();
    private static final Map<String, String> KNOWN = readKnown();

    private Corpus() {
    }

    /** The corpus folder, or an aborted test (skipped, saying why) when the corpus is absent. */
    static Path folder(String name) {
        String shared = System.getProperty("jvirt.shared");
        Path dir = shared == null ? null : Path.of(shared, "libvirt-tests", name);
        Assumptions.assumeTrue(dir != null && Files.isDirectory(dir),
                "../shared/libvirt-tests/" + name + " is absent: libvirt's corpus not checked");
        return dir;
    }

    static Path shared(String name) {
        return folder(name);
    }

    /** The files of a folder whose names match, sorted. */
    static List<Path> files(Path dir, Predicate<String> names) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> names.test(p.getFileName().toString())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A dynamic test for one case, counted under {@code folder}, with the known-failure rule applied. */
    static DynamicTest test(String folder, String name, Executable check) {
        return DynamicTest.dynamicTest(name, () -> run(folder, name, check));
    }

    private static void run(String folder, String name, Executable check) throws Throwable {
        int[] c = COUNTS.computeIfAbsent(folder, k -> new int[3]);
        String reason = KNOWN.get(folder + "/" + name);
        synchronized (c) {
            c[1]++;
        }
        try {
            check.execute();
        } catch (TestAbortedException e) {
            synchronized (c) {
                c[1]--;
            }
            throw e;
        } catch (Throwable t) {
            if (reason != null) {
                synchronized (c) {
                    c[2]++;
                }
                Assumptions.abort("known failure: " + reason);
            }
            throw t;
        }
        if (reason != null) {
            throw new AssertionError(folder + "/" + name + " passes now: remove it from known-failures.txt");
        }
        synchronized (c) {
            c[0]++;
        }
    }

    static int knownFailures() {
        return KNOWN.size();
    }

    private static Map<String, String> readKnown() {
        Map<String, String> m = new LinkedHashMap<>();
        try (InputStream in = Corpus.class.getResourceAsStream("/known-failures.txt")) {
            if (in == null) {
                return m;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                int colon = l.indexOf(": ");
                if (colon < 0) {
                    throw new IllegalStateException("known-failures.txt: no reason on line: " + l);
                }
                m.put(l.substring(0, colon), l.substring(colon + 2));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return m;
    }

    /** The summary lines, folder by folder. */
    static List<String> summary() {
        List<String> out = new ArrayList<>();
        COUNTS.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            int[] c = e.getValue();
            out.add(String.format("corpus %-34s %4d passed / %4d run (%d known failures)", e.getKey(), c[0], c[1],
                    c[2]));
        });
        if (!out.isEmpty()) {
            out.add("known-failures.txt lists " + KNOWN.size() + " cases");
        }
        return out;
    }
}
