package org.jvirt.driver.qemu;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.jvirt.api.DomainCoreDumpFlag;
import org.jvirt.api.DomainCoreDumpFormat;
import org.jvirt.api.DomainState;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.PausedReason;
import org.jvirt.api.RunningReason;
import org.jvirt.api.ShutoffReason;
import org.jvirt.api.VirtException;
import org.jvirt.api.event.LifecycleEventType;
import org.jvirt.api.event.ResumedDetail;
import org.jvirt.api.event.StoppedDetail;
import org.jvirt.api.event.SuspendedDetail;
import org.jvirt.driver.qemu.qmp.QmpError;
import org.jvirt.driver.qemu.qmp.QmpMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Core dumps as qemuDomainCoreDumpWithFormat takes them: the guest paused unless LIVE; a memory-only dump is
 * QEMU's dump-guest-memory (ELF or a kdump format) written to the file, any other is QEMU's migration stream in
 * the file; then the guest is destroyed as crashed (CRASH), reset (RESET) or runs on. Inside the domain's job.
 */
final class CoreDumps {
    private static final Logger LOG = LoggerFactory.getLogger(CoreDumps.class);
    private static final JsonNodeFactory J = JsonNodeFactory.instance;
    private static final Duration DUMP_TIMEOUT = Duration.ofMinutes(10);

    private final QemuDriver driver;

    CoreDumps(QemuDriver driver) {
        this.driver = driver;
    }

    void dump(QemuDomainObj o, Path to, DomainCoreDumpFormat format, Set<DomainCoreDumpFlag> flags) {
        QmpMonitor mon;
        boolean resume;
        Path dir;
        synchronized (o) {
            if (!o.isActive() || o.monitor == null) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, "domain is not running");
            }
            mon = o.monitor;
            resume = o.state == DomainState.RUNNING;
            dir = driver.paths.domainDir(o.def.id, o.def.name);
            o.apiRunStateChange = true; // the migration's own STOP is not news: the dump reports the state
        }
        boolean paused = false;
        boolean ok = false;
        try {
            if (!flags.contains(DomainCoreDumpFlag.LIVE) && resume) {
                QmpCommands.execute(mon, "stop", null);
                o.setState(DomainState.PAUSED, PausedReason.DUMP.value());
                driver.emitLifecycle(o, LifecycleEventType.SUSPENDED, SuspendedDetail.PAUSED.value());
                paused = true;
            }
            write(o, mon, dir, to, format, flags.contains(DomainCoreDumpFlag.MEMORY_ONLY));
            paused = true;
            ok = true;
        } finally {
            synchronized (o) {
                o.apiRunStateChange = false;
            }
            if (ok && flags.contains(DomainCoreDumpFlag.CRASH)) {
                synchronized (o) {
                    o.beingDestroyed = true;
                }
                driver.processes.destroy(o, false, ShutoffReason.CRASHED, StoppedDetail.CRASHED);
            } else if ((resume && paused || flags.contains(DomainCoreDumpFlag.RESET)) && o.isActive()) {
                if (ok && flags.contains(DomainCoreDumpFlag.RESET)) {
                    QmpCommands.execute(mon, "system_reset", null);
                }
                if (resume) {
                    resume(o, mon);
                }
            }
        }
        LOG.info("domain {}: core dumped to {}", o.name(), to);
    }

    private void resume(QemuDomainObj o, QmpMonitor mon) {
        synchronized (o) {
            o.apiRunStateChange = true;
        }
        try {
            QmpCommands.execute(mon, "cont", null);
            o.setState(DomainState.RUNNING, RunningReason.UNPAUSED.value());
        } catch (VirtException e) {
            driver.emitLifecycle(o, LifecycleEventType.SUSPENDED, SuspendedDetail.API_ERROR.value());
            throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU, "resuming after dump failed");
        } finally {
            synchronized (o) {
                o.apiRunStateChange = false;
            }
        }
        driver.emitLifecycle(o, LifecycleEventType.RESUMED, ResumedDetail.UNPAUSED.value());
    }

    /** doCoreDump: the file made afresh (and removed again when the dump fails). */
    private void write(QemuDomainObj o, QmpMonitor mon, Path dir, Path to, DomainCoreDumpFormat format,
            boolean memoryOnly) {
        boolean created = !Files.exists(to);
        boolean done = false;
        try (FileChannel file = FileChannel.open(to, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            if (memoryOnly) {
                memoryDump(mon, to, format, o.jobNow);
            } else {
                if (format != DomainCoreDumpFormat.RAW) {
                    throw new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.QEMU,
                            "kdump-compressed format is only supported with memory-only dump");
                }
                driver.saves.streamTo(mon, dir.resolve("dump.sock"), file, 0, o.jobNow);
            }
            done = true;
        } catch (QmpError e) {
            throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU, "job 'dump' failed: " + e.desc());
        } catch (IOException | ExecutionException | TimeoutException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU, "failed to write core dump '" + to
                    + "': " + (e instanceof ExecutionException ? e.getCause() : e).getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VirtException(ErrorCode.OPERATION_ABORTED, ErrorDomain.QEMU, "interrupted");
        } finally {
            if (!done && created) {
                try {
                    Files.deleteIfExists(to);
                } catch (IOException e) {
                    LOG.warn("domain {}: cannot remove {}: {}", o.name(), to, e.toString());
                }
            }
        }
    }

    /** qemuDumpToFd: dump-guest-memory in the background, then query-dump until it completes. */
    private static void memoryDump(QmpMonitor mon, Path to, DomainCoreDumpFormat format, JobProgress progress)
            throws InterruptedException {
        String name = switch (format) {
            case RAW -> null; // QEMU's default: ELF
            case KDUMP_ZLIB -> "kdump-zlib";
            case KDUMP_LZO -> "kdump-lzo";
            case KDUMP_SNAPPY -> "kdump-snappy";
            case WIN_DMP -> "win-dmp";
        };
        if (name != null) {
            boolean offered = false;
            for (JsonNode f : QmpCommands.execute(mon, "query-dump-guest-memory-capability", null).path("formats")) {
                offered |= name.equals(f.asText());
            }
            if (!offered) {
                throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU, "unsupported dumpformat '" + name
                        + "' for this QEMU binary");
            }
        }
        ObjectNode args = J.objectNode().put("paging", false).put("protocol", "file:" + to).put("detach", true);
        if (name != null) {
            args.put("format", name);
        }
        QmpCommands.execute(mon, "dump-guest-memory", args);
        long deadline = System.nanoTime() + DUMP_TIMEOUT.toNanos();
        long pause = 1;
        while (true) {
            JsonNode q = QmpCommands.execute(mon, "query-dump", null);
            if (progress != null) {
                progress.last = q;
            }
            switch (q.path("status").asText("")) {
                case "completed" -> {
                    return;
                }
                case "failed" -> throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU,
                        "memory-only dump failed for unknown reason");
                default -> {
                    // active: go on waiting
                }
            }
            if (System.nanoTime() > deadline) {
                throw new VirtException(ErrorCode.OPERATION_TIMEOUT, ErrorDomain.QEMU, "memory-only dump did not "
                        + "finish");
            }
            Thread.sleep(pause);
            pause = Math.min(pause * 2, 20);
        }
    }
}
