package org.jvirt.conf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.stream.Stream;

import org.jvirt.api.DomainXMLFlag;
import org.jvirt.api.VirtException;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * libvirt's xml2xml folders for every document kind but domains: each input formats exactly as the expected
 * output (the input itself where the folder has no output file); inputs libvirt refuses are refused.
 */
class DocumentXml2XmlTest {
    @TestFactory
    Stream<DynamicTest> network() {
        return folder("network", "networkxml2xmlin", "networkxml2xmlout", Missing.REFUSED);
    }

    @TestFactory
    Stream<DynamicTest> networkPort() {
        return folder("networkport", "virnetworkportxml2xmldata", "virnetworkportxml2xmldata", Missing.SAME_AS_INPUT);
    }

    @TestFactory
    Stream<DynamicTest> storagePool() {
        return folder("storagepool", "storagepoolxml2xmlin", "storagepoolxml2xmlout", Missing.REFUSED);
    }

    @TestFactory
    Stream<DynamicTest> storagePoolCaps() {
        return folder("storagepoolcaps", "storagepoolcapsschemadata", "storagepoolcapsschemadata",
                Missing.SAME_AS_INPUT);
    }

    @TestFactory
    Stream<DynamicTest> nwfilter() {
        return folder("nwfilter", "nwfilterxml2xmlin", "nwfilterxml2xmlout", Missing.WARNED);
    }

    @TestFactory
    Stream<DynamicTest> nwfilterBinding() {
        return folder("nwfilterbinding", "virnwfilterbindingxml2xmldata", "virnwfilterbindingxml2xmldata",
                Missing.SAME_AS_INPUT);
    }

    @TestFactory
    Stream<DynamicTest> secret() {
        return folder("secret", "secretxml2xmlin", "secretxml2xmlin", Missing.SAME_AS_INPUT);
    }

    @TestFactory
    Stream<DynamicTest> hostInterface() {
        return folder("interface", "interfaceschemadata", "interfaceschemadata", Missing.SAME_AS_INPUT);
    }

    @TestFactory
    Stream<DynamicTest> capabilities() {
        return folder("capabilities", "capabilityschemadata", "capabilityschemadata", Missing.SCHEMA_SAMPLE);
    }

    @TestFactory
    Stream<DynamicTest> domainCapabilities() {
        return folder("domaincaps", "domaincapsdata", "domaincapsdata", Missing.SAME_AS_INPUT);
    }

    /** What libvirt's own test expects of an input that has no output file of its own. */
    private enum Missing {
        /** The output is the input (folders whose test compares a document with itself). */
        SAME_AS_INPUT,
        /**
         * Hand-written samples libvirt's test only validates against the schema (capabilityschemadata: libvirt has
         * no parser for them): the output validates, and is the input byte for byte but for the order of the
         * children of the host's {@code <cpu>}, which libvirt's formatter fixes ({@link HostCpuOrder}).
         */
        SCHEMA_SAMPLE,
        /** libvirt refuses the input (its test has an output for every input it accepts). */
        REFUSED,
        /**
         * nwfilter's "-invalid" inputs: libvirt's test accepts their refusal, or, where they parse, the output (the
         * file without the suffix, where the corpus has it).
         */
        WARNED
    }

    private static Stream<DynamicTest> folder(String label, String in, String out, Missing missing) {
        Path inDir = Corpus.folder(in);
        Path outDir = inDir.resolveSibling(out);
        return Corpus.files(inDir, n -> n.endsWith(".xml")).stream()
                .map(f -> Corpus.test(label, f.getFileName().toString(), () -> check(f, outDir, missing)));
    }

    private static void check(Path f, Path outDir, Missing missing) {
        String name = f.getFileName().toString();
        String xml = Corpus.read(f);
        Path expected = outDir.resolve(name);
        if (missing == Missing.WARNED && name.contains("-invalid")) {
            Path out = Files.exists(expected) ? expected : outDir.resolve(name.replace("-invalid", ""));
            Object def;
            try {
                def = XmlDocuments.parse(xml);
            } catch (VirtException e) {
                // as libvirt's own test, a refusal is what is expected of these
                return;
            }
            String actual = XmlDocuments.format(def, EnumSet.of(DomainXMLFlag.SECURE));
            if (Files.exists(out)) {
                assertThat(actual).isEqualTo(Corpus.read(out));
            } else {
                assertThat(XmlDocuments.format(XmlDocuments.parse(actual), EnumSet.of(DomainXMLFlag.SECURE)))
                        .isEqualTo(actual);
            }
            return;
        }
        if (!Files.exists(expected)) {
            switch (missing) {
                case REFUSED, WARNED -> {
                    assertThatThrownBy(() -> XmlDocuments.parse(xml)).as("libvirt refuses %s", name)
                            .isInstanceOf(VirtException.class);
                    return;
                }
                default -> {
                    if (GenericXml2XmlTest.EXPECTED_FAILURE.matcher(name).find()) {
                        assertThatThrownBy(() -> XmlDocuments.parse(xml)).as("libvirt refuses %s", name)
                                .isInstanceOf(VirtException.class);
                        return;
                    }
                    expected = f;
                }
            }
        }
        String actual = XmlDocuments.format(XmlDocuments.parse(xml), EnumSet.of(DomainXMLFlag.SECURE));
        if (missing == Missing.SCHEMA_SAMPLE) {
            Path schema = Corpus.folder("schemas").resolve("capability.rng");
            assertThat(XmlSchemas.errors(actual, schema)).as("errors of %s's output against capability.rng", name)
                    .isEmpty();
            assertThat(actual).isEqualTo(HostCpuOrder.apply(Corpus.read(expected)));
            return;
        }
        assertThat(actual).isEqualTo(Corpus.read(expected));
    }
}
