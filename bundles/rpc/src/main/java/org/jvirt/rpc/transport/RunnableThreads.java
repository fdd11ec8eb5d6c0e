package org.jvirt.rpc.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Whether the machine has a processor to spare: the number of threads runnable right now (Linux's
 * {@code /proc/loadavg}, its fourth field) against the processors, read at most once a millisecond. Elsewhere, or
 * when the file cannot be read, the answer is always yes.
 */
final class RunnableThreads {
    private static final long REFRESH_NANOS = 1_000_000;
    private static final int PROCESSORS = Runtime.getRuntime().availableProcessors();
    private static final FileChannel LOADAVG = open();

    private static volatile long readAt = System.nanoTime() - REFRESH_NANOS;
    private static volatile boolean spare = true;

    private RunnableThreads() {
    }

    private static FileChannel open() {
        try {
            return FileChannel.open(Path.of("/proc/loadavg"), StandardOpenOption.READ);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return null;
        }
    }

    /**
     * True unless more threads are runnable than there are processors. The caller and the peer it answers are
     * usually two of them: polling is worth it when nothing else competes for the processors.
     */
    static boolean processorToSpare() {
        if (LOADAVG == null) {
            return true;
        }
        long now = System.nanoTime();
        if (now - readAt >= REFRESH_NANOS) {
            readAt = now;
            spare = runnable() <= PROCESSORS;
        }
        return spare;
    }

    /** The runnable threads now ("0.20 0.18 0.12 RUNNABLE/TOTAL LASTPID"), or 0 when the file reads oddly. */
    private static int runnable() {
        ByteBuffer b = ByteBuffer.allocate(128);
        try {
            synchronized (LOADAVG) {
                LOADAVG.read(b, 0);
            }
        } catch (IOException e) {
            return 0;
        }
        int fields = 0;
        int n = 0;
        for (int i = 0; i < b.position(); i++) {
            byte c = b.get(i);
            if (fields == 3) {
                if (c >= '0' && c <= '9') {
                    n = n * 10 + (c - '0');
                } else {
                    return n;
                }
            } else if (c == ' ') {
                fields++;
            }
        }
        return 0;
    }
}
