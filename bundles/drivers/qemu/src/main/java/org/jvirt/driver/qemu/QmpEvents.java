package org.jvirt.driver.qemu;

import java.io.IOException;
import java.time.Duration;

import org.jvirt.api.CrashedReason;
import org.jvirt.api.DomainState;
import org.jvirt.api.PausedReason;
import org.jvirt.api.RunningReason;
import org.jvirt.api.ShutdownReason;
import org.jvirt.api.ShutoffReason;
import org.jvirt.api.VirtException;
import org.jvirt.api.event.CrashedDetail;
import org.jvirt.api.event.LifecycleEventType;
import org.jvirt.api.event.ResumedDetail;
import org.jvirt.api.event.ShutdownDetail;
import org.jvirt.api.event.StoppedDetail;
import org.jvirt.api.event.SuspendedDetail;
import org.jvirt.driver.qemu.qmp.QmpError;
import org.jvirt.driver.qemu.qmp.QmpEvent;
import org.jvirt.driver.qemu.qmp.QmpMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What QEMU tells about one run of a domain, turned into libvirt's state changes and events (qemu_process.c's
 * qemuProcessHandle* callbacks). Runs on the monitor's event thread, in QEMU's order; work that needs the job
 * (ending the process after a shutdown, a crash) goes to the driver's worker threads.
 */
