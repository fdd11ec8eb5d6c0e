package org.jvirt.driver.qemu;

import java.util.Locale;

/** Where a start's time went, step by step, for the debug log (the benchmark reads it to find what to cut). */
final class StartTimings {
    private final long begin = System.nanoTime();
    private long last = begin;
    private final StringBuilder steps = new StringBuilder();

    /** Ends the step called {@code name} now. */
    void mark(String name) {
        long now = System.nanoTime();
        steps.append(name).append('=').append(String.format(Locale.ROOT, "%.2f", (now - last) / 1e6)).append(' ');
        last = now;
    }

    @Override
    public String toString() {
        return steps + String.format(Locale.ROOT, "total=%.2f", (last - begin) / 1e6);
    }
}
