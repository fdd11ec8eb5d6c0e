package org.jvirt.shell.internal.commands;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.SAXParserFactory;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.ext.DefaultHandler2;

/**
 * An XML document virsh edits before handing it back (a disk for detach-disk, an interface for domif-setlink):
 * parsed with its blank text kept, as libvirt parses, so that a node printed again shows the driver's own
 * indentation, and printed as libxml prints a node (double quotes, empty elements closed with "/>").
 */
final class XmlTree {
    private XmlTree() {
    }

    /** A node of the tree. */
    sealed interface Node permits Element, Text, Raw {
    }

    /** Character data. */
    record Text(String value) implements Node {
    }

    /** A comment, CDATA section or processing instruction, kept as it prints. */
    record Raw(String markup) implements Node {
    }

    /** An element: its attributes in document order, its children. */
    static final class Element implements Node {
        private final String name;
        private final Map<String, String> attributes = new LinkedHashMap<>();
        private final List<Node> children = new ArrayList<>();

        Element(String name) {
            this.name = name;
        }

        String name() {
            return name;
        }

        List<Node> children() {
            return children;
        }

        /** The attribute, or null. */
        String attr(String attr) {
            return attributes.get(attr);
        }

        /** Sets an attribute: an existing one keeps its place, a new one goes last (xmlSetProp). */
        Element attr(String attr, String value) {
            attributes.put(attr, value);
            return this;
        }

        /** The first child element of that name, or null. */
        Element child(String childName) {
            for (Node n : children) {
                if (n instanceof Element e && e.name.equals(childName)) {
                    return e;
                }
            }
            return null;
        }

        /** Every child element of that name. */
        List<Element> elements(String childName) {
            List<Element> out = new ArrayList<>();
            for (Node n : children) {
                if (n instanceof Element e && e.name.equals(childName)) {
                    out.add(e);
                }
            }
            return out;
        }

        /** The element at a path of child names ("devices/disk"), or null. */
        Element path(String path) {
            Element at = this;
            for (String step : path.split("/")) {
                at = at.child(step);
                if (at == null) {
                    return null;
                }
            }
            return at;
        }

        /** All text inside, as XPath's string() gives it. */
        String text() {
            StringBuilder b = new StringBuilder();
            for (Node n : children) {
                if (n instanceof Text t) {
                    b.append(t.value());
                } else if (n instanceof Element e) {
                    b.append(e.text());
                }
            }
            return b.toString();
        }

        /** Appends a new child element (xmlNewChild) and returns it. */
        Element add(String childName) {
            Element e = new Element(childName);
            children.add(e);
            return e;
        }

        void remove(Node child) {
            children.remove(child);
        }

        /** A deep copy (xmlCopyNode with children). */
        Element copy() {
            Element e = new Element(name);
            e.attributes.putAll(attributes);
            for (Node n : children) {
                e.children.add(n instanceof Element c ? c.copy() : n);
            }
            return e;
        }

        /** Replaces the text inside with {@code value} (xmlNodeSetContent). */
        void content(String value) {
            children.clear();
            children.add(new Text(value));
        }
    }

    /** Parses a document; blank text between elements is kept, as libvirt's parser keeps it. */
    static Element parse(String xml) {
        try {
            SAXParserFactory spf = SAXParserFactory.newInstance();
            spf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            spf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            var parser = spf.newSAXParser();
            Builder builder = new Builder();
            parser.setProperty("http://xml.org/sax/properties/lexical-handler", builder);
            parser.parse(new InputSource(new StringReader(xml)), builder);
            return builder.root;
        } catch (Exception e) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.NONE, String.valueOf(e.getMessage()), null);
        }
    }

    /** An element as libxml's xmlNodeDump prints it with formatting asked for (virXMLNodeToString). */
    static String dump(Element e) {
        StringBuilder out = new StringBuilder();
        write(out, e, 0, true);
        return out.toString();
    }

    /** A whole document as xmlDocDumpMemory prints it: the declaration, the root unformatted, a newline. */
    static String document(Element root) {
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\"?>\n");
        write(out, root, 0, false);
        return out.append('\n').toString();
    }

    private static void write(StringBuilder out, Node node, int level, boolean format) {
        if (node instanceof Text t) {
            out.append(escapeText(t.value()));
            return;
        }
        if (node instanceof Raw r) {
            out.append(r.markup());
            return;
        }
        Element e = (Element) node;
        out.append('<').append(e.name);
        e.attributes.forEach((k, v) -> out.append(' ').append(k).append("=\"").append(escapeAttribute(v)).append('"'));
        if (e.children.isEmpty()) {
            out.append("/>");
            return;
        }
        out.append('>');
        // libxml indents children only when none of them is text
        boolean indent = format && e.children.stream().noneMatch(c -> c instanceof Text);
        if (indent) {
            out.append('\n');
        }
        for (Node c : e.children) {
            if (indent) {
                out.append("  ".repeat(level + 1));
            }
            write(out, c, indent ? level + 1 : level, format);
            if (indent) {
                out.append('\n');
            }
        }
        if (indent) {
            out.append("  ".repeat(level));
        }
        out.append("</").append(e.name).append('>');
    }

    private static String escapeText(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '\r' -> b.append("&#13;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static String escapeAttribute(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\r' -> b.append("&#13;");
                case '\n' -> b.append("&#10;");
                case '\t' -> b.append("&#9;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static final class Builder extends DefaultHandler2 {
        private Element root;
        private final List<Element> open = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();
        private boolean inCdata;
        private final StringBuilder cdata = new StringBuilder();

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attrs) {
            flush();
            Element e = new Element(qName);
            for (int i = 0; i < attrs.getLength(); i++) {
                e.attr(attrs.getQName(i), attrs.getValue(i));
            }
            if (open.isEmpty()) {
                root = e;
            } else {
                open.get(open.size() - 1).children.add(e);
            }
            open.add(e);
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            flush();
            open.remove(open.size() - 1);
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            (inCdata ? cdata : text).append(ch, start, length);
        }

        @Override
        public void startCDATA() {
            flush();
            inCdata = true;
        }

        @Override
        public void endCDATA() {
            inCdata = false;
            add(new Raw("<![CDATA[" + cdata + "]]>"));
            cdata.setLength(0);
        }

        @Override
        public void comment(char[] ch, int start, int length) {
            flush();
            add(new Raw("<!--" + new String(ch, start, length) + "-->"));
        }

        @Override
        public void processingInstruction(String target, String data) {
            flush();
            add(new Raw("<?" + target + (data == null || data.isEmpty() ? "" : " " + data) + "?>"));
        }

        private void flush() {
            if (text.length() > 0) {
                add(new Text(text.toString()));
                text.setLength(0);
            }
        }

        /** Adds to the element being read; what lies outside the root is not part of the document's tree. */
        private void add(Node n) {
            if (!open.isEmpty()) {
                open.get(open.size() - 1).children.add(n);
            }
        }
    }
}
