package org.jvirt.shell.internal.commands;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** XPath over an XML document a driver returned, as virsh reads domain XML for its lists. */
final class XmlQuery {
    private final Node root;
    private final XPath xpath = XPathFactory.newInstance().newXPath();

    private XmlQuery(Node root) {
        this.root = root;
    }

    static XmlQuery parse(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc = f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
            return new XmlQuery(doc.getDocumentElement());
        } catch (Exception e) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.NONE, "failed to parse document: " + e.getMessage());
        }
    }

    /** The string value of an expression ("" when it selects nothing). */
    String string(String expr) {
        try {
            return (String) xpath.evaluate(expr, root, XPathConstants.STRING);
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException(expr, e);
        }
    }

    /** The string value, or null when the expression selects no node. */
    String stringOrNull(String expr) {
        List<XmlQuery> nodes = nodes(expr);
        return nodes.isEmpty() ? null : nodes.get(0).text();
    }

    /** The nodes an expression selects, each a new context. */
    List<XmlQuery> nodes(String expr) {
        try {
            NodeList list = (NodeList) xpath.evaluate(expr, root, XPathConstants.NODESET);
            List<XmlQuery> out = new ArrayList<>(list.getLength());
            for (int i = 0; i < list.getLength(); i++) {
                out.add(new XmlQuery(list.item(i)));
            }
            return out;
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException(expr, e);
        }
    }

    /** This node's attribute, or null. */
    String attr(String name) {
        return root instanceof Element e && e.hasAttribute(name) ? e.getAttribute(name) : null;
    }

    String text() {
        return root.getTextContent();
    }

    String name() {
        return root.getNodeName();
    }
}
