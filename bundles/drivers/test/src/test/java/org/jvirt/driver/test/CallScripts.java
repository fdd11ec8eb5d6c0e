package org.jvirt.driver.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * The call scripts of a folder as tests: each script run with a fresh opener, each call compared with what libvirt
 * 9.0's own test driver answered (NAME.expected). A call listed in the folder's known-differences.txt with its reason
 * is reported as skipped while it differs, and fails once it agrees, so that the list only ever shrinks.
 */
public final class CallScripts {
    private CallScripts() {
    }

    /** The tests of every script of {@code dir}; every call that differs is also written to {@code report}. */
    public static Stream<DynamicNode> compare(Path dir, Supplier<CallScript.Opener> openers, Path report)
            throws IOException {
        Map<String, String> known = knownDifferences(dir);
        Set<String> seen = new HashSet<>();
        List<DynamicNode> scripts = new ArrayList<>();
        StringBuilder differences = new StringBuilder();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path script : files.filter(p -> p.toString().endsWith(".calls")).sorted().toList()) {
                scripts.add(script(dir, script, openers.get(), known, seen, differences));
            }
        }
        Files.createDirectories(report.toAbsolutePath().getParent());
        Files.writeString(report, differences);
        scripts.add(DynamicTest.dynamicTest("known-differences.txt names only calls of the scripts",
                () -> assertThat(seen).containsAll(known.keySet())));
        return scripts.stream();
    }

    private static DynamicNode script(Path dir, Path script, CallScript.Opener opener, Map<String, String> known,
            Set<String> seen, StringBuilder differences) throws IOException {
        String name = script.getFileName().toString();
        String shared = System.getProperty("jvirt.shared");
        if (Files.readString(script, StandardCharsets.UTF_8).contains("${shared}")
                && (shared == null || !Files.isDirectory(Path.of(shared, "libvirt-tests")))) {
            // its known differences are not stale, only unchecked here
            known.keySet().stream().filter(k -> k.startsWith(name + ":")).forEach(seen::add);
            return DynamicTest.dynamicTest(name, () -> Assumptions.abort(
                    "the script reads the shared test data (jvirt.shared), which is absent"));
        }
        List<CallScript.Call> expected = CallScript.expected(dir.resolve(name.replace(".calls", ".expected")));
        List<CallScript.Call> actual;
        try {
            actual = new CallScript(dir, opener).run(script, expected);
        } catch (RuntimeException e) {
            return DynamicTest.dynamicTest(name, () -> {
                throw e;
            });
        }
        List<DynamicNode> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest(name + ": the same calls as recorded", () -> assertThat(
                actual.stream().map(CallScript.Call::text).toList())
                .as("the script changed since it was recorded: run src/test/python/record_libvirt.py")
                .isEqualTo(expected.stream().map(CallScript.Call::text).toList())));
        for (int i = 0; i < Math.min(actual.size(), expected.size()); i++) {
            CallScript.Call a = actual.get(i);
            // the recording names the shared test data as ${shared}, wherever it lies on the recording machine
            String want = shared == null ? expected.get(i).result()
                    : expected.get(i).result().replace("${shared}", CallScript.shared());
            String key = name + ":" + a.line();
            seen.add(key);
            String reason = known.get(key);
            if (!a.result().equals(want)) {
                differences.append(key).append(' ').append(a.text()).append("\n--- libvirt\n").append(want)
                        .append("\n--- jvirt\n").append(a.result()).append("\n\n");
            }
            tests.add(DynamicTest.dynamicTest(key + " " + a.text(), () -> {
                if (reason != null) {
                    assertThat(a.result()).as("%s agrees with libvirt now: take it off known-differences.txt", key)
                            .isNotEqualTo(want);
                    Assumptions.abort("known difference: " + reason);
                }
                assertThat(a.result()).isEqualTo(want);
            }));
        }
        return DynamicContainer.dynamicContainer(name, tests);
    }

    /** "script.calls:LINE reason" lines. */
    private static Map<String, String> knownDifferences(Path dir) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(dir.resolve("known-differences.txt"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int sp = line.indexOf(' ');
            out.put(line.substring(0, sp), line.substring(sp + 1).strip());
        }
        return out;
    }
}
