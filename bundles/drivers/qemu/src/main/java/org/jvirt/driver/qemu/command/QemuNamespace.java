package org.jvirt.driver.qemu.command;

import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.conf.domain.DomainDef;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The QEMU driver's own XML namespace (libvirt's qemuDomainDefNamespaceParse and its format): the elements of
 * {@value #URI} are read whatever prefix the document gave them and kept with libvirt's prefix {@code qemu}
 * (declared once, on the root); the arguments and environment of every {@code <qemu:commandline>} become one.
 * Elements of any other namespace mean nothing to the driver and are dropped.
 */
final class QemuNamespace {
    static final String URI = "http://libvirt.org/schemas/domain/qemu/1.0";
    private static final String PREFIX = "qemu";

    private QemuNamespace() {
    }

    static void apply(DomainDef def) {
        if (def.namespaced.isEmpty()) {
            return;
        }
        Document doc = newDocument();
        List<Element> args = new ArrayList<>();
        List<Element> envs = new ArrayList<>();
        List<Element> others = new ArrayList<>();
        for (Element e : def.namespaced) {
            if (!URI.equals(e.getNamespaceURI())) {
                continue;
            }
            if (!"commandline".equals(e.getLocalName())) {
                others.add(renamed(doc, e));
                continue;
            }
            for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (!(n instanceof Element c) || !URI.equals(c.getNamespaceURI())) {
                    continue;
                }
                if ("arg".equals(c.getLocalName())) {
                    args.add(arg(doc, c));
                } else if ("env".equals(c.getLocalName())) {
                    envs.add(env(doc, c));
                }
            }
        }
        List<Element> out = new ArrayList<>();
        if (!args.isEmpty() || !envs.isEmpty()) {
            Element cmd = doc.createElementNS(URI, PREFIX + ":commandline");
            args.forEach(cmd::appendChild);
            envs.forEach(cmd::appendChild);
            out.add(cmd);
        }
        out.addAll(others);
        def.namespaced.clear();
        def.namespaced.addAll(out);
    }

    private static Element arg(Document doc, Element c) {
        if (!c.hasAttribute("value")) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU,
                    "No qemu command-line argument specified");
        }
        Element a = doc.createElementNS(URI, PREFIX + ":arg");
        a.setAttribute("value", c.getAttribute("value"));
        return a;
    }

    /** An environment variable: a name of letters, digits and underscores, starting with a letter or underscore. */
    private static Element env(Document doc, Element c) {
        String name = c.hasAttribute("name") ? c.getAttribute("name") : null;
        if (name == null) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU,
                    "No qemu environment name specified");
        }
        if (name.isEmpty()) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU,
                    "Empty qemu environment name specified");
        }
        if (!name.matches("[A-Za-z_].*")) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU,
                    "Invalid environment name, it must begin with a letter or underscore");
        }
        if (!name.matches("[A-Za-z0-9_]*")) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU,
                    "Invalid environment name, it must contain only alphanumerics and underscore");
        }
        Element env = doc.createElementNS(URI, PREFIX + ":env");
        env.setAttribute("name", name);
        if (c.hasAttribute("value")) {
            env.setAttribute("value", c.getAttribute("value"));
        }
        return env;
    }

    /** A copy of {@code e} whose elements of the namespace carry libvirt's prefix and no declarations of it. */
    private static Element renamed(Document doc, Element e) {
        String local = e.getLocalName() == null ? e.getTagName() : e.getLocalName();
        Element copy = URI.equals(e.getNamespaceURI()) ? doc.createElementNS(URI, PREFIX + ":" + local)
                : doc.createElementNS(e.getNamespaceURI(), e.getTagName());
        var attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Node a = attrs.item(i);
            String n = a.getNodeName();
            if (n.equals("xmlns") || n.startsWith("xmlns:")) {
                continue;
            }
            copy.setAttribute(n, a.getNodeValue());
        }
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                copy.appendChild(renamed(doc, c));
            } else if (n.getNodeType() == Node.TEXT_NODE && !n.getNodeValue().isBlank()) {
                copy.appendChild(doc.createTextNode(n.getNodeValue()));
            }
        }
        return copy;
    }

    private static Document newDocument() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            return f.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no DOM implementation", e);
        }
    }
}
