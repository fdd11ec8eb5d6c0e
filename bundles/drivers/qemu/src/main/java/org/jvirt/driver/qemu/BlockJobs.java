package org.jvirt.driver.qemu;

import static org.jvirt.driver.qemu.QmpCommands.execute;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jvirt.api.DomainBlockJobInfo;
import org.jvirt.api.DomainBlockJobType;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.event.BlockJobStatus;
import org.jvirt.api.event.DomainBlockJob2Event;
import org.jvirt.api.event.DomainBlockJobEvent;
import org.jvirt.conf.domain.BackingStore;
import org.jvirt.conf.domain.DiskDef;
import org.jvirt.conf.domain.DomainDef;
import org.jvirt.conf.domain.StorageFormat;
import org.jvirt.conf.domain.StorageSource;
import org.jvirt.driver.qemu.command.BlockNodes;
import org.jvirt.driver.qemu.qmp.QmpError;
import org.jvirt.driver.qemu.qmp.QmpMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Block jobs as libvirt runs them on QEMU's blockdev layer (qemu_blockjob.c with qemuDomainBlock* of
 * qemu_driver.c): pull (block-stream), commit and active commit (block-commit), copy (blockdev-mirror), their
 * abort and pivot, progress and speed. QEMU keeps each job until it is dismissed (auto-dismiss off), so its end is
 * never lost, not even across a restart of the platform; when QEMU says a job concluded, its outcome is read,
 * the chain in the live definition changes as the job changed QEMU's graph, the nodes no longer used are removed,
 * and BLOCK_JOB and BLOCK_JOB_2 are delivered with the status.
 */
final class BlockJobs {
    private static final Logger LOG = LoggerFactory.getLogger(BlockJobs.class);
    private static final JsonNodeFactory J = JsonNodeFactory.instance;
    private static final long MIB = 1L << 20;
    private static final Duration CREATE_TIMEOUT = Duration.ofSeconds(60);

    private final QemuDriver driver;

    BlockJobs(QemuDriver driver) {
        this.driver = driver;
    }

    // ---- starting

    /** virDomainBlockPull, and virDomainBlockRebase without COPY: block-stream into the top image. */
    void pull(QemuDomainObj o, String diskName, String base, long bandwidth, boolean bytes) {
        QmpMonitor mon = monitor(o);
        DiskDef disk;
        BlockNodes.Layer top;
        BlockNodes.Layer baseLayer = null;
        String name;
        synchronized (o) {
            disk = jobDisk(o, diskName);
            List<BlockNodes.Layer> chain = BlockNodes.chain(disk);
            top = chain.get(0);
            if (base != null) {
                baseLayer = beneath(chain, 0, base, disk.target.dev);
            }
            name = "pull-" + disk.target.dev + "-" + effectiveNode(disk, top);
        }
        ObjectNode args = J.objectNode().put("job-id", name).put("device", effectiveNode(disk, top));
        if (baseLayer != null) {
            args.put("base-node", effectiveNode(disk, baseLayer));
        }
        speed(args, bandwidth, bytes);
        args.put("auto-finalize", true).put("auto-dismiss", false);
        BlockJob job = new BlockJob(name, DomainBlockJobType.PULL, disk.target.dev, top.index(),
                baseLayer == null ? -1 : baseLayer.index(), -1, null, false, false);
        startJob(o, mon, job, "block-stream", args);
    }

