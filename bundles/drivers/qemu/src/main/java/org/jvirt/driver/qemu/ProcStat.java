package org.jvirt.driver.qemu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What libvirt reads of a QEMU process or thread from its /proc stat file: user and system CPU time, and the
 * processor it last ran on.
 *
 * @param userTicks   utime, in clock ticks
 * @param systemTicks stime, in clock ticks
 * @param processor   the CPU it last ran on
 */
record ProcStat(long userTicks, long systemTicks, int processor) {
    /** Nanoseconds per clock tick: USER_HZ is 100 on Linux. */
    static final long NANOS_PER_TICK = 10_000_000L;

    /** The stat file of process {@code pid}, or of its thread {@code tid} when that is positive; null if gone. */
    static ProcStat of(long pid, long tid) {
        Path dir = Path.of("/proc", Long.toString(pid));
        return read(tid > 0 ? dir.resolve("task").resolve(Long.toString(tid)).resolve("stat") : dir.resolve("stat"));
    }

    /** Reads {@code stat}; null when it cannot be read (the process or thread ended meanwhile). */
    static ProcStat read(Path stat) {
        try {
            String text = Files.readString(stat);
            // fields after the command's closing parenthesis: state is field 3, utime 14, stime 15, processor 39
            String[] f = text.substring(text.lastIndexOf(')') + 2).split(" ");
            return new ProcStat(Long.parseLong(f[11]), Long.parseLong(f[12]), Integer.parseInt(f[36]));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    long userNanos() {
        return userTicks * NANOS_PER_TICK;
    }

    long systemNanos() {
        return systemTicks * NANOS_PER_TICK;
    }

    long cpuNanos() {
        return userNanos() + systemNanos();
    }
}
