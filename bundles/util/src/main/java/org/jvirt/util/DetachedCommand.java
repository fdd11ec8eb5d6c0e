package org.jvirt.util;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts a program that must outlive the platform: in a session of its own (so a Ctrl-C or a hang-up sent to the
 * platform's terminal never reaches it), its standard input from {@code /dev/null} and its output appended to a
 * log file (so it holds no pipe to the JVM and never blocks or dies on one). The arguments go to the program as an
 * array, never through a shell.
 *
 * <p>The session comes from util-linux's {@code setsid}, which execs the program in place (the pid stays the
 * child's), so the JVM still reaps the process at once while it lives. Where {@code setsid} is missing, the
 * program starts in the platform's own session.
 */
public final class DetachedCommand {
    private static final Path SETSID = findSetsid();

    private final List<String> args;
    private final Map<String, String> env = new LinkedHashMap<>();
    private boolean clearEnv;
    private Path log;
    private Path directory;

    private DetachedCommand(List<String> args) {
        if (args.isEmpty()) {
            throw new IllegalArgumentException("no program");
        }
        this.args = List.copyOf(args);
    }

    /** A command of a program and its arguments. */
    public static DetachedCommand of(List<String> args) {
        return new DetachedCommand(args);
    }

    /** Starts from an empty environment (then adds what {@link #env} sets), as libvirt does for QEMU. */
    public DetachedCommand clearEnvironment() {
        clearEnv = true;
        return this;
    }

    public DetachedCommand env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** Appends standard output and standard error to {@code file} (created when missing). */
    public DetachedCommand appendOutputTo(Path file) {
        this.log = file;
        return this;
    }

    public DetachedCommand directory(Path dir) {
        this.directory = dir;
        return this;
    }

    /** The program and its arguments, as given. */
    public List<String> arguments() {
        return args;
    }

    /** Whether started programs get a session of their own here. */
    public static boolean detaches() {
        return SETSID != null;
    }

    /** Starts the program; fails with the JDK's message when it cannot be executed. */
    public Process start() throws IOException {
        List<String> argv = new ArrayList<>(args.size() + 1);
        if (SETSID != null) {
            argv.add(SETSID.toString());
        }
        argv.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(argv);
        if (clearEnv) {
            pb.environment().clear();
        }
        pb.environment().putAll(env);
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        if (log != null) {
            pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            pb.redirectErrorStream(true);
        } else {
            pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
            pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        }
        if (directory != null) {
            pb.directory(directory.toFile());
        }
        return pb.start();
    }

    private static Path findSetsid() {
        for (String dir : List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin")) {
            Path p = Path.of(dir, "setsid");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }
}
