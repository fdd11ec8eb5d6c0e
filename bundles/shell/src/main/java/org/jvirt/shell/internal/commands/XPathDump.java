package org.jvirt.shell.internal.commands;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpression;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.shell.internal.CommandContext;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.ext.DefaultHandler2;

/**
 * dumpxml's {@code --xpath}: the nodes an expression selects, each printed as libvirt prints a node (re-indented by
 * two spaces, attributes in document order within double quotes), or with {@code --wrap} all of them inside one
 * {@code <nodes>} element. An expression that selects something other than nodes fails with libvirt's "Incorrect
 * xpath"; one that does not compile selects nothing, as with libvirt, after libxml's one-line complaint.
 */
final class XPathDump {
    /** Where each element keeps its attribute names in document order: the DOM sorts them by name. */
    private static final String ORDER = "jvirt.attribute-order";

    private XPathDump() {
    }

    static void print(CommandContext ctx, String xml, String xpath, boolean wrap) {
        Document doc = parse(xml);
        XPathExpression expr;
        try {
            expr = XPathFactory.newInstance().newXPath().compile(xpath);
        } catch (XPathExpressionException e) {
            ctx.errorText("XPath error : Invalid expression\n");
            return;
        }
        NodeList nodes;
        try {
            nodes = (NodeList) expr.evaluate(doc.getDocumentElement(), XPathConstants.NODESET);
        } catch (XPathExpressionException e) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.NONE, "Incorrect xpath '" + xpath + "'");
        }
        if (wrap) {
            List<String> attributes = new ArrayList<>();
            List<Node> children = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                Node n = nodes.item(i);
                if (n.getNodeType() == Node.ATTRIBUTE_NODE) {
                    // an attribute joins the wrapper's own, the later replacing the earlier
                    attributes.removeIf(a -> a.startsWith(n.getNodeName() + "="));
                    attributes.add(n.getNodeName() + "=" + n.getNodeValue());
                } else {
                    children.add(n);
                }
            }
            StringBuilder out = new StringBuilder("<nodes");
            for (String a : attributes) {
                int eq = a.indexOf('=');
                out.append(' ').append(a, 0, eq).append("=\"").append(escapeAttribute(a.substring(eq + 1)))
                        .append('"');
            }
            if (children.isEmpty()) {
                out.append("/>");
            } else {
                out.append('>');
                dumpChildren(out, children, 0);
                out.append("</nodes>");
            }
            ctx.print(out + "\n");
            return;
        }
        for (int i = 0; i < nodes.getLength(); i++) {
            StringBuilder out = new StringBuilder();
            dump(out, nodes.item(i), 0);
            ctx.print(out + "\n");
        }
    }

    /** One node as libxml's xmlNodeDump prints it with formatting on. */
    private static void dump(StringBuilder out, Node node, int level) {
        switch (node.getNodeType()) {
            case Node.ELEMENT_NODE -> {
                Element e = (Element) node;
                out.append('<').append(e.getTagName());
                @SuppressWarnings("unchecked")
                List<String> order = (List<String>) e.getUserData(ORDER);
                for (String name : order == null ? List.<String>of() : order) {
                    out.append(' ').append(name).append("=\"").append(escapeAttribute(e.getAttribute(name)))
                            .append('"');
                }
                List<Node> children = new ArrayList<>();
                for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
                    children.add(c);
                }
                if (children.isEmpty()) {
                    out.append("/>");
                    return;
                }
                out.append('>');
                dumpChildren(out, children, level);
                out.append("</").append(e.getTagName()).append('>');
            }
            case Node.ATTRIBUTE_NODE -> out.append(' ').append(node.getNodeName()).append("=\"")
                    .append(escapeAttribute(node.getNodeValue())).append('"');
            case Node.TEXT_NODE -> out.append(escapeText(node.getNodeValue()));
            case Node.CDATA_SECTION_NODE -> out.append("<![CDATA[").append(node.getNodeValue()).append("]]>");
            case Node.COMMENT_NODE -> out.append("<!--").append(node.getNodeValue()).append("-->");
            case Node.PROCESSING_INSTRUCTION_NODE -> {
                out.append("<?").append(node.getNodeName());
                if (node.getNodeValue() != null && !node.getNodeValue().isEmpty()) {
                    out.append(' ').append(node.getNodeValue());
                }
                out.append("?>");
            }
            default -> out.append(escapeText(node.getTextContent()));
        }
    }

    /** An element's children: each on its own line, indented, unless text is among them (then all inline). */
    private static void dumpChildren(StringBuilder out, List<Node> children, int level) {
        boolean format = children.stream().noneMatch(c -> c.getNodeType() == Node.TEXT_NODE
                || c.getNodeType() == Node.CDATA_SECTION_NODE || c.getNodeType() == Node.ENTITY_REFERENCE_NODE);
        if (format) {
            out.append('\n');
        }
        for (Node c : children) {
            if (format) {
                out.append("  ".repeat(level + 1));
            }
            dump(out, c, format ? level + 1 : level);
            if (format) {
                out.append('\n');
            }
        }
        if (format) {
            out.append("  ".repeat(level));
        }
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
        for (int i = 0; i < s.length();) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\r' -> b.append("&#13;");
                case '\n' -> b.append("&#10;");
                case '\t' -> b.append("&#9;");
                default -> {
                    // a document without an encoding declaration gets its non-ASCII attribute text as references
                    if (c >= 0x80) {
                        b.append("&#x").append(Integer.toHexString(c).toUpperCase()).append(';');
                    } else {
                        b.appendCodePoint(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /**
     * Parses with blank text between elements dropped (libxml's keepBlanks off), keeping each element's attribute
     * order, which the DOM itself does not keep.
     */
    private static Document parse(String xml) {
        try {
            DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
            Document doc = dbf.newDocumentBuilder().newDocument();
            SAXParserFactory spf = SAXParserFactory.newInstance();
            spf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            spf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            var parser = spf.newSAXParser();
            Builder builder = new Builder(doc);
            parser.setProperty("http://xml.org/sax/properties/lexical-handler", builder);
            parser.parse(new InputSource(new StringReader(xml)), builder);
            return doc;
        } catch (Exception e) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.NONE, e.getMessage(), null);
        }
    }

    private static final class Builder extends DefaultHandler2 {
        private final Document doc;
        private Node current;
        private final StringBuilder text = new StringBuilder();
        private boolean inCdata;

        Builder(Document doc) {
            this.doc = doc;
            this.current = doc;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attrs) {
            flushText(false);
            Element e = doc.createElement(qName);
            List<String> order = new ArrayList<>();
            for (int i = 0; i < attrs.getLength(); i++) {
                e.setAttribute(attrs.getQName(i), attrs.getValue(i));
                order.add(attrs.getQName(i));
            }
            e.setUserData(ORDER, order, null);
            current.appendChild(e);
            current = e;
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            flushText(true);
            current = current.getParentNode();
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inCdata) {
                current.appendChild(doc.createCDATASection(new String(ch, start, length)));
            } else {
                text.append(ch, start, length);
            }
        }

        @Override
        public void startCDATA() {
            flushText(false);
            inCdata = true;
        }

        @Override
        public void endCDATA() {
            inCdata = false;
        }

        @Override
        public void comment(char[] ch, int start, int length) {
            if (current == doc) {
                return; // comments outside the root are not part of the domain
            }
            flushText(false);
            current.appendChild(doc.createComment(new String(ch, start, length)));
        }

        @Override
        public void processingInstruction(String target, String data) {
            if (current == doc) {
                return;
            }
            flushText(false);
            current.appendChild(doc.createProcessingInstruction(target, data));
        }

        /** Adds the pending text, unless it is blank and libxml would have dropped it. */
        private void flushText(boolean closing) {
            if (text.length() == 0) {
                return;
            }
            String s = text.toString();
            text.setLength(0);
            if (current == doc) {
                return;
            }
            boolean blank = s.chars().allMatch(c -> c == ' ' || c == '\t' || c == '\n' || c == '\r');
            boolean onlyContent = closing && current.getFirstChild() == null;
            Node last = current.getLastChild();
            boolean afterText = last != null && last.getNodeType() == Node.TEXT_NODE;
            if (blank && !onlyContent && !afterText) {
                return;
            }
            current.appendChild(doc.createTextNode(s));
        }
    }
}
