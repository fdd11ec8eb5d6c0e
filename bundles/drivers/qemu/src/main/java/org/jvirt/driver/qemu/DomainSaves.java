package org.jvirt.driver.qemu;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.jvirt.api.DomainState;
import org.jvirt.api.DomainXMLFlag;
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
import org.jvirt.conf.domain.DomainDef;
import org.jvirt.driver.qemu.qmp.QmpError;
import org.jvirt.driver.qemu.qmp.QmpMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Save, restore and managed save (qemuDomainSaveInternal, qemuSaveImageStartVM): the guest paused, its definition
 * written at the head of the file as libvirt writes it, then QEMU's migration stream, which QEMU sends over a unix
 * socket the driver listens on (the JDK can pass QEMU no descriptor); QEMU ends and the domain is shut off as saved.
 * A restore starts QEMU waiting for an incoming stream and feeds it the file the same way.
 */
final class DomainSaves {
    private static final Logger LOG = LoggerFactory.getLogger(DomainSaves.class);
    /** libvirt lifts QEMU's migration speed limit for saves (QEMU_DOMAIN_MIG_BANDWIDTH_MAX, in bytes). */
    private static final long UNLIMITED = (Long.MAX_VALUE >> 20) << 20;
    private static final Duration MIGRATION_TIMEOUT = Duration.ofMinutes(10);

    private final QemuDriver driver;

    DomainSaves(QemuDriver driver) {
        this.driver = driver;
    }

