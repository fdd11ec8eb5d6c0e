package org.jvirt.conf.internal;

import org.jvirt.conf.domain.Empty;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Fills a model object from a DOM element by the model's JAXB annotations. Like libvirt's parsers it takes what
 * it knows and ignores the rest; where one element is expected and several are given, the first one counts (as
 * libvirt's XPath look-ups take the first node).
 */
public final class XmlBinder {
    private XmlBinder() {
    }

    public static <T> T bind(Element e, Class<T> type) {
        return type.cast(bindObject(e, XmlClassModel.of(type)));
    }

    private static Object bindObject(Element e, XmlClassModel m) {
        Object o = m.newInstance();
        NamedNodeMap attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Attr a = (Attr) attrs.item(i);
            String ns = a.getNamespaceURI();
            if ("http://www.w3.org/2000/xmlns/".equals(ns)) {
                continue;
            }
            XmlProperty p = m.attribute(ns, a.getLocalName() == null ? a.getName() : a.getLocalName());
            if (p != null) {
                p.set(o, a.getValue());
            }
        }
        StringBuilder text = null;
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element k) {
                child(o, m, k);
            } else if (m.value != null && (n.getNodeType() == Node.TEXT_NODE
                    || n.getNodeType() == Node.CDATA_SECTION_NODE)) {
                if (text == null) {
                    text = new StringBuilder();
                }
                text.append(n.getNodeValue());
            }
        }
        if (m.value != null && text != null) {
            m.value.set(o, text.toString());
        }
        return o;
    }

    private static void child(Object o, XmlClassModel m, Element k) {
        String local = k.getLocalName() == null ? k.getTagName() : k.getLocalName();
        XmlProperty p = m.element(k.getNamespaceURI(), local);
        if (p == null) {
            if (m.any != null && k.getNamespaceURI() != null) {
                m.any.list(o).add(k);
            }
            return;
        }
        Object v = switch (p.kind) {
            case TEXT -> k.getTextContent();
            case EMPTY -> new Empty();
            case DOM -> k;
            case OBJECT -> bindObject(k, XmlClassModel.of(p.itemType));
            default -> null;
        };
        if (p.list) {
            p.list(o).add(v);
        } else if (p.get(o) == null) {
            p.set(o, v);
        }
    }
}
