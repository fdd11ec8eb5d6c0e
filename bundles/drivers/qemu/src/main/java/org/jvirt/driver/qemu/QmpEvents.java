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
        switch (e.name()) {
            case "SHUTDOWN" -> shutdown(e);
            case "STOP" -> stop();
            case "RESUME" -> resume();
            case "RESET" -> driver.emitReboot(o);
            case "GUEST_PANICKED" -> panicked();
            default -> {
                // POWERDOWN and the rest carry nothing the API reports yet
            }
        }
    }

    private void shutdown(QmpEvent e) {
        boolean guest = e.data().path("guest").asBoolean(false);
        String onPoweroff;
        synchronized (o) {
            if (!o.isActive() || o.beingDestroyed) {
                return; // our own SIGTERM makes QEMU say SHUTDOWN: destroy reports the stop itself
            }
            o.gotShutdown = true;
            o.shutdownByGuest = guest;
            o.setState(DomainState.SHUTDOWN, ShutdownReason.UNKNOWN.value());
            onPoweroff = o.def.onPoweroff;
        }
        driver.emitLifecycle(o, LifecycleEventType.SHUTDOWN,
                (e.data().has("guest") ? guest ? ShutdownDetail.GUEST : ShutdownDetail.HOST
                        : ShutdownDetail.FINISHED).value());
        writeStatus();
        if ("restart".equals(onPoweroff)) {
            driver.worker.execute(this::fakeReboot);
        } else {
            // -no-shutdown keeps QEMU alive: end it, and its exit is a shutdown
            driver.worker.execute(() -> killAfterShutdown());
        }
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

    /** A guest shut down whose on_poweroff is restart, or a reboot asked through ACPI: reset and go on. */
    void fakeReboot() {
        o.beginJob();
        try {
            QmpMonitor mon;
            synchronized (o) {
                mon = o.monitor;
                if (mon == null || !o.isActive()) {
                    return;
                }
                o.apiRunStateChange = true;
            }
            mon.execute("system_reset", null, QemuProcesses.COMMAND_TIMEOUT);
            mon.execute("cont", null, QemuProcesses.COMMAND_TIMEOUT);
            synchronized (o) {
                o.gotShutdown = false;
                o.apiRunStateChange = false;
                o.setState(DomainState.RUNNING, RunningReason.BOOTED.value());
            }
            driver.emitLifecycle(o, LifecycleEventType.RESUMED, ResumedDetail.UNPAUSED.value());
            writeStatus();
        } catch (QmpError ex) {
            LOG.warn("domain {}: fake reboot failed: {}", o.name(), ex.getMessage());
        } finally {
            synchronized (o) {
                o.apiRunStateChange = false;
            }
            o.endJob();
        }
    }

    private void stop() {
        synchronized (o) {
            if (!o.isActive() || o.gotShutdown || o.apiRunStateChange || o.state != DomainState.RUNNING) {
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
