package org.jvirt.conf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;

import jakarta.xml.bind.JAXBContext;

import org.jvirt.api.DomainXMLFlag;
import org.jvirt.conf.domain.DomainDef;
import org.jvirt.conf.internal.XmlBinding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The models are JAXB models: the JAXB runtime accepts each family's classes, and parsing goes through it. */
class JaxbBindingTest {
    @ParameterizedTest
    @EnumSource(XmlDocuments.Kind.class)
    void everyKindHasAJaxbContext(XmlDocuments.Kind kind) {
        JAXBContext c = XmlBinding.Family.of(kind.type).context();
        assertThat(c.getClass().getName()).startsWith("org.glassfish.jaxb.runtime");
        assertThat(c).isSameAs(XmlBinding.Family.of(kind.type).context());
    }

    @Test
    void theFirstOfARepeatedElementCounts() {
        DomainDef d = DomainXml.parse("<domain type='test'><name>first</name><name>second</name>"
                + "<memory>1024</memory><os><type>hvm</type></os><os><type>xen</type></os></domain>");
        assertThat(d.name).isEqualTo("first");
        assertThat(d.os.type.value).isEqualTo("hvm");
    }

    @Test
    void textBesideElementsIsKept() {
        DomainDef d = DomainXml.parse("<domain type='kvm'><name>n</name><memory>1024</memory>"
                + "<os><type arch='x86_64'>hvm</type><nvram>/var/lib/nvram.fd</nvram></os><devices>"
                + "<rng model='virtio'><backend model='random'>/dev/urandom</backend></rng></devices></domain>");
        assertThat(d.os.nvram.path).isEqualTo("/var/lib/nvram.fd");
        assertThat(d.devices.rngs.get(0).backend.value).isEqualTo("/dev/urandom");
        assertThat(DomainXml.format(d, EnumSet.noneOf(DomainXMLFlag.class)))
                .contains("<nvram>/var/lib/nvram.fd</nvram>")
                .contains("<backend model='random'>/dev/urandom</backend>");
    }

    @Test
    void elementsOfNoNamespaceThatNothingModelsAreDropped() {
        DomainDef d = DomainXml.parse("<domain type='test' xmlns:q='urn:q'><name>n</name><memory>1024</memory>"
                + "<os><type>hvm</type></os><nonsense/><q:kept a='1'/>"
                + "<metadata><plain/><q:app/></metadata></domain>");
        assertThat(d.namespaced).singleElement().satisfies(e -> assertThat(e.getLocalName()).isEqualTo("kept"));
        assertThat(d.metadata.elements).singleElement()
                .satisfies(e -> assertThat(e.getLocalName()).isEqualTo("app"));
    }
}
