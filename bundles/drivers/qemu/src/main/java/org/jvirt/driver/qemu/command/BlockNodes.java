package org.jvirt.driver.qemu.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jvirt.conf.domain.BackingStore;
import org.jvirt.conf.domain.DiskDef;
import org.jvirt.conf.domain.DomainDef;
import org.jvirt.conf.domain.StorageSource;

/**
 * A disk's images as QEMU block nodes, named as libvirt names them: each image of the chain has an index (the
 * {@code index} of its {@code <source>} or {@code <backingStore>}), and its nodes are {@code libvirt-N-storage}
 * (the file or block device) and, where the image needs one, {@code libvirt-N-format} (qcow2 …) on top, which
 * names the next image down as its {@code backing}. The same objects serve {@code -blockdev} and
 * {@code blockdev-add}.
 */
public final class BlockNodes {
    private static final JsonNodeFactory J = JsonNodeFactory.instance;
    /** Formats whose images may name a backing image. */
    private static final Set<String> BACKING_FORMATS = Set.of("qcow2", "qcow", "qed", "vmdk");
    private static final Set<String> FORMATS = Set.of("raw", "qcow2", "qed", "vmdk", "vdi", "vpc", "vhdx");

    /**
     * One image of a chain.
     *
     * @param index    its index (libvirt's storage source id)
     * @param type     file or block
     * @param path     the file or device
     * @param format   raw, qcow2 …
     * @param readOnly whether QEMU opens it read-only
     */
    public record Layer(int index, String type, String path, String format, boolean readOnly) {
        public String storageNode() {
            return "libvirt-" + index + "-storage";
        }

        public String formatNode() {
            return "libvirt-" + index + "-format";
        }

        /** A format node is needed for any format but raw, and for raw with a cache mode. */
        public boolean hasFormatNode(String cache) {
            return !"raw".equals(format) || cache != null;
        }

        /** The node a device or the image above uses. */
        public String topNode(String cache) {
            return hasFormatNode(cache) ? formatNode() : storageNode();
        }
    }

    private BlockNodes() {
    }

    /** Whether a disk has a local image (an empty CD-ROM drive has none). */
    public static boolean hasSource(DiskDef disk) {
        return disk.source != null && (disk.source.file != null || disk.source.dev != null);
    }

    /**
     * Gives every image of every disk its index as libvirt does: disks from the last to the first, each disk's
     * images from the top down; an empty drive takes a number too. Returns the next free index.
     */
    public static int assignIndexes(DomainDef def, int first) {
        int next = first;
        List<DiskDef> disks = def.devices().disks;
        for (int i = disks.size() - 1; i >= 0; i--) {
            DiskDef d = disks.get(i);
            if (!hasSource(d)) {
                next++;
                continue;
            }
            d.source.index = Integer.toString(next++);
            for (BackingStore b = d.backingStore; b != null && b.source != null; b = b.backingStore) {
                b.index = Integer.toString(next++);
            }
        }
        return next;
    }

    /** The largest index a definition uses, or 0. */
    public static int maxIndex(DomainDef def) {
        int max = 0;
        for (DiskDef d : def.devices().disks) {
            if (hasSource(d) && d.source.index != null) {
                max = Math.max(max, Integer.parseInt(d.source.index));
            }
            for (BackingStore b = d.backingStore; b != null; b = b.backingStore) {
                if (b.index != null) {
                    max = Math.max(max, Integer.parseInt(b.index));
                }
            }
        }
        return max;
    }

    /** The images of a disk with a source, top first. */
    public static List<Layer> chain(DiskDef disk) {
        List<Layer> out = new ArrayList<>();
        boolean ro = disk.readonly != null || "cdrom".equals(disk.device);
        String format = disk.driver == null || disk.driver.type == null ? "raw" : disk.driver.type;
        out.add(new Layer(Integer.parseInt(disk.source.index), disk.type == null ? "file" : disk.type,
                path(disk.source), format, ro));
        for (BackingStore b = disk.backingStore; b != null && b.source != null; b = b.backingStore) {
            out.add(new Layer(Integer.parseInt(b.index), b.type == null ? "file" : b.type, path(b.source),
                    b.format == null || b.format.type == null ? "raw" : b.format.type, true));
        }
        return out;
    }

    /** Whether the chain is known to end (a {@code <backingStore/>} closes it): then QEMU opens nothing more. */
    public static boolean terminated(DiskDef disk) {
        BackingStore b = disk.backingStore;
        if (b == null) {
            return false;
        }
        while (b.backingStore != null) {
            b = b.backingStore;
        }
        return b.source == null;
    }

    static String path(StorageSource s) {
        return s.file != null ? s.file : s.dev;
    }

    /**
     * The block nodes of a disk, the deepest image first, so that each names nodes already made; the last one is
     * what the device uses.
     *
     * @param hostCdroms block devices that are real CD-ROM drives (opened as host_cdrom when the top is one)
     */
    public static List<ObjectNode> blockdevs(DiskDef disk, Set<String> hostCdroms) {
        List<Layer> chain = chain(disk);
        String cache = disk.driver == null ? null : disk.driver.cache;
        boolean terminated = terminated(disk);
        List<ObjectNode> out = new ArrayList<>();
        for (int i = chain.size() - 1; i >= 0; i--) {
            Layer l = chain.get(i);
            boolean cdrom = i == 0 && "cdrom".equals(disk.device);
            String below = i + 1 < chain.size() ? chain.get(i + 1).topNode(cache) : null;
            out.addAll(nodes(l, cache, cdrom && hostCdroms.contains(l.path()), below, i + 1 == chain.size()
                    && terminated));
        }
        return out;
    }

    /**
     * The nodes of one image: its storage node and, where needed, its format node.
     *
     * @param below      the node of the image below, or null
     * @param lastKnown  whether nothing lies below (QEMU is told so, and opens no backing file itself)
     */
    public static List<ObjectNode> nodes(Layer l, String cache, boolean hostCdrom, String below, boolean lastKnown) {
        if (!FORMATS.contains(l.format())) {
            throw QemuCommandLine.unsupported("disk format '" + l.format() + "'");
        }
        ObjectNode s = J.objectNode();
        switch (l.type()) {
            case "file" -> s.put("driver", "file").put("filename", l.path());
            case "block" -> s.put("driver", hostCdrom && "raw".equals(l.format()) ? "host_cdrom" : "host_device")
                    .put("filename", l.path());
            default -> throw QemuCommandLine.unsupported("disks of type '" + l.type() + "'");
        }
        s.put("node-name", l.storageNode());
        if (!l.hasFormatNode(cache)) {
            s.put("read-only", l.readOnly());
            return List.of(s);
        }
        s.put("auto-read-only", true).put("discard", "unmap");
        if (cache != null) {
            s.set("cache", cacheNode(cache));
        }
        ObjectNode f = J.objectNode().put("node-name", l.formatNode()).put("read-only", l.readOnly());
        if (cache != null) {
            f.set("cache", cacheNode(cache));
        }
        f.put("driver", l.format()).put("file", l.storageNode());
        if (BACKING_FORMATS.contains(l.format())) {
            if (below != null) {
                f.put("backing", below);
            } else if (lastKnown) {
                f.putNull("backing");
            }
        }
        return List.of(s, f);
    }

    static ObjectNode cacheNode(String cache) {
        boolean direct = cache.equals("none") || cache.equals("directsync");
        boolean noFlush = cache.equals("unsafe");
        return J.objectNode().put("direct", direct).put("no-flush", noFlush);
    }
}
