package org.jvirt.util;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Processes of this host as Linux's {@code /proc} shows them, for drivers that must find again, check and end
 * processes they did not start in this JVM (a guest's emulator after the platform restarted).
 *
 * <p>A process is identified by its pid and its start time (in clock ticks since boot), so that a pid reused by
 * another program is never taken for the one a driver started. A zombie counts as gone: it runs nothing, and the
 * host's init may take a while to reap it.
 */
public final class HostProcesses {
    private static final Path PROC = Path.of("/proc");

    private HostProcesses() {
    }

    /**
     * What {@code /proc/PID/stat} says of a process.
     *
     * @param pid        the process id
     * @param state      the state letter (R, S, D, Z, T …)
     * @param startTicks when it started, in clock ticks since boot
     */
    public record ProcessStat(long pid, char state, long startTicks) {
        /** Whether it still runs (exists and is not a zombie or dead). */
        public boolean running() {
            return state != 'Z' && state != 'X' && state != 'x';
        }
    }

    /** The process with this pid, or empty when there is none. */
    public static Optional<ProcessStat> stat(long pid) {
        if (pid <= 0) {
            return Optional.empty();
        }
        String text;
        try {
            text = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.of(parseStat(pid, text));
    }

    /** Parses a {@code /proc/PID/stat} line; the command name may hold spaces and parentheses. */
    static ProcessStat parseStat(long pid, String text) {
        int close = text.lastIndexOf(')');
        String[] rest = text.substring(close + 2).trim().split(" ");
        // after the name: state is field 3 of the line, starttime field 22
        char state = rest[0].charAt(0);
        long start = Long.parseLong(rest[19]);
        return new ProcessStat(pid, state, start);
    }

    /** Whether a process with this pid runs and, when {@code startTicks} is not negative, started then. */
    public static boolean isRunning(long pid, long startTicks) {
        return stat(pid).filter(ProcessStat::running)
                .filter(s -> startTicks < 0 || s.startTicks() == startTicks).isPresent();
    }

    /** The start time of a running process, or -1 when none runs with this pid. */
    public static long startTicks(long pid) {
        return stat(pid).filter(ProcessStat::running).map(ProcessStat::startTicks).orElse(-1L);
    }

    /** The command line of a process (its arguments), or empty when it is gone or a kernel thread. */
    public static List<String> commandLine(long pid) {
        byte[] raw;
        try {
            raw = Files.readAllBytes(PROC.resolve(Long.toString(pid)).resolve("cmdline"));
        } catch (IOException e) {
            return List.of();
        }
        List<String> args = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == 0) {
                args.add(new String(raw, from, i - from, StandardCharsets.UTF_8));
                from = i + 1;
            }
        }
        if (from < raw.length) {
            args.add(new String(raw, from, raw.length - from, StandardCharsets.UTF_8));
        }
        return args;
    }

    /**
     * The real user and group ids of this process, as {@code /proc/self/status} gives them (what a program it
     * starts runs as, and what libvirt names in "as uid:U, gid:G").
     *
     * @param uid the user id
     * @param gid the group id
     */
    public record Ids(long uid, long gid) {
    }

    /** This process's user and group ids; -1 for one that cannot be read. */
    public static Ids self() {
        long uid = -1;
        long gid = -1;
        try {
            for (String line : Files.readAllLines(PROC.resolve("self/status"), StandardCharsets.UTF_8)) {
                if (line.startsWith("Uid:")) {
                    uid = Long.parseLong(line.substring(4).trim().split("\\s+")[0]);
                } else if (line.startsWith("Gid:")) {
                    gid = Long.parseLong(line.substring(4).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // left at -1: the caller shows what it has
        }
        return new Ids(uid, gid);
    }

    /** The running processes that have {@code argument} as one of their arguments (exactly), by pid. */
    public static List<Long> withArgument(String argument) {
        List<Long> out = new ArrayList<>();
        try (var dirs = Files.newDirectoryStream(PROC, "[0-9]*")) {
            for (Path d : dirs) {
                long pid;
                try {
                    pid = Long.parseLong(d.getFileName().toString());
                } catch (NumberFormatException e) {
                    continue;
                }
                if (commandLine(pid).contains(argument) && isRunning(pid, -1)) {
                    out.add(pid);
                }
            }
        } catch (IOException e) {
            // no /proc: nothing to find
        }
        return out;
    }

    /**
     * Ends a process as libvirt's virProcessKillPainfully does: SIGTERM, a grace period, then SIGKILL, and waits
     * until it is gone. Returns true when it is gone, false when it outlived the wait (unkillable, D state).
     *
     * @param pid        the process
     * @param startTicks its start time (or -1 to skip the check)
     * @param grace      how long to wait after SIGTERM before SIGKILL; zero sends SIGKILL at once
     * @param afterKill  how long to wait after SIGKILL
     */
    public static boolean terminate(long pid, long startTicks, Duration grace, Duration afterKill) {
        if (!isRunning(pid, startTicks)) {
            return true;
        }
        Optional<ProcessHandle> h = ProcessHandle.of(pid);
        if (h.isEmpty()) {
            return true;
        }
        if (!grace.isZero()) {
            h.get().destroy();
            if (waitGone(pid, startTicks, grace)) {
                return true;
            }
        }
        h.get().destroyForcibly();
        return waitGone(pid, startTicks, afterKill);
    }

    /** Waits until the process is gone (or a zombie); true when it is, false at the timeout. */
    public static boolean waitGone(long pid, long startTicks, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = 200_000; // ns: begin fast, since most processes go at once
        while (isRunning(pid, startTicks)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(pause / 1_000_000, (int) (pause % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return !isRunning(pid, startTicks);
            }
            pause = Math.min(pause * 2, 20_000_000);
        }
        return true;
    }
}
