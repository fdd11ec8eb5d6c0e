package org.jvirt.shell.internal.commands;

import java.util.Locale;
import java.util.Map;

import org.jvirt.api.TypedParameter;

/** domjobinfo's labels for job statistics and how each value is shown. */
final class JobFields {
    private enum Kind { MS, BYTES, BYTES_PER_S, COUNT, PAGES_PER_S, PAGE_BYTES, PERCENT, TEXT }

    private record Field(String label, Kind kind) {
    }

    private static final Map<String, Field> FIELDS = Map.ofEntries(
            Map.entry("operation", new Field("Operation:", Kind.TEXT)),
            Map.entry("time_elapsed", new Field("Time elapsed:", Kind.MS)),
            Map.entry("time_elapsed_net", new Field("Time elapsed w/o network:", Kind.MS)),
            Map.entry("time_remaining", new Field("Time remaining:", Kind.MS)),
            Map.entry("data_total", new Field("Data total:", Kind.BYTES)),
            Map.entry("data_processed", new Field("Data processed:", Kind.BYTES)),
            Map.entry("data_remaining", new Field("Data remaining:", Kind.BYTES)),
            Map.entry("memory_total", new Field("Memory total:", Kind.BYTES)),
            Map.entry("memory_processed", new Field("Memory processed:", Kind.BYTES)),
            Map.entry("memory_remaining", new Field("Memory remaining:", Kind.BYTES)),
            Map.entry("memory_bps", new Field("Memory bandwidth:", Kind.BYTES_PER_S)),
            Map.entry("memory_dirty_rate", new Field("Dirty rate:", Kind.PAGES_PER_S)),
            Map.entry("memory_page_size", new Field("Page size:", Kind.PAGE_BYTES)),
            Map.entry("memory_iteration", new Field("Iteration:", Kind.COUNT)),
            Map.entry("memory_postcopy_requests", new Field("Postcopy requests:", Kind.COUNT)),
            Map.entry("memory_constant", new Field("Constant pages:", Kind.COUNT)),
            Map.entry("memory_normal", new Field("Normal pages:", Kind.COUNT)),
            Map.entry("memory_normal_bytes", new Field("Normal data:", Kind.BYTES)),
            Map.entry("disk_total", new Field("File total:", Kind.BYTES)),
            Map.entry("disk_processed", new Field("File processed:", Kind.BYTES)),
            Map.entry("disk_remaining", new Field("File remaining:", Kind.BYTES)),
            Map.entry("disk_bps", new Field("File bandwidth:", Kind.BYTES_PER_S)),
            Map.entry("downtime", new Field("Total downtime:", Kind.MS)),
            Map.entry("downtime_net", new Field("Downtime w/o network:", Kind.MS)),
            Map.entry("setup_time", new Field("Setup time:", Kind.MS)),
            Map.entry("auto_converge_throttle", new Field("Auto converge throttle:", Kind.PERCENT)));

    private JobFields() {
    }

    static String label(String field) {
        Field f = FIELDS.get(field);
        return f == null ? null : f.label();
    }

    static String value(TypedParameter p) {
        Field f = FIELDS.get(p.field());
        return switch (f.kind()) {
            case MS -> p.valueText() + " ms";
            case BYTES -> pretty(p.longValue());
            case BYTES_PER_S -> pretty(p.longValue()) + "/s";
            case PAGES_PER_S -> p.valueText() + " pages/s";
            case PAGE_BYTES -> p.valueText() + " bytes";
            case PERCENT -> p.valueText() + " %";
            case COUNT, TEXT -> p.valueText();
        };
    }

    /** vshPrettyCapacity: the value in the largest unit below it, with three decimals ("1.000 GiB"). */
    static String pretty(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.3f %s", v, units[u]);
    }
}
