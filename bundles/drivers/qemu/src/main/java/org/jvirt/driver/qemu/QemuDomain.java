package org.jvirt.driver.qemu;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.jvirt.api.Connect;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainCreateFlag;
import org.jvirt.api.DomainDestroyFlag;
import org.jvirt.api.DomainDeviceModifyFlag;
import org.jvirt.api.DomainInfo;
import org.jvirt.api.DomainMemoryModFlag;
import org.jvirt.api.DomainRebootFlag;
import org.jvirt.api.DomainSaveRestoreFlag;
import org.jvirt.api.DomainShutdownFlag;
import org.jvirt.api.DomainState;
import org.jvirt.api.DomainStateInfo;
import org.jvirt.api.DomainUndefineFlag;
import org.jvirt.api.DomainVcpuFlag;
import org.jvirt.api.DomainXMLFlag;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.PausedReason;
import org.jvirt.api.RunningReason;
import org.jvirt.api.ShutoffReason;
import org.jvirt.api.VirFlag;
import org.jvirt.api.VirtException;
import org.jvirt.api.event.LifecycleEventType;
import org.jvirt.api.event.ResumedDetail;
import org.jvirt.api.event.StartedDetail;
import org.jvirt.api.event.StoppedDetail;
import org.jvirt.api.event.SuspendedDetail;
import org.jvirt.api.event.UndefinedDetail;
import org.jvirt.api.qemu.QemuMonitorCommandFlag;
import org.jvirt.conf.DomainXml;
import org.jvirt.api.DomainBlockCommitFlag;
import org.jvirt.api.DomainBlockCopyFlag;
import org.jvirt.api.DomainBlockInfo;
import org.jvirt.api.DomainBlockJobAbortFlag;
import org.jvirt.api.DomainBlockJobInfo;
import org.jvirt.api.DomainBlockJobInfoFlag;
import org.jvirt.api.DomainBlockJobSetSpeedFlag;
import org.jvirt.api.DomainBlockPullFlag;
import org.jvirt.api.DomainBlockRebaseFlag;
import org.jvirt.api.DomainBlockStats;
import org.jvirt.api.TypedParamFields;
import org.jvirt.api.TypedParameters;
import org.jvirt.conf.domain.DiskDef;
import org.jvirt.conf.domain.DomainDef;
import org.jvirt.driver.qemu.block.DiskLookup;
import org.jvirt.driver.qemu.command.BlockNodes;
import org.jvirt.driver.qemu.command.Aliases;
import org.jvirt.driver.qemu.qmp.QmpError;
import org.jvirt.driver.qemu.qmp.QmpMonitor;
import org.jvirt.util.HostProcesses;

/**
 * A handle naming a QEMU domain (name, UUID, the id it had when looked up); each call finds the domain again by
 * UUID. Modifying calls run as the domain's job; queries read its state without waiting for jobs.
 */
final class QemuDomain implements Domain {
    private final QemuConnect conn;
    private final String name;
    private final UUID uuid;
    private final int id;

    QemuDomain(QemuConnect conn, String name, UUID uuid, int id) {
        this.conn = conn;
        this.name = name;
        this.uuid = uuid;
        this.id = id;
    }

    private QemuDomainObj obj() {
        QemuDomainObj o = conn.driver().byUuid(uuid);
        if (o == null) {
            throw new VirtException(ErrorCode.NO_DOMAIN, ErrorDomain.QEMU,
                    "no domain with matching uuid '" + uuid + "' (" + name + ")");
        }
        return o;
    }

    private <T> T query(Function<QemuDomainObj, T> body) {
        QemuDomainObj o = obj();
        synchronized (o) {
            return body.apply(o);
        }
    }

    /** Runs {@code body} as the domain's job (qemuDomainObjBeginJob / EndJob). */
    private void job(java.util.function.Consumer<QemuDomainObj> body) {
        QemuDomainObj o = obj();
        o.beginJob();
        try {
            if (conn.driver().byUuid(uuid) != o) {
                throw new VirtException(ErrorCode.NO_DOMAIN, ErrorDomain.QEMU,
                        "no domain with matching uuid '" + uuid + "' (" + name + ")");
            }
            body.accept(o);
        } finally {
            o.endJob();
        }
    }

    /**
     * Runs {@code body} as the domain's job with its progress reported by getJobInfo and getJobStats (libvirt's
     * async jobs: save, dump, snapshots); when it ends it becomes the completed job.
     */
    private void asyncJob(org.jvirt.api.DomainJobOperation op, JobProgress.Source source,
            java.util.function.Consumer<QemuDomainObj> body) {
        job(o -> {
            JobProgress p = new JobProgress(op, source);
            o.jobNow = p;
            boolean ok = false;
            try {
                body.accept(o);
                ok = true;
            } finally {
                p.end(ok);
                o.jobDone = p;
                o.jobNow = null;
            }
        });
    }

