package org.jvirt.launcher;

import java.util.ArrayList;
import java.util.List;

/**
 * What bin/jvirt was asked, parsed as virsh parses its own options: options first, then the command and its
 * arguments, which are left untouched for the shell.
 */
record LaunchOptions(String uri, boolean readOnly, boolean quiet, boolean daemon, boolean help, boolean version,
        List<String> command) {

    static LaunchOptions parse(String[] args) {
        String uri = null;
        boolean readOnly = false;
        boolean quiet = false;
        boolean daemon = false;
        boolean help = false;
        boolean version = false;
        int i = 0;
        for (; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--")) {
                i++;
                break;
            }
            if (!a.startsWith("-") || a.equals("-")) {
                break;
            }
            switch (a) {
                case "-c", "--connect" -> {
                    if (++i >= args.length) {
                        throw new IllegalArgumentException("option '" + a + "' requires an argument");
                    }
                    uri = args[i];
                }
                case "-r", "--readonly" -> readOnly = true;
                case "-q", "--quiet" -> quiet = true;
                case "--daemon" -> daemon = true;
                case "-h", "--help" -> help = true;
                case "-v", "--version" -> version = true;
                default -> {
                    if (a.startsWith("--connect=")) {
                        uri = a.substring("--connect=".length());
                    } else {
                        throw new IllegalArgumentException("unsupported option '" + a + "'. See --help.");
                    }
                }
            }
        }
        List<String> command = new ArrayList<>();
        for (; i < args.length; i++) {
            command.add(args[i]);
        }
        return new LaunchOptions(uri, readOnly, quiet, daemon, help, version, List.copyOf(command));
    }

    static String usage() {
        return """
                Usage: jvirt [OPTION]... [COMMAND [ARG]...]

                  -c, --connect URI   connect to this hypervisor URI (default: the configured one)
                  -r, --readonly      connect read-only
                  -q, --quiet         quiet mode: no table headers, no blank line after each command
                      --daemon        run headless (the platform's services only, no shell)
                  -h, --help          this help
                  -v, --version       print the version

                  With a COMMAND, run it and exit with its status, like virsh. Without one, open the
                  interactive shell, or, when standard input is not a terminal, run the lines read from it.
                  Commands are listed by 'jvirt help'.
                """;
    }
}
