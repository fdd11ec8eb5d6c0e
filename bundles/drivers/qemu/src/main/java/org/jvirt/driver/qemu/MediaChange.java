package org.jvirt.driver.qemu;

import static org.jvirt.driver.qemu.QmpCommands.execute;
import static org.jvirt.driver.qemu.QmpCommands.quietly;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.conf.DomainXml;
import org.jvirt.conf.domain.DiskDef;
import org.jvirt.conf.domain.DomainDef;
import org.jvirt.driver.qemu.block.CdromDrives;
import org.jvirt.driver.qemu.block.DiskChains;
import org.jvirt.driver.qemu.command.BlockNodes;
import org.jvirt.driver.qemu.command.QemuCommandLine;
import org.jvirt.driver.qemu.command.QemuDefaults;
import org.jvirt.driver.qemu.qmp.QmpMonitor;

/**
 * virDomainUpdateDeviceFlags for a disk (libvirt's qemuDomainChangeDiskLive and the disk case of
 * qemuDomainUpdateDeviceConfig): only a CD-ROM's medium may change. The running guest gets it through QEMU's tray and
 * medium commands on the device (open the tray, remove the medium, add the new image's nodes and insert them, close
 * the tray; an eject leaves the tray open and empty), the old image's nodes go afterwards.
 */
final class MediaChange {
    private static final JsonNodeFactory J = JsonNodeFactory.instance;
    /** How long a tray the guest locked may take to open (libvirt's CHANGE_MEDIA_TIMEOUT). */
    private static final long TRAY_WAIT_MS = 5000;

    private final QemuDriver driver;

    MediaChange(QemuDriver driver) {
        this.driver = driver;
    }

