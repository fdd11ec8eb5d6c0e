package org.jvirt.conf.internal;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

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
     * Opens {@code xml} for reading with every guard on, standing on the root element's start; {@code docName}
     * names the document in errors as libvirt does ("(domain_definition)", a file path). Every event read
     * through it is checked, so JAXB reading from it meets the same bounds; {@link #finish} reads past the root to
     * the end, so nothing after the root goes unchecked.
     */
    public static XMLStreamReader open(String xml, String docName) {
        if (xml.length() > MAX_CHARS) {
            throw detail(docName, xml, 1, 1, "document is larger than " + MAX_CHARS + " characters");
        }
        XMLStreamReader raw;
        synchronized (FACTORY) {
            try {
                raw = FACTORY.createXMLStreamReader(new StringReader(xml));
            } catch (XMLStreamException e) {
                throw fromStreamException(docName, xml, e);
            }
        }
        Guard g = new Guard(raw, docName, xml);
        g.toRoot();
        return g;
    }

    /** Reads what is left of a document opened with {@link #open} (it must be nothing but comments) and closes it. */
    public static void finish(XMLStreamReader r) {
        Guard g = (Guard) r;
        try {
            while (g.hasNext()) {
                g.next();
            }
        } catch (XMLStreamException e) {
            throw g.failure(e);
        } finally {
            g.closeQuietly();
        }
    }

    /** Closes a document opened with {@link #open} without reading further (after an error). */
    public static void close(XMLStreamReader r) {
        ((Guard) r).closeQuietly();
    }

    /**
     * Parses {@code xml} into a DOM; {@code docName} names it in errors as libvirt does ("(domain_definition)", a
     * file path).
     */
    public static Document parse(String xml, String docName) {
        Guard r = (Guard) open(xml, docName);
        try {
            Document doc = build(r);
            finish(r);
            return doc;
        } catch (XMLStreamException e) {
            throw r.failure(e);
        } finally {
            r.closeQuietly();
        }
    }

    private static Document build(Guard r) throws XMLStreamException {
        Document doc;
        try {
            doc = DOMS.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.XML, "no XML document builder", e);
        }
        Node current = doc;
        int depth = 0;
        int ev = r.getEventType();
        while (true) {
            switch (ev) {
                case XMLStreamConstants.START_ELEMENT -> {
                    depth++;
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
                    if (depth == 0) {
                        return doc;
                    }
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                    current.appendChild(doc.createTextNode(r.getText()));
                default -> {
                    // comments and processing instructions carry nothing libvirt keeps
                }
            }
            ev = r.next();
        }
    }

    /**
     * The checks, on every event read: no DTD, no entity reference left unexpanded (there is no DTD to define
     * one), bounded depth, element count and attributes per element. Errors of the parser itself become libvirt's
     * XML_DETAIL error as well.
     */
    private static final class Guard extends StreamReaderDelegate {
        private final String docName;
        private final String xml;
        private int depth;
        private int elements;

        Guard(XMLStreamReader r, String docName, String xml) {
            super(r);
            this.docName = docName;
            this.xml = xml;
        }

        void toRoot() {
            try {
                check(getEventType());
                while (getEventType() != XMLStreamConstants.START_ELEMENT) {
                    if (!hasNext()) {
                        throw at(docName, xml, getLocation(), "Document is empty");
                    }
                    next();
                }
            } catch (XMLStreamException e) {
                closeQuietly();
                throw failure(e);
            } catch (VirtException e) {
                closeQuietly();
                throw e;
            }
        }

        @Override
        public int next() throws XMLStreamException {
            int ev;
            try {
                ev = super.next();
            } catch (XMLStreamException e) {
                throw failure(e);
            }
            check(ev);
            return ev;
        }

        @Override
        public int nextTag() throws XMLStreamException {
            int ev = next();
            while (ev == XMLStreamConstants.CHARACTERS && isWhiteSpace() || ev == XMLStreamConstants.SPACE
                    || ev == XMLStreamConstants.COMMENT || ev == XMLStreamConstants.PROCESSING_INSTRUCTION) {
                ev = next();
            }
            if (ev != XMLStreamConstants.START_ELEMENT && ev != XMLStreamConstants.END_ELEMENT) {
                throw at(docName, xml, getLocation(), "expected start or end tag");
            }
            return ev;
        }

        @Override
        public String getElementText() throws XMLStreamException {
            StringBuilder sb = new StringBuilder();
            int ev = next();
            while (ev != XMLStreamConstants.END_ELEMENT) {
                if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA
                        || ev == XMLStreamConstants.SPACE) {
                    sb.append(getText());
                } else if (ev == XMLStreamConstants.START_ELEMENT) {
                    throw at(docName, xml, getLocation(), "element text expected, not an element");
                }
                ev = next();
            }
            return sb.toString();
        }

        private void check(int ev) {
            switch (ev) {
                case XMLStreamConstants.DTD -> throw at(docName, xml, getLocation(),
                        "document type declarations are not allowed");
                case XMLStreamConstants.ENTITY_REFERENCE -> throw at(docName, xml, getLocation(),
                        "Entity '" + getLocalName() + "' not defined");
                case XMLStreamConstants.START_ELEMENT -> {
                    depth++;
                    elements++;
                    if (depth > MAX_DEPTH) {
                        throw at(docName, xml, getLocation(),
                                "Excessive depth in document: " + MAX_DEPTH + " use XML_PARSE_HUGE option");
                    }
                    if (elements > MAX_ELEMENTS) {
                        throw at(docName, xml, getLocation(), "too many elements (more than " + MAX_ELEMENTS + ")");
                    }
                    if (getAttributeCount() > MAX_ATTRIBUTES) {
                        throw at(docName, xml, getLocation(), "too many attributes on element " + getLocalName());
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> depth--;
                default -> {
                    // text, comments, processing instructions and the document's ends need no check
                }
            }
        }

        VirtException failure(XMLStreamException e) {
            return fromStreamException(docName, xml, e);
        }

        void closeQuietly() {
            try {
                close();
            } catch (XMLStreamException e) {
                // nothing was held open beyond the string
            }
        }
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
