package org.jvirt.conf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.jvirt.api.DomainXMLFlag;
import org.jvirt.api.VirtException;
import org.jvirt.conf.nodedev.NodeDeviceDef;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * libvirt's node device folder, run as libvirt's nodedevxml2xmltest runs it: each device parsed as an existing
 * one, the storage sizes the test computes filled in, formatted (and, for the cases with a {@code _inactive} file,
 * formatted inactive too) and compared with libvirt's output. Where libvirt's output is not in the corpus (kept for
 * independent checks, or a file only libvirt's schema test reads), the device must parse, format to a document
 * that validates against nodedev.rng, and read back to the same form. "-invalid" files must be refused.
 */
class NodeDevXml2XmlTest {
    @TestFactory
    Stream<DynamicTest> nodedev() {
        Path in = Corpus.folder("nodedevschemadata");
        Path out = in.resolveSibling("nodedevxml2xmlout");
        List<DynamicTest> tests = new ArrayList<>();
        for (Path f : Corpus.files(in, n -> n.endsWith(".xml"))) {
            String name = f.getFileName().toString();
            String base = name.substring(0, name.length() - 4);
            tests.add(Corpus.test("nodedev", name, () -> check(f, out.resolve(name), false)));
            Path inactive = out.resolve(base + "_inactive.xml");
            if (Files.exists(inactive)) {
                tests.add(Corpus.test("nodedev", base + "_inactive.xml", () -> check(f, inactive, true)));
            }
        }
        return tests.stream();
    }

    private static void check(Path in, Path out, boolean inactive) {
        String xml = Corpus.read(in);
        if (in.getFileName().toString().contains("-invalid")) {
            assertThatThrownBy(() -> XmlDocuments.parse(xml)).isInstanceOf(VirtException.class);
            return;
        }
        Set<DomainXMLFlag> flags = inactive ? EnumSet.of(DomainXMLFlag.INACTIVE) : EnumSet.noneOf(DomainXMLFlag.class);
        String actual = XmlDocuments.format(computeSizes(XmlDocuments.parse(xml, NodeDeviceDef.class)), flags);
        if (Files.exists(out)) {
            assertThat(actual).isEqualTo(Corpus.read(out));
            return;
        }
        assertThat(XmlSchemas.errors(actual, Corpus.folder("schemas").resolve("nodedev.rng")))
                .as("jvirt's form of %s against nodedev.rng", in.getFileName()).isEmpty();
        assertThat(XmlDocuments.format(computeSizes(XmlDocuments.parse(actual, NodeDeviceDef.class)), flags))
                .as("jvirt's form reads back to itself").isEqualTo(actual);
    }

    /** What libvirt's test computes after parsing: a disk's block size and count. */
    private static NodeDeviceDef computeSizes(NodeDeviceDef def) {
        for (NodeDeviceDef.Capability c : def.capabilities) {
            if (!"storage".equals(c.type)) {
                continue;
            }
            NodeDeviceDef.Capability.NestedCapability removable = c.capabilities.stream()
                    .filter(n -> "removable".equals(n.type)).findFirst().orElse(null);
            if (removable == null) {
                c.logicalBlockSize = "512";
                c.numBlocks = Long.toString(Long.parseLong(c.size) / 512);
            } else if ("1".equals(removable.mediaAvailable)) {
                removable.logicalBlockSize = "2048";
                removable.numBlocks = Long.toString(Long.parseLong(removable.mediaSize) / 2048);
            }
        }
        return def;
    }
}
