package org.jvirt.driver.test;

import java.io.StringReader;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.jvirt.api.DomainMetadataType;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.conf.domain.DomainDef;
import org.jvirt.conf.domain.Metadata;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/** A domain's title, description and namespaced {@code <metadata>} elements (virDomainObjGet/SetMetadata). */
final class DomainMetadata {
    private DomainMetadata() {
    }

    private static VirtException notFound() {
        return new VirtException(ErrorCode.NO_DOMAIN_METADATA, ErrorDomain.DOMAIN,
                "Requested metadata element is not present");
    }

    static String get(TestDomainObj o, DomainMetadataType type, String uri, int flags) {
        DomainDef def = DefAccess.one(o, flags);
        switch (type) {
            case DESCRIPTION:
                if (def.description == null) {
                    throw notFound();
                }
                return def.description;
            case TITLE:
                if (def.title == null) {
                    throw notFound();
                }
                return def.title;
            default:
                Element e = find(def, uri);
                if (e == null) {
                    throw notFound();
                }
                StringBuilder sb = new StringBuilder();
                write(e, sb, 0);
                return sb.toString();
        }
    }

    private static Element find(DomainDef def, String uri) {
        if (def.metadata == null || uri == null) {
            return null;
        }
        for (Element e : def.metadata.elements) {
            if (uri.equals(e.getNamespaceURI())) {
                return e;
            }
        }
        return null;
    }

    static void set(TestDomainObj o, DomainMetadataType type, String metadata, String key, String uri,
            int flags) {
        if (type == DomainMetadataType.ELEMENT) {
            if (metadata != null && key == null) {
                throw Errors.nonNull("key", "virDomainSetMetadata");
            }
            if (uri == null) {
                throw Errors.nonNull("uri", "virDomainSetMetadata");
            }
        }
        DefAccess.Defs defs = DefAccess.defs(o, flags);
        Element parsed = type == DomainMetadataType.ELEMENT && metadata != null ? parse(metadata, key, uri) : null;
        for (DomainDef def : new DomainDef[] {defs.live(), defs.config()}) {
            if (def == null) {
                continue;
            }
            String value = metadata == null || metadata.isEmpty() ? null : metadata;
            switch (type) {
                case DESCRIPTION -> def.description = value;
                case TITLE -> {
                    if (value != null && value.indexOf('\n') >= 0) {
                        throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.DOMAIN,
                                "title can't contain newlines");
                    }
                    def.title = value;
                }
                default -> {
                    // libvirt makes <metadata> only to add to it, and keeps it once empty: <metadata/> stays
                    if (def.metadata == null && parsed != null) {
                        def.metadata = new Metadata();
                    }
                    if (def.metadata != null) {
                        def.metadata.elements.removeIf(e -> uri.equals(e.getNamespaceURI()));
                    }
                    if (parsed != null) {
                        def.metadata.elements.add(parsed);
                    }
                }
            }
        }
    }

    /** The element with it and its descendants moved into {@code uri} with the prefix {@code key}. */
    private static Element parse(String xml, String key, String uri) {
        Document doc;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            doc = f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (Exception e) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN, "(metadata_xml):1: " + e.getMessage());
        }
        Document out;
        try {
            out = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
        } catch (Exception e) {
            throw Errors.internal(e.getMessage());
        }
        Element root = move(out, doc.getDocumentElement(), key, uri, true);
        out.appendChild(root);
        return root;
    }

    private static Element move(Document out, Element e, String key, String uri, boolean root) {
        Element c = out.createElementNS(uri, key + ":" + e.getLocalName());
        if (root) {
            // the namespace declaration comes first, as libvirt writes it
            c.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:" + key, uri);
        }
        NamedNodeMap attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Attr a = (Attr) attrs.item(i);
            if (!XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI())) {
                c.setAttribute(a.getName(), a.getValue());
            }
        }
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element k) {
                c.appendChild(move(out, k, key, uri, false));
            } else if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                c.appendChild(out.createTextNode(n.getNodeValue()));
            }
        }
        return c;
    }

    /** libxml2's formatted dump of the element without its namespace: children indented by two spaces. */
    private static void write(Element e, StringBuilder sb, int depth) {
        sb.append('<').append(e.getLocalName());
        NamedNodeMap attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Attr a = (Attr) attrs.item(i);
            if (!XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI())) {
                sb.append(' ').append(a.getName()).append("=\"").append(escape(a.getValue(), true)).append('"');
            }
        }
        boolean elementsOnly = true;
        boolean empty = true;
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            empty = false;
            if (!(n instanceof Element) && !(n.getNodeType() == Node.TEXT_NODE && n.getNodeValue().isBlank())) {
                elementsOnly = false;
            }
        }
        if (empty) {
            sb.append("/>");
            return;
        }
        sb.append('>');
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element k) {
                if (elementsOnly) {
                    sb.append('\n').append("  ".repeat(depth + 1));
                }
                write(k, sb, depth + 1);
            } else if (!elementsOnly) {
                sb.append(escape(n.getNodeValue(), false));
            }
        }
        if (elementsOnly) {
            sb.append('\n').append("  ".repeat(depth));
        }
        sb.append("</").append(e.getLocalName()).append('>');
    }

    private static String escape(String s, boolean attr) {
        String r = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return attr ? r.replace("\"", "&quot;") : r;
    }
}
