package org.jvirt.shell.internal.commands;

import java.util.ArrayList;
import java.util.List;

import org.jvirt.shell.internal.CommandContext;
import org.jvirt.shell.internal.vsh.CommandFailure;

/**
 * The CPU definitions cpu-baseline and cpu-compare read from a file: each {@code <cpu>} element in it, whatever
 * document holds it (capabilities, domain XML, a bare CPU), as virsh extracts them.
 */
final class CpuDocs {
    private CpuDocs() {
    }

    static List<String> cpus(CommandContext ctx, String file) {
        String text = XmlFiles.read(ctx, file);
        List<String> out = new ArrayList<>();
        int from = 0;
        while (true) {
            int start = indexOfElement(text, from);
            if (start < 0) {
                break;
            }
            int end = text.indexOf("</cpu>", start);
            int selfClose = text.indexOf("/>", start);
            int open = text.indexOf('>', start);
            if (selfClose >= 0 && selfClose + 1 == open) {
                out.add(text.substring(start, open + 1));
                from = open + 1;
            } else if (end >= 0) {
                out.add(text.substring(start, end + "</cpu>".length()));
                from = end + "</cpu>".length();
            } else {
                break;
            }
        }
        if (out.isEmpty()) {
            throw new CommandFailure("no CPU definition found in " + file);
        }
        return out;
    }

    private static int indexOfElement(String text, int from) {
        int i = from;
        while ((i = text.indexOf("<cpu", i)) >= 0) {
            char next = i + 4 < text.length() ? text.charAt(i + 4) : ' ';
            if (next == '>' || next == ' ' || next == '/' || next == '\n' || next == '\t') {
                return i;
            }
            i += 4;
        }
        return -1;
    }
}
