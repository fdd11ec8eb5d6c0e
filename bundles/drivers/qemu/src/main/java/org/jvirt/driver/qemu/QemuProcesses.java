package org.jvirt.driver.qemu;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
import org.jvirt.api.event.ResumedDetail;
import org.jvirt.api.event.ShutdownDetail;
import org.jvirt.api.event.StartedDetail;
import org.jvirt.api.event.StoppedDetail;
import org.jvirt.api.event.SuspendedDetail;
import org.jvirt.conf.DomainXml;
import org.jvirt.conf.domain.ChrDef;
import org.jvirt.conf.domain.ChrSource;
import org.jvirt.conf.domain.DomainDef;
import org.jvirt.conf.domain.GraphicsDef;
import org.jvirt.driver.qemu.block.CdromDrives;
import org.jvirt.driver.qemu.block.DiskChains;
import org.jvirt.driver.qemu.caps.QemuCaps;
import org.jvirt.driver.qemu.command.Aliases;
import org.jvirt.driver.qemu.command.BlockNodes;
import org.jvirt.driver.qemu.command.LaunchPaths;
import org.jvirt.driver.qemu.command.QemuCommandLine;
import org.jvirt.driver.qemu.command.QemuDefaults;
import org.jvirt.driver.qemu.firmware.FirmwareNvram;
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

    private final QemuDriver driver;

    QemuProcesses(QemuDriver driver) {
        this.driver = driver;
    }

    // ---- start

    /**
     * What a start restores from (a saved domain): its definition, the file, where QEMU's stream begins in it, and
     * what the guest does afterwards.
     *
     * @param def         the saved definition, which the run takes
     * @param file        the save image
     * @param offset      where QEMU's migration stream begins
     * @param run         let the guest run once restored
     * @param pausedAs    the SUSPENDED event's detail when it stays paused
     */
    record Restore(DomainDef def, Path file, long offset, boolean run, SuspendedDetail pausedAs) {
    }

    /** Starts a domain's QEMU (qemuProcessStart): paused, set up, then continued unless {@code paused}. */
    void start(QemuDomainObj o, boolean paused, StartedDetail detail) {
        start(o, paused, detail, null);
    }

    /** Starts a domain's QEMU, or restores it when {@code restore} is given (QEMU loads the stream, paused). */
    void start(QemuDomainObj o, boolean paused, StartedDetail detail, Restore restore) {
        start(o, paused, detail, restore, null, null);
    }

    /**
     * Starts a domain's QEMU from an internal snapshot (qemuProcessStart with a snapshot: {@code -loadvm}): the
     * run takes {@code runDef}; the domain keeps its persistent definition; running or paused FROM_SNAPSHOT.
     */
    void startFromSnapshot(QemuDomainObj o, boolean paused, DomainDef runDef, String snapshot) {
        start(o, paused, StartedDetail.FROM_SNAPSHOT, null, runDef, snapshot);
    }

    /** Starts a domain reverted to a snapshot without memory (it boots): STARTED and SUSPENDED FROM_SNAPSHOT. */
    void startAfterRevert(QemuDomainObj o, boolean paused) {
        start(o, paused, StartedDetail.FROM_SNAPSHOT, null, null, null);
    }

    private void start(QemuDomainObj o, boolean paused, StartedDetail detail, Restore restore, DomainDef runDef,
            String loadvm) {
        DomainDef persistent;
        synchronized (o) {
            if (o.isActive()) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, "domain is already running");
            }
            persistent = o.def;
        }
        if (restore != null) {
            paused = !restore.run();
            runDef = restore.def();
        }
        StartTimings t = new StartTimings();
        QemuCaps caps = driver.capsFor(runDef != null ? runDef : persistent);
        t.mark("caps");
        DomainDef live = DomainXml.copy(runDef != null ? runDef : persistent, driver.parse);
        t.mark("copy");
        QemuDefaults.apply(live, caps, false);
        t.mark("defaults");
        DiskChains.check(live);
        int nextIndex = BlockNodes.assignIndexes(live, 1);
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
        Phase phase = Phase.PREPARE;
        try {
            Files.createDirectories(dir);
            Path key = dir.resolve("master-key.aes");
            t.mark("ids");
            writeMasterKey(key);
            t.mark("key");
            int vnc = needsVncPort(live) ? freeVncPort() : -1;
            List<String> args = QemuCommandLine.build(live, caps, new LaunchPaths(dir, monitor, pidFile, key, vnc,
                    CdromDrives.of(live), restore != null ? "defer" : null, loadvm));
            fillGraphicsPort(live, vnc);
            FirmwareNvram.prepare(live);
            t.mark("cmdline");
            logOffset = QemuLog.appendHeader(log, args, caps);
            t.mark("header");
            DetachedCommand cmd = DetachedCommand.of(args).clearEnvironment().env("LC_ALL", "C")
                    .env("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")
                    .env("HOME", dir.toString()).env("XDG_DATA_HOME", dir.resolve(".local/share").toString())
                    .env("XDG_CACHE_HOME", dir.resolve(".cache").toString())
                    .env("XDG_CONFIG_HOME", dir.resolve(".config").toString())
                    .appendOutputTo(log).directory(dir);
            live.id = id;
            phase = Phase.EXEC;
            t.mark("prepare");
            p = cmd.start();
            t.mark("spawn");
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
                o.shutdownOnDestroy = false;
                o.fakeReboot = false;
                o.pausedShutdown = false;
                o.nextNodeIndex = nextIndex;
                o.apiRunStateChange = true;
            }
            PidFiles.write(pidFile, p.pid());
            // with nothing to set up between negotiation and cont, cont goes right behind qmp_capabilities, and
            // the status file's definition is formatted now, while QEMU starts
            boolean contAtOnce = !paused && restore == null && !hasPtySerials(live) && !hasLinkDown(live);
            StatusFile.FormattedDef formatted = contAtOnce ? StatusFile.FormattedDef.of(live) : null;
            t.mark("pidfile");
            phase = Phase.CONNECT;
            mon = QmpMonitor.connect(monitor, live.name, new QmpEvents(driver, o), MONITOR_TIMEOUT, proc::isAlive,
                    contAtOnce ? "cont" : null);
            t.mark("monitor");
            synchronized (o) {
                o.monitor = mon;
            }
            readPtys(mon, live);
            phase = Phase.SET_UP;
            setLinkStates(mon, live);
            if (restore != null) {
                DomainSaves.load(mon, dir, restore.file(), restore.offset());
            }
            synchronized (o) {
                if (o.persistent) {
                    o.newDef = persistent;
                }
                o.def = live;
                o.setState(DomainState.PAUSED, (loadvm != null ? PausedReason.FROM_SNAPSHOT : PausedReason.USER)
                        .value());
            }
            t.mark("setup");
            if (contAtOnce) {
                mon.awaitPipelined(COMMAND_TIMEOUT);
            } else if (!paused) {
                mon.execute("cont", null, COMMAND_TIMEOUT);
            }
            if (!paused) {
                o.setState(DomainState.RUNNING, (restore != null ? RunningReason.RESTORED : loadvm != null
                        ? RunningReason.FROM_SNAPSHOT : RunningReason.BOOTED).value());
            }
            synchronized (o) {
                o.apiRunStateChange = false;
            }
            t.mark("cont");
            StatusFile.write(driver.paths.statusFile(live.name), o, formatted);
            t.mark("status");
            LOG.info("domain {} started (id {}, pid {})", live.name, id, p.pid());
        } catch (IOException | RuntimeException e) {
            VirtException ve = startFailure(e, phase, p, log, logOffset);
            if (!(e instanceof VirtException) && !(e instanceof QmpError) && phase != Phase.CONNECT) {
                LOG.warn("domain {}: start failed", live.name, e);
            }
            cleanupFailedStart(o, persistent, p, mon, dir, pidFile);
            throw ve;
        }
        if (!paused && restore == null && loadvm == null) {
            // QEMU's RESUME after cont, which libvirt reports before the start itself
            driver.emitLifecycle(o, LifecycleEventType.RESUMED, ResumedDetail.UNPAUSED.value());
        }
        driver.emitLifecycle(o, LifecycleEventType.STARTED, detail.value());
        if (!paused && restore != null) {
            // a restored guest runs again once started, and libvirt says so after the start (a snapshot's resume)
            driver.emitLifecycle(o, LifecycleEventType.RESUMED, ResumedDetail.FROM_SNAPSHOT.value());
        }
        if (paused) {
            driver.emitLifecycle(o, LifecycleEventType.SUSPENDED, (restore != null ? restore.pausedAs()
                    : detail == StartedDetail.FROM_SNAPSHOT ? SuspendedDetail.FROM_SNAPSHOT
                    : SuspendedDetail.PAUSED).value());
        }
        t.mark("events");
        if (LOG.isDebugEnabled()) {
            LOG.debug("domain {} start timings (ms): {}", live.name, t);
        }
    }

    /** Where a start was when it failed: what libvirt says depends on it. */
    private enum Phase {
        /** files and the command line */
        PREPARE,
        /** running the emulator */
        EXEC,
        /** connecting to the monitor and reading what QEMU made (qemuProcessWaitForMonitor) */
        CONNECT,
        /** setting the guest up and letting it run */
        SET_UP
    }

    /**
     * libvirt's error for a start that failed: a QEMU gone while its monitor was being connected is "process
     * exited while connecting to monitor", one gone later "qemu unexpectedly closed the monitor", each followed by
     * what QEMU wrote to its log.
     */
    private static VirtException startFailure(Exception e, Phase phase, Process p, Path log, long offset) {
        if (e instanceof VirtException v) {
            return v;
        }
        boolean dead = false;
        if (p != null) {
            try {
                // the log is complete once QEMU has exited; a live QEMU gets a moment to finish dying
                dead = p.waitFor(e instanceof QmpError q && !q.closed() ? 0 : 2, TimeUnit.SECONDS);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
        }
        if (phase == Phase.EXEC) {
            return new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU,
                    "Cannot run QEMU binary: " + e.getMessage());
        }
        if (dead && phase == Phase.CONNECT) {
            return withLog("process exited while connecting to monitor", log, offset);
        }
        if (e instanceof QmpError q) {
            if (q.closed()) {
                return withLog("qemu unexpectedly closed the monitor", log, offset);
            }
            return new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU,
                    "unable to execute QEMU command '" + q.command() + "': " + q.desc());
        }
        if (phase == Phase.CONNECT) {
            return new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU,
                    "monitor socket did not show up: " + e.getMessage());
        }
        return new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU, String.valueOf(e.getMessage()), e);
    }

    private static VirtException withLog(String prefix, Path log, long offset) {
        String text = QemuLog.quoted(log, offset);
        return new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU,
                text.isEmpty() ? prefix : prefix + ": " + text);
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
            if ("vnc".equals(g.type) && listensOnAddress(g)
                    && (g.port == null || "-1".equals(g.port) || "yes".equals(g.autoport))) {
                return true;
            }
        }
        return false;
    }

    private static boolean listensOnAddress(GraphicsDef g) {
        return g.listens.isEmpty() || g.listens.get(0).type == null || "address".equals(g.listens.get(0).type);
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
            if ("vnc".equals(g.type) && port > 0 && listensOnAddress(g) && (g.port == null || "-1".equals(g.port)
                    || "yes".equals(g.autoport))) {
                g.port = Integer.toString(port);
                g.autoport = "yes";
                if (g.listen == null) {
                    g.listen = "127.0.0.1";
                }
            }
        }
    }

    private static boolean hasLinkDown(DomainDef def) {
        return def.devices().interfaces.stream().anyMatch(DeviceHotplug::linkDown);
    }

    /** Interfaces defined with their link down get it down before the guest runs (qemuProcessSetLinkStates). */
    private static void setLinkStates(QmpMonitor mon, DomainDef def) {
        for (org.jvirt.conf.domain.NetDef n : def.devices().interfaces) {
            if (!DeviceHotplug.linkDown(n)) {
                continue;
            }
            if (n.alias == null || n.alias.name == null) {
                throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU,
                        "device alias not found: cannot set link state to down");
            }
            mon.execute("set_link", com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                    .put("name", n.alias.name).put("up", false), COMMAND_TIMEOUT);
        }
    }

    private static boolean hasPtySerials(DomainDef def) {
        return def.devices().serials.stream().anyMatch(c -> "pty".equals(c.type));
    }

    /** The pty each serial port got (query-chardev), for the live XML and the console. */
    private static void readPtys(QmpMonitor mon, DomainDef def) {
        List<ChrDef> serials = def.devices().serials;
        if (!hasPtySerials(def)) {
            return;
        }
        JsonNode list = mon.execute("query-chardev", null, COMMAND_TIMEOUT);
        for (int i = 0; i < serials.size(); i++) {
            ChrDef c = serials.get(i);
            for (JsonNode n : list) {
                if (("charserial" + i).equals(n.path("label").asText())
                        && n.path("filename").asText().startsWith("pty:")) {
                    String tty = n.path("filename").asText().substring(4);
                    // the legacy tty attribute is the console's alone, as libvirt writes it
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
                p.waitFor(10, TimeUnit.SECONDS);
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
        destroy(o, graceful, reason, detail, false);
    }

    /** As {@link #destroy(QemuDomainObj, boolean, ShutoffReason, StoppedDetail)}; {@code keep}: a transient domain
     * stays known (a snapshot revert starts it again). */
    void destroy(QemuDomainObj o, boolean graceful, ShutoffReason reason, StoppedDetail detail, boolean keep) {
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
        if (reason == ShutoffReason.DESTROYED) {
            reportShutdownOnDestroy(o);
        }
        stopped(o, reason, detail, keep);
    }

    /**
     * QEMU answers the SIGTERM of a destroy with a SHUTDOWN event, which libvirt reports (SHUTDOWN, after a host
     * request) before the stop: the monitor is read to its end first, so that the event is not missed or late.
     * Other stops (save, a snapshot's) close the monitor before QEMU ends in libvirt, and report no such event.
     */
    private void reportShutdownOnDestroy(QemuDomainObj o) {
        QmpMonitor mon;
        synchronized (o) {
            mon = o.monitor;
        }
        if (mon != null) {
            try {
                mon.awaitEnd(Duration.ofSeconds(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        boolean seen;
        synchronized (o) {
            seen = o.shutdownOnDestroy;
            o.shutdownOnDestroy = false;
        }
        if (seen) {
            driver.emitLifecycle(o, LifecycleEventType.SHUTDOWN, ShutdownDetail.HOST.value());
        }
    }

    private static boolean waitExit(Process p, Duration d) {
        try {
            return p.waitFor(d.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !p.isAlive();
        }
    }

    /** The process is gone: clean up, shut the domain off, tell everyone, drop a transient domain. */
    void stopped(QemuDomainObj o, ShutoffReason reason, StoppedDetail detail) {
        stopped(o, reason, detail, false);
    }

    private void stopped(QemuDomainObj o, ShutoffReason reason, StoppedDetail detail, boolean keep) {
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
        java.util.UUID uuid;
        synchronized (o) {
            o.setState(DomainState.SHUTOFF, reason.value());
            o.process = null;
            o.pid = -1;
            o.startTicks = -1;
            o.beingDestroyed = false;
            o.gotShutdown = false;
            o.fakeReboot = false;
            o.pausedShutdown = false;
            o.taints.clear();
            o.blockJobs.clear();
            o.def.id = -1;
            transientGone = !o.persistent && !keep;
            uuid = o.def.uuid;
            if (o.newDef != null) {
                o.def = o.newDef;
                o.newDef = null;
            }
            o.def.id = -1;
        }
        // a transient domain is gone before anyone hears that it stopped, as in libvirt
        if (transientGone) {
            driver.remove(o);
        }
        driver.emitLifecycle(name, uuid, -1, LifecycleEventType.STOPPED, detail.value());
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
                o.fakeReboot = s.fakeReboot();
                o.nextNodeIndex = BlockNodes.maxIndex(s.def()) + 1;
                o.blockJobs.clear();
                for (BlockJob j : s.blockJobs()) {
                    o.blockJobs.put(j.disk, j);
                    if (j.mirror != null) {
                        o.nextNodeIndex = Math.max(o.nextNodeIndex, j.mirror.index() + 1);
                    }
                }
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
                    try {
                        driver.blockJobs.refresh(o);
                    } catch (RuntimeException e) {
                        LOG.warn("domain {}: cannot check its block jobs: {}", s.def().name, e.toString());
                    }
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