    /**
     * Saves a running domain to {@code to} and shuts it off (inside its job).
     *
     * @param run the guest's run state after a restore: true, false, or null for the state it has now
     */
    void save(QemuDomainObj o, Path to, Boolean run) {
        QmpMonitor mon;
        boolean wasRunning;
        DomainDef definition;
        Path dir;
        synchronized (o) {
            if (!o.isActive() || o.monitor == null) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, "domain is not running");
            }
            mon = o.monitor;
            wasRunning = o.state == DomainState.RUNNING;
            definition = QemuDomain.definitionOf(o.def, driver.parse);
            dir = driver.paths.domainDir(o.def.id, o.def.name);
        }
        boolean runAfter = run != null ? run : wasRunning;
        if (wasRunning) {
            synchronized (o) {
                o.apiRunStateChange = true;
            }
            try {
                execute(mon, "stop");
                o.setState(DomainState.PAUSED, PausedReason.SAVE.value());
            } finally {
                synchronized (o) {
                    o.apiRunStateChange = false;
                }
            }
            // libvirt reports the pause of a save as any other (QEMU's STOP)
            driver.emitLifecycle(o, LifecycleEventType.SUSPENDED, SuspendedDetail.PAUSED.value());
        }
        Path socket = dir.resolve("save.sock");
        boolean done = false;
        try (FileChannel file = FileChannel.open(to, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.READ, StandardOpenOption.TRUNCATE_EXISTING)) {
            long offset = SaveImage.writeStart(file, DomainXml.format(definition, EnumSet.of(DomainXMLFlag.INACTIVE,
                    DomainXMLFlag.SECURE, DomainXMLFlag.MIGRATABLE)), runAfter);
            streamTo(mon, socket, file, offset, o.jobNow);
            SaveImage.complete(file);
            done = true;
            JobProgress job = o.jobNow;
            if (job != null) {
                // the job ends before the guest stops, and libvirt reports it in that order
                driver.emit(o, d -> new org.jvirt.api.event.DomainJobCompletedEvent(d,
                        job.stats(job.memory())));
            }
        } catch (QmpError e) {
            throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU, "job 'domain save' failed: "
                    + e.desc());
        } catch (IOException | ExecutionException | TimeoutException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU, "failed to write domain image '" + to
                    + "': " + (e instanceof ExecutionException ? e.getCause() : e).getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VirtException(ErrorCode.OPERATION_ABORTED, ErrorDomain.QEMU, "interrupted");
        } finally {
            try {
                Files.deleteIfExists(socket);
            } catch (IOException e) {
                LOG.debug("cannot remove {}: {}", socket, e.toString());
            }
            if (!done) {
                undo(o, mon, to, wasRunning);
            }
        }
        driver.processes.destroy(o, false, ShutoffReason.SAVED, StoppedDetail.SAVED);
        LOG.info("domain {} saved to {}", definition.name, to);
    }

    /**
     * QEMU's migration stream into {@code file} from {@code offset}: QEMU connects to a unix socket the driver
     * listens on at {@code socket}, as no descriptor can be passed to it; returns when the stream is all written.
     */
    void streamTo(QmpMonitor mon, Path socket, FileChannel file, long offset, JobProgress progress)
            throws QmpError, IOException, ExecutionException, TimeoutException, InterruptedException {
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            Files.deleteIfExists(socket);
            server.bind(UnixDomainSocketAddress.of(socket));
            CompletableFuture<Long> copied = CompletableFuture.supplyAsync(() -> receive(server, file, offset),
                    driver.worker);
            execute(mon, "migrate-set-parameters", JsonNodeFactory.instance.objectNode().put("max-bandwidth",
                    UNLIMITED));
            enableMigrationEvents(mon);
            startMigration(mon, socket);
            awaitMigration(mon, progress);
            copied.get(MIGRATION_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            Files.deleteIfExists(socket);
        }
    }

    /**
     * QEMU's migrate to {@code socket}. A memory dump that QEMU has just reported complete may still hold its
     * migration blocker for a moment (QEMU 7.2 sets the dump's status before its thread removes the blocker), so
     * that refusal alone is retried, for at most a second.
     */
    private static void startMigration(QmpMonitor mon, Path socket) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                mon.execute("migrate", JsonNodeFactory.instance.objectNode().put("uri", "unix:" + socket),
                        QemuProcesses.COMMAND_TIMEOUT);
                return;
            } catch (QmpError e) {
                if (attempt >= 50 || e.desc() == null || !e.desc().contains("dump-guest-memory in progress")) {
                    throw e;
                }
                Thread.sleep(20);
            }
        }
    }

    /** A save that failed: the file goes, the guest runs again as it did (libvirt's SAVE_CANCELED). */
    private static void undo(QemuDomainObj o, QmpMonitor mon, Path to, boolean wasRunning) {
        try {
            Files.deleteIfExists(to);
        } catch (IOException e) {
            LOG.warn("cannot remove the partial image {}: {}", to, e.toString());
        }
        if (wasRunning) {
            try {
                mon.execute("cont", null, QemuProcesses.COMMAND_TIMEOUT);
                o.setState(DomainState.RUNNING, RunningReason.SAVE_CANCELED.value());
            } catch (QmpError e) {
                LOG.warn("domain {}: cannot resume after a failed save: {}", o.name(), e.getMessage());
            }
        }
    }

    /** Copies QEMU's stream from its connection into the file after the header; returns the bytes copied. */
    private static long receive(ServerSocketChannel server, FileChannel file, long offset) {
        try (SocketChannel qemu = server.accept()) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocateDirect(1 << 20);
            long at = offset;
            while (qemu.read(b) >= 0) {
                b.flip();
                while (b.hasRemaining()) {
                    at += file.write(b, at);
                }
                b.clear();
            }
            return at - offset;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Waits for QEMU's migration (outgoing or incoming) to complete; its error otherwise. */
    private static JsonNode awaitMigration(QmpMonitor mon) throws InterruptedException {
        return awaitMigration(mon, null);
    }

    /** As {@link #awaitMigration(QmpMonitor)}, each report of QEMU's kept in {@code progress} when given. */
    private static JsonNode awaitMigration(QmpMonitor mon, JobProgress progress) throws InterruptedException {
        long deadline = System.nanoTime() + MIGRATION_TIMEOUT.toNanos();
        long pause = 1;
        while (true) {
            JsonNode m = mon.execute("query-migrate", null, QemuProcesses.COMMAND_TIMEOUT);
            if (progress != null) {
                progress.last = m;
            }
            String status = m.path("status").asText("");
            switch (status) {
                case "completed" -> {
                    return m;
                }
                case "failed", "cancelled" -> throw new QmpError("migrate", "GenericError",
                        m.path("error-desc").asText(status));
                default -> {
                    // setup, active, device …: go on waiting
                }
            }
            if (System.nanoTime() > deadline) {
                throw new QmpError("migrate", QmpError.TIMEOUT, "migration did not finish");
            }
            Thread.sleep(pause);
            pause = Math.min(pause * 2, 20);
        }
    }

    /** A restore's QEMU (started with -incoming defer) loads the stream of {@code file} from {@code offset}. */
    static void load(QmpMonitor mon, Path dir, Path file, long offset) {
        Path socket = dir.resolve("restore.sock");
        try {
            mon.execute("migrate-incoming", JsonNodeFactory.instance.objectNode().put("uri", "unix:" + socket),
                    QemuProcesses.COMMAND_TIMEOUT);
            try (SocketChannel qemu = SocketChannel.open(StandardProtocolFamily.UNIX);
                    FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
                qemu.connect(UnixDomainSocketAddress.of(socket));
                long size = in.size();
                long at = offset;
                while (at < size) {
                    at += in.transferTo(at, size - at, qemu);
                }
            }
            awaitMigration(mon);
        } catch (QmpError e) {
            throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU, "load of migration failed: "
                    + e.desc());
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU, "cannot send '" + file
                    + "' to QEMU: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VirtException(ErrorCode.OPERATION_ABORTED, ErrorDomain.QEMU, "interrupted");
        }
    }

    /**
     * What a restore of {@code file} starts: its definition (completed with the driver's defaults) and where the
     * stream begins; {@code run} overrides the saved run state (null keeps it).
     */
    QemuProcesses.Restore restoreOf(Path file, Boolean run) {
        SaveImage image = SaveImage.read(file);
        DomainDef def = driver.parseNew(image.xml());
        boolean running = run != null ? run : image.wasRunning();
        return new QemuProcesses.Restore(def, file, image.dataOffset(), running, run != null && !run
                ? SuspendedDetail.PAUSED : SuspendedDetail.RESTORED);
    }

    /** Restores into {@code o} (inside its job). */
    void restore(QemuDomainObj o, QemuProcesses.Restore r) {
        driver.processes.start(o, !r.run(), StartedDetail.RESTORED, r);
    }

    /**
     * QEMU then reports each pass over memory (MIGRATION_PASS) of a save or a savevm, libvirt's migration-iteration
     * events (libvirt turns the capability on when QEMU starts).
     */
    static void enableMigrationEvents(QmpMonitor mon) {
        com.fasterxml.jackson.databind.node.ObjectNode events = JsonNodeFactory.instance.objectNode();
        events.putArray("capabilities").addObject().put("capability", "events").put("state", true);
        execute(mon, "migrate-set-capabilities", events);
    }

    private static void execute(QmpMonitor mon, String command) {
        try {
            mon.execute(command, null, QemuProcesses.COMMAND_TIMEOUT);
        } catch (QmpError e) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU,
                    "unable to execute QEMU command '" + command + "': " + e.desc());
        }
    }

    private static void execute(QmpMonitor mon, String command, com.fasterxml.jackson.databind.node.ObjectNode args) {
        try {
            mon.execute(command, args, QemuProcesses.COMMAND_TIMEOUT);
        } catch (QmpError e) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU,
                    "unable to execute QEMU command '" + command + "': " + e.desc());
        }
    }

    /** Whether the managed save image of {@code name} exists. */
    boolean hasManagedSave(String name) {
        return Files.exists(driver.paths.managedSave(name));
    }

    void removeManagedSave(String name) {
        try {
            Files.deleteIfExists(driver.paths.managedSave(name));
        } catch (NoSuchFileException e) {
            // gone already
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU, "Failed to remove managed save file '"
                    + driver.paths.managedSave(name) + "': " + e.getMessage());
        }
    }
}
