package org.jvirt.conf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

import org.jvirt.api.DomainXMLFlag;
import org.jvirt.conf.domain.DomainDef;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The domain inputs of libvirt's QEMU corpus that libvirt accepts (those with an expected output) parse, and the
 * form jvirt formats from each validates against libvirt's domain.rng; domainschemadata's documents likewise.
 * The QEMU driver's own defaults (machine types, PCI addresses, implicit devices) are not the XML layer's, so the
 * output is checked for validity, not compared with QEMU's expected files.
 */
class QemuXmlConfTest {
    @TestFactory
    Stream<DynamicTest> qemuxmlconfdataParses() {
        Path dir = Corpus.folder("qemuxmlconfdata");
        return accepted(dir).stream().map(f -> Corpus.test("qemuxmlconfdata-parse", f.getFileName().toString(),
                () -> parse(f)));
    }

    @TestFactory
    Stream<DynamicTest> qemuxmlconfdataValidates() {
        Path dir = Corpus.folder("qemuxmlconfdata");
        Path schema = Corpus.folder("schemas").resolve("domain.rng");
        return accepted(dir).stream().map(f -> Corpus.test("qemuxmlconfdata-rng", f.getFileName().toString(),
                () -> validates(f, schema)));
    }

    @TestFactory
    Stream<DynamicTest> domainschemadataValidates() {
        Path dir = Corpus.folder("domainschemadata");
        Path schema = Corpus.folder("schemas").resolve("domain.rng");
        return Corpus.files(dir, n -> n.endsWith(".xml")).stream().map(f -> Corpus.test("domainschemadata",
                f.getFileName().toString(), () -> validates(f, schema)));
    }

    /** The inputs libvirt accepts: NAME.xml with some expected output (NAME.ARCH-VERSION.xml or .args). */
    static List<Path> accepted(Path dir) {
        List<Path> all = Corpus.files(dir, n -> true);
        return all.stream().filter(f -> f.getFileName().toString().matches("[^.]+\\.xml")).filter(f -> {
            String base = f.getFileName().toString().replace(".xml", ".");
            return all.stream().anyMatch(o -> o.getFileName().toString().startsWith(base)
                    && !o.equals(f));
        }).toList();
    }

    private static DomainDef parse(Path f) {
        DomainDef d = DomainXml.parse(Corpus.read(f), DomainParseOptions.qemu());
        assertThat(d.name).isNotBlank();
        return d;
    }

    private static void validates(Path f, Path schema) {
        String xml = DomainXml.format(parse(f), EnumSet.of(DomainXMLFlag.SECURE, DomainXMLFlag.INACTIVE));
        assertThat(XmlSchemas.errors(xml, schema)).as("errors of %s against domain.rng:%n%s", f.getFileName(), xml)
                .isEmpty();
        assertThat(Files.exists(schema)).isTrue();
    }
}
