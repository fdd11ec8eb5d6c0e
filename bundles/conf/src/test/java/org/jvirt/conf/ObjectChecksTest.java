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
import org.jvirt.conf.network.NetworkDef;
import org.jvirt.conf.storage.StoragePoolDef;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * libvirt's semantic checks of networks and storage pools: each document of {@code object-checks/} has one wrong
 * part (or none); jvirt's answer (OK, or its error's first line) must be the one virsh 9.0's test driver gave,
 * recorded in {@code object-checks/virsh-9.0.txt} ({@code record.sh} records it again). Each is parsed as a
 * definition ({@link XmlDocuments#parseDefinition}), as a driver's define does.
 */
class ObjectChecksTest {
    private static final String FOLDER = "object-checks";

    @TestFactory
    Stream<DynamicTest> everyCaseIsAnsweredAsLibvirtAnswersIt() {
        Map<String, String> expected = expectations();
        assertThat(expected).hasSizeGreaterThan(40);
        return expected.entrySet().stream().map(e -> Corpus.test(FOLDER, e.getKey(), () -> {
            Class<?> type = e.getKey().startsWith("net-") ? NetworkDef.class : StoragePoolDef.class;
            assertThat(answer(resource(FOLDER + "/" + e.getKey()), type)).as(e.getKey()).isEqualTo(e.getValue());
        }));
    }

    private static String answer(String xml, Class<?> type) {
        try {
            XmlDocuments.parseDefinition(xml, type, false);
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
        try (InputStream in = ObjectChecksTest.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