    /** virDomainBlockCommit: block-commit of top (default: the active image) into base (default: the bottom). */
    void commit(QemuDomainObj o, String diskName, String base, String topName, long bandwidth, boolean shallow,
            boolean active, boolean delete, boolean bytes) {
        QmpMonitor mon = monitor(o);
        DiskDef disk;
        List<BlockNodes.Layer> chain;
        int topPos;
        int basePos;
        synchronized (o) {
            disk = jobDisk(o, diskName);
            chain = BlockNodes.chain(disk);
            topPos = topName == null ? 0 : position(chain, find(chain, 0, topName, disk.target.dev, false));
            String dst = disk.target.dev;
            if (topPos == 0 && !active) {
                throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU,
                        "commit of '" + dst + "' active layer requires active flag");
            }
            if (topPos != 0 && active) {
                throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU, "active commit requested but '"
                        + chain.get(topPos).path() + "' is not active");
            }
            if (topPos + 1 >= chain.size()) {
                throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU, "top '"
                        + chain.get(topPos).path() + "' in chain for '" + dst + "' has no backing file");
            }
            if (shallow) {
                basePos = topPos + 1;
            } else if (base == null) {
                basePos = chain.size() - 1;
            } else {
                basePos = position(chain, beneath(chain, topPos, base, dst));
            }
        }
        BlockNodes.Layer top = chain.get(topPos);
        BlockNodes.Layer baseLayer = chain.get(basePos);
        String name = "commit-" + disk.target.dev + "-" + effectiveNode(disk, top);
        ObjectNode args = J.objectNode().put("job-id", name).put("device", effectiveNode(disk, chain.get(0)))
                .put("top-node", effectiveNode(disk, top)).put("base-node", effectiveNode(disk, baseLayer));
        speed(args, bandwidth, bytes);
        args.put("auto-finalize", true).put("auto-dismiss", false);
        BlockJob job = new BlockJob(name, topPos == 0 ? DomainBlockJobType.ACTIVE_COMMIT : DomainBlockJobType.COMMIT,
                disk.target.dev, top.index(), baseLayer.index(), topPos == 0 ? -1 : chain.get(topPos - 1).index(),
                null, false, delete);
        if (topPos == 0) {
            synchronized (o) {
                // the base is where the disk is going: libvirt shows it as the mirror while the job runs
                disk.mirror = mirrorElement(baseLayer, "active-commit", false);
            }
        }
        try {
            startJob(o, mon, job, "block-commit", args);
        } catch (RuntimeException e) {
            synchronized (o) {
                disk.mirror = null;
            }
            throw e;
        }
    }

    /**
     * virDomainBlockCopy, and virDomainBlockRebase with COPY: the new image is made (unless reused), opened as
     * nodes of its own and mirrored into with blockdev-mirror; its chain is the source's below the top for a
     * shallow copy, nothing otherwise.
     */
    void copy(QemuDomainObj o, String diskName, String destType, String destPath, String destFormat,
            long bandwidth, boolean bytes, boolean shallow, boolean reuse, Long granularity, Long bufSize) {
        QmpMonitor mon = monitor(o);
        DiskDef disk;
        List<BlockNodes.Layer> chain;
        int index;
        synchronized (o) {
            disk = jobDisk(o, diskName);
            chain = BlockNodes.chain(disk);
            index = o.nextNodeIndex++;
        }
        BlockNodes.Layer top = chain.get(0);
        Path dest = Path.of(destPath);
        String format = destFormat;
        if (reuse) {
            if (!Files.exists(dest)) {
                throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.STORAGE, "Cannot access storage file '"
                        + dest + "': No such file or directory");
            }
            if (format == null) {
                format = probeFormat(dest);
            }
        } else if (format == null) {
            format = top.format();
        }
        BlockNodes.Layer layer = new BlockNodes.Layer(index, destType, destPath, format, top.readOnly());
        String below = shallow && chain.size() > 1 ? effectiveNode(disk, chain.get(1)) : null;
        if (!reuse) {
            createImage(mon, layer, virtualSize(mon, disk, top), shallow && chain.size() > 1 ? chain.get(1) : null);
        }
        String cache = disk.driver == null ? null : disk.driver.cache;
        List<ObjectNode> nodes = BlockNodes.nodes(layer, cache, false, below, true);
        List<String> added = new ArrayList<>();
        try {
            for (ObjectNode n : nodes) {
                execute(mon, "blockdev-add", n);
                added.add(n.path("node-name").asText());
            }
            String name = "copy-" + disk.target.dev + "-" + effectiveNode(disk, top);
            ObjectNode args = J.objectNode().put("job-id", name).put("device", effectiveNode(disk, top))
                    .put("target", layer.topNode(cache)).put("sync", shallow ? "top" : "full");
            speed(args, bandwidth, bytes);
            if (granularity != null) {
                args.put("granularity", granularity);
            }
            if (bufSize != null) {
                args.put("buf-size", bufSize);
            }
            args.put("auto-finalize", true).put("auto-dismiss", false);
            BlockJob job = new BlockJob(name, DomainBlockJobType.COPY, disk.target.dev, top.index(), -1, -1, layer,
                    shallow, false);
            synchronized (o) {
                disk.mirror = mirrorElement(layer, "copy", true);
                if (shallow && disk.backingStore != null) {
                    disk.mirror.backingStore = null; // libvirt shows the inherited chain once the copy pivots
                } else {
                    disk.mirror.backingStore = new BackingStore();
                }
            }
            startJob(o, mon, job, "blockdev-mirror", args);
        } catch (RuntimeException e) {
            synchronized (o) {
                disk.mirror = null;
            }
            for (int i = added.size() - 1; i >= 0; i--) {
                blockdevDel(mon, added.get(i));
            }
            throw e;
        }
    }

    private void startJob(QemuDomainObj o, QmpMonitor mon, BlockJob job, String command, ObjectNode args) {
        synchronized (o) {
            o.blockJobs.put(job.disk, job);
        }
        try {
            execute(mon, command, args);
        } catch (RuntimeException e) {
            synchronized (o) {
                o.blockJobs.remove(job.disk, job);
            }
            throw e;
        }
        writeStatus(o);
        LOG.info("domain {}: block job {} started", o.name(), job.name);
    }

    // ---- abort, pivot, info, speed

    /** virDomainBlockJobAbort: cancels, or with pivot completes, a disk's job; waits for its end unless async. */
    void abort(QemuDomainObj o, String diskName, boolean async, boolean pivot) {
        QmpMonitor mon = monitor(o);
        BlockJob job = requireJob(o, diskName);
        synchronized (o) {
            if (job.state == BlockJob.State.ABORTING || job.state == BlockJob.State.PIVOTING) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                        "block job on disk '" + job.disk + "' is already being aborted");
            }
            if (pivot) {
                if (job.type != DomainBlockJobType.COPY && job.type != DomainBlockJobType.ACTIVE_COMMIT) {
                    throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, "job type '"
                            + job.typeName() + "' does not support pivot");
                }
                if (job.state != BlockJob.State.READY) {
                    throw new VirtException(ErrorCode.BLOCK_COPY_ACTIVE, ErrorDomain.QEMU, "block job '" + job.name
                            + "' not ready for pivot yet");
                }
            }
            job.synchronous = !async;
        }
        try {
            if (pivot) {
                execute(mon, "job-complete", J.objectNode().put("id", job.name));
            } else {
                execute(mon, "block-job-cancel", J.objectNode().put("device", job.name).put("force", false));
            }
        } catch (RuntimeException e) {
            job.synchronous = false;
            throw e;
        }
        synchronized (o) {
            job.state = pivot ? BlockJob.State.PIVOTING : BlockJob.State.ABORTING;
            DiskDef disk = diskOf(o, job.disk);
            if (disk != null && disk.mirror != null) {
                disk.mirror.ready = pivot ? "pivot" : "abort";
            }
        }
        writeStatus(o);
        if (async) {
            return;
        }
        try {
            job.concluded.get(QemuProcesses.COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU,
                    "block job '" + job.name + "' did not end");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VirtException(ErrorCode.OPERATION_ABORTED, ErrorDomain.QEMU, "interrupted");
        } finally {
            job.synchronous = false;
        }
        conclude(o, job);
    }

    /** virDomainGetBlockJobInfo: the job's progress from QEMU, or nothing when the disk has none. */
    Optional<DomainBlockJobInfo> info(QemuDomainObj o, String diskName, boolean bytes) {
        QmpMonitor mon = monitor(o);
        BlockJob job;
        synchronized (o) {
            DiskDef disk = namedDisk(o, diskName);
            job = o.blockJobs.get(disk.target.dev);
        }
        if (job == null) {
            return Optional.empty();
        }
        for (JsonNode j : execute(mon, "query-block-jobs", null)) {
            if (job.name.equals(j.path("device").asText())) {
                long speed = j.path("speed").asLong();
                return Optional.of(new DomainBlockJobInfo(job.type, bytes ? speed : speed / MIB,
                        j.path("offset").asLong(), j.path("len").asLong()));
            }
        }
        return Optional.empty();
    }

    /** virDomainBlockJobSetSpeed. */
    void setSpeed(QemuDomainObj o, String diskName, long bandwidth, boolean bytes) {
        QmpMonitor mon = monitor(o);
        BlockJob job = requireJob(o, diskName);
        execute(mon, "block-job-set-speed", J.objectNode().put("device", job.name).put("speed",
                speedBytes(bandwidth, bytes)));
    }

    // ---- QEMU's side

    /** JOB_STATUS_CHANGE: a job became ready or concluded (on the monitor's event thread). */
    void statusChanged(QemuDomainObj o, String id, String status) {
        BlockJob job;
        synchronized (o) {
            job = o.blockJobs.values().stream().filter(j -> j.name.equals(id)).findFirst().orElse(null);
        }
        if (job == null) {
            return;
        }
        switch (status) {
            case "ready" -> ready(o, job);
            case "concluded" -> {
                job.concluded.complete(null);
                if (!job.synchronous) {
                    driver.worker.execute(() -> concludeInJob(o, job));
                }
            }
            default -> {
                // created, running, waiting, pending: nothing to report
            }
        }
    }

    private void ready(QemuDomainObj o, BlockJob job) {
        String path;
        synchronized (o) {
            if (job.state != BlockJob.State.RUNNING || o.blockJobs.get(job.disk) != job) {
                return; // QEMU may blip back into ready while a pivot or abort runs
            }
            job.state = BlockJob.State.READY;
            DiskDef disk = diskOf(o, job.disk);
            if (disk == null) {
                return;
            }
            if (disk.mirror != null) {
                disk.mirror.ready = "yes";
            }
            path = topPath(disk);
        }
        writeStatus(o);
        emit(o, job.disk, path, job.type, BlockJobStatus.READY);
    }

    private void concludeInJob(QemuDomainObj o, BlockJob job) {
        o.beginJob();
        try {
            conclude(o, job);
        } catch (RuntimeException e) {
            LOG.warn("domain {}: ending block job {} failed: {}", o.name(), job.name, e.toString());
        } finally {
            o.endJob();
        }
    }

    /**
     * The end of a job (qemuBlockJobEventProcessConcluded), inside the domain's job: its outcome from query-jobs,
     * dismissed; the chain changed as QEMU changed it; the nodes nobody uses removed; the events.
     */
    void conclude(QemuDomainObj o, BlockJob job) {
        if (!job.processed.compareAndSet(false, true)) {
            return;
        }
        QmpMonitor mon;
        synchronized (o) {
            mon = o.monitor;
        }
        String error = null;
        if (mon != null) {
            try {
                for (JsonNode j : mon.execute("query-jobs", null, QemuProcesses.COMMAND_TIMEOUT)) {
                    if (job.name.equals(j.path("id").asText()) && j.hasNonNull("error")) {
                        error = j.get("error").asText();
                    }
                }
                mon.execute("job-dismiss", J.objectNode().put("id", job.name), QemuProcesses.COMMAND_TIMEOUT);
            } catch (QmpError e) {
                LOG.warn("domain {}: block job {}: {}", o.name(), job.name, e.getMessage());
            }
        }
        BlockJobStatus status;
        synchronized (o) {
            if (job.state == BlockJob.State.ABORTING) {
                status = BlockJobStatus.CANCELED;
            } else {
                status = error == null ? BlockJobStatus.COMPLETED : BlockJobStatus.FAILED;
            }
        }
        if (error != null) {
            LOG.warn("domain {}: block job {} failed: {}", o.name(), job.name, error);
        }
        List<BlockNodes.Layer> unused = new ArrayList<>();
        String path;
        DomainBlockJobType type = job.type;
        synchronized (o) {
            DiskDef disk = diskOf(o, job.disk);
            if (disk != null) {
                boolean done = status == BlockJobStatus.COMPLETED;
                switch (job.type) {
                    case PULL -> {
                        if (done) {
                            unused.addAll(pulled(disk, job));
                        }
                    }
                    case COMMIT -> {
                        if (done) {
                            unused.addAll(committed(disk, job));
                        }
                    }
                    case ACTIVE_COMMIT -> {
                        if (done) {
                            unused.addAll(activeCommitted(o, disk, job));
                        }
                        disk.mirror = null;
                    }
                    case COPY -> {
                        if (done && job.state == BlockJob.State.PIVOTING) {
                            unused.addAll(pivoted(o, disk, job));
                        } else {
                            unused.add(job.mirror);
                        }
                        disk.mirror = null;
                    }
                    default -> {
                    }
                }
                path = topPath(disk);
            } else {
                path = null;
            }
            o.blockJobs.remove(job.disk, job);
        }
        String cache;
        synchronized (o) {
            DiskDef disk = diskOf(o, job.disk);
            cache = disk == null || disk.driver == null ? null : disk.driver.cache;
        }
        if (mon != null) {
            for (BlockNodes.Layer l : unused) {
                if (l.hasFormatNode(cache)) {
                    blockdevDel(mon, l.formatNode());
                }
                blockdevDel(mon, l.storageNode());
            }
        }
        if (job.deleteCommitted && status == BlockJobStatus.COMPLETED) {
            for (BlockNodes.Layer l : unused) {
                if ("file".equals(l.type())) {
                    try {
                        Files.deleteIfExists(Path.of(l.path()));
                    } catch (IOException e) {
                        LOG.warn("Unable to remove snapshot image file '{}' ({})", l.path(), e.getMessage());
                    }
                }
            }
        }
        writeStatus(o);
        saveConfig(o);
        LOG.info("domain {}: block job {} ended: {}", o.name(), job.name, status);
        if (path != null) {
            emit(o, job.disk, path, type, status);
        }
    }

    /** Pull done: the top's backing image is now base (or nothing); the images between go. */
    private static List<BlockNodes.Layer> pulled(DiskDef disk, BlockJob job) {
        List<BlockNodes.Layer> chain = BlockNodes.chain(disk);
        List<BlockNodes.Layer> gone = new ArrayList<>();
        for (int i = 1; i < chain.size() && chain.get(i).index() != job.base; i++) {
            gone.add(chain.get(i));
        }
        disk.backingStore = job.base < 0 ? new BackingStore() : element(disk, job.base);
        return gone;
    }

    /** Commit done: the image above top now sits on base; top and the images down to base go. */
    private static List<BlockNodes.Layer> committed(DiskDef disk, BlockJob job) {
        List<BlockNodes.Layer> chain = BlockNodes.chain(disk);
        List<BlockNodes.Layer> gone = between(chain, job.top, job.base);
        BackingStore base = element(disk, job.base);
        if (job.topParent == Integer.parseInt(disk.source.index)) {
            disk.backingStore = base;
        } else {
            element(disk, job.topParent).backingStore = base;
        }
        return gone;
    }

    /** Active commit pivoted: base is the disk's image now; the images above it go. */
    private List<BlockNodes.Layer> activeCommitted(QemuDomainObj o, DiskDef disk, BlockJob job) {
        List<BlockNodes.Layer> chain = BlockNodes.chain(disk);
        List<BlockNodes.Layer> gone = between(chain, job.top, job.base);
        BackingStore base = element(disk, job.base);
        String oldTop = topPath(disk);
        disk.type = base.type;
        disk.source = base.source;
        disk.source.index = base.index;
        disk.driver.type = base.format == null ? "raw" : base.format.type;
        disk.backingStore = base.backingStore;
        rewriteConfigSource(o, disk.target.dev, oldTop, disk);
        return gone;
    }

    /** Copy pivoted: the new image is the disk's; the old top goes (and, for a full copy, its chain). */
    private List<BlockNodes.Layer> pivoted(QemuDomainObj o, DiskDef disk, BlockJob job) {
        List<BlockNodes.Layer> chain = BlockNodes.chain(disk);
        List<BlockNodes.Layer> gone = new ArrayList<>(job.shallow ? chain.subList(0, 1) : chain);
        String oldTop = topPath(disk);
        BlockNodes.Layer m = job.mirror;
        disk.type = m.type();
        disk.source = new StorageSource();
        if ("file".equals(m.type())) {
            disk.source.file = m.path();
        } else {
            disk.source.dev = m.path();
        }
        disk.source.index = Integer.toString(m.index());
        disk.driver.type = m.format();
        if (!job.shallow || disk.backingStore == null) {
            disk.backingStore = new BackingStore();
        }
        rewriteConfigSource(o, disk.target.dev, oldTop, disk);
        return gone;
    }

    /** The persistent disk follows a pivot when it named the image the disk left (qemuBlockJobRewriteConfig…). */
    private static void rewriteConfigSource(QemuDomainObj o, String target, String oldTop, DiskDef live) {
        DomainDef persistent = o.newDef;
        if (persistent == null) {
            return;
        }
        for (DiskDef d : persistent.devices().disks) {
            if (d.target != null && target.equals(d.target.dev) && BlockNodes.hasSource(d)
                    && oldTop.equals(d.source.file != null ? d.source.file : d.source.dev)) {
                d.type = live.type;
                d.source = new StorageSource();
                d.source.file = live.source.file;
                d.source.dev = live.source.dev;
                if (d.driver != null) {
                    d.driver.type = live.driver.type;
                }
                d.backingStore = null;
            }
        }
    }

    private static List<BlockNodes.Layer> between(List<BlockNodes.Layer> chain, int from, int until) {
        List<BlockNodes.Layer> out = new ArrayList<>();
        boolean in = false;
        for (BlockNodes.Layer l : chain) {
            if (l.index() == from) {
                in = true;
            }
            if (l.index() == until) {
                break;
            }
            if (in) {
                out.add(l);
            }
        }
        return out;
    }

    // ---- after a restart

    /**
     * The jobs a status file listed, checked against QEMU's (qemuBlockJobRefreshJobs): a job QEMU still runs is
     * followed again, one that concluded meanwhile is ended now, one QEMU forgot is dropped.
     */
    void refresh(QemuDomainObj o) {
        QmpMonitor mon;
        List<BlockJob> jobs;
        synchronized (o) {
            mon = o.monitor;
            jobs = new ArrayList<>(o.blockJobs.values());
        }
        if (mon == null || jobs.isEmpty()) {
            return;
        }
        JsonNode qemuJobs = mon.execute("query-jobs", null, QemuProcesses.COMMAND_TIMEOUT);
        for (BlockJob job : jobs) {
            String status = null;
            for (JsonNode j : qemuJobs) {
                if (job.name.equals(j.path("id").asText())) {
                    status = j.path("status").asText();
                }
            }
            if (status == null) {
                LOG.warn("domain {}: dropping block job '{}' untracked by QEMU", o.name(), job.name);
                synchronized (o) {
                    o.blockJobs.remove(job.disk, job);
                    DiskDef disk = diskOf(o, job.disk);
                    if (disk != null) {
                        disk.mirror = null;
                    }
                }
            } else {
                statusChanged(o, job.name, status);
            }
        }
    }

    // ---- helpers

    private void emit(QemuDomainObj o, String target, String path, DomainBlockJobType type, BlockJobStatus status) {
        driver.emit(o, d -> new DomainBlockJobEvent(d, path, type, status));
        driver.emit(o, d -> new DomainBlockJob2Event(d, target, type, status));
    }

    private static QmpMonitor monitor(QemuDomainObj o) {
        synchronized (o) {
            if (!o.isActive()) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, "domain is not running");
            }
            if (o.monitor == null) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, "monitor must not be NULL");
            }
            return o.monitor;
        }
    }

    /** The disk a block API names (qemuDomainDiskByName): its target or its top image's path. */
    private static DiskDef namedDisk(QemuDomainObj o, String name) {
        DiskDef d = org.jvirt.driver.qemu.block.DiskLookup.byName(o.def, name);
        if (d == null) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU, "disk '" + name
                    + "' not found in domain");
        }
        return d;
    }

    /** A disk a new job may run on: it has images, and no job yet. */
    private static DiskDef jobDisk(QemuDomainObj o, String name) {
        DiskDef d = namedDisk(o, name);
        if (d.mirror != null) {
            throw new VirtException(ErrorCode.BLOCK_COPY_ACTIVE, ErrorDomain.QEMU, "disk '" + d.target.dev
                    + "' already in active block job");
        }
        if (o.blockJobs.containsKey(d.target.dev)) {
            throw new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.QEMU, "disk '" + d.target.dev
                    + "' already in active block job");
        }
        if (!BlockNodes.hasSource(d) || d.source.index == null) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, "disk '" + d.target.dev
                    + "' does not have a source");
        }
        return d;
    }

    private static BlockJob requireJob(QemuDomainObj o, String name) {
        synchronized (o) {
            DiskDef d = namedDisk(o, name);
            BlockJob job = o.blockJobs.get(d.target.dev);
            if (job == null) {
                throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU, "disk " + d.target.dev
                        + " does not have an active block job");
            }
            return job;
        }
    }

    static DiskDef diskOf(QemuDomainObj o, String target) {
        for (DiskDef d : o.def.devices().disks) {
            if (d.target != null && target.equals(d.target.dev)) {
                return d;
            }
        }
        return null;
    }

    private static String topPath(DiskDef d) {
        return d.source.file != null ? d.source.file : d.source.dev;
    }

    static String effectiveNode(DiskDef d, BlockNodes.Layer l) {
        return l.topNode(d.driver == null ? null : d.driver.cache);
    }

    /** The {@code <backingStore>} holding the image with this index. */
    private static BackingStore element(DiskDef d, int index) {
        for (BackingStore b = d.backingStore; b != null; b = b.backingStore) {
            if (b.index != null && Integer.parseInt(b.index) == index) {
                return b;
            }
        }
        throw new IllegalStateException("no image with index " + index + " in the chain of " + d.target.dev);
    }

    private static int position(List<BlockNodes.Layer> chain, BlockNodes.Layer l) {
        return chain.indexOf(l);
    }

    /** An image named by "vda[N]" or by its path, at or below {@code from} (virStorageSourceChainLookup). */
    private static BlockNodes.Layer find(List<BlockNodes.Layer> chain, int from, String name, String target,
            boolean strictlyBelow) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([^\\[]+)\\[(\\d+)\\]").matcher(name);
        if (m.matches()) {
            if (!m.group(1).equals(target)) {
                throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.STORAGE, "requested target '"
                        + m.group(1) + "' does not match target '" + target + "'");
            }
            int idx = Integer.parseInt(m.group(2));
            for (int i = from + (strictlyBelow ? 1 : 0); i < chain.size(); i++) {
                if (chain.get(i).index() == idx) {
                    return chain.get(i);
                }
            }
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.STORAGE, "could not find backing store "
                    + "index '" + idx + "' in chain for '" + target + "'");
        }
        for (int i = from + (strictlyBelow ? 1 : 0); i < chain.size(); i++) {
            if (chain.get(i).path().equals(name)) {
                return chain.get(i);
            }
        }
        throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.STORAGE, strictlyBelow
                ? "could not find image '" + name + "' beneath '" + chain.get(from).path() + "' in chain for '"
                        + target + "'"
                : "could not find image '" + name + "' in chain for '" + target + "'");
    }

    private static BlockNodes.Layer beneath(List<BlockNodes.Layer> chain, int from, String name, String target) {
        return find(chain, from, name, target, true);
    }

    private static DiskDef.Mirror mirrorElement(BlockNodes.Layer l, String job, boolean legacyAttributes) {
        DiskDef.Mirror m = new DiskDef.Mirror();
        m.type = l.type();
        if (legacyAttributes && "file".equals(l.type())) {
            m.file = l.path();
            m.format = l.format();
        }
        m.job = job;
        m.formatElement = new StorageFormat();
        m.formatElement.type = l.format();
        m.source = new StorageSource();
        if ("file".equals(l.type())) {
            m.source.file = l.path();
        } else {
            m.source.dev = l.path();
        }
        m.source.index = Integer.toString(l.index());
        return m;
    }

    private static void speed(ObjectNode args, long bandwidth, boolean bytes) {
        long s = speedBytes(bandwidth, bytes);
        if (s > 0) {
            args.put("speed", s);
        }
    }

    /** libvirt's bandwidth: MiB/s unless given in bytes; it must fit QEMU's signed 64 bits. */
    static long speedBytes(long bandwidth, boolean bytes) {
        if (bandwidth < 0) {
            throw VirtException.invalidArg("bandwidth must be less than " + Long.MAX_VALUE);
        }
        if (bytes) {
            return bandwidth;
        }
        if (bandwidth > Long.MAX_VALUE >> 20) {
            throw VirtException.invalidArg("bandwidth must be less than " + (Long.MAX_VALUE >> 20));
        }
        return bandwidth << 20;
    }

    static void blockdevDel(QmpMonitor mon, String node) {
        try {
            mon.execute("blockdev-del", J.objectNode().put("node-name", node), QemuProcesses.COMMAND_TIMEOUT);
        } catch (QmpError e) {
            LOG.warn("cannot remove block node {}: {}", node, e.getMessage());
        }
    }

    /** The guest-visible size of the disk's top image. */
    static long virtualSize(QmpMonitor mon, DiskDef disk, BlockNodes.Layer top) {
        String node = effectiveNode(disk, top);
        for (JsonNode n : execute(mon, "query-named-block-nodes", J.objectNode().put("flat", true))) {
            if (node.equals(n.path("node-name").asText())) {
                return n.path("image").path("virtual-size").asLong();
            }
        }
        throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU, "cannot find block node '" + node + "'");
    }

    /**
     * Makes a new image through QEMU (blockdev-create, as libvirt does): the file, then the format on it, with
     * the backing image's name for a shallow copy.
     */
    static void createImage(QmpMonitor mon, BlockNodes.Layer l, long size, BlockNodes.Layer backing) {
        if (!"file".equals(l.type())) {
            return; // a block device exists already; its format is written below
        }
        boolean raw = "raw".equals(l.format());
        runCreate(mon, "create-" + l.storageNode(), J.objectNode().put("driver", "file").put("filename", l.path())
                .put("size", raw ? size : 0));
        if (raw) {
            return;
        }
        String tmp = "jvirt-create-" + l.index();
        execute(mon, "blockdev-add", J.objectNode().put("driver", "file").put("filename", l.path())
                .put("node-name", tmp));
        try {
            ObjectNode fmt = J.objectNode().put("driver", l.format()).put("file", tmp).put("size", size);
            if (backing != null) {
                fmt.put("backing-file", backing.path()).put("backing-fmt", backing.format());
            }
            runCreate(mon, "create-" + l.formatNode(), fmt);
        } finally {
            blockdevDel(mon, tmp);
        }
    }

    /** Runs a blockdev-create job to its end (they take milliseconds) and dismisses it. */
    private static void runCreate(QmpMonitor mon, String id, ObjectNode options) {
        execute(mon, "blockdev-create", J.objectNode().put("job-id", id).<ObjectNode>set("options", options));
        long deadline = System.nanoTime() + CREATE_TIMEOUT.toNanos();
        while (true) {
            String error = null;
            boolean done = false;
            for (JsonNode j : execute(mon, "query-jobs", null)) {
                if (id.equals(j.path("id").asText()) && "concluded".equals(j.path("status").asText())) {
                    done = true;
                    error = j.hasNonNull("error") ? j.get("error").asText() : null;
                }
            }
            if (done) {
                execute(mon, "job-dismiss", J.objectNode().put("id", id));
                if (error != null) {
                    throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU, error);
                }
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new VirtException(ErrorCode.OPERATION_TIMEOUT, ErrorDomain.QEMU, "job '" + id
                        + "' did not finish");
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new VirtException(ErrorCode.OPERATION_ABORTED, ErrorDomain.QEMU, "interrupted");
            }
        }
    }

    static String probeFormat(Path p) {
        try {
            return org.jvirt.driver.qemu.block.ImageHeader.read(p, "qcow2").virtualSize() >= 0 ? "qcow2" : "raw";
        } catch (IOException e) {
            return "raw";
        }
    }

    private void writeStatus(QemuDomainObj o) {
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

    private void saveConfig(QemuDomainObj o) {
        DomainDef persistent;
        synchronized (o) {
            persistent = o.persistent ? o.newDef : null;
        }
        if (persistent != null) {
            driver.saveConfig(persistent);
        }
    }
}