    private static void checkActive(QemuDomainObj o) {
        if (!o.isActive()) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, "domain is not running");
        }
    }

    private static QmpMonitor monitor(QemuDomainObj o) {
        synchronized (o) {
            checkActive(o);
            if (o.monitor == null) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, "monitor must not be NULL");
            }
            return o.monitor;
        }
    }

    /** Sends a command; QEMU's refusal becomes libvirt's "unable to execute QEMU command" error. */
    private static void command(QemuDomainObj o, String cmd) {
        QmpCommands.execute(monitor(o), cmd, null);
    }

    private void writeStatus(QemuDomainObj o) {
        try {
            StatusFile.write(conn.driver().paths.statusFile(name), o);
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU, "cannot write status: " + e);
        }
    }

    @Override
    public Connect getConnect() {
        return conn;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public UUID getUUID() {
        return uuid;
    }

    @Override
    public int getID() {
        return id;
    }

    @Override
    public String getOSType() {
        return query(o -> o.def.os.type.value);
    }

    // ---- placement and counters (virsh vcpuinfo, vcpupin, emulatorpin, iothreadinfo, dommemstat, domblkerror,
    // domifstat, domcontrol, perf)

    @Override
    public List<org.jvirt.api.VcpuInfo> getVcpus() {
        QemuDomainObj.Running r = query(o -> {
            if (!o.isActive()) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                        "cannot list vcpu pinning for an inactive domain");
            }
            return o.running();
        });
        return VcpuPlacement.vcpus(r, conn.driver().host().cpuCount());
    }

    @Override
    public List<java.util.BitSet> getVcpuPinInfo(Set<org.jvirt.api.DomainAffect> flags) {
        return org.jvirt.conf.CpuPlacement.vcpuPinInfo(oneDef(flags), conn.driver().host().cpuCount());
    }

    @Override
    public java.util.Optional<java.util.BitSet> getEmulatorPinInfo(Set<org.jvirt.api.DomainAffect> flags) {
        return java.util.Optional.of(org.jvirt.conf.CpuPlacement.emulator(oneDef(flags),
                conn.driver().host().cpuCount()));
    }

    @Override
    public List<org.jvirt.api.DomainIOThreadInfo> getIOThreadInfo(Set<org.jvirt.api.DomainAffect> flags) {
        return VcpuPlacement.iothreads(oneDef(flags), conn.driver().host().cpuCount());
    }

    /** The one definition LIVE or CONFIG names (the current one when neither), as virDomainObjGetOneDef gives it. */
    private org.jvirt.conf.domain.DomainDef oneDef(Set<org.jvirt.api.DomainAffect> flags) {
        Impact imp = Impact.of(obj(), flags.contains(org.jvirt.api.DomainAffect.LIVE),
                flags.contains(org.jvirt.api.DomainAffect.CONFIG));
        return imp.live() != null ? imp.live() : imp.persistent();
    }

    @Override
    public List<org.jvirt.api.DomainMemoryStat> memoryStats() {
        return GuestCounters.memory(obj().running());
    }

    @Override
    public List<org.jvirt.api.DomainDiskError> getDiskErrors() {
        return GuestCounters.diskErrors(obj().running());
    }

    @Override
    public org.jvirt.api.DomainInterfaceStats interfaceStats(String device) {
        return GuestCounters.interfaceStats(obj().running().def(), device);
    }

    /** qemuDomainGetControlInfo: a running domain's monitor is free, or busy with a long job since it began. */
    @Override
    public org.jvirt.api.DomainControlInfo getControlInfo() {
        QemuDomainObj o = obj();
        o.running();
        JobProgress job = o.jobNow;
        return job == null ? new org.jvirt.api.DomainControlInfo(org.jvirt.api.DomainControlState.OK, 0, 0)
                : new org.jvirt.api.DomainControlInfo(org.jvirt.api.DomainControlState.JOB, 0, job.elapsedMillis());
    }

    /** The memory placement the definition asks for: mode (strict unless said) and node set. */
    @Override
    public org.jvirt.api.TypedParameters getNumaParameters(Set<org.jvirt.api.DomainAffect> flags) {
        org.jvirt.conf.domain.DomainDef def = oneDef(flags);
        org.jvirt.conf.domain.Numatune.Memory m = def.numatune == null ? null : def.numatune.memory;
        int mode = m == null || m.mode == null ? 0 : NUMA_MODES.indexOf(m.mode);
        return org.jvirt.api.TypedParameters.builder()
                .addInt(org.jvirt.api.TypedParamFields.DOMAIN_NUMA_MODE, mode)
                .addString(org.jvirt.api.TypedParamFields.DOMAIN_NUMA_NODESET,
                        m == null || m.nodeset == null ? "" : m.nodeset)
                .build();
    }

    /** libvirt's virDomainNumatuneMemMode names, in its order. */
    private static final List<String> NUMA_MODES = List.of("strict", "preferred", "interleave", "restrictive");

    /** jvirt enables no perf event: each of libvirt's events is reported disabled (qemuDomainGetPerfEvents). */
    @Override
    public org.jvirt.api.TypedParameters getPerfEvents(Set<org.jvirt.api.DomainAffect> flags) {
        oneDef(flags);
        org.jvirt.api.TypedParameters.Builder b = org.jvirt.api.TypedParameters.builder();
        for (String event : PERF_EVENTS) {
            b.addBoolean(event, false);
        }
        return b.build();
    }

    /** libvirt's virPerfEvent names, in its order. */
    private static final List<String> PERF_EVENTS = List.of("cmt", "mbmt", "mbml", "cpu_cycles", "instructions",
            "cache_references", "cache_misses", "branch_instructions", "branch_misses", "bus_cycles",
            "stalled_cycles_frontend", "stalled_cycles_backend", "ref_cpu_cycles", "cpu_clock", "task_clock",
            "page_faults", "context_switches", "cpu_migrations", "page_faults_min", "page_faults_maj",
            "alignment_faults", "emulation_faults");

    /** A guest without SEV has no launch measurement: no parameters (qemuDomainGetLaunchSecurityInfo). */
    @Override
    public org.jvirt.api.TypedParameters getLaunchSecurityInfo() {
        obj();
        return org.jvirt.api.TypedParameters.empty();
    }

    /** QEMU's calc-dirty-rate, in the mode the flags name (qemuDomainStartDirtyRateCalc). */
    @Override
    public void startDirtyRateCalc(int seconds, Set<org.jvirt.api.DomainDirtyRateCalcFlag> flags) {
        if (seconds < 1 || seconds > 60) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU, "seconds=" + seconds
                    + " is invalid, please choose value within [1, 60].");
        }
        com.fasterxml.jackson.databind.node.ObjectNode args = org.jvirt.driver.qemu.qmp.QmpMonitor.JSON
                .createObjectNode().put("calc-time", seconds);
        if (flags.contains(org.jvirt.api.DomainDirtyRateCalcFlag.DIRTY_BITMAP)) {
            args.put("mode", "dirty-bitmap");
        } else if (flags.contains(org.jvirt.api.DomainDirtyRateCalcFlag.DIRTY_RING)) {
            args.put("mode", "dirty-ring");
        }
        QmpCommands.execute(obj().running().monitor(), "calc-dirty-rate", args);
    }

    // ---- the guest agent: jvirt has no agent client, so these fail as libvirt does without an agent

    @Override
    public String getHostname(Set<org.jvirt.api.DomainGetHostnameFlag> flags) {
        if (flags.contains(org.jvirt.api.DomainGetHostnameFlag.LEASE)
                && !flags.contains(org.jvirt.api.DomainGetHostnameFlag.AGENT)) {
            QemuDomainObj o = obj();
            synchronized (o) {
                for (org.jvirt.conf.domain.NetDef n : o.def.devices().interfaces) {
                    if ("network".equals(n.type)) {
                        throw VirtException.noSupport(); // DHCP leases are a network driver's; jvirt has none yet
                    }
                }
                throw new VirtException(ErrorCode.NO_HOSTNAME, ErrorDomain.QEMU,
                        "no hostname found for domain " + o.def.name);
            }
        }
        throw agentUnavailable();
    }

    @Override
    public org.jvirt.api.TypedParameters getGuestInfo(Set<org.jvirt.api.DomainGuestInfoType> types) {
        throw agentUnavailable();
    }

    @Override
    public List<org.jvirt.api.DomainFSInfo> getFSInfo() {
        throw agentUnavailable();
    }

    @Override
    public java.time.Instant getTime() {
        throw agentUnavailable();
    }

    @Override
    public void setTime(java.time.Instant time, Set<org.jvirt.api.DomainSetTimeFlag> flags) {
        throw agentUnavailable();
    }

    @Override
    public void fsTrim(String mountPoint, long minimum) {
        throw agentUnavailable();
    }

    @Override
    public int fsFreeze(List<String> mountpoints) {
        throw agentUnavailable();
    }

    @Override
    public int fsThaw(List<String> mountpoints) {
        throw agentUnavailable();
    }

    @Override
    public void setUserPassword(String user, String password, Set<org.jvirt.api.DomainSetUserPasswordFlag> flags) {
        throw agentUnavailable();
    }

    @Override
    public List<String> authorizedSSHKeysGet(String user) {
        throw agentUnavailable();
    }

    @Override
    public void authorizedSSHKeysSet(String user, List<String> keys,
            Set<org.jvirt.api.DomainAuthorizedSSHKeysSetFlag> flags) {
        throw agentUnavailable();
    }

    @Override
    public org.jvirt.api.TypedParameters getGuestVcpus() {
        throw agentUnavailable();
    }

    @Override
    public void setGuestVcpus(String cpumap, boolean enable) {
        throw agentUnavailable();
    }

    @Override
    public String qemuAgentCommand(String command, int timeout) {
        throw agentUnavailable();
    }

    private VirtException agentUnavailable() {
        QemuDomainObj o = obj();
        synchronized (o) {
            return GuestAgent.unavailable(o.def, o.isActive());
        }
    }

    /**
     * The primary security driver is "none" (the host capabilities say so), whose label is empty, as libvirt's
     * qemuDomainGetSecurityLabel gives it.
     */
    @Override
    public org.jvirt.api.SecurityLabel getSecurityLabel() {
        return query(o -> new org.jvirt.api.SecurityLabel("", false));
    }

    /**
     * One label per stacked security driver of a running domain ("none", then DAC's "+UID:+GID" of the QEMU
     * process), none for an inactive one (qemuDomainGetSecurityLabelList).
     */
    @Override
    public List<org.jvirt.api.SecurityLabel> getSecurityLabelList() {
        return query(o -> {
            if (!o.isActive()) {
                return List.of();
            }
            try {
                java.nio.file.Path proc = java.nio.file.Path.of("/proc", Long.toString(o.pid));
                int uid = (Integer) java.nio.file.Files.getAttribute(proc, "unix:uid");
                int gid = (Integer) java.nio.file.Files.getAttribute(proc, "unix:gid");
                return List.of(new org.jvirt.api.SecurityLabel("", false),
                        new org.jvirt.api.SecurityLabel("+" + uid + ":+" + gid, false));
            } catch (IOException e) {
                throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.SECURITY,
                        "unable to get uid and gid for PID " + o.pid + " via procfs");
            }
        });
    }

    @Override
    public DomainInfo getInfo() {
        return query(o -> new DomainInfo(o.state, o.def.memoryKiB(), o.def.currentMemoryKiB(), o.def.vcpus(),
                o.isActive() ? cpuTime(o.pid) : 0));
    }

    /** utime + stime of QEMU from /proc, in nanoseconds (libvirt reads the same from cgroups or /proc). */
    private static long cpuTime(long pid) {
        ProcStat s = ProcStat.of(pid, 0);
        return s == null ? 0 : s.cpuNanos();
    }

    @Override
    public DomainStateInfo getState() {
        return query(o -> new DomainStateInfo(o.state, o.reason));
    }

    @Override
    public String getXMLDesc(Set<DomainXMLFlag> flags) {
        QemuConnect.checkFlags("qemuDomainGetXMLDesc", flags, VirFlag.toBits(Set.of(DomainXMLFlag.values())));
        return query(o -> {
            if (!flags.contains(DomainXMLFlag.INACTIVE)) {
                return DomainXml.format(o.def, flags);
            }
            if (o.newDef != null || !o.isActive()) {
                return DomainXml.format(o.newDef != null ? o.newDef : o.def, flags);
            }
            // a running transient domain: its definition without what the run found (chains, indexes)
            return DomainXml.format(definitionOf(o.def, conn.driver().parse), flags);
        });
    }

    /** A running definition without what the run found or assigned: detected chains, indexes, aliases. */
    static DomainDef definitionOf(DomainDef live, org.jvirt.conf.DomainParseOptions parse) {
        DomainDef copy = DomainXml.copy(live, parse);
        copy.id = -1;
        for (var disk : copy.devices().disks) {
            disk.backingStore = null;
            disk.mirror = null;
            if (disk.source != null) {
                disk.source.index = null;
            }
        }
        Aliases.clearAssigned(copy);
        return copy;
    }

    @Override
    public boolean isActive() {
        return query(QemuDomainObj::isActive);
    }

    @Override
    public boolean isPersistent() {
        return query(o -> o.persistent);
    }

    @Override
    public boolean isUpdated() {
        return query(o -> false);
    }

    @Override
    public boolean getAutostart() {
        return query(o -> o.autostart);
    }

    @Override
    public void setAutostart(boolean autostart) {
        job(o -> {
            if (!o.persistent) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                        "cannot set autostart for transient domain");
            }
            conn.driver().setAutostartLink(name, autostart);
            synchronized (o) {
                o.autostart = autostart;
            }
        });
    }

    @Override
    public boolean hasManagedSaveImage() {
        obj();
        return conn.driver().saves.hasManagedSave(name);
    }

    @Override
    public void create(Set<DomainCreateFlag> flags) {
        QemuConnect.checkFlags("qemuDomainCreateWithFlags", flags, DomainCreateFlag.START_PAUSED.value()
                | DomainCreateFlag.START_VALIDATE.value() | DomainCreateFlag.START_FORCE_BOOT.value());
        job(o -> {
            if (o.isActive()) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, "domain is already running");
            }
            conn.driver().startOrRestore(o, flags.contains(DomainCreateFlag.START_PAUSED),
                    flags.contains(DomainCreateFlag.START_FORCE_BOOT));
        });
    }

    // ---- save and restore

    @Override
    public void save(String to) {
        save(to, null, Set.of());
    }

    @Override
    public void save(String to, String dxml, Set<DomainSaveRestoreFlag> flags) {
        QemuConnect.checkFlags("qemuDomainSaveFlags", flags, DomainSaveRestoreFlag.BYPASS_CACHE.value()
                | DomainSaveRestoreFlag.RUNNING.value() | DomainSaveRestoreFlag.PAUSED.value());
        if (dxml != null) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                    "a different XML for the saved domain is not supported by jvirt's QEMU driver yet");
        }
        Boolean run = runAfter(flags);
        asyncJob(org.jvirt.api.DomainJobOperation.SAVE, JobProgress.Source.MIGRATION,
                o -> conn.driver().saves.save(o, java.nio.file.Path.of(to).toAbsolutePath(), run));
    }

    static Boolean runAfter(Set<DomainSaveRestoreFlag> flags) {
        if (flags.contains(DomainSaveRestoreFlag.RUNNING) && flags.contains(DomainSaveRestoreFlag.PAUSED)) {
            throw VirtException.invalidArg("Flags 'running' and 'paused' are mutually exclusive");
        }
        return flags.contains(DomainSaveRestoreFlag.RUNNING) ? Boolean.TRUE
                : flags.contains(DomainSaveRestoreFlag.PAUSED) ? Boolean.FALSE : null;
    }

    @Override
    public void managedSave(Set<DomainSaveRestoreFlag> flags) {
        QemuConnect.checkFlags("qemuDomainManagedSave", flags, DomainSaveRestoreFlag.BYPASS_CACHE.value()
                | DomainSaveRestoreFlag.RUNNING.value() | DomainSaveRestoreFlag.PAUSED.value());
        Boolean run = runAfter(flags);
        asyncJob(org.jvirt.api.DomainJobOperation.SAVE, JobProgress.Source.MIGRATION, o -> {
            synchronized (o) {
                if (!o.persistent) {
                    throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                            "cannot do managed save for transient domain");
                }
            }
            conn.driver().saves.save(o, conn.driver().paths.managedSave(name), run);
        });
    }

    @Override
    public void managedSaveRemove() {
        job(o -> conn.driver().saves.removeManagedSave(name));
    }

    @Override
    public void destroy(Set<DomainDestroyFlag> flags) {
        QemuConnect.checkFlags("qemuDomainDestroyFlags", flags, DomainDestroyFlag.GRACEFUL.value());
        QemuDomainObj o = obj();
        synchronized (o) {
            checkActive(o);
            // an exit from here on is ours: the monitor's EOF must not report a crash
            o.beingDestroyed = true;
        }
        job(x -> {
            if (!x.isActive()) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, "domain is not running");
            }
            conn.driver().processes.destroy(x, flags.contains(DomainDestroyFlag.GRACEFUL), ShutoffReason.DESTROYED,
                    StoppedDetail.DESTROYED);
        });
    }

    @Override
    public void shutdown(Set<DomainShutdownFlag> flags) {
        QemuConnect.checkFlags("qemuDomainShutdownFlags", flags, DomainShutdownFlag.ACPI_POWER_BTN.value());
        job(o -> {
            checkActive(o);
            if (o.state != DomainState.RUNNING) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, "domain is not running");
            }
            synchronized (o) {
                o.fakeReboot = false;
            }
            command(o, "system_powerdown");
        });
    }

    @Override
    public void reboot(Set<DomainRebootFlag> flags) {
        QemuConnect.checkFlags("qemuDomainReboot", flags, DomainRebootFlag.ACPI_POWER_BTN.value());
        job(o -> {
            checkActive(o);
            synchronized (o) {
                // the guest's power-off that follows becomes a reset (libvirt's fake reboot)
                o.fakeReboot = true;
            }
            writeStatus(o);
            command(o, "system_powerdown");
        });
    }

    @Override
    public void reset() {
        job(o -> {
            checkActive(o);
            command(o, "system_reset");
        });
    }

    @Override
    public void suspend() {
        job(o -> {
            checkActive(o);
            if (o.state == DomainState.PAUSED) {
                return; // libvirt: suspending a paused domain does nothing
            }
            synchronized (o) {
                o.apiRunStateChange = true;
            }
            try {
                command(o, "stop");
                o.setState(DomainState.PAUSED, PausedReason.USER.value());
            } finally {
                synchronized (o) {
                    o.apiRunStateChange = false;
                }
            }
            writeStatus(o);
            conn.driver().emitLifecycle(o, LifecycleEventType.SUSPENDED, SuspendedDetail.PAUSED.value());
        });
    }

    @Override
    public void resume() {
        job(o -> {
            checkActive(o);
            if (o.state == DomainState.RUNNING) {
                return;
            }
            if (o.state != DomainState.PAUSED) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, "domain is not paused");
            }
            synchronized (o) {
                o.apiRunStateChange = true;
            }
            try {
                command(o, "cont");
                o.setState(DomainState.RUNNING, RunningReason.UNPAUSED.value());
            } finally {
                synchronized (o) {
                    o.apiRunStateChange = false;
                }
            }
            writeStatus(o);
            conn.driver().emitLifecycle(o, LifecycleEventType.RESUMED, ResumedDetail.UNPAUSED.value());
        });
    }

    @Override
    public void undefine(Set<DomainUndefineFlag> flags) {
        QemuConnect.checkFlags("qemuDomainUndefineFlags", flags, DomainUndefineFlag.MANAGED_SAVE.value()
                | DomainUndefineFlag.SNAPSHOTS_METADATA.value() | DomainUndefineFlag.CHECKPOINTS_METADATA.value()
                | DomainUndefineFlag.NVRAM.value() | DomainUndefineFlag.KEEP_NVRAM.value());
        job(o -> {
            if (!o.persistent) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                        "cannot undefine transient domain");
            }
            int snapshots;
            synchronized (o) {
                snapshots = o.isActive() ? 0 : o.snapshots.size();
            }
            if (snapshots > 0 && !flags.contains(DomainUndefineFlag.SNAPSHOTS_METADATA)) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                        "cannot delete inactive domain with " + snapshots + " snapshots");
            }
            if (conn.driver().saves.hasManagedSave(name)) {
                if (!flags.contains(DomainUndefineFlag.MANAGED_SAVE)) {
                    throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                            "Refusing to undefine while domain managed save image exists");
                }
                conn.driver().saves.removeManagedSave(name);
            }
            conn.driver().deleteConfig(name);
            boolean active;
            synchronized (o) {
                o.persistent = false;
                o.autostart = false;
                o.newDef = null;
                active = o.isActive();
            }
            conn.driver().emitLifecycle(o, LifecycleEventType.UNDEFINED, UndefinedDetail.REMOVED.value());
            if (!active) {
                conn.driver().remove(o);
            }
        });
    }

    @Override
    public List<String> getMessages(Set<org.jvirt.api.DomainMessageType> flags) {
        QemuConnect.checkFlags("qemuDomainGetMessages", flags,
                VirFlag.toBits(Set.of(org.jvirt.api.DomainMessageType.values())));
        boolean tainting = flags.isEmpty() || flags.contains(org.jvirt.api.DomainMessageType.TAINTING);
        return query(o -> tainting ? o.taints.stream().map(t -> "tainted: " + t.message).toList() : List.of());
    }

    @Override
    public String qemuMonitorCommand(String command, Set<QemuMonitorCommandFlag> flags) {
        QemuConnect.checkFlags("qemuDomainQemuMonitorCommand", flags, QemuMonitorCommandFlag.HMP.value());
        QemuDomainObj o = obj();
        QmpMonitor mon = monitor(o);
        conn.driver().taint(o, Taint.CUSTOM_MONITOR);
        if (flags.contains(QemuMonitorCommandFlag.HMP)) {
            ObjectNode args = JsonNodeFactory.instance.objectNode().put("command-line", command);
            try {
                return mon.execute("human-monitor-command", args, QemuProcesses.COMMAND_TIMEOUT).asText("");
            } catch (QmpError e) {
                throw monitorError(e);
            }
        }
        JsonNode parsed;
        try {
            parsed = QmpMonitor.JSON.readTree(command);
        } catch (java.io.IOException e) {
            parsed = null;
        }
        if (!(parsed instanceof ObjectNode message)) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU, "cannot parse json " + command
                    + ": not a JSON object");
        }
        try {
            return mon.executeRaw(message, QemuProcesses.COMMAND_TIMEOUT).toString();
        } catch (QmpError e) {
            throw monitorError(e);
        }
    }

    // ---- memory and vCPUs

    @Override
    public void setMemory(long memoryKiB) {
        setMemoryFlags(memoryKiB, Set.of(DomainMemoryModFlag.LIVE));
    }

    @Override
    public void setMaxMemory(long memoryKiB) {
        setMemoryFlags(memoryKiB, Set.of(DomainMemoryModFlag.MAXIMUM));
    }

    @Override
    public void setMemoryFlags(long memoryKiB, Set<DomainMemoryModFlag> flags) {
        QemuConnect.checkFlags("qemuDomainSetMemoryFlags", flags, DomainMemoryModFlag.LIVE.value()
                | DomainMemoryModFlag.CONFIG.value() | DomainMemoryModFlag.MAXIMUM.value());
        job(o -> conn.driver().resources.setMemory(o, memoryKiB, flags.contains(DomainMemoryModFlag.LIVE),
                flags.contains(DomainMemoryModFlag.CONFIG), flags.contains(DomainMemoryModFlag.MAXIMUM)));
    }

    @Override
    public int getMaxVcpus() {
        return getVcpusFlags(Set.of(DomainVcpuFlag.LIVE, DomainVcpuFlag.MAXIMUM));
    }

    @Override
    public int getVcpusFlags(Set<DomainVcpuFlag> flags) {
        QemuConnect.checkFlags("qemuDomainGetVcpusFlags", flags, DomainVcpuFlag.LIVE.value()
                | DomainVcpuFlag.CONFIG.value() | DomainVcpuFlag.MAXIMUM.value() | DomainVcpuFlag.GUEST.value());
        if (flags.contains(DomainVcpuFlag.GUEST)) {
            throw VirtException.noSupport("virDomainGetVcpusFlags");
        }
        QemuDomainObj o = obj();
        Impact imp = Impact.of(o, flags.contains(DomainVcpuFlag.LIVE), flags.contains(DomainVcpuFlag.CONFIG));
        synchronized (o) {
            DomainDef d = imp.live() != null ? imp.live() : imp.persistent();
            return flags.contains(DomainVcpuFlag.MAXIMUM) ? d.maxVcpus() : d.vcpus();
        }
    }

    @Override
    public void setVcpus(int nvcpus) {
        setVcpusFlags(nvcpus, Set.of(DomainVcpuFlag.LIVE));
    }

    @Override
    public void setVcpusFlags(int nvcpus, Set<DomainVcpuFlag> flags) {
        QemuConnect.checkFlags("qemuDomainSetVcpusFlags", flags, DomainVcpuFlag.LIVE.value()
                | DomainVcpuFlag.CONFIG.value() | DomainVcpuFlag.MAXIMUM.value() | DomainVcpuFlag.GUEST.value()
                | DomainVcpuFlag.HOTPLUGGABLE.value());
        if (flags.contains(DomainVcpuFlag.GUEST)) {
            throw VirtException.noSupport("virDomainSetVcpusFlags");
        }
        job(o -> conn.driver().resources.setVcpus(o, nvcpus, flags.contains(DomainVcpuFlag.LIVE),
                flags.contains(DomainVcpuFlag.CONFIG), flags.contains(DomainVcpuFlag.MAXIMUM)));
    }

    // ---- devices

    @Override
    public void attachDevice(String xml) {
        attachDeviceFlags(xml, Set.of(DomainDeviceModifyFlag.LIVE));
    }

    @Override
    public void attachDeviceFlags(String xml, Set<DomainDeviceModifyFlag> flags) {
        QemuConnect.checkFlags("qemuDomainAttachDeviceFlags", flags, DomainDeviceModifyFlag.LIVE.value()
                | DomainDeviceModifyFlag.CONFIG.value());
        job(o -> conn.driver().hotplug.attach(o, xml, flags.contains(DomainDeviceModifyFlag.LIVE),
                flags.contains(DomainDeviceModifyFlag.CONFIG)));
    }

    @Override
    public void detachDevice(String xml) {
        detachDeviceFlags(xml, Set.of(DomainDeviceModifyFlag.LIVE));
    }

    @Override
    public void detachDeviceFlags(String xml, Set<DomainDeviceModifyFlag> flags) {
        QemuConnect.checkFlags("qemuDomainDetachDeviceFlags", flags, DomainDeviceModifyFlag.LIVE.value()
                | DomainDeviceModifyFlag.CONFIG.value());
        job(o -> conn.driver().hotplug.detach(o, xml, flags.contains(DomainDeviceModifyFlag.LIVE),
                flags.contains(DomainDeviceModifyFlag.CONFIG)));
    }

    @Override
    public void updateDeviceFlags(String xml, Set<DomainDeviceModifyFlag> flags) {
        QemuConnect.checkFlags("qemuDomainUpdateDeviceFlags", flags, DomainDeviceModifyFlag.LIVE.value()
                | DomainDeviceModifyFlag.CONFIG.value() | DomainDeviceModifyFlag.FORCE.value());
        job(o -> conn.driver().hotplug.update(o, xml, flags.contains(DomainDeviceModifyFlag.LIVE),
                flags.contains(DomainDeviceModifyFlag.CONFIG), flags.contains(DomainDeviceModifyFlag.FORCE)));
    }

    @Override
    public void detachDeviceAlias(String alias, Set<DomainDeviceModifyFlag> flags) {
        QemuConnect.checkFlags("qemuDomainDetachDeviceAlias", flags, DomainDeviceModifyFlag.LIVE.value()
                | DomainDeviceModifyFlag.CONFIG.value());
        job(o -> conn.driver().hotplug.detachAlias(o, alias, flags.contains(DomainDeviceModifyFlag.LIVE),
                flags.contains(DomainDeviceModifyFlag.CONFIG)));
    }

    // ---- block devices

    /** The block nodes' statistics and descriptions of a running domain, asked together. */
    private record BlockReplies(java.util.Map<String, JsonNode> stats, java.util.Map<String, JsonNode> nodes) {
    }

    private static BlockReplies blockReplies(QmpMonitor mon) {
        // per block backend, keyed by its root node: the devices' I/O (node-level statistics count none of it)
        var stats = mon.send("query-blockstats", null);
        var nodes = mon.send("query-named-block-nodes", JsonNodeFactory.instance.objectNode().put("flat", true));
        try {
            return new BlockReplies(DomainStats.byNode(stats.get(QemuProcesses.COMMAND_TIMEOUT.toMillis(),
                    java.util.concurrent.TimeUnit.MILLISECONDS)), DomainStats.byNode(nodes.get(
                            QemuProcesses.COMMAND_TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)));
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof QmpError q ? monitorError(q)
                    : new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU, String.valueOf(e.getCause()));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new VirtException(ErrorCode.OPERATION_TIMEOUT, ErrorDomain.QEMU, "no reply from the monitor");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VirtException(ErrorCode.OPERATION_ABORTED, ErrorDomain.QEMU, "interrupted");
        }
    }

    /** The guest-side statistics of one disk, or of all disks summed when {@code disk} is empty. */
    private long[] diskCounters(String disk) {
        QemuDomainObj o = obj();
        QmpMonitor mon = monitor(o);
        DomainDef def;
        synchronized (o) {
            def = o.def;
        }
        List<DiskDef> disks = disk.isEmpty() ? def.devices().disks : List.of(DiskLookup.require(def, disk));
        BlockReplies r = blockReplies(mon);
        // rd_req, rd_bytes, wr_req, wr_bytes, rd_times, wr_times, flush_req, flush_times
        long[] sum = new long[8];
        for (DiskDef d : disks) {
            if (!BlockNodes.hasSource(d) || d.source.index == null) {
                continue;
            }
            String node = BlockNodes.chain(d).get(0).topNode(d.driver == null ? null : d.driver.cache);
            JsonNode st = r.stats().getOrDefault(node, com.fasterxml.jackson.databind.node.MissingNode.getInstance())
                    .path("stats");
            String[] names = {"rd_operations", "rd_bytes", "wr_operations", "wr_bytes", "rd_total_time_ns",
                "wr_total_time_ns", "flush_operations", "flush_total_time_ns"};
            for (int i = 0; i < names.length; i++) {
                sum[i] += st.path(names[i]).asLong();
            }
        }
        return sum;
    }

    @Override
    public java.util.List<org.jvirt.api.DomainInterface> interfaceAddresses(
            org.jvirt.api.DomainInterfaceAddressesSource source) {
        if (source == null) {
            throw new VirtException(ErrorCode.ARGUMENT_UNSUPPORTED, ErrorDomain.QEMU,
                    "Unknown IP address data source");
        }
        // the host's table is read before the domain's lock is taken (hotplug changes the interfaces in place)
        ArpTable arp = source == org.jvirt.api.DomainInterfaceAddressesSource.ARP ? ArpTable.read(ArpTable.PROC)
                : null;
        return query(o -> {
            checkActive(o);
            return InterfaceAddresses.of(o.def, o.state == org.jvirt.api.DomainState.RUNNING, source, () -> arp);
        });
    }

    @Override
    public DomainBlockStats blockStats(String disk) {
        long[] c = diskCounters(disk);
        return new DomainBlockStats(c[0], c[1], c[2], c[3], -1);
    }

    @Override
    public TypedParameters blockStatsFlags(String disk) {
        long[] c = diskCounters(disk);
        return TypedParameters.builder()
                .addLLong(TypedParamFields.DOMAIN_BLOCK_STATS_WRITE_BYTES, c[3])
                .addLLong(TypedParamFields.DOMAIN_BLOCK_STATS_WRITE_REQ, c[2])
                .addLLong(TypedParamFields.DOMAIN_BLOCK_STATS_READ_BYTES, c[1])
                .addLLong(TypedParamFields.DOMAIN_BLOCK_STATS_READ_REQ, c[0])
                .addLLong(TypedParamFields.DOMAIN_BLOCK_STATS_FLUSH_REQ, c[6])
                .addLLong(TypedParamFields.DOMAIN_BLOCK_STATS_WRITE_TOTAL_TIMES, c[5])
                .addLLong(TypedParamFields.DOMAIN_BLOCK_STATS_READ_TOTAL_TIMES, c[4])
                .addLLong(TypedParamFields.DOMAIN_BLOCK_STATS_FLUSH_TOTAL_TIMES, c[7]).build();
    }

    @Override
    public DomainBlockInfo getBlockInfo(String disk) {
        QemuDomainObj o = obj();
        DomainDef def;
        QmpMonitor mon;
        synchronized (o) {
            def = o.def;
            mon = o.isActive() ? o.monitor : null;
        }
        DiskDef d = DiskLookup.byName(def, disk);
        if (d == null) {
            // qemuDomainGetBlockInfo's own wording (block statistics say "invalid path: NAME")
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU,
                    "invalid path " + disk + " not assigned to domain");
        }
        if (!BlockNodes.hasSource(d)) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU, "disk '" + disk + "' does not "
                    + "currently have a source assigned");
        }
        if (mon == null || d.source.index == null) {
            return inactiveBlockInfo(d);
        }
        BlockNodes.Layer top = BlockNodes.chain(d).get(0);
        BlockReplies r = blockReplies(mon);
        JsonNode image = r.nodes().getOrDefault(top.topNode(d.driver == null ? null : d.driver.cache),
                com.fasterxml.jackson.databind.node.MissingNode.getInstance()).path("image");
        long capacity = image.path("virtual-size").asLong();
        long physical = DomainStats.physical(top, image);
        long allocation = "file".equals(top.type()) ? image.path("actual-size").asLong(physical)
                : r.stats().getOrDefault(top.topNode(null), com.fasterxml.jackson.databind.node.MissingNode
                        .getInstance()).path("stats").path("wr_highest_offset").asLong();
        return new DomainBlockInfo(capacity, allocation, physical);
    }

    /** A stopped domain's disk, from its image: size from the header (or the file), usage from the file. */
    private static DomainBlockInfo inactiveBlockInfo(DiskDef d) {
        java.nio.file.Path p = java.nio.file.Path.of(d.source.file != null ? d.source.file : d.source.dev);
        try {
            long size = java.nio.file.Files.size(p);
            var h = org.jvirt.driver.qemu.block.ImageHeader.read(p, d.driver == null ? null : d.driver.type);
            return new DomainBlockInfo(h.virtualSize() >= 0 ? h.virtualSize() : size, size, size);
        } catch (java.io.IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.STORAGE, "cannot stat file '" + p + "': "
                    + e.getMessage());
        }
    }

    /** qemuDomainBlockResize: the disk's top image grows (or shrinks) to {@code size} (KiB unless BYTES). */
    @Override
    public void blockResize(String disk, long size, Set<org.jvirt.api.DomainBlockResizeFlag> flags) {
        QemuConnect.checkFlags("qemuDomainBlockResize", flags, org.jvirt.api.DomainBlockResizeFlag.BYTES.value());
        long bytes = size;
        if (!flags.contains(org.jvirt.api.DomainBlockResizeFlag.BYTES)) {
            if (Long.compareUnsigned(size, Long.divideUnsigned(-1L, 1024)) > 0) {
                throw new VirtException(ErrorCode.OVERFLOW, ErrorDomain.QEMU, "size must be less than "
                        + Long.toUnsignedString(Long.divideUnsigned(-1L, 1024)));
            }
            bytes = size * 1024;
        }
        long wanted = bytes;
        job(o -> {
            QmpMonitor mon = monitor(o);
            DiskDef d;
            String node;
            long target = wanted;
            synchronized (o) {
                d = DiskLookup.byName(o.def, disk);
                if (d == null) {
                    throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU, "disk '" + disk
                            + "' was not found in the domain config");
                }
                if (!BlockNodes.hasSource(d) || d.readonly != null || "cdrom".equals(d.device)) {
                    throw new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.QEMU,
                            "can't resize empty or readonly disk '" + d.target.dev + "'");
                }
                String format = d.driver == null || d.driver.type == null ? "raw" : d.driver.type;
                if ("qcow2".equals(format) || "qed".equals(format)) {
                    target = (target + 511) / 512 * 512; // whole sectors, as those formats keep them
                }
                node = BlockJobs.effectiveNode(d, BlockNodes.chain(d).get(0));
            }
            ObjectNode args = JsonNodeFactory.instance.objectNode().put("node-name", node).put("size", target);
            try {
                mon.execute("block_resize", args, QemuProcesses.COMMAND_TIMEOUT);
            } catch (QmpError e) {
                throw monitorError(e);
            }
        });
    }

    @Override
    public void setBlockThreshold(String dev, long threshold) {
        QemuDomainObj o = obj();
        o.beginJob();
        try {
            QmpMonitor mon = monitor(o);
            DiskLookup.Found f;
            synchronized (o) {
                f = DiskLookup.image(o.def, dev);
            }
            ObjectNode args = JsonNodeFactory.instance.objectNode().put("node-name", f.layer().storageNode())
                    .put("write-threshold", threshold);
            try {
                mon.execute("block-set-write-threshold", args, QemuProcesses.COMMAND_TIMEOUT);
            } catch (QmpError e) {
                throw monitorError(e);
            }
        } finally {
            o.endJob();
        }
    }

    // ---- block jobs

    @Override
    public void blockPull(String disk, long bandwidth, Set<DomainBlockPullFlag> flags) {
        QemuConnect.checkFlags("qemuDomainBlockPull", flags, DomainBlockPullFlag.BANDWIDTH_BYTES.value());
        job(o -> conn.driver().blockJobs.pull(o, disk, null, bandwidth,
                flags.contains(DomainBlockPullFlag.BANDWIDTH_BYTES)));
    }

    @Override
    public void blockRebase(String disk, String base, long bandwidth, Set<DomainBlockRebaseFlag> flags) {
        QemuConnect.checkFlags("qemuDomainBlockRebase", flags, VirFlag.toBits(Set.of(DomainBlockRebaseFlag.values())));
        boolean bytes = flags.contains(DomainBlockRebaseFlag.BANDWIDTH_BYTES);
        if (flags.contains(DomainBlockRebaseFlag.RELATIVE)) {
            throw new VirtException(ErrorCode.ARGUMENT_UNSUPPORTED, ErrorDomain.QEMU,
                    "relative backing paths are not supported by jvirt's QEMU driver yet");
        }
        if (!flags.contains(DomainBlockRebaseFlag.COPY)) {
            if (flags.contains(DomainBlockRebaseFlag.SHALLOW) || flags.contains(DomainBlockRebaseFlag.REUSE_EXT)
                    || flags.contains(DomainBlockRebaseFlag.COPY_RAW)
                    || flags.contains(DomainBlockRebaseFlag.COPY_DEV)) {
                throw VirtException.invalidArg("flags other than BANDWIDTH_BYTES and RELATIVE need COPY");
            }
            job(o -> conn.driver().blockJobs.pull(o, disk, base, bandwidth, bytes));
            return;
        }
        if (base == null) {
            throw VirtException.invalidArg("destination must not be NULL");
        }
        job(o -> conn.driver().blockJobs.copy(o, disk, flags.contains(DomainBlockRebaseFlag.COPY_DEV) ? "block"
                : "file", base, flags.contains(DomainBlockRebaseFlag.COPY_RAW) ? "raw" : null, bandwidth, bytes,
                flags.contains(DomainBlockRebaseFlag.SHALLOW), flags.contains(DomainBlockRebaseFlag.REUSE_EXT),
                null, null));
    }

    @Override
    public void blockCopy(String disk, String destxml, TypedParameters params, Set<DomainBlockCopyFlag> flags) {
        QemuConnect.checkFlags("qemuDomainBlockCopy", flags, DomainBlockCopyFlag.SHALLOW.value()
                | DomainBlockCopyFlag.REUSE_EXT.value() | DomainBlockCopyFlag.TRANSIENT_JOB.value());
        DiskDef dest = parseDiskSource(destxml);
        long bandwidth = params == null ? 0 : params.getULLong(TypedParamFields.DOMAIN_BLOCK_COPY_BANDWIDTH)
                .orElse(0);
        Long granularity = params == null ? null : boxed(params.getUInt(TypedParamFields.DOMAIN_BLOCK_COPY_GRANULARITY));
        Long bufSize = params == null ? null : boxed(params.getULLong(TypedParamFields.DOMAIN_BLOCK_COPY_BUF_SIZE));
        String type = dest.type == null ? "file" : dest.type;
        if (!type.equals("file") && !type.equals("block")) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                    "copy to a disk of type '" + type + "' is not supported by jvirt's QEMU driver yet");
        }
        String path = dest.source.file != null ? dest.source.file : dest.source.dev;
        job(o -> conn.driver().blockJobs.copy(o, disk, type, path, dest.driver == null ? null : dest.driver.type,
                bandwidth, true, flags.contains(DomainBlockCopyFlag.SHALLOW),
                flags.contains(DomainBlockCopyFlag.REUSE_EXT), granularity, bufSize));
    }

    private static Long boxed(java.util.OptionalLong v) {
        return v.isPresent() ? v.getAsLong() : null;
    }

    /** The {@code <disk>} of blockCopy's destination, read through conf inside a minimal domain. */
    private DiskDef parseDiskSource(String xml) {
        // a destination names no target (libvirt parses only its source): conf wants one, so it gets one
        String disk = xml.contains("<target") ? xml : xml.replaceFirst("</disk>\\s*$", "<target dev='vdz'/></disk>");
        DomainDef wrapper = DomainXml.parse("<domain type='qemu'><name>copy-destination</name><memory>1024</memory>"
                + "<os><type arch='x86_64'>hvm</type></os><devices>" + disk + "</devices></domain>",
                conn.driver().parse);
        if (wrapper.devices().disks.size() != 1 || !BlockNodes.hasSource(wrapper.devices().disks.get(0))) {
            throw VirtException.invalidArg("the destination XML must be one <disk> with a <source>");
        }
        return wrapper.devices().disks.get(0);
    }

    @Override
    public void blockCommit(String disk, String base, String top, long bandwidth, Set<DomainBlockCommitFlag> flags) {
        QemuConnect.checkFlags("qemuDomainBlockCommit", flags, DomainBlockCommitFlag.SHALLOW.value()
                | DomainBlockCommitFlag.DELETE.value() | DomainBlockCommitFlag.ACTIVE.value()
                | DomainBlockCommitFlag.BANDWIDTH_BYTES.value());
        job(o -> conn.driver().blockJobs.commit(o, disk, base, top, bandwidth,
                flags.contains(DomainBlockCommitFlag.SHALLOW), flags.contains(DomainBlockCommitFlag.ACTIVE),
                flags.contains(DomainBlockCommitFlag.DELETE), flags.contains(DomainBlockCommitFlag.BANDWIDTH_BYTES)));
    }

    @Override
    public void blockJobAbort(String disk, Set<DomainBlockJobAbortFlag> flags) {
        QemuConnect.checkFlags("qemuDomainBlockJobAbort", flags, DomainBlockJobAbortFlag.ASYNC.value()
                | DomainBlockJobAbortFlag.PIVOT.value());
        job(o -> conn.driver().blockJobs.abort(o, disk, flags.contains(DomainBlockJobAbortFlag.ASYNC),
                flags.contains(DomainBlockJobAbortFlag.PIVOT)));
    }

    @Override
    public Optional<DomainBlockJobInfo> getBlockJobInfo(String disk, Set<DomainBlockJobInfoFlag> flags) {
        QemuConnect.checkFlags("qemuDomainGetBlockJobInfo", flags, DomainBlockJobInfoFlag.BANDWIDTH_BYTES.value());
        return conn.driver().blockJobs.info(obj(), disk, flags.contains(DomainBlockJobInfoFlag.BANDWIDTH_BYTES));
    }

    @Override
    public void blockJobSetSpeed(String disk, long bandwidth, Set<DomainBlockJobSetSpeedFlag> flags) {
        QemuConnect.checkFlags("qemuDomainBlockJobSetSpeed", flags,
                DomainBlockJobSetSpeedFlag.BANDWIDTH_BYTES.value());
        job(o -> conn.driver().blockJobs.setSpeed(o, disk, bandwidth,
                flags.contains(DomainBlockJobSetSpeedFlag.BANDWIDTH_BYTES)));
    }

    // ---- core dump, screenshot, keys

    @Override
    public void coreDump(String to, Set<org.jvirt.api.DomainCoreDumpFlag> flags) {
        coreDumpWithFormat(to, org.jvirt.api.DomainCoreDumpFormat.RAW, flags);
    }

    @Override
    public void coreDumpWithFormat(String to, org.jvirt.api.DomainCoreDumpFormat format,
            Set<org.jvirt.api.DomainCoreDumpFlag> flags) {
        QemuConnect.checkFlags("qemuDomainCoreDumpWithFormat", flags,
                VirFlag.toBits(Set.of(org.jvirt.api.DomainCoreDumpFlag.values())));
        java.nio.file.Path file = java.nio.file.Path.of(to).toAbsolutePath();
        asyncJob(org.jvirt.api.DomainJobOperation.DUMP, flags.contains(org.jvirt.api.DomainCoreDumpFlag.MEMORY_ONLY)
                ? JobProgress.Source.MEMORY_DUMP : JobProgress.Source.MIGRATION,
                o -> conn.driver().dumps.dump(o, file, format, flags));
    }

    @Override
    public String screenshot(org.jvirt.api.Stream stream, int screen) {
        String[] mime = new String[1];
        job(o -> mime[0] = conn.driver().screenshots.take(o, stream, screen));
        return mime[0];
    }

    @Override
    public void sendKey(org.jvirt.api.KeycodeSet codeset, int holdtime, int[] keycodes) {
        int[] qnum = new int[keycodes.length];
        for (int i = 0; i < keycodes.length; i++) {
            qnum[i] = KeyCodes.toQnum(codeset, keycodes[i]);
        }
        job(o -> {
            com.fasterxml.jackson.databind.node.ArrayNode keys = JsonNodeFactory.instance.arrayNode();
            for (int k : qnum) {
                keys.addObject().put("type", "number").put("data", k);
            }
            ObjectNode args = JsonNodeFactory.instance.objectNode();
            args.set("keys", keys);
            if (holdtime > 0) {
                args.put("hold-time", holdtime);
            }
            try {
                monitor(o).execute("send-key", args, QemuProcesses.COMMAND_TIMEOUT);
            } catch (QmpError e) {
                throw monitorError(e);
            }
        });
    }

    // ---- snapshots

    @Override
    public org.jvirt.api.DomainSnapshot snapshotCreateXML(String xml,
            Set<org.jvirt.api.DomainSnapshotCreateFlag> flags) {
        QemuConnect.checkFlags("qemuDomainSnapshotCreateXML", flags,
                VirFlag.toBits(Set.of(org.jvirt.api.DomainSnapshotCreateFlag.values())));
        String[] made = new String[1];
        asyncJob(org.jvirt.api.DomainJobOperation.SNAPSHOT, JobProgress.Source.NONE,
                o -> made[0] = conn.driver().snapshots.create(o, xml, flags));
        return new QemuDomainSnapshot(this, made[0]);
    }

    @Override
    public org.jvirt.api.DomainSnapshot snapshotLookupByName(String snapshot) {
        return query(o -> new QemuDomainSnapshot(this, conn.driver().snapshots.find(o, snapshot).name));
    }

    @Override
    public org.jvirt.api.DomainSnapshot snapshotCurrent() {
        return query(o -> {
            SnapshotTree.Entry cur = o.snapshots.current();
            if (cur == null) {
                throw new VirtException(ErrorCode.NO_DOMAIN_SNAPSHOT, ErrorDomain.QEMU,
                        "the domain does not have a current snapshot");
            }
            return new QemuDomainSnapshot(this, cur.name);
        });
    }

    @Override
    public boolean hasCurrentSnapshot() {
        return query(o -> o.snapshots.current() != null);
    }

    @Override
    public List<org.jvirt.api.DomainSnapshot> listAllSnapshots(Set<org.jvirt.api.DomainSnapshotListFlag> flags) {
        QemuConnect.checkFlags("qemuDomainListAllSnapshots", flags, 0x7ff);
        return query(o -> SnapshotFilter.list(o.snapshots, null, VirFlag.toBits(flags)).stream()
                .<org.jvirt.api.DomainSnapshot>map(n -> new QemuDomainSnapshot(this, n)).toList());
    }

    @Override
    public void revertToSnapshot(org.jvirt.api.DomainSnapshot snapshot,
            Set<org.jvirt.api.DomainSnapshotRevertFlag> flags) {
        QemuConnect.checkFlags("qemuDomainRevertToSnapshot", flags,
                org.jvirt.api.DomainSnapshotRevertFlag.RUNNING.value()
                        | org.jvirt.api.DomainSnapshotRevertFlag.PAUSED.value()
                        | org.jvirt.api.DomainSnapshotRevertFlag.FORCE.value());
        asyncJob(org.jvirt.api.DomainJobOperation.SNAPSHOT_REVERT, JobProgress.Source.NONE,
                o -> conn.driver().snapshots.revert(o, snapshot.getName(), flags));
    }

    // ---- jobs

    @Override
    public org.jvirt.api.DomainJobInfo getJobInfo() {
        QemuDomainObj o = obj();
        JobProgress p = o.jobNow;
        if (!o.isActive()) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, "domain is not running");
        }
        if (p == null) {
            return new org.jvirt.api.DomainJobInfo(org.jvirt.api.DomainJobType.NONE, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        }
        long[] m = progress(o, p);
        return new org.jvirt.api.DomainJobInfo(org.jvirt.api.DomainJobType.UNBOUNDED, p.elapsedMillis(), 0, m[0],
                m[1], m[2], m[0], m[1], m[2], 0, 0, 0);
    }

    @Override
    public org.jvirt.api.DomainJobStats getJobStats(Set<org.jvirt.api.DomainGetJobStatsFlag> flags) {
        QemuConnect.checkFlags("qemuDomainGetJobStats", flags,
                VirFlag.toBits(Set.of(org.jvirt.api.DomainGetJobStatsFlag.values())));
        QemuDomainObj o = obj();
        JobProgress p;
        org.jvirt.api.DomainJobType type;
        long[] m;
        if (flags.contains(org.jvirt.api.DomainGetJobStatsFlag.COMPLETED)) {
            p = o.jobNow == null ? o.jobDone : null;
            if (p != null && !flags.contains(org.jvirt.api.DomainGetJobStatsFlag.KEEP_COMPLETED)) {
                o.jobDone = null;
            }
            type = p == null ? null : p.outcome;
            m = p == null ? null : p.memory();
        } else {
            if (!o.isActive()) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, "domain is not running");
            }
            p = o.jobNow;
            type = org.jvirt.api.DomainJobType.UNBOUNDED;
            m = p == null ? null : progress(o, p);
        }
        if (p == null) {
            return new org.jvirt.api.DomainJobStats(org.jvirt.api.DomainJobType.NONE, TypedParameters.empty());
        }
        return new org.jvirt.api.DomainJobStats(type, p.stats(m));
    }

    /** The running job's progress, asked of QEMU now (when the job's source reports any). */
    private static long[] progress(QemuDomainObj o, JobProgress p) {
        QmpMonitor mon;
        synchronized (o) {
            mon = o.monitor;
        }
        if (mon != null && p.source != JobProgress.Source.NONE) {
            try {
                p.last = mon.execute(p.source == JobProgress.Source.MIGRATION ? "query-migrate" : "query-dump", null,
                        QemuProcesses.COMMAND_TIMEOUT);
            } catch (QmpError e) {
                // the job's own thread reports QEMU's failure; the last progress stands
            }
        }
        return p.memory();
    }

    @Override
    public void abortJob() {
        abortJob(Set.of());
    }

    @Override
    public void abortJob(Set<org.jvirt.api.DomainAbortJobFlag> flags) {
        QemuConnect.checkFlags("qemuDomainAbortJobFlags", flags, 0);
        QemuDomainObj o = obj();
        QmpMonitor mon = monitor(o);
        JobProgress p = o.jobNow;
        if (p == null) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, "no job is active on the domain");
        }
        if (p.source == JobProgress.Source.MEMORY_DUMP) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, "cannot abort memory-only dump");
        }
        try {
            mon.execute("migrate_cancel", null, QemuProcesses.COMMAND_TIMEOUT);
        } catch (QmpError e) {
            throw monitorError(e);
        }
    }

    /** Runs a snapshot's query (for its handle). */
    <T> T snapshotQuery(Function<QemuDomainObj, T> body) {
        return query(body);
    }

    /** Runs a snapshot's change as this domain's job (for its handle). */
    void snapshotJob(java.util.function.Consumer<QemuDomainObj> body) {
        job(body);
    }

    QemuDriver driver() {
        return conn.driver();
    }

    private static VirtException monitorError(QmpError e) {
        if (e.closed()) {
            return new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU, "domain is no longer running");
        }
        return new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU,
                "unable to execute QEMU command '" + e.command() + "': " + e.desc());
    }

    /** The pid of a running domain's QEMU, for tests and tools. */
    long pid() {
        return query(o -> o.isActive() && HostProcesses.isRunning(o.pid, o.startTicks) ? o.pid : -1);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof QemuDomain d && d.uuid.equals(uuid) && d.conn == conn;
    }

    @Override
    public int hashCode() {
        return Objects.hash(uuid, System.identityHashCode(conn));
    }

    @Override
    public String toString() {
        return "QemuDomain[" + name + ", " + uuid + "]";
    }
}
