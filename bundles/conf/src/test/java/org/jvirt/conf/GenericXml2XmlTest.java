package org.jvirt.conf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jvirt.api.DomainXMLFlag;
import org.jvirt.api.VirtException;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * libvirt's genericxml2xml cases: each input formats exactly as libvirt's expected output (the input itself where
 * the corpus has no output file); the inputs libvirt refuses are refused.
 */
class GenericXml2XmlTest {
    /** libvirt's corpus names the cases its parser must refuse. */
    static final Pattern EXPECTED_FAILURE = Pattern.compile(
            "-fail|-mismatch|-missing|colliding|-invalid|multiple-source");

    @TestFactory
    Stream<DynamicTest> genericxml2xml() {
        Path in = Corpus.folder("genericxml2xmlindata");
        Path out = in.resolveSibling("genericxml2xmloutdata");
        return Corpus.files(in, n -> n.endsWith(".xml")).stream()
                .map(f -> Corpus.test("genericxml2xml", f.getFileName().toString(), () -> check(f, out)));
    }

    static void check(Path f, Path out) {
        String name = f.getFileName().toString();
        String xml = Corpus.read(f);
        if (EXPECTED_FAILURE.matcher(name).find()) {
            assertThatThrownBy(() -> DomainXml.parse(xml, DomainParseOptions.generic()))
                    .as("libvirt refuses %s", name).isInstanceOf(VirtException.class);
            return;
        }
        Path expectedFile = Files.exists(out.resolve(name)) ? out.resolve(name) : f;
        // libvirt's test parses and formats the live form (its "active_only" cases)
        String actual = DomainXml.format(DomainXml.parse(xml, DomainParseOptions.generic().live()
                .withRandom(new ZeroRandom())), EnumSet.of(DomainXMLFlag.SECURE));
        assertThat(actual).isEqualTo(Corpus.read(expectedFile));
    }
}
