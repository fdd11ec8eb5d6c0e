package org.jvirt.driver.qemu;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.jvirt.api.DomainState;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.PausedReason;
import org.jvirt.api.RunningReason;
import org.jvirt.api.ShutoffReason;
import org.jvirt.api.VirtException;
import org.jvirt.api.event.LifecycleEventType;
import org.jvirt.api.event.StartedDetail;
import org.jvirt.api.event.StoppedDetail;
import org.jvirt.api.event.SuspendedDetail;
import org.jvirt.conf.DomainXml;
import org.jvirt.conf.domain.ChrDef;
import org.jvirt.conf.domain.ChrSource;
import org.jvirt.conf.domain.DiskDef;
import org.jvirt.conf.domain.DomainDef;
import org.jvirt.conf.domain.GraphicsDef;
import org.jvirt.driver.qemu.caps.QemuCaps;
import org.jvirt.driver.qemu.command.Aliases;
import org.jvirt.driver.qemu.command.LaunchPaths;
import org.jvirt.driver.qemu.command.QemuCommandLine;
import org.jvirt.driver.qemu.command.QemuDefaults;
import org.jvirt.driver.qemu.qmp.QmpError;
import org.jvirt.driver.qemu.qmp.QmpMonitor;
import org.jvirt.util.DetachedCommand;
import org.jvirt.util.FileTail;
import org.jvirt.util.HostProcesses;
import org.jvirt.util.PidFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starting, ending and finding again the QEMU processes of domains (libvirt's qemu_process.c). Every method that
 * changes a domain runs inside its job; QEMU's events arrive through {@link QmpEvents}.
 */
final class QemuProcesses {
    private static final Logger LOG = LoggerFactory.getLogger(QemuProcesses.class);
    static final Duration MONITOR_TIMEOUT = Duration.ofSeconds(30);
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);
    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSxxxx");

    private final QemuDriver driver;

    QemuProcesses(QemuDriver driver) {
        this.driver = driver;
    }

    // ---- start

    /** Starts a domain's QEMU (qemuProcessStart): paused, set up, then continued unless {@code paused}. */
    void start(QemuDomainObj o, boolean paused, StartedDetail detail) {
        DomainDef persistent;
        synchronized (o) {
            if (o.isActive()) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, "domain is already running");
            }
            persistent = o.def;
        }
        QemuCaps caps = driver.capsFor(persistent);
        DomainDef live = DomainXml.copy(persistent, driver.parse);
        QemuDefaults.apply(live, caps, false);
        checkDisks(live);
        Aliases.assign(live);
        int id = driver.allocateId();
        Path dir = driver.paths.domainDir(id, live.name);
        Path monitor = dir.resolve("monitor.sock");
        Path pidFile = driver.paths.pidFile(live.name);
        Path log = driver.paths.logFile(live.name);
        if (monitor.toString().length() > 100) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU,
                    "monitor socket path '" + monitor + "' too long");
        }
        Process p = null;
        QmpMonitor mon = null;
        long logOffset = 0;
        try {
            Files.createDirectories(dir);
            Path key = dir.resolve("master-key.aes");
            writeMasterKey(key);
            int vnc = needsVncPort(live) ? freeVncPort() : -1;
            List<String> args = QemuCommandLine.build(live, caps, new LaunchPaths(monitor, pidFile, key, vnc));
            fillGraphicsPort(live, vnc);
            logOffset = appendLogHeader(log, args, caps);
            DetachedCommand cmd = DetachedCommand.of(args).clearEnvironment().env("LC_ALL", "C")
                    .env("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")
                    .env("HOME", dir.toString()).env("XDG_DATA_HOME", dir.resolve(".local/share").toString())
                    .env("XDG_CACHE_HOME", dir.resolve(".cache").toString())
                    .env("XDG_CONFIG_HOME", dir.resolve(".config").toString())
                    .appendOutputTo(log).directory(dir);
            live.id = id;
            p = cmd.start();
            Process proc = p;
            synchronized (o) {
                o.process = p;
                o.pid = p.pid();
                o.startTicks = HostProcesses.startTicks(p.pid());
                o.monitorPath = monitor;
                o.logFile = log;
                o.logOffset = logOffset;
                o.gotShutdown = false;
                o.shutdownByGuest = false;
                o.beingDestroyed = false;
                o.apiRunStateChange = true;
            }
            PidFiles.write(pidFile, p.pid());
            try {
                mon = QmpMonitor.connect(monitor, live.name, new QmpEvents(driver, o), MONITOR_TIMEOUT,
                        proc::isAlive);
            } catch (IOException | QmpError e) {
                throw exitedError(log, logOffset, proc, "process exited while connecting to monitor", e);
            }
            synchronized (o) {
                o.monitor = mon;
            }
            readPtys(mon, live);
            synchronized (o) {
                if (o.persistent) {
                    o.newDef = persistent;
                }
                o.def = live;
                o.setState(DomainState.PAUSED, PausedReason.USER.value());
            }
            if (!paused) {
                mon.execute("cont", null, COMMAND_TIMEOUT);
                o.setState(DomainState.RUNNING, RunningReason.BOOTED.value());
            }
            synchronized (o) {
                o.apiRunStateChange = false;
            }
            StatusFile.write(driver.paths.statusFile(live.name), o);
            LOG.info("domain {} started (id {}, pid {})", live.name, id, p.pid());
        } catch (IOException | RuntimeException e) {
            VirtException ve = e instanceof VirtException v ? v
                    : e instanceof QmpError q ? exitedError(log, logOffset, p, "unable to execute QEMU command '"
                            + q.command() + "'", q)
                    : new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU, e.getMessage(), e);
            if (!(e instanceof VirtException)) {
                LOG.warn("domain {}: start failed", live.name, e);
            }
            cleanupFailedStart(o, persistent, p, mon, dir, pidFile);
            throw ve;
        }
        driver.emitLifecycle(o, LifecycleEventType.STARTED, detail.value());
        if (paused) {
            driver.emitLifecycle(o, LifecycleEventType.SUSPENDED, SuspendedDetail.PAUSED.value());
        }
    }

    /** libvirt checks each disk's top image before it runs QEMU. */
    private static void checkDisks(DomainDef def) {
        for (DiskDef d : def.devices().disks) {
            String path = d.source == null ? null : d.source.file != null ? d.source.file : d.source.dev;
            if (path != null && !Files.exists(Path.of(path))) {
                throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU,
                        "Cannot access storage file '" + path + "': No such file or directory");
            }
        }
    }

    private static void writeMasterKey(Path key) throws IOException {
        byte[] bytes = new byte[32];
        QemuDriver.random().nextBytes(bytes);
        Files.deleteIfExists(key);
        Files.createFile(key, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(key, bytes);
    }

    private static boolean needsVncPort(DomainDef def) {
        for (GraphicsDef g : def.devices().graphics) {
            if ("vnc".equals(g.type) && (g.port == null || "-1".equals(g.port) || "yes".equals(g.autoport))) {
                return true;
            }
        }
        return false;
    }

    /** The first port from 5900 that nobody listens on (libvirt's port allocator checks with bind as well). */
    private static int freeVncPort() {
        for (int port = 5900; port < 65536; port++) {
            try (ServerSocket s = new ServerSocket()) {
                s.setReuseAddress(true);
                s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                return port;
            } catch (IOException e) {
                // taken: try the next one
            }
        }
        throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU, "Unable to find an unused port");
    }

    private static void fillGraphicsPort(DomainDef def, int port) {
        for (GraphicsDef g : def.devices().graphics) {
            if ("vnc".equals(g.type) && port > 0 && (g.port == null || "-1".equals(g.port)
                    || "yes".equals(g.autoport))) {
                g.port = Integer.toString(port);
                g.autoport = "yes";
                if (g.listen == null) {
                    g.listen = "127.0.0.1";
                }
            }
        }
    }

    /** The pty each serial port got (query-chardev), for the live XML and the console. */
    private static void readPtys(QmpMonitor mon, DomainDef def) {
        List<ChrDef> serials = def.devices().serials;
        if (serials.stream().noneMatch(c -> "pty".equals(c.type))) {
            return;
        }
        JsonNode list = mon.execute("query-chardev", null, COMMAND_TIMEOUT);
        for (int i = 0; i < serials.size(); i++) {
            ChrDef c = serials.get(i);
            for (JsonNode n : list) {
                if (("charserial" + i).equals(n.path("label").asText())
                        && n.path("filename").asText().startsWith("pty:")) {
                    String tty = n.path("filename").asText().substring(4);
                    c.tty = tty;
                    if (c.sources.isEmpty()) {
                        c.sources.add(new ChrSource());
                    }
                    c.sources.get(0).path = tty;
                    if (i == 0 && !def.devices().consoles.isEmpty()) {
                        ChrDef con = def.devices().consoles.get(0);
                        con.tty = tty;
                        if (con.sources.isEmpty()) {
                            con.sources.add(new ChrSource());
                        }
                        con.sources.get(0).path = tty;
                    }
                }
            }
        }
    }

    /** The log header libvirt writes: a time stamp, then the environment and command line. */
    private static long appendLogHeader(Path log, List<String> args, QemuCaps caps) throws IOException {
        Files.createDirectories(log.getParent());
        long offset = FileTail.size(log);
        StringBuilder b = new StringBuilder();
        b.append(OffsetDateTime.now(ZoneOffset.UTC).format(LOG_TIME)).append(": starting up jvirt, qemu version: ")
                .append(caps.versionText()).append(caps.packageText().isEmpty() ? "" : "(" + caps.packageText() + ")")
                .append('\n');
        b.append("LC_ALL=C \\\n");
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            b.append(quote(a));
            boolean option = a.startsWith("-") && i + 1 < args.size() && !args.get(i + 1).startsWith("-");
            b.append(i + 1 == args.size() ? "\n" : option ? " " : " \\\n");
        }
        Files.writeString(log, b.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        return offset + b.toString().getBytes(StandardCharsets.UTF_8).length;
    }

    private static String quote(String a) {
        return a.matches("[A-Za-z0-9_./:=,+@%-]+") ? a : "'" + a.replace("'", "'\\''") + "'";
    }

    /**
     * libvirt's error for a QEMU that failed while starting: its own words, then what QEMU wrote to its log
     * ("internal error: process exited while connecting to monitor: …").
     */
    private static VirtException exitedError(Path log, long offset, Process p, String what, Exception cause) {
        if (p != null) {
            try {
                p.waitFor(2, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String text = FileTail.since(log, offset, 8192).strip();
        String detail = text.isEmpty() ? cause.getMessage() : text;
        if (cause instanceof QmpError q && !q.closed() && !QmpError.TIMEOUT.equals(q.errorClass())) {
            detail = q.desc();
        }
        return new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU, what + ": " + detail);
    }

    private void cleanupFailedStart(QemuDomainObj o, DomainDef persistent, Process p, QmpMonitor mon, Path dir,
            Path pidFile) {
        synchronized (o) {
            o.beingDestroyed = true;
        }
        if (mon != null) {
            mon.close();
        }
        if (p != null && p.isAlive()) {
            p.destroyForcibly();
            try {
                p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        removeRunFiles(dir, pidFile, driver.paths.statusFile(persistent.name));
        synchronized (o) {
            o.def = persistent;
            o.newDef = null;
            o.def.id = -1;
            o.process = null;
            o.monitor = null;
            o.pid = -1;
            o.apiRunStateChange = false;
            o.setState(DomainState.SHUTOFF, ShutoffReason.FAILED.value());
        }
    }

    private static void removeRunFiles(Path dir, Path pidFile, Path status) {
        try {
            Files.deleteIfExists(status);
            Files.deleteIfExists(pidFile);
            if (dir != null && Files.isDirectory(dir)) {
                try (Stream<Path> s = Files.walk(dir)) {
                    for (Path f : s.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(f);
                    }
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot remove run files in {}: {}", dir, e.toString());
        }
    }

    // ---- stop

    /**
     * Ends a domain's QEMU and its run (qemuProcessKill + qemuProcessStop): SIGTERM, and SIGKILL after a grace
     * period unless {@code graceful}; then the domain is shut off with {@code reason} and STOPPED/{@code detail}.
     */
    void destroy(QemuDomainObj o, boolean graceful, ShutoffReason reason, StoppedDetail detail) {
        long pid;
        long start;
        Process p;
        synchronized (o) {
            if (!o.isActive()) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, "domain is not running");
            }
            o.beingDestroyed = true;
            pid = o.pid;
            start = o.startTicks;
            p = o.process;
        }
        boolean gone;
        if (p != null) {
            p.destroy();
            gone = waitExit(p, Duration.ofSeconds(10));
            if (!gone && !graceful) {
                p.destroyForcibly();
                gone = waitExit(p, Duration.ofSeconds(5));
            }
        } else {
            gone = HostProcesses.terminate(pid, start, graceful ? Duration.ofSeconds(10) : Duration.ofSeconds(10),
                    graceful ? Duration.ZERO : Duration.ofSeconds(5));
        }
        if (!gone) {
            synchronized (o) {
                o.beingDestroyed = false;
            }
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU,
                    "Failed to terminate process " + pid + " with SIG" + (graceful ? "TERM" : "KILL")
                            + ": Device or resource busy");
        }
        stopped(o, reason, detail);
    }

    private static boolean waitExit(Process p, Duration d) {
        try {
            return p.waitFor(d.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !p.isAlive();
        }
    }

    /** The process is gone: clean up, shut the domain off, tell everyone, drop a transient domain. */
    void stopped(QemuDomainObj o, ShutoffReason reason, StoppedDetail detail) {
        QmpMonitor mon;
        String name;
        Path dir;
        synchronized (o) {
            if (!o.isActive()) {
                return;
            }
            mon = o.monitor;
            o.monitor = null;
            name = o.def.name;
            dir = driver.paths.domainDir(o.def.id, name);
        }
        if (mon != null) {
            mon.close();
        }
        removeRunFiles(dir, driver.paths.pidFile(name), driver.paths.statusFile(name));
        boolean transientGone;
        synchronized (o) {
            o.setState(DomainState.SHUTOFF, reason.value());
            o.process = null;
            o.pid = -1;
            o.startTicks = -1;
            o.beingDestroyed = false;
            o.gotShutdown = false;
            o.def.id = -1;
            transientGone = !o.persistent;
        }
        driver.emitLifecycle(o, LifecycleEventType.STOPPED, detail.value());
        synchronized (o) {
            if (o.newDef != null) {
                o.def = o.newDef;
                o.newDef = null;
            }
            o.def.id = -1;
        }
        if (transientGone) {
            driver.remove(o);
        }
        LOG.info("domain {} stopped ({})", name, reason);
    }

    /** Closes a domain's monitor when the driver closes; QEMU goes on and is found again on the next start. */
    void detach(QemuDomainObj o) {
        QmpMonitor mon;
        synchronized (o) {
            mon = o.monitor;
            o.monitor = null;
        }
        if (mon != null) {
            mon.close();
        }
    }

    // ---- restart

    /**
     * Finds each guest of a status file again (qemuProcessReconnect): when its QEMU still runs, the monitor is
     * reconnected and the state read from QEMU; when it died meanwhile, the domain is shut off as crashed.
     */
    void reconnectAll(List<StatusFile.Status> statuses) {
        for (StatusFile.Status s : statuses) {
            QemuDomainObj o = driver.adoptRunning(s.def());
            synchronized (o) {
                o.pid = s.pid();
                o.startTicks = s.startTicks();
                o.monitorPath = s.monitor();
                o.logFile = driver.paths.logFile(s.def().name);
                o.logOffset = FileTail.size(o.logFile);
                o.setState(s.state().state(), s.state().reason());
            }
            boolean alive = HostProcesses.isRunning(s.pid(), s.startTicks())
                    && HostProcesses.commandLine(s.pid()).stream().anyMatch(a -> a.equals(s.def().uuid.toString()));
            QmpMonitor mon = null;
            if (alive) {
                try {
                    mon = QmpMonitor.connect(s.monitor(), s.def().name, new QmpEvents(driver, o),
                            Duration.ofSeconds(5), () -> HostProcesses.isRunning(s.pid(), s.startTicks()));
                    JsonNode status = mon.execute("query-status", null, COMMAND_TIMEOUT);
                    synchronized (o) {
                        o.monitor = mon;
                        boolean running = status.path("running").asBoolean();
                        if (running && o.state != DomainState.RUNNING) {
                            o.setState(DomainState.RUNNING, RunningReason.UNPAUSED.value());
                        } else if (!running && o.state == DomainState.RUNNING) {
                            o.setState(DomainState.PAUSED, PausedReason.UNKNOWN.value());
                        }
                    }
                    StatusFile.write(driver.paths.statusFile(s.def().name), o);
                    LOG.info("domain {}: reconnected to QEMU pid {}", s.def().name, s.pid());
                    continue;
                } catch (IOException | QmpError e) {
                    LOG.warn("domain {}: cannot reconnect to QEMU pid {}: {}", s.def().name, s.pid(), e.toString());
                    if (mon != null) {
                        mon.close();
                    }
                    HostProcesses.terminate(s.pid(), s.startTicks(), Duration.ZERO, Duration.ofSeconds(5));
                }
            }
            LOG.info("domain {}: QEMU pid {} is gone; marking it shut off (crashed)", s.def().name, s.pid());
            stopped(o, ShutoffReason.CRASHED, StoppedDetail.FAILED);
        }
    }
}
