package org.jvirt.shell.internal.vsh;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * virsh's table (vshTable): a header row, then rows with as many cells. Each cell is printed after one space and
 * padded to its column's width plus two, the last cell unpadded; under the header a line of dashes as long as the
 * column widths plus three each. Without the header (quiet mode) the widths come from the rows alone. Control and
 * non-printable characters print as {@code \xNN}, and so does the backslash of a literal {@code \x}, so that they
 * cannot break the layout.
 */
public final class VshTable {
    private final List<String[]> rows = new ArrayList<>();

    public VshTable(String... header) {
        if (header.length == 0) {
            throw new IllegalArgumentException("a table has at least one column");
        }
        rows.add(header.clone());
    }

    public void addRow(String... cells) {
        if (cells.length != rows.get(0).length) {
            throw new IllegalArgumentException("Incorrect number of cells in a table row");
        }
        rows.add(cells.clone());
    }

    /** The table as text, with or without its header and dashes. */
    public String render(boolean header) {
        int columns = rows.get(0).length;
        String[][] cells = new String[rows.size()][columns];
        int[][] widths = new int[rows.size()][columns];
        int[] max = new int[columns];
        for (int r = header ? 0 : 1; r < rows.size(); r++) {
            for (int c = 0; c < columns; c++) {
                String raw = rows.get(r)[c] == null ? "" : rows.get(r)[c];
                StringBuilder safe = new StringBuilder();
                widths[r][c] = safeEncode(raw, safe);
                cells[r][c] = safe.toString();
                max[c] = Math.max(max[c], widths[r][c]);
            }
        }
        StringBuilder out = new StringBuilder();
        if (header) {
            row(out, cells[0], widths[0], max);
            for (int c = 0; c < columns; c++) {
                out.append("-".repeat(max[c] + 3));
            }
            out.append('\n');
        }
        for (int r = 1; r < rows.size(); r++) {
            row(out, cells[r], widths[r], max);
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String[] cells, int[] widths, int[] max) {
        for (int c = 0; c < cells.length; c++) {
            out.append(' ').append(cells[c]);
            if (c < cells.length - 1) {
                out.append(" ".repeat(max[c] - widths[c] + 2));
            }
        }
        out.append('\n');
    }

    /** Appends the printable form of {@code s} and returns its width in terminal columns. */
    static int safeEncode(String s, StringBuilder out) {
        int width = 0;
        for (int i = 0; i < s.length();) {
            int cp = s.codePointAt(i);
            int len = Character.charCount(cp);
            if ((cp == '\\' && i + 1 < s.length() && s.charAt(i + 1) == 'x') || cp < 0x20 || cp == 0x7f) {
                out.append(String.format("\\x%02x", cp));
                width += 4;
            } else if (!isPrintable(cp)) {
                for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    out.append(String.format("\\x%02x", b & 0xff));
                    width += 4;
                }
            } else {
                out.appendCodePoint(cp);
                width += columns(cp);
            }
            i += len;
        }
        return width;
    }

    private static boolean isPrintable(int cp) {
        if (cp < 0x80) {
            return true;
        }
        int type = Character.getType(cp);
        return type != Character.CONTROL && type != Character.UNASSIGNED && type != Character.SURROGATE
                && type != Character.PRIVATE_USE && type != Character.LINE_SEPARATOR
                && type != Character.PARAGRAPH_SEPARATOR;
    }

    /** wcwidth: 0 for combining marks and format characters, 2 for East Asian wide ones, else 1. */
    static int columns(int cp) {
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
            return 0;
        }
        if ((cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0x303e) || (cp >= 0x3041 && cp <= 0x33ff)
                || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0xa000 && cp <= 0xa4cf)
                || (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f)
                || (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6)
                || (cp >= 0x1f300 && cp <= 0x1f64f) || (cp >= 0x1f900 && cp <= 0x1f9ff)
                || (cp >= 0x20000 && cp <= 0x3fffd)) {
            return 2;
        }
        return 1;
    }
}
