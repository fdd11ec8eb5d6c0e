package org.jvirt.driver.qemu;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.jvirt.api.DomainSnapshotCreateFlag;
import org.jvirt.api.DomainSnapshotDeleteFlag;
import org.jvirt.api.DomainSnapshotRevertFlag;
import org.jvirt.api.DomainState;
import org.jvirt.api.DomainXMLFlag;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.PausedReason;
import org.jvirt.api.RunningReason;
import org.jvirt.api.ShutoffReason;
import org.jvirt.api.VirtException;
import org.jvirt.api.event.LifecycleEventType;
import org.jvirt.api.event.ResumedDetail;
import org.jvirt.api.event.StartedDetail;
import org.jvirt.api.event.StoppedDetail;
import org.jvirt.api.event.SuspendedDetail;
import org.jvirt.conf.DomainXml;
import org.jvirt.conf.XmlDocuments;
import org.jvirt.conf.domain.BackingStore;
import org.jvirt.conf.domain.DiskDef;
import org.jvirt.conf.domain.DomainDef;
import org.jvirt.conf.domain.StorageFormat;
import org.jvirt.conf.domain.StorageSource;
import org.jvirt.conf.snapshot.DomainSnapshotDef;
import org.jvirt.driver.qemu.command.BlockNodes;
import org.jvirt.driver.qemu.qmp.QmpError;
import org.jvirt.driver.qemu.qmp.QmpMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Snapshots as libvirt's QEMU driver takes them (qemu_snapshot.c): internal ones in the qcow2 images (QEMU's
 * savevm/loadvm/delvm while the guest runs, qemu-img snapshot while it is off) and external disk-only ones (a new
 * qcow2 overlay per disk: blockdev-create and blockdev-snapshot while it runs, qemu-img create while it is off).
 * The metadata of each snapshot is kept as its XML under {@code data/lib/qemu/snapshot/DOMAIN/}. Every call runs
 * inside the domain's job.
 */
final class DomainSnapshots {
    private static final Logger LOG = LoggerFactory.getLogger(DomainSnapshots.class);
    private static final JsonNodeFactory J = JsonNodeFactory.instance;
    private static final long QEMU_IMG_TIMEOUT_SECONDS = 120;

    private final QemuDriver driver;

    DomainSnapshots(QemuDriver driver) {
        this.driver = driver;
    }

    // ---- create

