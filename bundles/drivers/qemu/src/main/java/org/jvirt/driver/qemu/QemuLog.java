package org.jvirt.driver.qemu;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;

import org.jvirt.driver.qemu.caps.QemuCaps;
import org.jvirt.util.FileTail;

/**
 * A domain's QEMU log ({@code data/log/qemu/NAME.log}): the header written before each start (time, version,
 * command line), and QEMU's own words since then, filtered and cut as libvirt quotes them in an error
 * (qemuLogContextReadFiltered: no lines of libvirt's own logging, no "char device redirected to", no final
 * newline, at most the last 1024 characters from a line's start).
 */
final class QemuLog {
    /** How much of QEMU's output an error quotes, as libvirt's qemuProcessReportLogError. */
    static final int QUOTED_MAX = 1024;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSxxxx");
    /** A line of libvirt's own log format (virLogProbablyLogMessage). */
    private static final Pattern LIBVIRT_LINE = Pattern.compile(
            "^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3}\\+\\d{4}: \\d+: (debug|info|warning|error) : .*");

    private QemuLog() {
    }

    /** Appends the header libvirt writes (time, version, environment and command line); returns the new end. */
    static long appendHeader(Path log, List<String> args, QemuCaps caps) throws IOException {
        Files.createDirectories(log.getParent());
        long offset = FileTail.size(log);
        StringBuilder b = new StringBuilder();
        b.append(OffsetDateTime.now(ZoneOffset.UTC).format(TIME)).append(": starting up jvirt, qemu version: ")
                .append(caps.versionText()).append(caps.packageText().isEmpty() ? "" : "(" + caps.packageText() + ")")
                .append('\n');
        b.append("LC_ALL=C \\\n");
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            b.append(quote(a));
            boolean option = a.startsWith("-") && i + 1 < args.size() && !args.get(i + 1).startsWith("-");
            b.append(i + 1 == args.size() ? "\n" : option ? " " : " \\\n");
        }
        byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
        Files.write(log, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return offset + bytes.length;
    }

    private static String quote(String a) {
        return a.matches("[A-Za-z0-9_./:=,+@%-]+") ? a : "'" + a.replace("'", "'\\''") + "'";
    }

    /** What QEMU wrote since {@code offset}, as libvirt quotes it in an error; empty when it wrote nothing. */
    static String quoted(Path log, long offset) {
        return filter(FileTail.since(log, offset, 1 << 20));
    }

    static String filter(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        int from = 0;
        while (from < text.length()) {
            int nl = text.indexOf('\n', from);
            String line = nl < 0 ? text.substring(from) : text.substring(from, nl);
            if (!LIBVIRT_LINE.matcher(line).matches() && !line.contains("char device redirected to")) {
                kept.append(line);
                if (nl >= 0) {
                    kept.append('\n');
                }
            }
            from = nl < 0 ? text.length() : nl + 1;
        }
        if (kept.length() > 0 && kept.charAt(kept.length() - 1) == '\n') {
            kept.setLength(kept.length() - 1);
        }
        if (kept.length() > QUOTED_MAX) {
            int skip = kept.length() - QUOTED_MAX;
            if (kept.charAt(skip - 1) != '\n') {
                int eol = kept.indexOf("\n", skip);
                if (eol >= 0 && eol + 1 < kept.length()) {
                    skip = eol + 1;
                }
            }
            return kept.substring(skip);
        }
        return kept.toString();
    }
}
