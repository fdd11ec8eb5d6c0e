package org.jvirt.jmx.internal;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The names of a domain's disks and interfaces, read from its XML as virsh domblklist and domiflist read them: a
 * disk's {@code <target dev>}, an interface's {@code <target dev>} (the host side; an interface without one, as a
 * stopped domain's, has no name to ask statistics by).
 */
final class DomainDeviceNames {
    private static final DocumentBuilderFactory FACTORY = factory();

    private DomainDeviceNames() {
    }

    static List<String> disks(String domainXml) {
        return targets(domainXml, "disk");
    }

    static List<String> interfaces(String domainXml) {
        return targets(domainXml, "interface");
    }

    private static List<String> targets(String domainXml, String device) {
        Document doc = parse(domainXml);
        List<String> names = new ArrayList<>();
        for (Element devices : children(doc.getDocumentElement(), "devices")) {
            for (Element d : children(devices, device)) {
                for (Element target : children(d, "target")) {
                    String dev = target.getAttribute("dev");
                    if (!dev.isEmpty()) {
                        names.add(dev);
                    }
                }
            }
        }
        return names;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element e && name.equals(e.getTagName())) {
                out.add(e);
            }
        }
        return out;
    }

    private static Document parse(String xml) {
        try {
            return FACTORY.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            // the XML comes from the driver: one that cannot be read is the driver's fault
            throw new IllegalStateException("cannot read the domain's XML: " + e.getMessage(), e);
        }
    }

    private static DocumentBuilderFactory factory() {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        try {
            // a domain's XML never needs a DTD or an outside entity
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        f.setExpandEntityReferences(false);
        return f;
    }
}
