package org.jvirt.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * bin/jvirt's entry point. It starts the platform, then hands the command line to the shell's console (a service
 * the shell bundle publishes), and exits with the command's status, as virsh does; with {@code --daemon} it keeps
 * the platform running until it is told to stop.
 */
public final class Main {
    private static final long CONSOLE_TIMEOUT_MS = 30_000;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            return 1;
        }
        if (options.help()) {
            System.out.print(LaunchOptions.usage());
            return 0;
        }
        if (options.version()) {
            System.out.println(Main.class.getPackage().getImplementationVersion() == null ? "unknown"
                    : Main.class.getPackage().getImplementationVersion());
            return 0;
        }
        Home home = Home.fromSystem();
        home.prepare();
        System.setProperty("jvirt.home", home.home().toString());
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", home.etc().resolve("logback.xml").toString());
        }
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        Logger log = LoggerFactory.getLogger(Main.class);

        StartupList bundles = StartupList.read(home.etc().resolve("startup.properties"), home.install());
        Platform.Mode mode = options.daemon() ? Platform.Mode.DAEMON
                : options.command().isEmpty() ? Platform.Mode.SHELL : Platform.Mode.COMMAND;
        Platform platform = new Platform(home, bundles, mode);
        Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "jvirt-shutdown"));
        try {
            platform.start();
        } catch (Exception e) {
            log.error("the platform failed to start", e);
            System.err.println("error: the platform failed to start: " + e.getMessage() + " (see "
                    + home.data().resolve("log/jvirt.log") + ")");
            return 1;
        }
        try {
            if (options.daemon()) {
                log.info("running headless, pid {}", ProcessHandle.current().pid());
                platform.awaitStop();
                return 0;
            }
            Function<Map<String, Object>, Integer> console = platform.console(CONSOLE_TIMEOUT_MS);
            if (console == null) {
                log.error("the shell's console did not appear within {} ms", CONSOLE_TIMEOUT_MS);
                System.err.println("error: the shell did not start (see " + home.data().resolve("log/jvirt.log")
                        + ")");
                return 1;
            }
            reportStartup(platform, log);
            Integer status = console.apply(request(options));
            return status == null ? 0 : status;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (RuntimeException e) {
            log.error("the console failed", e);
            System.err.println("error: internal error: " + e.getMessage());
            return 1;
        } finally {
            platform.close();
        }
    }

    private static Map<String, Object> request(LaunchOptions options) {
        Map<String, Object> request = new HashMap<>();
        request.put("args", options.command().toArray(new String[0]));
        request.put("uri", options.uri());
        request.put("readonly", options.readOnly());
        request.put("quiet", options.quiet());
        request.put("in", System.in);
        request.put("out", System.out);
        request.put("err", System.err);
        request.put("terminal", System.console() != null);
        return request;
    }

    /**
     * For the start-up benchmark: when {@code jvirt.startup.report} names a file, write the wall-clock time (ms
     * since the epoch) at which the console is about to take over, and whether every bundle is active then.
     */
    private static void reportStartup(Platform platform, Logger log) {
        String report = System.getProperty("jvirt.startup.report");
        if (report == null) {
            return;
        }
        try {
            Files.writeString(Path.of(report), System.currentTimeMillis() + " " + platform.allActive() + "\n");
        } catch (IOException e) {
            log.warn("cannot write the start-up report {}: {}", report, e.toString());
        }
    }
}