    /** qemuSnapshotCreateXML: returns the new snapshot's name. */
    String create(QemuDomainObj o, String xml, Set<DomainSnapshotCreateFlag> flags) {
        boolean redefine = flags.contains(DomainSnapshotCreateFlag.REDEFINE);
        boolean noMetadata = flags.contains(DomainSnapshotCreateFlag.NO_METADATA);
        if (flags.contains(DomainSnapshotCreateFlag.QUIESCE) && !flags.contains(DomainSnapshotCreateFlag.DISK_ONLY)) {
            throw VirtException.invalidArg("Flag 'VIR_DOMAIN_SNAPSHOT_CREATE_QUIESCE' requires flag "
                    + "'VIR_DOMAIN_SNAPSHOT_CREATE_DISK_ONLY'");
        }
        if (flags.contains(DomainSnapshotCreateFlag.LIVE) && redefine) {
            throw VirtException.invalidArg("Flags 'VIR_DOMAIN_SNAPSHOT_CREATE_LIVE' and "
                    + "'VIR_DOMAIN_SNAPSHOT_CREATE_REDEFINE' are mutually exclusive");
        }
        boolean updateCurrent = !(redefine && !flags.contains(DomainSnapshotCreateFlag.CURRENT)) && !noMetadata;
        boolean active;
        boolean persistent;
        synchronized (o) {
            active = o.isActive();
            persistent = o.persistent;
        }
        if (!persistent && flags.contains(DomainSnapshotCreateFlag.HALT)) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                    "cannot halt after transient domain snapshot");
        }
        DomainSnapshotDef def;
        try {
            def = XmlDocuments.parse(xml, DomainSnapshotDef.class);
        } catch (VirtException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN_SNAPSHOT, e.getMessage());
        }
        long now = System.currentTimeMillis() / 1000;
        if (def.name == null) {
            if (redefine) {
                throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN_SNAPSHOT,
                        "a redefined snapshot must have a name");
            }
            def.name = Long.toString(now);
        }
        if (!noMetadata) {
            if (def.name.contains("/")) {
                throw new VirtException(ErrorCode.XML_DETAIL, ErrorDomain.QEMU, "invalid snapshot name '" + def.name
                        + "': name can't contain '/'");
            }
            if (def.name.startsWith(".")) {
                throw new VirtException(ErrorCode.XML_DETAIL, ErrorDomain.QEMU, "invalid snapshot name '" + def.name
                        + "': name can't start with '.'");
            }
        }
        boolean externalMemory = def.memory != null && "external".equals(def.memory.snapshot);
        if (flags.contains(DomainSnapshotCreateFlag.LIVE) && (!active || !externalMemory)) {
            throw new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.QEMU,
                    "live snapshot creation is supported only during full system snapshots");
        }
        if (flags.contains(DomainSnapshotCreateFlag.QUIESCE)) {
            throw new VirtException(ErrorCode.ARGUMENT_UNSUPPORTED, ErrorDomain.QEMU,
                    "QEMU guest agent is not configured");
        }
        SnapshotTree tree = o.snapshots;
        SnapshotTree.Entry existing;
        synchronized (o) {
            existing = tree.get(def.name);
        }
        if (redefine) {
            return redefine(o, def, existing, updateCurrent);
        }
        if (existing != null) {
            throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.DOMAIN_SNAPSHOT, "domain snapshot '"
                    + def.name + "' already exists");
        }
        DomainState state;
        synchronized (o) {
            state = o.state;
            def.domain = QemuDomain.definitionOf(o.def, driver.parse);
            def.inactiveDomain = o.newDef == null ? null : DomainXml.copy(o.newDef, driver.parse);
        }
        if (state == DomainState.PMSUSPENDED) {
            throw new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.QEMU,
                    "qemu doesn't support taking snapshots of PMSUSPENDED guests");
        }
        def.creationTime = Long.toString(now);
        boolean diskOnly = flags.contains(DomainSnapshotCreateFlag.DISK_ONLY);
        if (!active && !diskOnly && def.disks != null
                && def.disks.disks.stream().anyMatch(d -> "external".equals(d.snapshot))) {
            diskOnly = true; // qemuSnapshotPrepare: an external disk of a stopped domain makes it disk-only
        }
        if (diskOnly) {
            def.state = active ? "disk-snapshot" : "shutoff";
            def.memory = memory("no");
            align(def, "external", false);
        } else if (externalMemory) {
            throw VirtException.noSupport("external memory snapshots are not supported by jvirt's QEMU driver");
        } else {
            def.state = stateName(state);
            if (active && def.memory != null && "no".equals(def.memory.snapshot)) {
                throw new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.QEMU,
                        "internal snapshot of a running VM must include the memory state");
            }
            def.memory = memory(active ? "internal" : "no");
            align(def, "internal", true);
            checkInternal(def);
        }
        SnapshotTree.Entry entry;
        synchronized (o) {
            SnapshotTree.Entry current = tree.current();
            entry = new SnapshotTree.Entry(def.name, def, current == null ? null : current.name);
        }
        if (diskOnly) {
            prepareExternal(def, flags.contains(DomainSnapshotCreateFlag.REUSE_EXT));
            if (active) {
                createActiveExternal(o, def, flags.contains(DomainSnapshotCreateFlag.REUSE_EXT));
            } else {
                createInactiveExternal(o, def, flags.contains(DomainSnapshotCreateFlag.REUSE_EXT));
            }
        } else if (active) {
            createActiveInternal(o, def);
        } else {
            forEachQcow2(def.domain, def, "-c", false);
        }
        if (!noMetadata) {
            synchronized (o) {
                tree.add(entry);
                if (updateCurrent) {
                    tree.setCurrent(entry.name);
                }
            }
            writeAll(o);
        }
        if (flags.contains(DomainSnapshotCreateFlag.HALT) && o.isActive()) {
            driver.processes.destroy(o, false, ShutoffReason.FROM_SNAPSHOT, StoppedDetail.FROM_SNAPSHOT);
        }
        LOG.info("domain {}: snapshot {} created", o.name(), def.name);
        return def.name;
    }

    private String redefine(QemuDomainObj o, DomainSnapshotDef def, SnapshotTree.Entry existing,
            boolean updateCurrent) {
        String parent = def.parent == null ? null : def.parent.name;
        synchronized (o) {
            if (parent != null && o.snapshots.get(parent) == null) {
                throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.DOMAIN_SNAPSHOT, "parent " + parent
                        + " for moment " + def.name + " not found");
            }
            def.parent = null;
            if (existing != null) {
                o.snapshots.remove(def.name);
            }
            o.snapshots.add(new SnapshotTree.Entry(def.name, def, parent));
            if (updateCurrent) {
                o.snapshots.setCurrent(def.name);
            }
        }
        writeAll(o);
        return def.name;
    }

    private static DomainSnapshotDef.Memory memory(String mode) {
        DomainSnapshotDef.Memory m = new DomainSnapshotDef.Memory();
        m.snapshot = mode;
        return m;
    }

    private static String stateName(DomainState s) {
        return s.libvirtName().substring("VIR_DOMAIN_".length()).toLowerCase();
    }

    /**
     * virDomainSnapshotAlignDisks: one entry per disk of the domain, in its order; a disk the XML does not name
     * takes {@code location} (or "no" when it has no image or is read-only); with {@code match}, a disk named with
     * another location is refused.
     */
    private static void align(DomainSnapshotDef def, String location, boolean match) {
        List<DomainSnapshotDef.Disks.Disk> given = def.disks == null ? List.of() : def.disks.disks;
        List<DiskDef> disks = def.domain.devices().disks;
        for (DomainSnapshotDef.Disks.Disk g : given) {
            if (disks.stream().noneMatch(d -> named(d, g.name))) {
                throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.DOMAIN_SNAPSHOT,
                        "no disk named '" + g.name + "'");
            }
        }
        DomainSnapshotDef.Disks out = new DomainSnapshotDef.Disks();
        for (DiskDef d : disks) {
            DomainSnapshotDef.Disks.Disk entry = given.stream().filter(g -> named(d, g.name)).findFirst()
                    .orElse(null);
            boolean plain = !BlockNodes.hasSource(d) || d.readonly != null || "cdrom".equals(d.device);
            if (entry == null) {
                entry = new DomainSnapshotDef.Disks.Disk();
                entry.snapshot = plain ? "no" : location;
            } else if (entry.snapshot == null) {
                entry.snapshot = plain ? "no" : location;
            } else if (match && !"no".equals(entry.snapshot) && !location.equals(entry.snapshot)) {
                throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.DOMAIN_SNAPSHOT, "disk '"
                        + d.target.dev + "' must use snapshot mode '" + location + "'");
            }
            entry.name = d.target.dev;
            if ("external".equals(entry.snapshot) && (entry.source == null || entry.source.file == null
                    && entry.source.dev == null)) {
                entry.type = "file";
                entry.source = new org.jvirt.conf.domain.StorageSource();
                entry.source.file = externalName(imagePath(d), def.name);
            }
            if ("external".equals(entry.snapshot)) {
                if (entry.type == null) {
                    entry.type = entry.source.dev != null ? "block" : "file";
                }
                if (entry.driver == null) {
                    entry.driver = new DomainSnapshotDef.Disks.Disk.Driver();
                }
                if (entry.driver.type == null) {
                    entry.driver.type = "qcow2";
                }
            }
            out.disks.add(entry);
        }
        def.disks = out;
    }

    private static boolean named(DiskDef d, String name) {
        return name != null && (name.equals(d.target.dev) || BlockNodes.hasSource(d) && name.equals(imagePath(d)));
    }

    private static String imagePath(DiskDef d) {
        return d.source.file != null ? d.source.file : d.source.dev;
    }

    /** virDomainSnapshotDefAssignExternalNames: the image's name with its extension replaced by the snapshot's. */
    static String externalName(String image, String snapshot) {
        int dot = image.lastIndexOf('.');
        String base = dot > image.lastIndexOf('/') ? image.substring(0, dot) : image;
        return base + "." + snapshot;
    }

    /** Internal snapshots live in qcow2 images: every disk that takes one must be qcow2. */
    private static void checkInternal(DomainSnapshotDef def) {
        for (int i = 0; i < def.disks.disks.size(); i++) {
            DomainSnapshotDef.Disks.Disk s = def.disks.disks.get(i);
            DiskDef d = def.domain.devices().disks.get(i);
            String format = d.driver == null || d.driver.type == null ? "raw" : d.driver.type;
            if ("internal".equals(s.snapshot) && !"qcow2".equals(format)) {
                throw new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.QEMU, "internal snapshot for "
                        + "disk " + d.target.dev + " unsupported for storage type " + format);
            }
        }
    }

    /** An overlay that would overwrite a file needs REUSE_EXT; a reused one must exist. */
    private static void prepareExternal(DomainSnapshotDef def, boolean reuse) {
        boolean any = false;
        for (DomainSnapshotDef.Disks.Disk s : def.disks.disks) {
            if (!"external".equals(s.snapshot)) {
                continue;
            }
            any = true;
            if (s.source.file == null) {
                throw VirtException.noSupport("external snapshots to '" + s.type
                        + "' disks are not supported by jvirt's QEMU driver");
            }
            Path p = Path.of(s.source.file);
            if (!reuse && Files.exists(p) && !Files.isDirectory(p)) {
                throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU, "external snapshot file for "
                        + "disk " + s.name + " already exists and is not a block device: " + p);
            }
            if (reuse && !Files.exists(p)) {
                throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU, "missing existing file for disk "
                        + s.name + ": " + p);
            }
        }
        if (!any) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                    "disk-only snapshots require at least one disk to be selected for snapshot");
        }
    }

    /** qemuSnapshotCreateActiveInternal: the CPUs stopped, QEMU's savevm, then the guest runs on (or halts). */
    private void createActiveInternal(QemuDomainObj o, DomainSnapshotDef def) {
        QmpMonitor mon = monitor(o);
        boolean resume = o.state == DomainState.RUNNING;
        if (resume) {
            stopCpus(o, mon, PausedReason.SAVE, SuspendedDetail.PAUSED);
        }
        try {
            DomainSaves.enableMigrationEvents(mon);
            String reply = hmp(mon, "savevm \"" + def.name + "\"");
            if (reply.contains("No block device can accept snapshots")) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                        "this domain does not have a device to take snapshots");
            }
            if (!reply.isBlank()) {
                throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU, "Failed to take snapshot: "
                        + reply.strip());
            }
        } finally {
            if (resume && o.isActive()) {
                startCpus(o, mon, RunningReason.UNPAUSED, ResumedDetail.UNPAUSED);
            }
        }
    }

    /** qemuSnapshotCreateActiveExternal for disks: each overlay made and put on top in one transaction. */
    private void createActiveExternal(QemuDomainObj o, DomainSnapshotDef def, boolean reuse) {
        QmpMonitor mon = monitor(o);
        List<String> added = new ArrayList<>();
        List<Path> created = new ArrayList<>();
        ArrayNodeBuilder actions = new ArrayNodeBuilder();
        List<Runnable> apply = new ArrayList<>();
        try {
            for (int i = 0; i < def.disks.disks.size(); i++) {
                DomainSnapshotDef.Disks.Disk s = def.disks.disks.get(i);
                if (!"external".equals(s.snapshot)) {
                    continue;
                }
                DiskDef disk;
                int index;
                List<BlockNodes.Layer> chain;
                synchronized (o) {
                    disk = liveDisk(o, s.name);
                    chain = BlockNodes.chain(disk);
                    index = o.nextNodeIndex++;
                }
                BlockNodes.Layer top = chain.get(0);
                BlockNodes.Layer layer = new BlockNodes.Layer(index, s.type, s.source.file, s.driver.type, false);
                if (!reuse) {
                    created.add(Path.of(s.source.file));
                    BlockJobs.createImage(mon, layer, BlockJobs.virtualSize(mon, disk, top), top);
                }
                String cache = disk.driver == null ? null : disk.driver.cache;
                for (ObjectNode n : BlockNodes.nodes(layer, cache, false, null, true)) {
                    QmpCommands.execute(mon, "blockdev-add", n);
                    added.add(n.path("node-name").asText());
                }
                actions.add("blockdev-snapshot", J.objectNode().put("node", BlockJobs.effectiveNode(disk, top))
                        .put("overlay", layer.topNode(cache)));
                apply.add(() -> overlay(o, disk, layer));
            }
            QmpCommands.execute(mon, "transaction", J.objectNode().set("actions", actions.array));
        } catch (RuntimeException e) {
            for (int i = added.size() - 1; i >= 0; i--) {
                BlockJobs.blockdevDel(mon, added.get(i));
            }
            for (Path p : created) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException x) {
                    LOG.warn("cannot remove {}: {}", p, x.toString());
                }
            }
            throw e;
        }
        synchronized (o) {
            apply.forEach(Runnable::run);
        }
        writeStatus(o);
        saveConfig(o);
    }

    /** A tiny holder for a transaction's action list. */
    private static final class ArrayNodeBuilder {
        final com.fasterxml.jackson.databind.node.ArrayNode array = J.arrayNode();

        void add(String type, ObjectNode data) {
            array.addObject().put("type", type).set("data", data);
        }
    }

    private static DiskDef liveDisk(QemuDomainObj o, String target) {
        for (DiskDef d : o.def.devices().disks) {
            if (d.target != null && target.equals(d.target.dev)) {
                return d;
            }
        }
        throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU, "disk '" + target + "' not found");
    }

    /**
     * The live disk gets the overlay as its source with the old image beneath (qemuSnapshotDiskUpdateSource); the
     * persistent disk that named the old image names the overlay.
     */
    private static void overlay(QemuDomainObj o, DiskDef disk, BlockNodes.Layer layer) {
        String oldTop = imagePath(disk);
        BackingStore below = new BackingStore();
        below.type = disk.type == null ? "file" : disk.type;
        below.index = disk.source.index;
        below.format = new StorageFormat();
        below.format.type = disk.driver == null || disk.driver.type == null ? "raw" : disk.driver.type;
        below.source = disk.source;
        below.source.index = null; // a backing element carries its index itself
        below.backingStore = disk.backingStore;
        disk.type = layer.type();
        disk.source = new StorageSource();
        if ("block".equals(layer.type())) {
            disk.source.dev = layer.path();
        } else {
            disk.source.file = layer.path();
        }
        disk.source.index = Integer.toString(layer.index());
        disk.driver.type = layer.format();
        disk.backingStore = below;
        DomainDef persistent = o.newDef;
        if (persistent != null) {
            for (DiskDef d : persistent.devices().disks) {
                if (d.target != null && d.target.dev.equals(disk.target.dev) && BlockNodes.hasSource(d)
                        && oldTop.equals(imagePath(d))) {
                    d.type = disk.type;
                    d.source = new StorageSource();
                    d.source.file = disk.source.file;
                    d.source.dev = disk.source.dev;
                    if (d.driver != null) {
                        d.driver.type = layer.format();
                    }
                    d.backingStore = null;
                }
            }
        }
    }

    /** qemuSnapshotCreateInactiveExternal: qemu-img makes each overlay; the definition names them. */
    private void createInactiveExternal(QemuDomainObj o, DomainSnapshotDef def, boolean reuse) {
        List<Path> created = new ArrayList<>();
        DomainDef config;
        synchronized (o) {
            config = o.def;
        }
        try {
            for (int i = 0; i < def.disks.disks.size() && !reuse; i++) {
                DomainSnapshotDef.Disks.Disk s = def.disks.disks.get(i);
                if (!"external".equals(s.snapshot)) {
                    continue;
                }
                DiskDef d = config.devices().disks.get(i);
                String format = d.driver == null || d.driver.type == null ? "raw" : d.driver.type;
                Path target = Path.of(s.source.file);
                if (!Files.exists(target)) {
                    created.add(target);
                }
                qemuImg(List.of("create", "-f", s.driver.type, "-o", "backing_fmt=" + format + ",backing_file="
                        + imagePath(d).replace(",", ",,"), s.source.file.replace(",", ",,")));
            }
        } catch (RuntimeException e) {
            for (Path p : created) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException x) {
                    LOG.warn("cannot remove {}: {}", p, x.toString());
                }
            }
            throw e;
        }
        synchronized (o) {
            for (int i = 0; i < def.disks.disks.size(); i++) {
                DomainSnapshotDef.Disks.Disk s = def.disks.disks.get(i);
                if (!"external".equals(s.snapshot)) {
                    continue;
                }
                DiskDef d = config.devices().disks.get(i);
                d.type = s.type;
                d.source = new StorageSource();
                d.source.file = s.source.file;
                if (d.driver == null) {
                    d.driver = new org.jvirt.conf.domain.DiskDef.Driver();
                    d.driver.name = "qemu";
                }
                d.driver.type = s.driver.type;
                d.backingStore = null;
            }
        }
        if (o.persistent) {
            driver.saveConfig(config);
        }
    }

    // ---- revert

    /** qemuSnapshotRevert, with its nine transitions and their events. */
    void revert(QemuDomainObj o, String name, Set<DomainSnapshotRevertFlag> flags) {
        boolean run = flags.contains(DomainSnapshotRevertFlag.RUNNING);
        boolean pause = flags.contains(DomainSnapshotRevertFlag.PAUSED);
        if (run && pause) {
            throw VirtException.invalidArg("Flags 'VIR_DOMAIN_SNAPSHOT_REVERT_RUNNING' and "
                    + "'VIR_DOMAIN_SNAPSHOT_REVERT_PAUSED' are mutually exclusive");
        }
        SnapshotTree.Entry snap;
        boolean active;
        synchronized (o) {
            if (!o.blockJobs.isEmpty()) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, "domain has active block job");
            }
            snap = find(o, name);
            active = o.isActive();
            if (!o.persistent && !snap.live() && !run && !pause) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                        "transient domain needs to request run or pause to revert to inactive snapshot");
            }
        }
        if (snap.external()) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                    "revert to external snapshot not supported yet");
        }
        DomainSnapshotDef sd = snap.def;
        if (!flags.contains(DomainSnapshotRevertFlag.FORCE)) {
            if (sd.domain == null) {
                throw new VirtException(ErrorCode.SNAPSHOT_REVERT_RISKY, ErrorDomain.QEMU, "snapshot '" + name
                        + "' lacks domain '" + o.name() + "' rollback info");
            }
            if (active && !snap.live() && (run || pause)) {
                throw new VirtException(ErrorCode.SNAPSHOT_REVERT_RISKY, ErrorDomain.QEMU,
                        "must respawn qemu to start inactive snapshot");
            }
            if (driver.saves.hasManagedSave(o.name()) && !snap.live()) {
                throw new VirtException(ErrorCode.SNAPSHOT_REVERT_RISKY, ErrorDomain.QEMU, "snapshot without memory "
                        + "state, removal of existing managed saved state strongly recommended to avoid corruption");
            }
        }
        DomainDef config = sd.domain == null ? null : renamed(sd.domain, o.name());
        DomainDef inactive = sd.inactiveDomain != null ? renamed(sd.inactiveDomain, o.name())
                : snap.live() && sd.domain != null ? renamed(sd.domain, o.name()) : null;
        if (inactive == null && !snap.live()) {
            inactive = config;
        }
        boolean wantPaused = !run && ("paused".equals(sd.state) || pause);
        synchronized (o) {
            o.snapshots.setCurrent(null);
        }
        if (snap.live()) {
            if (active) {
                QmpMonitor mon = monitor(o);
                if (o.state == DomainState.RUNNING) {
                    stopCpus(o, mon, PausedReason.FROM_SNAPSHOT, SuspendedDetail.FROM_SNAPSHOT);
                }
                loadvm(mon, name);
                assignPersistent(o, inactive);
                synchronized (o) {
                    o.setState(DomainState.PAUSED, PausedReason.FROM_SNAPSHOT.value());
                }
                if (!wantPaused) {
                    startCpus(o, mon, RunningReason.FROM_SNAPSHOT, ResumedDetail.FROM_SNAPSHOT);
                }
                writeStatus(o);
            } else {
                assignPersistent(o, inactive);
                driver.processes.startFromSnapshot(o, wantPaused, config, name);
            }
        } else {
            if (active) {
                driver.processes.destroy(o, false, ShutoffReason.FROM_SNAPSHOT, StoppedDetail.FROM_SNAPSHOT, true);
            }
            forEachQcow2(sd.domain != null ? sd.domain : o.persistentDef(), sd, "-a", true);
            assignPersistent(o, inactive);
            if (run || pause) {
                driver.processes.startAfterRevert(o, pause);
            }
        }
        synchronized (o) {
            o.snapshots.setCurrent(name);
        }
        writeAll(o);
    }

    private DomainDef renamed(DomainDef d, String name) {
        DomainDef copy = DomainXml.copy(d, driver.parse);
        copy.name = name;
        copy.id = -1;
        return copy;
    }

    /** virDomainObjAssignDef(…, live=false): the persistent definition the domain has from now on. */
    private void assignPersistent(QemuDomainObj o, DomainDef inactive) {
        if (inactive == null) {
            return;
        }
        boolean persistent;
        synchronized (o) {
            persistent = o.persistent;
            if (o.isActive()) {
                if (persistent) {
                    o.newDef = inactive;
                }
            } else {
                o.def = inactive;
            }
        }
        if (persistent) {
            driver.saveConfig(inactive);
        }
    }

    private static void loadvm(QmpMonitor mon, String name) {
        String reply = hmp(mon, "loadvm \"" + name + "\"");
        if (reply.contains("No block device supports snapshots")) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                    "this domain does not have a device to load snapshots");
        }
        if (reply.contains("Could not find snapshot")) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, "the snapshot '" + name
                    + "' does not exist, and was not loaded");
        }
        if (!reply.isBlank()) {
            throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU, "Failed to load snapshot: "
                    + reply.strip());
        }
    }

    // ---- delete

    /** qemuSnapshotDelete: the snapshot (and with CHILDREN its descendants) out of the images and the metadata. */
    void delete(QemuDomainObj o, String name, Set<DomainSnapshotDeleteFlag> flags) {
        boolean children = flags.contains(DomainSnapshotDeleteFlag.CHILDREN);
        boolean childrenOnly = flags.contains(DomainSnapshotDeleteFlag.CHILDREN_ONLY);
        boolean metadataOnly = flags.contains(DomainSnapshotDeleteFlag.METADATA_ONLY);
        SnapshotTree.Entry snap;
        List<SnapshotTree.Entry> gone = new ArrayList<>();
        synchronized (o) {
            snap = find(o, name);
            if (children || childrenOnly) {
                gone.addAll(o.snapshots.descendants(name));
            }
            if (!childrenOnly) {
                gone.add(snap);
            }
        }
        if (!metadataOnly) {
            long external = gone.stream().filter(SnapshotTree.Entry::external).count();
            if (external > 0) {
                throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU, "deletion of " + external
                        + " external disk snapshots not supported yet");
            }
            for (SnapshotTree.Entry e : gone) {
                discardData(o, e);
            }
        }
        synchronized (o) {
            SnapshotTree.Entry current = o.snapshots.current();
            boolean currentGone = current != null && gone.stream().anyMatch(e -> e.name.equals(current.name));
            if (!children && !childrenOnly) {
                for (SnapshotTree.Entry c : o.snapshots.children(name)) {
                    c.parent = snap.parent;
                }
            }
            for (SnapshotTree.Entry e : gone) {
                o.snapshots.remove(e.name);
                deleteFile(o.def.name, e.name);
            }
            if (currentGone) {
                String next = childrenOnly ? name : snap.parent;
                o.snapshots.setCurrent(next != null && o.snapshots.get(next) != null ? next : null);
            }
        }
        writeAll(o);
    }

    /** The internal snapshot's data: QEMU's delvm while the guest runs, qemu-img snapshot -d while it is off. */
    private void discardData(QemuDomainObj o, SnapshotTree.Entry e) {
        if ("disk-snapshot".equals(e.def.state)) {
            return;
        }
        boolean active = o.isActive();
        if (active) {
            String reply = hmp(monitor(o), "delvm \"" + e.name + "\"");
            if (!reply.isBlank()) {
                LOG.warn("domain {}: delvm {}: {}", o.name(), e.name, reply.strip());
            }
        } else {
            forEachQcow2(e.def.domain != null ? e.def.domain : o.persistentDef(), e.def, "-d", true);
        }
    }

    // ---- metadata

    SnapshotTree.Entry find(QemuDomainObj o, String name) {
        SnapshotTree.Entry e = o.snapshots.get(name);
        if (e == null) {
            throw new VirtException(ErrorCode.NO_DOMAIN_SNAPSHOT, ErrorDomain.QEMU,
                    "no domain snapshot with matching name '" + name + "'");
        }
        return e;
    }

    /** The snapshot's XML as virDomainSnapshotGetXMLDesc gives it. */
    String xml(QemuDomainObj o, String name, boolean secure) {
        SnapshotTree.Entry e = find(o, name);
        return format(e, null, secure);
    }

    /** {@code active} is null for the public form; the stored form always says whether it is current ("1"/"0"). */
    private static String format(SnapshotTree.Entry e, Boolean active, boolean secure) {
        DomainSnapshotDef def = e.def;
        try {
            if (e.parent != null) {
                def.parent = new DomainSnapshotDef.Parent();
                def.parent.name = e.parent;
            }
            if (active != null) {
                // libvirt's internal form, which says whether the snapshot is the current one
                EnumSet<org.jvirt.conf.MomentXml.SnapshotFormat> f = EnumSet.of(
                        org.jvirt.conf.MomentXml.SnapshotFormat.SECURE, org.jvirt.conf.MomentXml.SnapshotFormat.INTERNAL);
                if (active) {
                    f.add(org.jvirt.conf.MomentXml.SnapshotFormat.CURRENT);
                }
                return org.jvirt.conf.MomentXml.formatSnapshot(def, null, f);
            }
            return XmlDocuments.format(def, secure ? EnumSet.of(DomainXMLFlag.SECURE, DomainXMLFlag.INACTIVE)
                    : EnumSet.of(DomainXMLFlag.INACTIVE));
        } finally {
            def.parent = null;
            def.active = null;
        }
    }

    /** Writes every snapshot's metadata file, the current one marked active as libvirt marks it. */
    private void writeAll(QemuDomainObj o) {
        synchronized (o) {
            SnapshotTree.Entry current = o.snapshots.current();
            Path dir = driver.paths.snapshots(o.def.name);
            try {
                Files.createDirectories(dir);
                for (SnapshotTree.Entry e : o.snapshots.descendants(null)) {
                    org.jvirt.util.AtomicFiles.write(dir.resolve(e.name + ".xml"),
                            format(e, e == current, true).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
            } catch (IOException | RuntimeException x) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU, "unable to save metadata for "
                        + "snapshot: " + x.getMessage());
            }
        }
    }

    private void deleteFile(String domain, String name) {
        try {
            Files.deleteIfExists(driver.paths.snapshots(domain).resolve(name + ".xml"));
        } catch (IOException e) {
            LOG.warn("cannot remove the metadata of snapshot {} of {}: {}", name, domain, e.toString());
        }
    }

    /** Reads a domain's snapshot metadata (the driver opening). */
    void load(QemuDomainObj o) {
        Path dir = driver.paths.snapshots(o.def.name);
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<DomainSnapshotDef> defs = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.xml")) {
            for (Path f : ds) {
                try {
                    defs.add(org.jvirt.conf.MomentXml.parseSnapshot(Files.readString(f),
                            org.jvirt.conf.MomentOptions.existing().withInternal()));
                } catch (IOException | RuntimeException e) {
                    LOG.warn("domain {}: skipping unreadable snapshot {}: {}", o.def.name, f, e.getMessage());
                }
            }
        } catch (IOException e) {
            LOG.warn("domain {}: cannot list {}: {}", o.def.name, dir, e.toString());
        }
        defs.sort(java.util.Comparator.comparingLong(d -> d.creationTime == null ? 0 : Long.parseLong(
                d.creationTime)));
        synchronized (o) {
            for (DomainSnapshotDef d : defs) {
                String parent = d.parent == null ? null : d.parent.name;
                boolean current = "1".equals(d.active);
                d.parent = null;
                d.active = null;
                o.snapshots.add(new SnapshotTree.Entry(d.name, d, parent));
                if (current) {
                    o.snapshots.setCurrent(d.name);
                }
            }
        }
    }

    /** qemuSnapshotDiscardAllMetadata: the domain goes, and with it what is known of its snapshots. */
    void discardAllMetadata(QemuDomainObj o) {
        String name;
        synchronized (o) {
            name = o.def.name;
            o.snapshots.clear();
        }
        Path dir = driver.paths.snapshots(name);
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.xml")) {
            for (Path f : ds) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (java.nio.file.NoSuchFileException e) {
            // none were ever written
        } catch (IOException e) {
            LOG.warn("cannot remove the snapshot metadata of {}: {}", name, e.toString());
        }
    }

    // ---- the guest's CPUs, QEMU's monitor, qemu-img

    private void stopCpus(QemuDomainObj o, QmpMonitor mon, PausedReason reason, SuspendedDetail detail) {
        synchronized (o) {
            o.apiRunStateChange = true;
        }
        try {
            QmpCommands.execute(mon, "stop", null);
            o.setState(DomainState.PAUSED, reason.value());
        } finally {
            synchronized (o) {
                o.apiRunStateChange = false;
            }
        }
        driver.emitLifecycle(o, LifecycleEventType.SUSPENDED, detail.value());
    }

    private void startCpus(QemuDomainObj o, QmpMonitor mon, RunningReason reason, ResumedDetail detail) {
        synchronized (o) {
            o.apiRunStateChange = true;
        }
        try {
            QmpCommands.execute(mon, "cont", null);
            o.setState(DomainState.RUNNING, reason.value());
        } catch (VirtException e) {
            driver.emitLifecycle(o, LifecycleEventType.SUSPENDED, SuspendedDetail.API_ERROR.value());
            throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU, "resuming after snapshot failed");
        } finally {
            synchronized (o) {
                o.apiRunStateChange = false;
            }
        }
        driver.emitLifecycle(o, LifecycleEventType.RESUMED, detail.value());
    }

    private static QmpMonitor monitor(QemuDomainObj o) {
        synchronized (o) {
            if (!o.isActive() || o.monitor == null) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, "domain is not running");
            }
            return o.monitor;
        }
    }

    /** An HMP command, as libvirt 9.0 sends savevm, loadvm and delvm: its output (empty when it worked). */
    private static String hmp(QmpMonitor mon, String command) {
        try {
            return mon.execute("human-monitor-command", J.objectNode().put("command-line", command),
                    java.time.Duration.ofMinutes(5)).asText("");
        } catch (QmpError e) {
            if (e.closed()) {
                throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU, "domain is no longer running");
            }
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU, "unable to execute QEMU command "
                    + "'human-monitor-command': " + e.desc());
        }
    }

    /**
     * qemuDomainSnapshotForEachQcow2: qemu-img snapshot {@code op} on every disk the snapshot takes internally;
     * a creation that fails half-way removes what it made; with {@code tryAll} every disk is tried and the first
     * failure reported after.
     */
    private void forEachQcow2(DomainDef dom, DomainSnapshotDef snap, String op, boolean tryAll) {
        List<DiskDef> disks = dom.devices().disks;
        VirtException first = null;
        for (int i = 0; i < disks.size(); i++) {
            DiskDef d = disks.get(i);
            DomainSnapshotDef.Disks.Disk s = snap.disks == null || i >= snap.disks.disks.size() ? null
                    : snap.disks.disks.get(i);
            if (s != null && !"internal".equals(s.snapshot)) {
                continue;
            }
            if (s == null && (!BlockNodes.hasSource(d) || d.readonly != null || "cdrom".equals(d.device))) {
                continue;
            }
            String format = d.driver == null || d.driver.type == null ? "raw" : d.driver.type;
            if (!"qcow2".equals(format)) {
                if (tryAll) {
                    LOG.warn("skipping snapshot of disk {}: not qcow2", d.target.dev);
                    continue;
                }
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, "Disk device '"
                        + d.target.dev + "' does not support snapshotting");
            }
            try {
                qemuImg(List.of("snapshot", op, snap.name, imagePath(d)));
            } catch (VirtException e) {
                if (tryAll) {
                    first = first == null ? e : first;
                    continue;
                }
                if ("-c".equals(op)) {
                    for (int j = 0; j < i; j++) {
                        DiskDef done = disks.get(j);
                        DomainSnapshotDef.Disks.Disk ds = snap.disks.disks.get(j);
                        if ("internal".equals(ds.snapshot)) {
                            try {
                                qemuImg(List.of("snapshot", "-d", snap.name, imagePath(done)));
                            } catch (VirtException x) {
                                LOG.warn("cannot undo snapshot {} of {}: {}", snap.name, imagePath(done),
                                        x.getMessage());
                            }
                        }
                    }
                }
                throw e;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private void qemuImg(List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(driver.qemuImg().toString());
        cmd.addAll(args);
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect
                    .from(new java.io.File("/dev/null"))).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!p.waitFor(QEMU_IMG_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU, "Child process (" + String.join(
                        " ", cmd) + ") did not finish");
            }
            if (p.exitValue() != 0) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU, "Child process (" + String.join(
                        " ", cmd) + ") unexpected exit status " + p.exitValue() + ": " + out.strip());
            }
        } catch (IOException e) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU, "unable to find qemu-img");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VirtException(ErrorCode.OPERATION_ABORTED, ErrorDomain.QEMU, "interrupted");
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
