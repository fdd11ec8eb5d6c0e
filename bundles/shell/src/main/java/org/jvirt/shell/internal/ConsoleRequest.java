package org.jvirt.shell.internal;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What the launcher asks the console: the command line, virsh's -c, -r and -q, the standard streams, whether
 * they are a terminal, and the environment the commands see (the process's own unless the map gives "env").
 */
public record ConsoleRequest(String[] args, String uri, boolean readOnly, boolean quiet, InputStream in,
        PrintStream out, PrintStream err, boolean terminal, Map<String, String> environment) {

    /** The URI to connect to before anything runs: -c, else VIRSH_DEFAULT_CONNECT_URI as virsh reads it. */
    public String startUri() {
        return uri != null ? uri : environment.get("VIRSH_DEFAULT_CONNECT_URI");
    }

    /**
     * Reads the launcher's map. The process's own standard streams are replaced by fresh ones on the same file
     * descriptors: in OSGi, System.out is Gogo's per-thread stream, which would write to itself once Gogo routes
     * the session's output to it.
     */
    public static ConsoleRequest from(Map<String, Object> request) {
        Object args = request.get("args");
        InputStream in = (InputStream) request.getOrDefault("in", System.in);
        PrintStream out = (PrintStream) request.getOrDefault("out", System.out);
        PrintStream err = (PrintStream) request.getOrDefault("err", System.err);
        return new ConsoleRequest(args instanceof String[] a ? a : new String[0], (String) request.get("uri"),
                Boolean.TRUE.equals(request.get("readonly")), Boolean.TRUE.equals(request.get("quiet")),
                in == System.in ? new FileInputStream(FileDescriptor.in) : in,
                out == System.out ? direct(FileDescriptor.out) : out,
                err == System.err ? direct(FileDescriptor.err) : err,
                Boolean.TRUE.equals(request.get("terminal")), environment(request.get("env")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> environment(Object given) {
        return given instanceof Map<?, ?> m ? Map.copyOf((Map<String, String>) m) : System.getenv();
    }

    private static PrintStream direct(FileDescriptor fd) {
        return new PrintStream(new FileOutputStream(fd), true, StandardCharsets.UTF_8);
    }
}
