package org.jvirt.conf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Documents meant to hurt: they fail with an XML error, and nothing outside the document is read. */
class HostileXmlTest {
    @TempDir
    Path dir;

    private static void refused(String xml) {
        assertThatThrownBy(() -> DomainXml.parse(xml)).isInstanceOfSatisfying(VirtException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.XML_DETAIL));
    }

    @Test
    void refusesAnyDoctype() {
        refused("<!DOCTYPE domain><domain type='test'/>");
        refused("<!DOCTYPE domain [<!ENTITY x 'y'>]><domain type='test'><name>&x;</name></domain>");
    }

    @Test
    void readsNoExternalEntity() throws Exception {
        Path secret = dir.resolve("secret");
        Files.writeString(secret, "SECRET");
        String xml = "<!DOCTYPE domain [<!ENTITY x SYSTEM '" + secret.toUri() + "'>]>"
                + "<domain type='test'><name>&x;</name><memory>1</memory><os><type>hvm</type></os></domain>";
        assertThatThrownBy(() -> DomainXml.parse(xml)).isInstanceOfSatisfying(VirtException.class,
                e -> assertThat(e.getMessage()).doesNotContain("SECRET"));
    }

    @Test
    void refusesEntityExpansion() {
        StringBuilder sb = new StringBuilder("<!DOCTYPE d [<!ENTITY a 'aaaaaaaaaa'>");
        for (char c = 'b'; c <= 'k'; c++) {
            sb.append("<!ENTITY ").append(c).append(" '").append(("&" + (char) (c - 1) + ";").repeat(10)).append("'>");
        }
        sb.append("]><domain type='test'><name>&k;</name></domain>");
        refused(sb.toString());
    }

    @Test
    void undefinedEntitiesFail() {
        refused("<domain type='test'><name>&nope;</name></domain>");
    }

    @Test
    void failsFastOnAMillionNestedElements() {
        String xml = "<domain>" + "<a>".repeat(1_000_000) + "</a>".repeat(1_000_000) + "</domain>";
        assertThatThrownBy(() -> DomainXml.parse(xml)).isInstanceOfSatisfying(VirtException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.XML_DETAIL);
            assertThat(e.getMessage()).contains("Excessive depth in document: 256");
        });
    }

    @Test
    void refusesAHundredMegabyteDocument() {
        String xml = "<domain type='test'><description>" + "x".repeat(100 * 1024 * 1024) + "</description></domain>";
        assertThatThrownBy(() -> DomainXml.parse(xml)).isInstanceOfSatisfying(VirtException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.XML_DETAIL);
            assertThat(e.getMessage()).contains("document is larger than");
        });
    }

    @Test
    void refusesTooManyElements() {
        String xml = "<domain type='test'><devices>" + "<x/>".repeat(250_000) + "</devices></domain>";
        assertThatThrownBy(() -> DomainXml.parse(xml)).isInstanceOfSatisfying(VirtException.class,
                e -> assertThat(e.getMessage()).contains("too many elements"));
    }

    @Test
    void nodeFileNamedFilesAreGuardedToo() throws Exception {
        Files.writeString(dir.resolve("d.xml"), "<!DOCTYPE domain><domain type='test'/>");
        Files.writeString(dir.resolve("node.xml"), "<node><domain file='d.xml'/></node>");
        assertThatThrownBy(() -> TestNodeXml.read(dir.resolve("node.xml"), DomainParseOptions.testDriver()))
                .isInstanceOfSatisfying(VirtException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.XML_DETAIL);
                    assertThat(e.getMessage()).startsWith(dir.resolve("d.xml") + ":1: ");
                });
    }
}