    /**
     * The persistent definition with the new disk in the place of the one with its target, checked; null when
     * there is no persistent definition to change.
     */
    DomainDef persistent(DomainDef persistent, DiskDef disk) {
        DomainDef next = DomainXml.copy(persistent, driver.parse);
        List<DiskDef> disks = next.devices().disks;
        int at = indexOf(disks, disk.target.dev);
        if (at < 0) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU,
                    "target " + disk.target.dev + " doesn't exist.");
        }
        DiskDef orig = disks.get(at);
        adopt(disk, orig);
        disks.set(at, disk);
        QemuDefaults.apply(next, driver.capsFor(next), false);
        DiskChangeCheck.check(disk, orig);
        QemuCommandLine.checkSupported(next);
        return next;
    }

    /** qemuDomainChangeDiskLive, inside the domain's job. */
    void live(QemuDomainObj o, DiskDef disk, boolean force) {
        QemuDomainObj.Running now = o.running();
        QmpMonitor mon = now.monitor();
        DomainDef live = now.def();
        int at = indexOf(live.devices().disks, disk.target.dev);
        if (at < 0) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU,
                    "disk '" + disk.target.dev + "' not found");
        }
        DiskDef orig = live.devices().disks.get(at);
        // the new disk takes its defaults in a copy of the running definition, as libvirt's post-parse gives them
        DomainDef next = DomainXml.copy(live, driver.parse);
        adopt(disk, next.devices().disks.get(at));
        next.devices().disks.set(at, disk);
        QemuDefaults.apply(next, driver.capsFor(next), false);
        DiskChangeCheck.check(disk, orig);
        if (sameLocation(disk, orig)) {
            return; // nothing but the startup policy, which jvirt keeps no state for
        }
        if (!"cdrom".equals(orig.device) && !"floppy".equals(orig.device)) {
            throw new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.QEMU,
                    "disk source can be changed only in removable drives");
        }
        QemuCommandLine.checkSupported(next);
        // the running disk keeps everything but its image
        DiskDef changed = DomainXml.copy(live, driver.parse).devices().disks.get(at);
        changed.type = disk.type;
        changed.source = disk.source;
        changed.backingStore = null;
        if (disk.driver != null) {
            // the image's format is the new medium's
            if (changed.driver == null) {
                changed.driver = new DiskDef.Driver();
                changed.driver.name = disk.driver.name;
            }
            changed.driver.type = disk.driver.type;
        }
        if (BlockNodes.hasSource(changed)) {
            // an image that cannot be opened is refused before the guest's tray moves (qemuDomainDetermineDiskChain)
            DiskChains.check(changed);
            synchronized (o) {
                changed.source.index = Integer.toString(o.nextNodeIndex++);
                for (var b = changed.backingStore; b != null && b.source != null; b = b.backingStore) {
                    b.index = Integer.toString(o.nextNodeIndex++);
                }
            }
        }
        swapMedium(o, mon, orig, changed, force, next);
        synchronized (o) {
            List<DiskDef> running = o.def.devices().disks;
            int i = running.indexOf(orig);
            if (i >= 0) {
                running.set(i, changed);
            }
        }
        if (BlockNodes.hasSource(orig) && orig.source.index != null) {
            String cache = orig.driver == null ? null : orig.driver.cache;
            for (BlockNodes.Layer l : BlockNodes.chain(orig)) {
                if (l.hasFormatNode(cache)) {
                    quietly(mon, "blockdev-del", J.objectNode().put("node-name", l.formatNode()));
                }
                quietly(mon, "blockdev-del", J.objectNode().put("node-name", l.storageNode()));
            }
        }
    }

    /** qemuDomainChangeMediaBlockdev: the tray opens, the medium goes, the new one (if any) goes in. */
    private void swapMedium(QemuDomainObj o, QmpMonitor mon, DiskDef orig, DiskDef changed, boolean force,
            DomainDef next) {
        String id = orig.alias == null ? null : orig.alias.name;
        if (id == null) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU, "missing disk device alias name for "
                    + orig.target.dev);
        }
        execute(mon, "blockdev-open-tray", J.objectNode().put("id", id).put("force", force));
        if (!force) {
            waitForOpenTray(mon, id, orig.target.dev);
        }
        execute(mon, "blockdev-remove-medium", J.objectNode().put("id", id));
        if (!BlockNodes.hasSource(changed)) {
            return; // an eject leaves the tray open and empty
        }
        List<String> added = new ArrayList<>();
        try {
            for (ObjectNode n : BlockNodes.blockdevs(changed, CdromDrives.of(next))) {
                execute(mon, "blockdev-add", n);
                added.add(n.path("node-name").asText());
            }
            String node = BlockNodes.chain(changed).get(0).topNode(changed.driver == null ? null
                    : changed.driver.cache);
            execute(mon, "blockdev-insert-medium", J.objectNode().put("id", id).put("node-name", node));
            execute(mon, "blockdev-close-tray", J.objectNode().put("id", id));
        } catch (RuntimeException e) {
            for (int i = added.size() - 1; i >= 0; i--) {
                quietly(mon, "blockdev-del", J.objectNode().put("node-name", added.get(i)));
            }
            throw e;
        }
    }

    /** Without force a tray the guest locked opens when the guest lets it: up to five seconds, as libvirt waits. */
    private static void waitForOpenTray(QmpMonitor mon, String id, String dev) {
        long deadline = System.nanoTime() + TRAY_WAIT_MS * 1_000_000L;
        while (!trayOpen(mon, id)) {
            if (System.nanoTime() > deadline) {
                throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU,
                        "timed out waiting to open tray of '" + dev + "'");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new VirtException(ErrorCode.OPERATION_ABORTED, ErrorDomain.QEMU, "interrupted");
            }
        }
    }

    private static boolean trayOpen(QmpMonitor mon, String id) {
        for (JsonNode b : execute(mon, "query-block", null)) {
            String qdev = b.path("qdev").asText("");
            if (qdev.equals(id) || qdev.startsWith("/machine/peripheral/" + id + "/")) {
                return b.path("tray_open").asBoolean(false);
            }
        }
        return false;
    }

    /** What the new disk leaves out of its address and alias is the old one's. */
    private static void adopt(DiskDef disk, DiskDef orig) {
        if (disk.address == null) {
            disk.address = orig.address;
        }
        if (disk.alias == null) {
            disk.alias = orig.alias;
        }
    }

    /** virStorageSourceIsSameLocation for local images: the same kind of source at the same path, or both empty. */
    private static boolean sameLocation(DiskDef a, DiskDef b) {
        String pa = BlockNodes.hasSource(a) ? (a.source.file != null ? a.source.file : a.source.dev) : null;
        String pb = BlockNodes.hasSource(b) ? (b.source.file != null ? b.source.file : b.source.dev) : null;
        if (pa == null || pb == null) {
            return pa == pb;
        }
        return Objects.equals(a.type, b.type) && pa.equals(pb);
    }

    private static int indexOf(List<DiskDef> disks, String dev) {
        for (int i = 0; i < disks.size(); i++) {
            if (disks.get(i).target.dev.equals(dev)) {
                return i;
            }
        }
        return -1;
    }
}
