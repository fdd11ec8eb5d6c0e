package org.jvirt.conf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.jvirt.api.DomainCheckpointCreateFlag;
import org.jvirt.api.DomainCreateFlag;
import org.jvirt.api.DomainDefineFlag;
import org.jvirt.api.DomainXMLFlag;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.NetworkDefineFlag;
import org.jvirt.api.StorageVolCreateFlag;
import org.jvirt.api.VirtException;
import org.jvirt.conf.XmlDocuments.Kind;
import org.jvirt.conf.domain.DomainDef;
import org.jvirt.conf.storage.StoragePoolDef;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The VALIDATE hook: every document kind, asked to validate, is checked against its own libvirt schema before it is
 * parsed, and fails with libvirt's XML_INVALID_SCHEMA error; without the flag the same document is parsed as
 * libvirt parses it. Needs libvirt's schemas (the corpus's {@code schemas} folder): skipped, saying so, without.
 */
class SchemaValidationTest {
    /** A corpus folder holding documents of each kind (libvirt's own schema tests validate them). */
    private static final Map<Kind, String> FOLDERS = Map.ofEntries(
            Map.entry(Kind.DOMAIN, "domainschemadata"), Map.entry(Kind.NETWORK, "networkxml2xmlin"),
            Map.entry(Kind.NETWORK_PORT, "virnetworkportxml2xmldata"),
            Map.entry(Kind.STORAGE_POOL, "storagepoolxml2xmlin"), Map.entry(Kind.STORAGE_VOL, "storagevolxml2xmlin"),
            Map.entry(Kind.STORAGE_POOL_CAPS, "storagepoolcapsschemadata"),
            Map.entry(Kind.NWFILTER, "nwfilterxml2xmlin"),
            Map.entry(Kind.NWFILTER_BINDING, "virnwfilterbindingxml2xmldata"),
            Map.entry(Kind.SECRET, "secretxml2xmlin"), Map.entry(Kind.NODE_DEVICE, "nodedevschemadata"),
            Map.entry(Kind.INTERFACE, "interfaceschemadata"), Map.entry(Kind.CAPABILITIES, "capabilityschemadata"),
            Map.entry(Kind.DOMAIN_CAPABILITIES, "domaincapsdata"),
            Map.entry(Kind.SNAPSHOT, "qemudomainsnapshotxml2xmlin"),
            Map.entry(Kind.CHECKPOINT, "qemudomaincheckpointxml2xmlin"),
            Map.entry(Kind.BACKUP, "domainbackupxml2xmlin"));

    private static Path schemas() {
        Path dir = XmlSchemas.folder();
        Assumptions.assumeTrue(dir != null, "libvirt's schemas (jvirt.schemas) are absent: VALIDATE not checked");
        return dir;
    }

    /** The first document of {@code kind} in its folder that libvirt does not mean to be refused. */
    private static String sample(Kind kind) {
        Path dir = Corpus.folder(FOLDERS.get(kind));
        for (Path p : Corpus.files(dir, n -> n.endsWith(".xml") && !n.contains("invalid"))) {
            String xml = Corpus.read(p);
            if (XmlSchemas.rootOf(xml, p.toString()).equals(kind.root)) {
                return xml;
            }
        }
        throw new AssertionError("no <" + kind.root + "> document in " + dir);
    }

    /** The document with an element no schema of libvirt allows, as the root's first child. */
    private static String withStrayElement(String xml, Kind kind) {
        int open = xml.indexOf("<" + kind.root);
        int end = xml.indexOf('>', open);
        boolean empty = xml.charAt(end - 1) == '/';
        return empty ? xml.substring(0, end - 1) + "><jvirtStray/></" + kind.root + ">" + xml.substring(end + 1)
                : xml.substring(0, end + 1) + "<jvirtStray/>" + xml.substring(end + 1);
    }

