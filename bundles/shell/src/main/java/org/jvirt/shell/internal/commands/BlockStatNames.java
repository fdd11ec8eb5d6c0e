package org.jvirt.shell.internal.commands;

import java.util.Map;

/** domblkstat's names for block statistics: the short one virsh prints and the words of --human. */
final class BlockStatNames {
    private static final Map<String, String[]> NAMES = Map.of(
            "rd_operations", new String[] {"rd_req", "number of read operations"},
            "rd_bytes", new String[] {"rd_bytes", "number of bytes read"},
            "wr_operations", new String[] {"wr_req", "number of write operations"},
            "wr_bytes", new String[] {"wr_bytes", "number of bytes written"},
            "errs", new String[] {"errs", "error count"},
            "flush_operations", new String[] {"flush_operations", "number of flush operations"},
            "rd_total_times", new String[] {"rd_total_times", "total duration of reads (ns)"},
            "wr_total_times", new String[] {"wr_total_times", "total duration of writes (ns)"},
            "flush_total_times", new String[] {"flush_total_times", "total duration of flushes (ns)"});

    private BlockStatNames() {
    }

    static String[] of(String field) {
        return NAMES.getOrDefault(field, new String[] {field, field});
    }
}
