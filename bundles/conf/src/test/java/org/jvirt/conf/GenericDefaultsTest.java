package org.jvirt.conf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.jvirt.api.DomainXMLFlag;

/**
 * Definitions that exercise libvirt's generic parse and format (units, defaults, parts kept only in live status,
 * element order), each in {@code generic-defaults/NAME.xml} with what virsh 9.0's test driver dumps for it in
 * {@code NAME.virsh-9.0} (recorded by {@code record.sh}): conf's parse and inactive format must give the same
 * document but for the UUID it generates and the {@code <target dev='testnetN'/>} the test driver gives NICs.
 */
class GenericDefaultsTest {
    private static final String FOLDER = "generic-defaults";

    @Test
    void everyDefinitionIsKeptAsVirshKeepsIt() throws IOException, URISyntaxException {
        Path dir = Path.of(GenericDefaultsTest.class.getResource("/" + FOLDER).toURI());
        List<Path> cases;
        try (Stream<Path> s = Files.list(dir)) {
            cases = s.filter(p -> p.getFileName().toString().endsWith(".xml")).sorted().toList();
        }
        assertThat(cases).hasSizeGreaterThanOrEqualTo(6);
        for (Path input : cases) {
            String name = input.getFileName().toString().replace(".xml", "");
            String virsh = Files.readString(dir.resolve(name + ".virsh-9.0"));
            String jvirt = DomainXml.format(DomainXml.parse(Files.readString(input), DomainParseOptions.testDriver()),
                    EnumSet.of(DomainXMLFlag.INACTIVE));
            assertThat(withoutDriverParts(jvirt)).as(name).isEqualTo(withoutDriverParts(virsh));
        }
    }

    /** The lines that are the driver's, not the XML layer's: a generated UUID, the test driver's NIC names. */
    private static String withoutDriverParts(String xml) {
        return xml.replaceAll("(?m)^\\s*<uuid>[^<]*</uuid>\\n", "")
                .replaceAll("(?m)^\\s*<target dev='testnet\\d+'/>\\n", "");
    }
}
