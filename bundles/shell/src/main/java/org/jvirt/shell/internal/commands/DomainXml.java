package org.jvirt.shell.internal.commands;

import java.io.StringReader;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/** What the shell reads from a domain's XML itself. */
final class DomainXml {
    private DomainXml() {
    }

    /** The text of the domain's first {@code <title>}, or "" (virsh's {@code string(./title[1])}). */
    static String title(String xml) {
        Element root = parse(xml).getDocumentElement();
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals("title")) {
                return e.getTextContent();
            }
        }
        return "";
    }

    static org.w3c.dom.Document parse(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (ParserConfigurationException | org.xml.sax.SAXException | java.io.IOException e) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.NONE, e.getMessage(), e);
        }
    }
}
