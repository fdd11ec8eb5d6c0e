package org.jvirt.conf.internal;

import java.util.HashSet;
import java.util.Set;

import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Writes an element kept verbatim (applications' {@code <metadata>}) as libvirt does, which hands it to libxml2's
 * formatter: double-quoted attributes, two spaces per level, an element whose only content is text on one line,
 * mixed content as it is. Namespace declarations are kept only where the subtree uses them.
 */
public final class MetadataWriter {
    private final StringBuilder sb = new StringBuilder();
    private final char quote;

    private MetadataWriter(char quote) {
        this.quote = quote;
    }

    /** libxml2's way, for {@code <metadata>}. */
    public static String write(Element e) {
        MetadataWriter w = new MetadataWriter('"');
        w.element(e, 0, true);
        return w.sb.toString();
    }

    /** libvirt's own way (single quotes), for elements jvirt keeps whole but does not model. */
    public static String writeSingleQuoted(Element e) {
        MetadataWriter w = new MetadataWriter('\'');
        w.element(e, 0, true);
        return w.sb.toString();
    }

    private void element(Element e, int level, boolean format) {
        if (format) {
            sb.append("  ".repeat(level));
        }
        sb.append('<').append(e.getTagName());
        Set<String> used = new HashSet<>();
        usedPrefixes(e, used);
        NamedNodeMap attrs = e.getAttributes();
        // libxml2 writes an element's namespace declarations before its attributes
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < attrs.getLength(); i++) {
                Attr a = (Attr) attrs.item(i);
                String n = a.getName();
                boolean declaration = n.equals("xmlns") || n.startsWith("xmlns:");
                if (declaration != (pass == 0)) {
                    continue;
                }
                if (declaration && !used.contains(n.equals("xmlns") ? "" : n.substring(6))) {
                    continue;
                }
                sb.append(' ').append(n).append('=').append(quote);
                escape(a.getValue(), true);
                sb.append(quote);
            }
        }
        NodeList kids = e.getChildNodes();
        boolean hasElement = false;
        boolean hasText = false;
        for (int i = 0; i < kids.getLength(); i++) {
            Node k = kids.item(i);
            if (k.getNodeType() == Node.ELEMENT_NODE) {
                hasElement = true;
            } else if (k.getNodeType() == Node.TEXT_NODE && !k.getNodeValue().isBlank()) {
                hasText = true;
            }
        }
        if (!hasElement && !hasText) {
            sb.append("/>");
            if (format) {
                sb.append('\n');
            }
            return;
        }
        sb.append('>');
        boolean indentKids = format && hasElement && !hasText;
        if (indentKids) {
            sb.append('\n');
        }
        for (int i = 0; i < kids.getLength(); i++) {
            Node k = kids.item(i);
            if (k.getNodeType() == Node.ELEMENT_NODE) {
                element((Element) k, level + 1, indentKids);
            } else if (k.getNodeType() == Node.TEXT_NODE && !indentKids) {
                escape(k.getNodeValue(), false);
            }
        }
        if (indentKids) {
            sb.append("  ".repeat(level));
        }
        sb.append("</").append(e.getTagName()).append('>');
        if (format) {
            sb.append('\n');
        }
    }

    private static void usedPrefixes(Element e, Set<String> used) {
        used.add(e.getPrefix() == null ? "" : e.getPrefix());
        NamedNodeMap attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Attr a = (Attr) attrs.item(i);
            if (a.getPrefix() != null && !a.getName().startsWith("xmlns")) {
                used.add(a.getPrefix());
            }
        }
        NodeList kids = e.getChildNodes();
        for (int i = 0; i < kids.getLength(); i++) {
            if (kids.item(i) instanceof Element k) {
                usedPrefixes(k, used);
            }
        }
    }

    private void escape(String s, boolean attr) {
        if (quote == '\'') {
            XmlBuffer.appendEscaped(sb, s);
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append(attr ? "&quot;" : "\"");
                case '\r' -> sb.append("&#13;");
                default -> sb.append(c);
            }
        }
    }
}