final class QmpEvents implements QmpMonitor.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(QmpEvents.class);

    private final QemuDriver driver;
    private final QemuDomainObj o;

    QmpEvents(QemuDriver driver, QemuDomainObj o) {
        this.driver = driver;
        this.o = o;
    }

    @Override
    public void event(QmpEvent e) {
        LOG.debug("domain {}: QMP event {} {}", o.name(), e.name(), e.data());
        driver.emitMonitorEvent(o, e);
        switch (e.name()) {
            case "SHUTDOWN" -> shutdown(e);
            case "STOP" -> stop();
            case "RESUME" -> resume();
            case "RESET" -> reset();
            case "GUEST_PANICKED" -> panicked();
            case "BLOCK_WRITE_THRESHOLD" -> blockThreshold(e);
            case "BALLOON_CHANGE" -> balloonChange(e);
            case "DEVICE_DELETED" -> deviceDeleted(e);
            case "JOB_STATUS_CHANGE" -> driver.blockJobs.statusChanged(o, e.data().path("id").asText(),
                    e.data().path("status").asText());
            case "MIGRATION_PASS" -> driver.emit(o, d -> new org.jvirt.api.event.DomainMigrationIterationEvent(d,
                    e.data().path("pass").asInt()));
            case "WATCHDOG" -> watchdog(e);
            case "BLOCK_IO_ERROR" -> ioError(e);
            case "RTC_CHANGE" -> driver.emit(o, d -> new org.jvirt.api.event.DomainRtcChangeEvent(d,
                    e.data().path("offset").asLong()));
            case "SUSPEND" -> pmSuspend(false);
            case "SUSPEND_DISK" -> pmSuspend(true);
            case "WAKEUP" -> pmWakeup();
            case "DEVICE_TRAY_MOVED" -> trayMoved(e);
            default -> {
                // POWERDOWN (the guest's answer comes as SHUTDOWN) and the rest carry nothing libvirt reports
            }
        }
    }

    private void shutdown(QmpEvent e) {
        boolean guest = e.data().path("guest").asBoolean(false);
        boolean reboot;
        synchronized (o) {
            if (o.beingDestroyed && !guest) {
                // our own SIGTERM: destroy reports it before the stop, once QEMU has closed its monitor
                o.shutdownOnDestroy = true;
                return;
            }
            if (!o.isActive() || o.beingDestroyed || o.state == DomainState.SHUTDOWN) {
                return;
            }
            reboot = o.fakeReboot || "restart".equals(o.def.onPoweroff);
            if (reboot) {
                // the power-off of a reboot: QEMU's shutdown state is passing, neither state nor event
                o.pausedShutdown = true;
            } else {
                o.gotShutdown = true;
                o.shutdownByGuest = guest;
                o.setState(DomainState.SHUTDOWN, ShutdownReason.UNKNOWN.value());
            }
        }
        if (reboot) {
            driver.worker.execute(this::fakeReboot);
            return;
        }
        driver.emitLifecycle(o, LifecycleEventType.SHUTDOWN,
                (e.data().has("guest") ? guest ? ShutdownDetail.GUEST : ShutdownDetail.HOST
                        : ShutdownDetail.FINISHED).value());
        writeStatus();
        // -no-shutdown keeps QEMU alive: end it, and its exit is a shutdown
        driver.worker.execute(this::killAfterShutdown);
    }

    /** QEMU's RESET: the reboot event, and a fake reboot is over (qemuProcessHandleReset). */
    private void reset() {
        synchronized (o) {
            if (!o.isActive()) {
                return;
            }
            o.fakeReboot = false;
        }
        driver.emitReboot(o);
        writeStatus();
    }

    private void killAfterShutdown() {
        o.beginJob();
        try {
            synchronized (o) {
                if (!o.isActive() || !o.gotShutdown) {
                    return;
                }
            }
            driver.processes.destroy(o, false, ShutoffReason.SHUTDOWN, StoppedDetail.SHUTDOWN);
        } catch (VirtException ex) {
            LOG.warn("domain {}: ending QEMU after its shutdown failed: {}", o.name(), ex.getMessage());
        } finally {
            o.endJob();
        }
    }

    /**
     * A guest powered off for a reboot (asked through ACPI, or on_poweroff restart), or crashed with on_crash
     * restart: reset it and let it run again (qemuProcessFakeReboot); when that fails, QEMU is ended.
     */
    void fakeReboot() {
        boolean failed = true;
        o.beginJob();
        try {
            QmpMonitor mon;
            int reason;
            synchronized (o) {
                mon = o.monitor;
                if (mon == null || !o.isActive()) {
                    return;
                }
                reason = o.state == DomainState.CRASHED ? RunningReason.CRASHED.value() : RunningReason.BOOTED.value();
                o.apiRunStateChange = true;
            }
            mon.execute("system_reset", null, QemuProcesses.COMMAND_TIMEOUT);
            mon.execute("cont", null, QemuProcesses.COMMAND_TIMEOUT);
            synchronized (o) {
                o.gotShutdown = false;
                o.setState(DomainState.RUNNING, reason);
            }
            writeStatus();
            failed = false;
        } catch (QmpError ex) {
            LOG.warn("domain {}: fake reboot failed: {}", o.name(), ex.getMessage());
        } finally {
            synchronized (o) {
                o.apiRunStateChange = false;
                o.pausedShutdown = false;
                o.fakeReboot = false;
            }
            try {
                if (failed && o.isActive()) {
                    driver.processes.destroy(o, false, ShutoffReason.CRASHED, StoppedDetail.FAILED);
                }
            } catch (VirtException ex) {
                LOG.warn("domain {}: ending QEMU after a failed reboot failed: {}", o.name(), ex.getMessage());
            } finally {
                o.endJob();
            }
        }
    }

    /**
     * QEMU's BLOCK_WRITE_THRESHOLD (one-shot: QEMU clears the threshold) as libvirt's BLOCK_THRESHOLD: for the
     * disk ("vda") when the image is its top one, and for the image itself ("vda[N]") when it has an index.
     */
    private void blockThreshold(QmpEvent e) {
        String node = e.data().path("node-name").asText();
        long threshold = e.data().path("write-threshold").asLong();
        long excess = e.data().path("amount-exceeded").asLong();
        org.jvirt.driver.qemu.block.DiskLookup.Found f;
        synchronized (o) {
            f = org.jvirt.driver.qemu.block.DiskLookup.byNode(o.def, node);
        }
        if (f == null) {
            LOG.debug("domain {}: write threshold of unknown node {}", o.name(), node);
            return;
        }
        String dev = f.disk().target.dev;
        String path = f.layer().path();
        if (f.top()) {
            driver.emit(o, d -> new org.jvirt.api.event.DomainBlockThresholdEvent(d, dev, path, threshold, excess));
        }
        driver.emit(o, d -> new org.jvirt.api.event.DomainBlockThresholdEvent(d, dev + "[" + f.layer().index() + "]",
                path, threshold, excess));
    }

    /** qemuProcessHandleWatchdog: the WATCHDOG event; a watchdog that pauses the guest makes it PAUSED/WATCHDOG. */
    private void watchdog(QmpEvent e) {
        org.jvirt.api.event.WatchdogAction action = switch (e.data().path("action").asText("")) {
            case "pause" -> org.jvirt.api.event.WatchdogAction.PAUSE;
            case "reset" -> org.jvirt.api.event.WatchdogAction.RESET;
            case "poweroff" -> org.jvirt.api.event.WatchdogAction.POWEROFF;
            case "shutdown" -> org.jvirt.api.event.WatchdogAction.SHUTDOWN;
            case "debug" -> org.jvirt.api.event.WatchdogAction.DEBUG;
            case "inject-nmi" -> org.jvirt.api.event.WatchdogAction.INJECTNMI;
            default -> org.jvirt.api.event.WatchdogAction.NONE;
        };
        boolean paused = pauseFor(action == org.jvirt.api.event.WatchdogAction.PAUSE, PausedReason.WATCHDOG);
        driver.emit(o, d -> new org.jvirt.api.event.DomainWatchdogEvent(d, action));
        if (paused) {
            driver.emitLifecycle(o, LifecycleEventType.SUSPENDED, SuspendedDetail.WATCHDOG.value());
            writeStatus();
        }
    }

    /**
     * qemuProcessHandleIOError: IO_ERROR and IO_ERROR_REASON with the disk's image and alias (found by its node),
     * "enospc" as the reason when the disk is full; an error that stops the guest makes it PAUSED/IOERROR.
     */
    private void ioError(QmpEvent e) {
        org.jvirt.api.event.IOErrorAction action = switch (e.data().path("action").asText("ignore")) {
            case "stop" -> org.jvirt.api.event.IOErrorAction.PAUSE;
            case "report" -> org.jvirt.api.event.IOErrorAction.REPORT;
            default -> org.jvirt.api.event.IOErrorAction.NONE;
        };
        String reason = e.data().path("nospace").asBoolean(false) ? "enospc" : "";
        String device = e.data().path("device").asText("");
        String node = e.data().path("node-name").asText("");
        String srcPath = "";
        String alias = "";
        synchronized (o) {
            org.jvirt.conf.domain.DiskDef disk = null;
            for (org.jvirt.conf.domain.DiskDef d : o.def.devices().disks) {
                if (!device.isEmpty() && d.alias != null && device.equals(d.alias.name)) {
                    disk = d;
                }
            }
            if (disk == null && !node.isEmpty()) {
                var f = org.jvirt.driver.qemu.block.DiskLookup.byNode(o.def, node);
                disk = f == null ? null : f.disk();
            }
            if (disk != null) {
                srcPath = disk.source == null ? "" : disk.source.file != null ? disk.source.file
                        : disk.source.dev != null ? disk.source.dev : "";
                alias = disk.alias == null ? "" : disk.alias.name;
            }
        }
        String path = srcPath;
        String devAlias = alias;
        boolean paused = pauseFor(action == org.jvirt.api.event.IOErrorAction.PAUSE, PausedReason.IOERROR);
        driver.emit(o, d -> new org.jvirt.api.event.DomainIOErrorEvent(d, path, devAlias, action));
        driver.emit(o, d -> new org.jvirt.api.event.DomainIOErrorReasonEvent(d, path, devAlias, action, reason));
        if (paused) {
            driver.emitLifecycle(o, LifecycleEventType.SUSPENDED, SuspendedDetail.IOERROR.value());
            writeStatus();
        }
    }

    /** A running guest that QEMU stopped for {@code reason}: its state, as libvirt sets it before QEMU's STOP. */
    private boolean pauseFor(boolean pauses, PausedReason reason) {
        synchronized (o) {
            if (!pauses || !o.isActive() || o.state != DomainState.RUNNING) {
                return false;
            }
            o.setState(DomainState.PAUSED, reason.value());
            return true;
        }
    }

    /** qemuProcessHandlePMSuspend and …SuspendDisk: PMSUSPEND (or PMSUSPEND_DISK), and a running guest suspends. */
    private void pmSuspend(boolean disk) {
        boolean changed;
        synchronized (o) {
            changed = o.isActive() && o.state == DomainState.RUNNING;
            if (changed) {
                o.setState(DomainState.PMSUSPENDED, org.jvirt.api.PMSuspendedReason.UNKNOWN.value());
            }
        }
        if (disk) {
            driver.emit(o, d -> new org.jvirt.api.event.DomainPMSuspendDiskEvent(d, 0));
        } else {
            driver.emit(o, d -> new org.jvirt.api.event.DomainPMSuspendEvent(d, 0));
        }
        if (changed) {
            driver.emitLifecycle(o, LifecycleEventType.PMSUSPENDED, (disk
                    ? org.jvirt.api.event.PMSuspendedDetail.DISK : org.jvirt.api.event.PMSuspendedDetail.MEMORY)
                    .value());
            writeStatus();
        }
    }

    /** qemuProcessHandlePMWakeup: PMWAKEUP, and a suspended guest runs again (STARTED/WAKEUP). */
    private void pmWakeup() {
        boolean changed;
        synchronized (o) {
            changed = o.isActive() && o.state == DomainState.PMSUSPENDED;
            if (changed) {
                o.setState(DomainState.RUNNING, RunningReason.WAKEUP.value());
            }
        }
        driver.emit(o, d -> new org.jvirt.api.event.DomainPMWakeupEvent(d, 0));
        if (changed) {
            driver.emitLifecycle(o, LifecycleEventType.STARTED, org.jvirt.api.event.StartedDetail.WAKEUP.value());
            writeStatus();
        }
    }

    /** qemuProcessHandleTrayChange: TRAY_CHANGE for the disk whose device (by QEMU id) moved its tray. */
    private void trayMoved(QmpEvent e) {
        String id = e.data().path("id").asText("");
        String device = e.data().path("device").asText("");
        String alias = null;
        synchronized (o) {
            for (org.jvirt.conf.domain.DiskDef d : o.def.devices().disks) {
                if (d.alias != null && (d.alias.name.equals(id) || d.alias.name.equals(device))) {
                    alias = d.alias.name;
                }
            }
        }
        if (alias == null) {
            return;
        }
        String devAlias = alias;
        org.jvirt.api.event.TrayChangeReason reason = e.data().path("tray-open").asBoolean(false)
                ? org.jvirt.api.event.TrayChangeReason.OPEN : org.jvirt.api.event.TrayChangeReason.CLOSE;
        driver.emit(o, d -> new org.jvirt.api.event.DomainTrayChangeEvent(d, devAlias, reason));
    }

    /** The guest gave memory back or took it: the running definition's current memory follows, as libvirt's. */
    private void balloonChange(QmpEvent e) {
        long kib = e.data().path("actual").asLong() / 1024;
        synchronized (o) {
            if (!o.isActive()) {
                return;
            }
            o.def.currentMemory = org.jvirt.conf.domain.MemorySize.ofKiB(kib);
        }
        driver.emit(o, d -> new org.jvirt.api.event.DomainBalloonChangeEvent(d, kib));
        writeStatus();
    }

    private void deviceDeleted(QmpEvent e) {
        String id = e.data().path("device").asText("");
        if (!id.isEmpty() && !o.removed(id)) {
            driver.hotplug.removedLater(o, id);
        }
    }

    private void stop() {
        synchronized (o) {
            if (!o.isActive() || o.gotShutdown || o.pausedShutdown || o.apiRunStateChange
                    || o.state != DomainState.RUNNING) {
                return;
            }
            o.setState(DomainState.PAUSED, PausedReason.UNKNOWN.value());
        }
        driver.emitLifecycle(o, LifecycleEventType.SUSPENDED, SuspendedDetail.PAUSED.value());
        writeStatus();
    }

    private void resume() {
        synchronized (o) {
            if (!o.isActive() || o.apiRunStateChange || o.state != DomainState.PAUSED) {
                return;
            }
            o.setState(DomainState.RUNNING, RunningReason.UNPAUSED.value());
        }
        driver.emitLifecycle(o, LifecycleEventType.RESUMED, ResumedDetail.UNPAUSED.value());
        writeStatus();
    }

    private void panicked() {
        String onCrash;
        synchronized (o) {
            if (!o.isActive()) {
                return;
            }
            o.setState(DomainState.CRASHED, CrashedReason.PANICKED.value());
            onCrash = o.def.onCrash;
        }
        driver.emitLifecycle(o, LifecycleEventType.CRASHED, CrashedDetail.PANICKED.value());
        writeStatus();
        if (onCrash == null || "destroy".equals(onCrash) || "coredump-destroy".equals(onCrash)) {
            driver.worker.execute(() -> {
                o.beginJob();
                try {
                    if (o.isActive()) {
                        driver.processes.destroy(o, false, ShutoffReason.CRASHED, StoppedDetail.CRASHED);
                    }
                } catch (VirtException ex) {
                    LOG.warn("domain {}: ending a panicked guest failed: {}", o.name(), ex.getMessage());
                } finally {
                    o.endJob();
                }
            });
        } else if ("restart".equals(onCrash) || "coredump-restart".equals(onCrash)) {
            driver.worker.execute(this::fakeReboot);
        }
    }

    /** The monitor closed: unless the driver is ending the process or closing, QEMU is gone. */
    @Override
    public void closed(boolean byClient) {
        if (byClient || driver.isClosed()) {
            return;
        }
        synchronized (o) {
            if (o.beingDestroyed || !o.isActive()) {
                return;
            }
        }
        driver.worker.execute(() -> {
            o.beginJob();
            try {
                boolean shutdown;
                Process p;
                synchronized (o) {
                    if (o.beingDestroyed || !o.isActive()) {
                        return;
                    }
                    shutdown = o.gotShutdown;
                    p = o.process;
                }
                if (p != null) {
                    try {
                        p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (InterruptedException ex) {
                        Thread.currentThread().interrupt();
                    }
                }
                LOG.info("domain {}: QEMU closed its monitor ({})", o.name(), shutdown ? "shut down" : "crashed");
                driver.processes.stopped(o, shutdown ? ShutoffReason.SHUTDOWN : ShutoffReason.CRASHED,
                        shutdown ? StoppedDetail.SHUTDOWN : StoppedDetail.FAILED);
            } finally {
                o.endJob();
            }
        });
    }

    private void writeStatus() {
        try {
            synchronized (o) {
                if (!o.isActive()) {
                    return;
                }
            }
            StatusFile.write(driver.paths.statusFile(o.name()), o);
        } catch (IOException e) {
            LOG.warn("domain {}: cannot write status: {}", o.name(), e.toString());
        }
    }

    static Duration timeout() {
        return QemuProcesses.COMMAND_TIMEOUT;
    }
}
