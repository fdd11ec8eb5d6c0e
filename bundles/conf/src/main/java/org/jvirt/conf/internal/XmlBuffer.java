package org.jvirt.conf.internal;

/**
 * Writes XML the way libvirt's virBuffer does: two spaces per level, single-quoted attributes, {@code <x/>} for an
 * empty element, and virBufferEscapeString's escaping (&amp; &lt; &gt; &quot; &apos; in text and attributes).
 */
public final class XmlBuffer {
    private final StringBuilder out = new StringBuilder(1024);
    private int indent;

    // ---- an element built up attribute by attribute

    /** A start tag left open for attributes: finish it with {@link #endEmpty()}, {@link #close()} or text. */
    public XmlBuffer open(String name) {
        pad();
        out.append('<').append(name);
        return this;
    }

    /** An attribute, skipped when {@code value} is null. */
    public XmlBuffer attr(String name, Object value) {
        if (value != null) {
            out.append(' ').append(name).append("='");
            escape(value.toString());
            out.append('\'');
        }
        return this;
    }

    /** Text written into an open tag as it is (libvirt's own spacing, where it differs from attribute by attribute). */
    public XmlBuffer raw(String text) {
        out.append(text);
        return this;
    }

    /** {@code before}, {@code value} escaped, {@code after}, into an open tag. */
    public XmlBuffer rawEscaped(String before, String value, String after) {
        out.append(before);
        escape(value);
        out.append(after);
        return this;
    }

    /** An empty line, without indentation. */
    public XmlBuffer blankLine() {
        out.append('\n');
        return this;
    }

    /** Ends the open tag as {@code />} and a new line. */
    public void endEmpty() {
        out.append("/>\n");
    }

    /** Ends the open tag and starts its children on the next line, one level deeper. */
    public void endOpen() {
        out.append(">\n");
        indent += 2;
    }

    /** Ends the open tag with text content and its end tag on the same line. */
    public void endText(String name, String text) {
        out.append('>');
        escape(text);
        out.append("</").append(name).append(">\n");
    }

    /** The end tag of an element whose children were written. */
    public void close(String name) {
        indent -= 2;
        pad();
        out.append("</").append(name).append(">\n");
    }

    /** {@code <name>text</name>}, skipped when text is null. */
    public void textElement(String name, Object text) {
        if (text != null) {
            open(name).endText(name, text.toString());
        }
    }

    /** {@code <name/>}. */
    public void empty(String name) {
        open(name).endEmpty();
    }

    /** Raw lines, re-indented to the current level (text formatted elsewhere, e.g. metadata). */
    public void rawLines(String text) {
        for (String line : text.split("\n")) {
            if (!line.isEmpty()) {
                pad();
                out.append(line).append('\n');
            }
        }
    }

    public int indent() {
        return indent;
    }

    private void pad() {
        out.append(" ".repeat(indent));
    }

    private void escape(String s) {
        appendEscaped(out, s);
    }

    /** virBufferEscapeString's escaping. */
    public static void appendEscaped(StringBuilder sb, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> {
                    // control characters other than tab, newline and return cannot appear in XML: libvirt drops them
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        sb.append(c);
                    }
                }
            }
        }
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
