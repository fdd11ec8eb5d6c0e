package org.jvirt.conf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.jvirt.api.VirtException;
import org.jvirt.conf.domain.DomainDef;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * libvirt's semantic checks on every parse: each document of {@code domain-checks/} (one wrong value, duplicate or
 * missing part each) is parsed as the test driver parses it, and jvirt's answer (OK, or its error's first line)
 * must be libvirt's, as recorded from virsh 9.0's test driver in {@code domain-checks/virsh-9.0.txt}
 * ({@code record.sh} records it again). Cases jvirt does not answer as libvirt yet are listed in
 * known-failures.txt under {@code domain-checks/} with the reason.
 */
class DomainChecksTest {
    private static final String FOLDER = "domain-checks";

    @TestFactory
    Stream<DynamicTest> everyCaseIsAnsweredAsLibvirtAnswersIt() {
        return expectations().entrySet().stream().map(e -> Corpus.test(FOLDER, e.getKey(), () -> {
            String xml = resource(FOLDER + "/" + e.getKey());
            assertThat(answer(xml)).as(e.getKey()).isEqualTo(e.getValue());
        }));
    }

    @Test
    void everyRuleOfTheRulesFileNamesAnAttributeOfTheModel() {
        assertThat(org.jvirt.conf.internal.AttributeRulesProbe.unresolved(DomainDef.class)).isEmpty();
    }

    @Test
    void theRecordedCasesCoverRefusalsAndAcceptances() {
        Map<String, String> exp = expectations();
        assertThat(exp).hasSizeGreaterThan(200);
        assertThat(exp.values()).contains("OK");
        assertThat(exp.values().stream().filter(v -> !v.equals("OK")).count()).isGreaterThan(200);
    }

    private static String answer(String xml) {
        try {
            DomainXml.parse(xml, DomainParseOptions.testDriver());
            return "OK";
        } catch (VirtException e) {
            return e.getMessage().split("\n", 2)[0];
        }
    }

    private static Map<String, String> expectations() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : resource(FOLDER + "/virsh-9.0.txt").split("\n")) {
            int colon = line.indexOf(": ");
            if (colon > 0) {
                m.put(line.substring(0, colon), line.substring(colon + 2));
            }
        }
        return m;
    }

    private static String resource(String name) {
        try (InputStream in = DomainChecksTest.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
