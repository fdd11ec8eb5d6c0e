package org.jvirt.conf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.jvirt.api.DomainXMLFlag;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * libvirt's genericxml2xml cases: every input that uses only what the model holds must format exactly as libvirt's
 * expected output (the input itself where the corpus has no output file). Cases that use more are reported as
 * skipped, with what they use, never as passed.
 */
class GenericXml2XmlTest {
    /** Cases whose expected output comes from a libvirt newer than 9.0, the release jvirt follows. */
    private static final Map<String, String> NEWER_LIBVIRT = Map.of(
            "network-interface-mac-clear.xml", "libvirt 10 replaces an all-zero MAC; 9.0 keeps it");

    /** libvirt's corpus names the cases its parser must refuse. */
    private static final java.util.regex.Pattern EXPECTED_FAILURE =
            java.util.regex.Pattern.compile("-fail|-mismatch|-missing|colliding");

    /**
     * One JUnit test per case of the folder, so the report counts them: a case that uses more than the model holds
     * is reported as skipped (aborted), never as passed.
     */
    @TestFactory
    Stream<DynamicTest> roundTripsTheSupportedCases() throws IOException {
        String shared = System.getProperty("jvirt.shared");
        Assumptions.assumeTrue(shared != null && Files.isDirectory(Path.of(shared, "libvirt-tests")),
                "../shared/libvirt-tests is absent: libvirt's corpus not checked");
        Path in = Path.of(shared, "libvirt-tests", "genericxml2xmlindata");
        Path out = Path.of(shared, "libvirt-tests", "genericxml2xmloutdata");
        List<Path> files;
        try (Stream<Path> s = Files.list(in)) {
            files = s.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(5);
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f, out)));
    }

    private static void check(Path f, Path out) throws IOException {
        String name = f.getFileName().toString();
        String xml = Files.readString(f);
        String unsupported = SupportedSubset.firstUnsupported(xml);
        if (unsupported != null) {
            Assumptions.abort("outside the model so far: " + unsupported);
        }
        if (NEWER_LIBVIRT.containsKey(name)) {
            Assumptions.abort(NEWER_LIBVIRT.get(name));
        }
        if (EXPECTED_FAILURE.matcher(name).find()) {
            assertThatThrownBy(() -> DomainXml.parse(xml, DomainParseOptions.generic()))
                    .as("libvirt refuses %s", name).isInstanceOf(org.jvirt.api.VirtException.class);
            return;
        }
        Path expectedFile = Files.exists(out.resolve(name)) ? out.resolve(name) : f;
        String actual = DomainXml.format(DomainXml.parse(xml, DomainParseOptions.generic().withRandom(new Random(0))),
                EnumSet.of(DomainXMLFlag.INACTIVE, DomainXMLFlag.SECURE));
        assertThat(actual).isEqualTo(Files.readString(expectedFile));
    }

}
