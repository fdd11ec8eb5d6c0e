package org.jvirt.conf.internal;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import java.io.StringReader;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads an XML document into a DOM without trusting it: no DTD of any kind (so no entity but the five predefined
 * ones and character references), bounded size, nesting depth, element and attribute counts. A document that is not
 * well formed, or breaks a bound, fails with libvirt's XML_DETAIL error: "NAME:LINE: WHAT line L column C", the
 * offending line and a caret under the column.
 */
public final class GuardedXmlReader {
    /** The most characters a document may have. */
    public static final int MAX_CHARS = 10 * 1024 * 1024;
    /** The deepest nesting allowed (libxml2's own default without its "huge" option). */
    public static final int MAX_DEPTH = 256;
    /** The most elements a document may have. */
    public static final int MAX_ELEMENTS = 200_000;
    /** The most attributes one element may have. */
    public static final int MAX_ATTRIBUTES = 256;

    private static final XMLInputFactory FACTORY = newFactory();
    private static final DocumentBuilderFactory DOMS = DocumentBuilderFactory.newInstance();

    static {
        DOMS.setNamespaceAware(true);
    }

    private GuardedXmlReader() {
    }

    private static XMLInputFactory newFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    /**
     * Parses {@code xml}; {@code docName} names it in errors as libvirt does ("(domain_definition)", a file path).
     */
    public static Document parse(String xml, String docName) {
        if (xml.length() > MAX_CHARS) {
            throw detail(docName, xml, 1, 1, "document is larger than " + MAX_CHARS + " characters");
        }
        XMLStreamReader r;
        synchronized (FACTORY) {
            try {
                r = FACTORY.createXMLStreamReader(new StringReader(xml));
            } catch (XMLStreamException e) {
                throw fromStreamException(docName, xml, e);
            }
        }
        try {
            return build(r, docName, xml);
        } catch (XMLStreamException e) {
            throw fromStreamException(docName, xml, e);
        } finally {
            try {
                r.close();
            } catch (XMLStreamException e) {
                // nothing was held open beyond the string
            }
        }
    }

    private static Document build(XMLStreamReader r, String docName, String xml) throws XMLStreamException {
        Document doc;
        try {
            doc = DOMS.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.XML, "no XML document builder", e);
        }
        Node current = doc;
        int depth = 0;
        int elements = 0;
        while (r.hasNext()) {
            int ev = r.next();
            switch (ev) {
                case XMLStreamConstants.DTD -> throw at(docName, xml, r.getLocation(),
                        "document type declarations are not allowed");
                case XMLStreamConstants.ENTITY_REFERENCE -> throw at(docName, xml, r.getLocation(),
                        "Entity '" + r.getLocalName() + "' not defined");
                case XMLStreamConstants.START_ELEMENT -> {
                    depth++;
                    elements++;
                    if (depth > MAX_DEPTH) {
                        throw at(docName, xml, r.getLocation(),
                                "Excessive depth in document: " + MAX_DEPTH + " use XML_PARSE_HUGE option");
                    }
                    if (elements > MAX_ELEMENTS) {
                        throw at(docName, xml, r.getLocation(), "too many elements (more than " + MAX_ELEMENTS + ")");
                    }
                    if (r.getAttributeCount() > MAX_ATTRIBUTES) {
                        throw at(docName, xml, r.getLocation(), "too many attributes on element " + r.getLocalName());
                    }
                    Element e = doc.createElementNS(emptyToNull(r.getNamespaceURI()), qname(r.getPrefix(),
                            r.getLocalName()));
                    for (int i = 0; i < r.getNamespaceCount(); i++) {
                        String p = r.getNamespacePrefix(i);
                        e.setAttributeNS("http://www.w3.org/2000/xmlns/", p == null || p.isEmpty() ? "xmlns"
                                : "xmlns:" + p, r.getNamespaceURI(i));
                    }
                    for (int i = 0; i < r.getAttributeCount(); i++) {
                        e.setAttributeNS(emptyToNull(r.getAttributeNamespace(i)),
                                qname(r.getAttributePrefix(i), r.getAttributeLocalName(i)), r.getAttributeValue(i));
                    }
                    current.appendChild(e);
                    current = e;
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    depth--;
                    current = current.getParentNode();
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (current != doc) {
                        current.appendChild(doc.createTextNode(r.getText()));
                    }
                }
                default -> {
                    // comments and processing instructions carry nothing libvirt keeps
                }
            }
        }
        return doc;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static String qname(String prefix, String local) {
        return prefix == null || prefix.isEmpty() ? local : prefix + ":" + local;
    }

    private static VirtException fromStreamException(String docName, String xml, XMLStreamException e) {
        String msg = e.getMessage() == null ? "parser error" : e.getMessage();
        int i = msg.indexOf("Message: ");
        if (i >= 0) {
            msg = msg.substring(i + "Message: ".length());
        }
        msg = msg.strip();
        return at(docName, xml, e.getLocation(), msg);
    }

    private static VirtException at(String docName, String xml, Location loc, String what) {
        int line = loc == null ? 1 : Math.max(1, loc.getLineNumber());
        int col = loc == null ? 1 : Math.max(1, loc.getColumnNumber());
        return detail(docName, xml, line, col, what);
    }

    /** libvirt's shape of a parse error: the message, then the line in question and a caret under the column. */
    static VirtException detail(String docName, String xml, int line, int col, String what) {
        String context = lineOf(xml, line);
        int caret = Math.min(Math.max(col - 1, 0), context.length());
        String message = docName + ":" + line + ": " + what + " line " + line + " column " + col + "\n" + context
                + "\n" + "-".repeat(caret) + "^";
        return new VirtException(ErrorCode.XML_DETAIL, ErrorDomain.DOMAIN, message);
    }

    private static String lineOf(String xml, int line) {
        int start = 0;
        for (int n = 1; n < line; n++) {
            int nl = xml.indexOf('\n', start);
            if (nl < 0) {
                break;
            }
            start = nl + 1;
        }
        int end = xml.indexOf('\n', start);
        String s = end < 0 ? xml.substring(start) : xml.substring(start, end);
        // libvirt shows at most 80 characters of context
        return s.length() > 80 ? s.substring(0, 80) : s;
    }
}
