package org.jvirt.conf;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;

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

    /**
     * JAXB derives the XML name of a field that names none through its Java-name rules, which split words at
     * digits ({@code accel3d} is read as {@code accel3D}) while jvirt's writer uses the field's own name: such a
     * field must name its XML name, or JAXB silently drops what the document gives.
     */
    @Test
    void everyFieldThatJaxbWouldRenameNamesItsXmlName() {
        List<String> renamed = new ArrayList<>();
        Set<Class<?>> seen = new HashSet<>();
        Deque<Class<?>> todo = new ArrayDeque<>();
        for (XmlDocuments.Kind k : XmlDocuments.Kind.values()) {
            todo.add(k.type);
        }
        while (!todo.isEmpty()) {
            Class<?> c = todo.pop();
            if (!seen.add(c) || !c.getName().startsWith("org.jvirt.conf.")) {
                continue;
            }
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || !Modifier.isPublic(f.getModifiers())) {
                    continue;
                }
                XmlAttribute a = f.getAnnotation(XmlAttribute.class);
                XmlElement e = f.getAnnotation(XmlElement.class);
                boolean unnamed = a != null ? "##default".equals(a.name()) : e == null || "##default".equals(e.name());
                if (unnamed && f.getName().matches(".*[0-9][a-z].*")) {
                    renamed.add(c.getName() + "." + f.getName());
                }
                todo.add(f.getType());
                if (f.getGenericType() instanceof ParameterizedType pt
                        && pt.getActualTypeArguments()[0] instanceof Class<?> item) {
                    todo.add(item);
                }
            }
        }
        assertThat(seen).hasSizeGreaterThan(100);
        assertThat(renamed).isEmpty();
    }

    @Test
    void aDigitInAnAttributesNameIsRead() {
        DomainDef d = DomainXml.parse("<domain type='test'><name>n</name><memory>1024</memory><os><type>hvm</type>"
                + "</os><devices><video><model type='virtio'><acceleration accel3d='yes' accel2d='no'/></model>"
                + "</video></devices></domain>");
        assertThat(d.devices.videos.get(0).model.acceleration.accel3d).isEqualTo("yes");
        assertThat(DomainXml.format(d, EnumSet.noneOf(DomainXMLFlag.class)))
                .contains("<acceleration accel3d='yes' accel2d='no'/>");
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
