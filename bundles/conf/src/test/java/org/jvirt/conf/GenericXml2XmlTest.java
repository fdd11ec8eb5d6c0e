package org.jvirt.conf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.jvirt.api.DomainXMLFlag;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * libvirt's genericxml2xml cases: every input that uses only what the model holds must format exactly as libvirt's
 * expected output (the input itself where the corpus has no output file). Cases that use more are counted and
 * named, not passed.
 */
class GenericXml2XmlTest {
    /** Cases whose expected output comes from a libvirt newer than 9.0, the release jvirt follows. */
    private static final Map<String, String> NEWER_LIBVIRT = Map.of(
            "network-interface-mac-clear.xml", "libvirt 10 replaces an all-zero MAC; 9.0 keeps it");

    /** libvirt's corpus names the cases its parser must refuse. */
    private static final java.util.regex.Pattern EXPECTED_FAILURE =
            java.util.regex.Pattern.compile("-fail|-mismatch|-missing|colliding");

    @Test
    void roundTripsTheSupportedCases() throws IOException {
        String shared = System.getProperty("jvirt.shared");
        Assumptions.assumeTrue(shared != null && Files.isDirectory(Path.of(shared, "libvirt-tests")),
                "../shared/libvirt-tests is absent: libvirt's corpus not checked");
        Path in = Path.of(shared, "libvirt-tests", "genericxml2xmlindata");
        Path out = Path.of(shared, "libvirt-tests", "genericxml2xmloutdata");
        List<Path> files;
        try (Stream<Path> s = Files.list(in)) {
            files = s.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
        Map<String, String> skipped = new TreeMap<>();
        List<String> passed = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            String xml = Files.readString(f);
            String unsupported = SupportedSubset.firstUnsupported(xml);
            if (unsupported != null) {
                skipped.put(name, unsupported);
                continue;
            }
            if (NEWER_LIBVIRT.containsKey(name)) {
                skipped.put(name, NEWER_LIBVIRT.get(name));
                continue;
            }
            if (EXPECTED_FAILURE.matcher(name).find()) {
                try {
                    DomainXml.parse(xml, DomainParseOptions.generic());
                    failures.add(name + ": parsed, but libvirt refuses it");
                } catch (org.jvirt.api.VirtException e) {
                    passed.add(name);
                }
                continue;
            }
            Path expectedFile = Files.exists(out.resolve(name)) ? out.resolve(name) : f;
            String expected = Files.readString(expectedFile);
            String actual;
            try {
                actual = DomainXml.format(DomainXml.parse(xml, DomainParseOptions.generic().withRandom(new Random(0))),
                        EnumSet.of(DomainXMLFlag.INACTIVE, DomainXMLFlag.SECURE));
            } catch (RuntimeException e) {
                failures.add(name + ": " + e);
                continue;
            }
            if (actual.equals(expected)) {
                passed.add(name);
            } else {
                failures.add(name + ":\n--- expected\n" + expected + "--- actual\n" + actual);
            }
        }
        System.out.printf("genericxml2xml: %d passed, %d failed, %d skipped%n", passed.size(), failures.size(),
                skipped.size());
        skipped.forEach((k, v) -> System.out.println("  skipped " + k + ": " + v));
        assertThat(failures).isEmpty();
        assertThat(passed).hasSizeGreaterThanOrEqualTo(5);
    }

    static Set<String> names(List<String> l) {
        return Set.copyOf(l);
    }
}
