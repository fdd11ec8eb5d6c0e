package org.jvirt.driver.qemu;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.jvirt.api.Domain;
import org.jvirt.api.DomainXMLFlag;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.event.DomainEvent;
import org.jvirt.api.event.DomainLifecycleEvent;
import org.jvirt.api.event.DomainRebootEvent;
import org.jvirt.api.event.LifecycleEventType;
import org.jvirt.conf.DomainParseOptions;
import org.jvirt.conf.DomainXml;
import org.jvirt.conf.domain.DomainDef;
import org.jvirt.driver.qemu.caps.CapsCache;
import org.jvirt.driver.qemu.caps.HostFacts;
import org.jvirt.driver.qemu.caps.QemuCaps;
import org.jvirt.driver.qemu.command.NewDefinition;
import org.jvirt.driver.qemu.firmware.FirmwareSelection;
import org.jvirt.util.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The QEMU driver's state, shared by every connection (libvirt's virQEMUDriver): the domains, the capabilities
 * cache, the files under {@code jvirt.home}, and the connections that hear events. Opened once per home; on open
 * it loads the persistent configs, finds running guests again through their status files, and starts the
 * autostart domains. Closing it closes monitors and threads; guests go on running.
 */
final class QemuDriver implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(QemuDriver.class);

    final QemuPaths paths;
    final CapsCache caps;
    final QemuProcesses processes;
    final BlockJobs blockJobs = new BlockJobs(this);
    final GuestResources resources = new GuestResources(this);
    final DeviceHotplug hotplug = new DeviceHotplug(this);
    final DomainSaves saves = new DomainSaves(this);
    final DomainSnapshots snapshots = new DomainSnapshots(this);
    final CoreDumps dumps = new CoreDumps(this);
    final Screenshots screenshots = new Screenshots(this);
    final DomainParseOptions parse = NewDefinition.options();
    final FirmwareSelection firmware;
    private final Map<UUID, QemuDomainObj> byUuid = new LinkedHashMap<>();
    private final List<QemuConnect> connections = new CopyOnWriteArrayList<>();
    private final AtomicInteger nextId = new AtomicInteger(1);
    final ExecutorService worker;
    private volatile HostFacts host;
    private volatile boolean closed;

    QemuDriver(Path home) {
        this.paths = new QemuPaths(home);
        this.firmware = FirmwareSelection.forHome(home);
        try {
            paths.create();
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU,
                    "cannot create the QEMU driver's folders under " + home + ": " + e.getMessage());
        }
        this.caps = new CapsCache(paths.capsCache());
        this.processes = new QemuProcesses(this);
        AtomicInteger n = new AtomicInteger();
        this.worker = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "qemu-driver-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Loads configs and reconnects to running guests (qemuStateInitialize); the autostart domains then start on
     * the worker threads, so that nobody waits for them.
     */
    void start() {
        loadConfigs();
        processes.reconnectAll(loadStatuses());
        List<QemuDomainObj> all;
        synchronized (this) {
            all = new ArrayList<>(byUuid.values());
        }
        all.forEach(snapshots::load);
        worker.execute(this::autostart);
    }

    HostFacts host() {
        HostFacts h = host;
        if (h == null) {
            h = HostFacts.read();
            host = h;
        }
        return h;
    }

    /** The capabilities of the emulator a domain names (or the default one). */
    QemuCaps capsFor(DomainDef def) {
        String emulator = def.devices != null && def.devices.emulator != null ? def.devices.emulator
                : defaultEmulator(def.os == null || def.os.type == null ? null : def.os.type.arch);
        return caps.get(Path.of(emulator));
    }

    /** qemu-img beside the default emulator (qemuFindQemuImgBinary looks it up on the PATH). */
    Path qemuImg() {
        Path beside = Path.of(defaultEmulator(null)).resolveSibling("qemu-img");
        if (Files.isExecutable(beside)) {
            return beside;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path p = Path.of(dir, "qemu-img");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU, "unable to find qemu-img");
    }

    static String defaultEmulator(String arch) {
        if ("i686".equals(arch)) {
            Path i386 = Path.of("/usr/bin/qemu-system-i386");
            if (Files.isExecutable(i386)) {
                return i386.toString();
            }
        }
        return "/usr/bin/qemu-system-x86_64";
    }

    /** Parses and completes a domain as the QEMU driver does for define and create. */
    DomainDef parseNew(String xml) {
        return NewDefinition.parse(xml, parse, this::capsFor, true, firmware);
    }

    // ---- domain list

    synchronized List<QemuDomainObj> all() {
        return new ArrayList<>(byUuid.values());
    }

    synchronized QemuDomainObj byUuid(UUID uuid) {
        return byUuid.get(uuid);
    }

    synchronized QemuDomainObj byName(String name) {
        for (QemuDomainObj o : byUuid.values()) {
            if (o.name().equals(name)) {
                return o;
            }
        }
        return null;
    }

    synchronized QemuDomainObj byId(int id) {
        for (QemuDomainObj o : byUuid.values()) {
            synchronized (o) {
                if (o.def.id == id && id != -1) {
                    return o;
                }
            }
        }
        return null;
    }

    /**
     * Adds a domain or finds the one it replaces (virDomainObjListAdd): a name taken by another UUID, or a UUID
     * known by another name, fails with libvirt's errors.
     *
     * @param live   whether the new definition is to run now (create): refused when the domain already runs
     */
    synchronized QemuDomainObj addOrFind(DomainDef def, boolean live, boolean[] existed) {
        QemuDomainObj same = byUuid.get(def.uuid);
        if (same != null) {
            synchronized (same) {
                if (!same.def.name.equals(def.name)) {
                    throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.DOMAIN,
                            "domain '" + same.def.name + "' is already defined with uuid " + def.uuid);
                }
                if (live && same.isActive()) {
                    throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.DOMAIN,
                            "domain '" + def.name + "' is already active");
                }
            }
            existed[0] = true;
            return same;
        }
        QemuDomainObj named = byName(def.name);
        if (named != null) {
            throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.DOMAIN,
                    "domain '" + def.name + "' already exists with uuid " + named.def.uuid);
        }
        QemuDomainObj o = new QemuDomainObj(def);
        byUuid.put(def.uuid, o);
        existed[0] = false;
        return o;
    }

    /** The domain is gone (undefined, or a transient one stopped): so is what is known of its snapshots. */
    void remove(QemuDomainObj o) {
        synchronized (this) {
            byUuid.remove(o.def.uuid, o);
        }
        snapshots.discardAllMetadata(o);
    }

    int allocateId() {
        return nextId.getAndIncrement();
    }

    // ---- persistence

    void saveConfig(DomainDef def) {
        try {
            AtomicFiles.writeString(paths.configFile(def.name), DomainXml.format(def,
                    EnumSet.of(DomainXMLFlag.INACTIVE, DomainXMLFlag.SECURE)));
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU,
                    "cannot write config file '" + paths.configFile(def.name) + "': " + e.getMessage());
        }
    }

    void deleteConfig(String name) {
        try {
            Files.deleteIfExists(paths.autostartLink(name));
            Files.deleteIfExists(paths.configFile(name));
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU,
                    "cannot remove config " + paths.configFile(name) + ": " + e.getMessage());
        }
    }

    void setAutostartLink(String name, boolean on) {
        Path link = paths.autostartLink(name);
        try {
            if (on) {
                if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.createSymbolicLink(link, Path.of("..", name + ".xml"));
                }
            } else {
                Files.deleteIfExists(link);
            }
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU,
                    (on ? "Failed to create symlink '" : "Failed to delete symlink '") + link + "'");
        }
    }

    private void loadConfigs() {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(paths.config(), "*.xml")) {
            for (Path f : ds) {
                try {
                    DomainDef def = DomainXml.parse(Files.readString(f), parse);
                    QemuDomainObj o = new QemuDomainObj(def);
                    o.persistent = true;
                    o.autostart = Files.exists(paths.autostartLink(def.name));
                    synchronized (this) {
                        byUuid.put(def.uuid, o);
                    }
                } catch (IOException | RuntimeException e) {
                    LOG.warn("QEMU driver: skipping unreadable config {}: {}", f, e.getMessage());
                }
            }
        } catch (IOException e) {
            LOG.warn("QEMU driver: cannot list {}: {}", paths.config(), e.toString());
        }
    }

    private List<StatusFile.Status> loadStatuses() {
        List<StatusFile.Status> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(paths.run(), "*.xml")) {
            for (Path f : ds) {
                try {
                    StatusFile.Status s = StatusFile.read(f, parse);
                    out.add(s);
                    nextId.accumulateAndGet(s.def().id + 1, Math::max);
                } catch (IOException | RuntimeException e) {
                    LOG.warn("QEMU driver: unreadable status file {}: {}", f, e.getMessage());
                }
            }
        } catch (IOException e) {
            LOG.warn("QEMU driver: cannot list {}: {}", paths.run(), e.toString());
        }
        return out;
    }

    /** A domain found running in a status file: the live definition joins its persistent one, if any. */
    synchronized QemuDomainObj adoptRunning(DomainDef live) {
        QemuDomainObj o = byUuid.get(live.uuid);
        if (o == null) {
            o = new QemuDomainObj(live);
            byUuid.put(live.uuid, o);
        } else {
            synchronized (o) {
                o.newDef = o.def;
                o.def = live;
            }
        }
        return o;
    }

    /**
     * Starts a persistent domain (qemuDomainObjStart): from its managed save image when it has one (which then
     * goes), unless told to boot afresh, which discards the image.
     */
    void startOrRestore(QemuDomainObj o, boolean paused, boolean forceBoot) {
        String name = o.name();
        if (saves.hasManagedSave(name)) {
            if (forceBoot) {
                saves.removeManagedSave(name);
            } else {
                QemuProcesses.Restore r = saves.restoreOf(paths.managedSave(name), paused ? Boolean.FALSE : null);
                saves.restore(o, r);
                saves.removeManagedSave(name);
                return;
            }
        }
        processes.start(o, paused, org.jvirt.api.event.StartedDetail.BOOTED);
    }

    /** Starts each autostart domain that is not running (qemuAutostartDomains). */
    private void autostart() {
        for (QemuDomainObj o : all()) {
            if (closed) {
                return;
            }
            boolean start;
            synchronized (o) {
                start = o.autostart && !o.isActive();
            }
            if (start) {
                try {
                    o.beginJob();
                    try {
                        // the driver's lock is never taken under a domain's (lookups take them the other way)
                        java.util.UUID uuid;
                        synchronized (o) {
                            uuid = o.def.uuid;
                        }
                        boolean current = byUuid(uuid) == o;
                        synchronized (o) {
                            start = current && o.autostart && !o.isActive();
                        }
                        if (start) {
                            startOrRestore(o, false, false);
                        }
                    } finally {
                        o.endJob();
                    }
                } catch (VirtException e) {
                    LOG.error("QEMU driver: failed to autostart VM '{}': {}", o.name(), e.getMessage());
                }
            }
        }
    }

    /** Marks a running domain tainted, once per reason, and says so in its log (qemuDomainObjTaint). */
    void taint(QemuDomainObj o, Taint t) {
        Path log;
        int id;
        synchronized (o) {
            if (!o.isActive() || !o.taints.add(t)) {
                return;
            }
            log = o.logFile;
            id = o.def.id;
        }
        if (log != null) {
            try {
                Files.writeString(log, "Domain id=" + id + " is tainted: " + t.name + "\n",
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            } catch (IOException e) {
                LOG.warn("domain {}: cannot write to its log: {}", o.name(), e.toString());
            }
        }
    }

    // ---- events

    void attach(QemuConnect c) {
        connections.add(c);
    }

    void detach(QemuConnect c) {
        connections.remove(c);
    }

    void emitLifecycle(QemuDomainObj o, LifecycleEventType type, int detail) {
        String name;
        UUID uuid;
        int id;
        synchronized (o) {
            name = o.def.name;
            uuid = o.def.uuid;
            id = o.def.id;
        }
        emitLifecycle(name, uuid, id, type, detail);
    }

    void emitLifecycle(String name, UUID uuid, int id, LifecycleEventType type, int detail) {
        deliver(c -> new DomainLifecycleEvent(new QemuDomain(c, name, uuid, id), type, detail));
    }

    void emitReboot(QemuDomainObj o) {
        String name;
        UUID uuid;
        int id;
        synchronized (o) {
            name = o.def.name;
            uuid = o.def.uuid;
            id = o.def.id;
        }
        deliver(c -> new DomainRebootEvent(new QemuDomain(c, name, uuid, id)));
    }

    /** A QMP event as it came, for libvirt-qemu's monitor event subscribers. */
    void emitMonitorEvent(QemuDomainObj o, org.jvirt.driver.qemu.qmp.QmpEvent e) {
        String name;
        UUID uuid;
        int id;
        synchronized (o) {
            name = o.def.name;
            uuid = o.def.uuid;
            id = o.def.id;
        }
        String details = e.data() == null || e.data().isEmpty() ? null : e.data().toString();
        deliver(c -> new org.jvirt.api.qemu.QemuMonitorEvent(new QemuDomain(c, name, uuid, id), e.name(),
                e.seconds(), (int) e.micros(), details));
    }

    /** A domain event made per connection from the domain's current name, UUID and id. */
    void emit(QemuDomainObj o, java.util.function.Function<Domain, org.jvirt.api.event.ObjectEvent> make) {
        String name;
        UUID uuid;
        int id;
        synchronized (o) {
            name = o.def.name;
            uuid = o.def.uuid;
            id = o.def.id;
        }
        deliver(c -> make.apply(new QemuDomain(c, name, uuid, id)));
    }

    private void deliver(java.util.function.Function<QemuConnect, ? extends org.jvirt.api.event.ObjectEvent> make) {
        for (QemuConnect c : connections) {
            if (c.events() == null || c.isClosed()) {
                continue;
            }
            try {
                c.events().event(make.apply(c));
            } catch (RuntimeException e) {
                LOG.warn("QEMU driver: event delivery to {} failed: {}", c, e.toString());
            }
        }
    }

    void forEachConnection(Consumer<QemuConnect> action) {
        connections.forEach(action);
    }

    boolean isClosed() {
        return closed;
    }

    /** Closes monitors and the worker threads; the guests go on running, found again on the next open. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (QemuDomainObj o : all()) {
            processes.detach(o);
        }
        worker.shutdown();
        try {
            if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            worker.shutdownNow();
        }
        LOG.info("QEMU driver for {} closed", paths.home());
    }

    static SecureRandom random() {
        return Holder.RANDOM;
    }

    private static final class Holder {
        static final SecureRandom RANDOM = new SecureRandom();
    }

    Set<QemuConnect> connectionsView() {
        return Set.copyOf(connections);
    }
}
