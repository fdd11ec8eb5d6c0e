package org.jvirt.driver.qemu.command;

import java.util.ArrayList;
import java.util.List;

/**
 * One of libvirt's expected QEMU command lines ({@code NAME.x86_64-latest.args}): environment assignments, then
 * the emulator and its arguments, one option (with its value) per line, continued with " \", values quoted for a
 * shell with single quotes where needed.
 *
 * @param environment the {@code NAME=value} lines before the emulator
 * @param argv        the emulator and its arguments, unquoted
 */
record ArgsFile(List<String> environment, List<String> argv) {
    static ArgsFile parse(String text) {
        List<String> env = new ArrayList<>();
        List<String> argv = new ArrayList<>();
        for (String line : text.replace(" \\\n", "\n").split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            List<String> words = words(line);
            if (argv.isEmpty() && words.size() == 1 && words.get(0).matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
                env.add(words.get(0));
            } else {
                argv.addAll(words);
            }
        }
        return new ArgsFile(env, argv);
    }

    /** Splits a line into shell words: spaces separate, single quotes quote, backslash escapes outside quotes. */
    static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder w = null;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '\'') {
                    quoted = false;
                } else {
                    w.append(c);
                }
            } else if (c == ' ') {
                if (w != null) {
                    out.add(w.toString());
                    w = null;
                }
            } else {
                if (w == null) {
                    w = new StringBuilder();
                }
                if (c == '\'') {
                    quoted = true;
                } else if (c == '\\' && i + 1 < line.length()) {
                    w.append(line.charAt(++i));
                } else {
                    w.append(c);
                }
            }
        }
        if (w != null) {
            out.add(w.toString());
        }
        return out;
    }
}
