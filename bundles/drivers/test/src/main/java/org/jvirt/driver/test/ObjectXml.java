package org.jvirt.driver.test;

import java.io.StringWriter;
import java.util.Set;
import java.util.UUID;

import javax.xml.XMLConstants;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.Uuids;
import org.jvirt.api.VirtException;
import org.jvirt.conf.XmlDocuments;
import org.w3c.dom.Element;

/**
 * What the test driver needs from conf for the objects besides domains: parse and format through
 * {@link XmlDocuments}, copies, node-file elements as text, and the name and UUID every object is known by.
 */
final class ObjectXml {
    private ObjectXml() {
    }

    /** A document read as a section may be (a network update's fragment, a device to create, a copy). */
    static <T> T parse(String xml, Class<T> type) {
        return XmlDocuments.parse(xml, type);
    }

    /** A whole definition, as a define or a node file gives it: with the checks libvirt makes only of those. */
    static <T> T parseDefinition(String xml, Class<T> type) {
        return XmlDocuments.parseDefinition(xml, type, false);
    }

    static String format(Object def) {
        return XmlDocuments.format(def, Set.of());
    }

    /** A deep copy, by a format and parse cycle as libvirt's virXDefCopy. */
    @SuppressWarnings("unchecked")
    static <T> T copy(T def) {
        return parse(format(def), (Class<T>) def.getClass());
    }

    /** An element of a node file as a document of its own. */
    static String text(Element element) {
        try {
            TransformerFactory f = TransformerFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Transformer t = f.newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter out = new StringWriter();
            t.transform(new DOMSource(element), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.TEST, "cannot copy a node file element: "
                    + e.getMessage(), e);
        }
    }

    /** Fails with "missing name information" (VIR_ERR_NO_NAME) when a definition has no name. */
    static String requireName(String name, ErrorDomain domain) {
        if (name == null || name.isEmpty()) {
            throw new VirtException(ErrorCode.NO_NAME, domain, null);
        }
        return name;
    }

    /**
     * The UUID a definition gives, in canonical form, or a new random one when it gives none (as libvirt's parsers);
     * a malformed one fails with "malformed uuid element".
     */
    static UUID uuid(String text, ErrorDomain domain) {
        if (text == null || text.isBlank()) {
            return UUID.randomUUID();
        }
        if (!Uuids.isValid(text.strip())) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, domain, "malformed uuid element");
        }
        return Uuids.parse(text.strip());
    }
}
