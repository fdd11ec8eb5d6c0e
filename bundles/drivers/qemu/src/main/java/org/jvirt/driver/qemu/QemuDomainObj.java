package org.jvirt.driver.qemu;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.jvirt.api.DomainState;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.ShutoffReason;
import org.jvirt.api.VirtException;
import org.jvirt.conf.domain.DomainDef;
import org.jvirt.driver.qemu.qmp.QmpMonitor;

/**
 * One domain the driver knows (libvirt's virDomainObj with qemuDomainObjPrivate). Fields are read and written
 * under the object's monitor ({@code synchronized}); a change of state (start, stop, suspend …) also holds the
 * job lock for its whole length, so that one modifying job runs at a time while queries go on.
 */
final class QemuDomainObj {
    /** How long a job waits for the one before it, as libvirt's QEMU_JOB_WAIT_TIME. */
    static final Duration JOB_WAIT = Duration.ofSeconds(30);

    DomainDef def;
    /** The persistent definition while a changed live one runs; null otherwise. */
    DomainDef newDef;
    boolean persistent;
    boolean autostart;
    DomainState state = DomainState.SHUTOFF;
    int reason = ShutoffReason.UNKNOWN.value();

    // ---- the running process
    long pid = -1;
    long startTicks = -1;
    Process process;
    QmpMonitor monitor;
    Path monitorPath;
    Path logFile;
    long logOffset;
    /** QEMU said SHUTDOWN: its exit is a shutdown, not a crash. */
    boolean gotShutdown;
    /** Whether that shutdown came from the guest. */
    boolean shutdownByGuest;
    /** The driver is ending the process: its exit is expected. */
    boolean beingDestroyed;
    /** QEMU said SHUTDOWN (host signal) while being destroyed: libvirt reports it before the stop. */
    boolean shutdownOnDestroy;
    /** An API call is changing the run state itself and will report it; QEMU's STOP/RESUME are not news. */
    boolean apiRunStateChange;
    /** A reboot was asked through ACPI: the guest's power-off is to be a reset (libvirt's fakeReboot). */
    boolean fakeReboot;
    /** QEMU stopped for a power-off that becomes a reboot: its SHUTDOWN and STOP are not the domain's state. */
    boolean pausedShutdown;

    /** The index the next new image of this run gets (libvirt's nodenameindex): block nodes libvirt-N-*. */
    int nextNodeIndex = 1;
    /** The block jobs of this run, by disk target (one per disk, as libvirt allows). */
    final java.util.Map<String, BlockJob> blockJobs = new java.util.LinkedHashMap<>();
    /** Why this run is tainted (libvirt's virDomainTaintFlags), in the order they arose; cleared when it stops. */
    final java.util.Set<Taint> taints = java.util.EnumSet.noneOf(Taint.class);

    /** The long job running now (save, dump, snapshot), null when none; the last one that ended. */
    volatile JobProgress jobNow;
    volatile JobProgress jobDone;

    /**
     * QEMU's vCPU threads as query-cpus-fast gave them, kept for statistics as libvirt keeps its vcpupids; valid for
     * the monitor and the vCPU count it was asked with, and dropped when vCPUs are plugged or unplugged.
     */
    VcpuThreads vcpuThreads;

    /** The thread of each vCPU ({@code indexes[i]} runs on {@code tids[i]}) of one run with {@code count} vCPUs. */
    record VcpuThreads(QmpMonitor monitor, int count, int[] indexes, long[] tids) {
    }

    /** The domain's snapshots (kept across runs; their metadata is on disk too). */
    final SnapshotTree snapshots = new SnapshotTree();

    /** Devices asked to go (device_del), by QEMU id, until QEMU says DEVICE_DELETED. */
    private final java.util.Map<String, java.util.concurrent.CompletableFuture<Void>> removals =
            new java.util.HashMap<>();

    private final ReentrantLock job = new ReentrantLock(true);

    /** A future that completes when QEMU deletes the device {@code id}; ask before device_del. */
    synchronized java.util.concurrent.CompletableFuture<Void> awaitRemoval(String id) {
        return removals.computeIfAbsent(id, k -> new java.util.concurrent.CompletableFuture<>());
    }

    /** QEMU deleted a device; true when someone waited for it. */
    synchronized boolean removed(String id) {
        var f = removals.remove(id);
        if (f != null) {
            f.complete(null);
            return true;
        }
        return false;
    }

    QemuDomainObj(DomainDef def) {
        this.def = def;
    }

    /** The monitor, the running definition and QEMU's pid, read together. */
    record Running(QmpMonitor monitor, DomainDef def, long pid) {
    }

    /** The monitor and the running definition, or libvirt's "domain is not running" when there is no monitor. */
    synchronized Running running() {
        if (monitor == null) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, "domain is not running");
        }
        return new Running(monitor, def, pid);
    }

    synchronized boolean isActive() {
        return def.id != -1;
    }

    synchronized String name() {
        return def.name;
    }

    /** The persistent definition (the one that runs next time). */
    synchronized DomainDef persistentDef() {
        return newDef != null ? newDef : def;
    }

    synchronized void setState(DomainState s, int r) {
        state = s;
        reason = r;
    }

    /** Takes the job lock, waiting for the job before; fails as libvirt does when it waited too long. */
    void beginJob() {
        try {
            if (!job.tryLock(JOB_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new VirtException(ErrorCode.OPERATION_TIMEOUT, ErrorDomain.QEMU,
                        "cannot acquire state change lock");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VirtException(ErrorCode.OPERATION_ABORTED, ErrorDomain.QEMU, "interrupted");
        }
    }

    void endJob() {
        job.unlock();
    }

    boolean inJobOfThisThread() {
        return job.isHeldByCurrentThread();
    }
}
