package org.jvirt.shell.internal;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * jvirt's console over the test driver in a process of its own, for the cases that need the process's
 * environment (core reads LIBVIRT_DEFAULT_URI from it): {@code [-c URI] ARGS...}; stdout and stderr in one
 * stream, the exit status the console's.
 */
public final class ConsoleMain {
    private ConsoleMain() {
    }

    public static void main(String[] args) {
        String uri = null;
        int first = 0;
        if (args.length > 1 && args[0].equals("-c")) {
            uri = args[1];
            first = 2;
        }
        ShellHarness.Run r = new ShellHarness(TestDriverFactory.fresh()).runCombined(uri, false,
                Arrays.copyOfRange(args, first, args.length));
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.print(r.out());
        out.flush();
        System.exit(r.status());
    }
}