    @TestFactory
    Stream<DynamicTest> everyKindIsCheckedAgainstItsOwnSchema() {
        Path dir = schemas();
        return Stream.of(Kind.values()).map(kind -> DynamicTest.dynamicTest(kind.root, () -> {
            String xml = sample(kind);
            XmlSchemas.validate(xml, kind);
            String rng = dir.resolve(XmlSchemas.BY_ROOT.get(kind.root) + ".rng").toString();
            String bad = withStrayElement(xml, kind);
            assertThatThrownBy(() -> XmlSchemas.validate(bad, kind)).isInstanceOfSatisfying(VirtException.class,
                    e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.XML_INVALID_SCHEMA);
                        assertThat(e.domain()).isEqualTo(ErrorDomain.XML);
                        assertThat(e.getMessage()).startsWith("XML document failed to validate against schema: "
                                + "Unable to validate doc against " + rng + "\n").contains("jvirtStray");
                    });
            assertThatThrownBy(() -> XmlDocuments.parse(bad, true)).isInstanceOfSatisfying(VirtException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.XML_INVALID_SCHEMA));
            if (kind != Kind.SNAPSHOT && kind != Kind.CHECKPOINT && kind != Kind.BACKUP) {
                // moments are parsed as a driver parses them (MomentXml, BackupXml), with the driver's options
                assertThatThrownBy(() -> XmlDocuments.parse(bad, kind.type, true))
                        .isInstanceOfSatisfying(VirtException.class,
                                e -> assertThat(e.code()).isEqualTo(ErrorCode.XML_INVALID_SCHEMA));
            }
        }));
    }

    private static final String DOMAIN = "<domain type='test'><name>a</name><memory>1024</memory>"
            + "<os><type>hvm</type></os></domain>";

    @Test
    void aDomainIsValidatedOnlyWhenAsked() {
        schemas();
        String stray = DOMAIN.replace("<name>a</name>", "<name>a</name><bogus/>");
        // libvirt ignores an element it does not know unless the schema is asked for
        DomainDef d = DomainXml.parse(stray, DomainParseOptions.testDriver());
        assertThat(DomainXml.format(d, Set.<DomainXMLFlag>of())).doesNotContain("bogus");
        assertThatThrownBy(() -> DomainXml.parse(stray, DomainParseOptions.testDriver().validating()))
                .isInstanceOfSatisfying(VirtException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.XML_INVALID_SCHEMA);
                    assertThat(e.getMessage()).startsWith("XML document failed to validate against schema: "
                            + "Unable to validate doc against ").contains("domain.rng\n").contains("bogus");
                });
        assertThat(DomainXml.parse(DOMAIN, DomainParseOptions.testDriver().validating()).name).isEqualTo("a");
    }

    @Test
    void theApisValidateFlagsSwitchItOn() {
        schemas();
        String stray = DOMAIN.replace("<name>a</name>", "<name>a</name><bogus/>");
        DomainParseOptions opts = DomainParseOptions.testDriver();
        assertThat(opts.validating(Set.of(DomainDefineFlag.VALIDATE)).validateSchema()).isTrue();
        assertThat(opts.validating(Set.of(DomainCreateFlag.START_VALIDATE)).validateSchema()).isTrue();
        assertThat(opts.validating(Set.of()).validateSchema()).isFalse();
        assertThat(opts.validating(Set.of(DomainCreateFlag.START_PAUSED)).validateSchema()).isFalse();
        assertThatThrownBy(() -> DomainXml.parse(stray, opts.validating(Set.of(DomainDefineFlag.VALIDATE))))
                .isInstanceOf(VirtException.class);
        assertThat(XmlSchemas.requested(Set.of(NetworkDefineFlag.VALIDATE))).isTrue();
        assertThat(XmlSchemas.requested(List.of(StorageVolCreateFlag.PREALLOC_METADATA,
                StorageVolCreateFlag.VALIDATE))).isTrue();
        // REDEFINE_VALIDATE checks a checkpoint's bitmaps against the domain, not the schema
        assertThat(XmlSchemas.requested(Set.of(DomainCheckpointCreateFlag.REDEFINE_VALIDATE))).isFalse();
        assertThat(XmlSchemas.requested(null)).isFalse();
    }

    @Test
    void wellFormednessAndTheRootComeBeforeTheSchema() {
        schemas();
        String unclosed = "<pool type='dir'><name>p</name><target><path>/p</path></target>";
        assertThatThrownBy(() -> StorageXml.parsePool(unclosed, true)).isInstanceOfSatisfying(VirtException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.XML_DETAIL));
        assertThatThrownBy(() -> XmlDocuments.parse("<network><name>n</name></network>", StoragePoolDef.class,
                true)).isInstanceOfSatisfying(VirtException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.XML_ERROR);
                    assertThat(e.getMessage()).isEqualTo("XML error: expecting root element of 'pool', not 'network'");
                });
        // a document the schema refuses fails on the schema before libvirt's own checks see it
        String badType = "<pool type='nosuch'><name>p</name><target><path>/p</path></target></pool>";
        assertThatThrownBy(() -> StorageXml.parsePool(badType, false)).isInstanceOfSatisfying(VirtException.class,
                e -> assertThat(e.code()).isNotEqualTo(ErrorCode.XML_INVALID_SCHEMA));
        assertThatThrownBy(() -> StorageXml.parsePool(badType, true)).isInstanceOfSatisfying(VirtException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.XML_INVALID_SCHEMA));
        assertThat(StorageXml.parsePool(unclosed + "</pool>", true).name).isEqualTo("p");
    }

    @Test
    void aVolumeIsValidatedForItsPool() {
        schemas();
        StoragePoolDef pool = StorageXml.parsePool("<pool type='dir'><name>p</name><target><path>/p</path>"
                + "</target></pool>");
        String vol = "<volume><name>v</name><capacity>1</capacity><target><path>/p/v</path></target></volume>";
        assertThat(StorageXml.parseVolume(pool, vol, false, true).name).isEqualTo("v");
        assertThatThrownBy(() -> StorageXml.parseVolume(pool, vol.replace("<name>", "<bogus/><name>"), false, true))
                .isInstanceOfSatisfying(VirtException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.XML_INVALID_SCHEMA));
    }
}
