package org.jvirt.conf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The documents meant to hurt, for every document kind, read both as that kind and as "any document": a DTD,
 * an external entity, an entity expansion, a million nested elements, a 100 MB attribute. Each is refused with
 * libvirt's XML error before anything of it is bound, and nothing outside the document is read.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class HostileDocumentsTest {
    @TempDir
    static Path dir;
    private static Path secret;
    /** 100 MB of attribute value, made once for every kind. */
    private static final String HUGE = "x".repeat(100 * 1024 * 1024);

    @BeforeAll
    static void secretFile() throws Exception {
        secret = dir.resolve("secret");
        Files.writeString(secret, "SECRET-CONTENT");
    }

    private static void refused(XmlDocuments.Kind kind, String xml, Consumer<VirtException> also) {
        for (boolean typed : new boolean[] {true, false}) {
            assertThatThrownBy(() -> {
                if (typed) {
                    XmlDocuments.parse(xml, kind.type);
                } else {
                    XmlDocuments.parse(xml);
                }
            }).isInstanceOfSatisfying(VirtException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.XML_DETAIL);
                assertThat(e.getMessage()).doesNotContain("SECRET-CONTENT");
                also.accept(e);
            });
        }
    }

    @ParameterizedTest
    @EnumSource(XmlDocuments.Kind.class)
    void aDoctypeIsRefused(XmlDocuments.Kind kind) {
        refused(kind, "<!DOCTYPE " + kind.root + "><" + kind.root + "/>",
                e -> assertThat(e.getMessage()).contains("document type declarations are not allowed"));
    }

    @ParameterizedTest
    @EnumSource(XmlDocuments.Kind.class)
    void anExternalEntityIsNeverRead(XmlDocuments.Kind kind) {
        refused(kind, "<!DOCTYPE " + kind.root + " [<!ENTITY x SYSTEM '" + secret.toUri() + "'>]><" + kind.root
                + "><name>&x;</name></" + kind.root + ">", e -> { });
    }

    @ParameterizedTest
    @EnumSource(XmlDocuments.Kind.class)
    void aRemoteOrParameterEntityIsNeverFetched(XmlDocuments.Kind kind) {
        refused(kind, "<!DOCTYPE " + kind.root + " [<!ENTITY x SYSTEM 'http://127.0.0.1:9/x'>]><" + kind.root
                + "><name>&x;</name></" + kind.root + ">", e -> { });
        refused(kind, "<!DOCTYPE " + kind.root + " [<!ENTITY % p SYSTEM '" + secret.toUri() + "'> %p;]><"
                + kind.root + "/>", e -> { });
    }

    @ParameterizedTest
    @EnumSource(XmlDocuments.Kind.class)
    void anEntityExpansionIsRefused(XmlDocuments.Kind kind) {
        StringBuilder sb = new StringBuilder("<!DOCTYPE " + kind.root + " [<!ENTITY a 'aaaaaaaaaa'>");
        for (char c = 'b'; c <= 'k'; c++) {
            sb.append("<!ENTITY ").append(c).append(" '").append(("&" + (char) (c - 1) + ";").repeat(10))
                    .append("'>");
        }
        sb.append("]><").append(kind.root).append("><name>&k;</name></").append(kind.root).append('>');
        refused(kind, sb.toString(), e -> { });
    }

    @ParameterizedTest
    @EnumSource(XmlDocuments.Kind.class)
    void anUndefinedEntityIsRefused(XmlDocuments.Kind kind) {
        refused(kind, "<" + kind.root + "><name>&nope;</name></" + kind.root + ">", e -> { });
    }

    @ParameterizedTest
    @EnumSource(XmlDocuments.Kind.class)
    void aMillionNestedElementsAreRefused(XmlDocuments.Kind kind) {
        String xml = "<" + kind.root + ">" + "<a>".repeat(1_000_000) + "</a>".repeat(1_000_000) + "</" + kind.root
                + ">";
        refused(kind, xml, e -> assertThat(e.getMessage()).contains("Excessive depth in document: 256"));
    }

    @ParameterizedTest
    @EnumSource(XmlDocuments.Kind.class)
    void aHundredMegabyteAttributeIsRefused(XmlDocuments.Kind kind) {
        refused(kind, "<" + kind.root + " a='" + HUGE + "'/>",
                e -> assertThat(e.getMessage()).contains("document is larger than"));
    }

    @ParameterizedTest
    @EnumSource(XmlDocuments.Kind.class)
    void aMalformedDocumentSaysWhere(XmlDocuments.Kind kind) {
        refused(kind, "<" + kind.root + ">\n  <name>x</nam>\n</" + kind.root + ">",
                e -> assertThat(e.getMessage()).contains(":2: ").contains("line 2 column"));
    }
}
