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
        return folder("network", "networkxml2xmlin", "networkxml2xmlout");
    }

    @TestFactory
    Stream<DynamicTest> networkPort() {
        return folder("networkport", "virnetworkportxml2xmldata", "virnetworkportxml2xmldata");
    }

    @TestFactory
    Stream<DynamicTest> storagePool() {
        return folder("storagepool", "storagepoolxml2xmlin", "storagepoolxml2xmlout");
    }

    @TestFactory
    Stream<DynamicTest> storagePoolCaps() {
        return folder("storagepoolcaps", "storagepoolcapsschemadata", "storagepoolcapsschemadata");
    }

    @TestFactory
    Stream<DynamicTest> storageVol() {
        return folder("storagevol", "storagevolxml2xmlin", "storagevolxml2xmlout");
    }

    @TestFactory
    Stream<DynamicTest> nwfilter() {
        return folder("nwfilter", "nwfilterxml2xmlin", "nwfilterxml2xmlout");
    }

    @TestFactory
    Stream<DynamicTest> nwfilterBinding() {
        return folder("nwfilterbinding", "virnwfilterbindingxml2xmldata", "virnwfilterbindingxml2xmldata");
    }

    @TestFactory
    Stream<DynamicTest> secret() {
        return folder("secret", "secretxml2xmlin", "secretxml2xmlin");
    }

    @TestFactory
    Stream<DynamicTest> hostInterface() {
        return folder("interface", "interfaceschemadata", "interfaceschemadata");
    }

    @TestFactory
    Stream<DynamicTest> capabilities() {
        return folder("capabilities", "capabilityschemadata", "capabilityschemadata");
    }

    @TestFactory
    Stream<DynamicTest> domainCapabilities() {
        return folder("domaincaps", "domaincapsdata", "domaincapsdata");
    }

    private static Stream<DynamicTest> folder(String label, String in, String out) {
        Path inDir = Corpus.folder(in);
        Path outDir = inDir.resolveSibling(out);
        return Corpus.files(inDir, n -> n.endsWith(".xml")).stream()
                .map(f -> Corpus.test(label, f.getFileName().toString(), () -> check(f, outDir)));
    }

    private static void check(Path f, Path outDir) {
        String name = f.getFileName().toString();
        String xml = Corpus.read(f);
        if (GenericXml2XmlTest.EXPECTED_FAILURE.matcher(name).find() && !Files.exists(outDir.resolve(name))) {
            assertThatThrownBy(() -> XmlDocuments.parse(xml)).as("libvirt refuses %s", name)
                    .isInstanceOf(VirtException.class);
            return;
        }
        Path expected = Files.exists(outDir.resolve(name)) ? outDir.resolve(name) : f;
        String actual = XmlDocuments.format(XmlDocuments.parse(xml), EnumSet.of(DomainXMLFlag.SECURE));
        assertThat(actual).isEqualTo(Corpus.read(expected));
    }
}
