package org.jvirt.driver.qemu.block;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.conf.domain.DiskDef;
import org.jvirt.conf.domain.DomainDef;
import org.jvirt.driver.qemu.command.BlockNodes;

/**
 * Finds a disk, or one image of its chain, as libvirt's calls name them: by target ({@code vda}), by the top
 * image's path, or as {@code vda[N]} for the image with index N.
 */
public final class DiskLookup {
    private static final Pattern INDEXED = Pattern.compile("([^\\[]+)\\[(\\d+)\\]");

    /**
     * A disk and one image of its chain.
     *
     * @param disk  the disk
     * @param layer the image
     * @param top   whether the image is the disk's top one
     */
    public record Found(DiskDef disk, BlockNodes.Layer layer, boolean top) {
    }

    private DiskLookup() {
    }

    /** The disk with this target or top image path (virDomainDiskByName), or null. */
    public static DiskDef byName(DomainDef def, String name) {
        for (DiskDef d : def.devices().disks) {
            if (d.target != null && name.equals(d.target.dev)) {
                return d;
            }
        }
        for (DiskDef d : def.devices().disks) {
            if (BlockNodes.hasSource(d) && name.equals(d.source.file != null ? d.source.file : d.source.dev)) {
                return d;
            }
        }
        return null;
    }

    /** The disk a block call names, or libvirt's "invalid path" error. */
    public static DiskDef require(DomainDef def, String name) {
        DiskDef d = byName(def, name);
        if (d == null) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU, "invalid path: " + name);
        }
        return d;
    }

    /**
     * The image {@code vda} or {@code vda[N]} names (qemuDomainGetStorageSourceByDevstr): libvirt's errors for a
     * disk or an index it does not know.
     */
    public static Found image(DomainDef def, String devstr) {
        Matcher m = INDEXED.matcher(devstr);
        String target = m.matches() ? m.group(1) : devstr;
        int index = m.matches() ? Integer.parseInt(m.group(2)) : 0;
        DiskDef disk = null;
        for (DiskDef d : def.devices().disks) {
            if (d.target != null && target.equals(d.target.dev)) {
                disk = d;
            }
        }
        if (disk == null) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU, "failed to find disk '" + target + "'");
        }
        if (!BlockNodes.hasSource(disk) || disk.source.index == null) {
            throw new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.QEMU,
                    "threshold currently can't be set for block device '" + devstr + "'");
        }
        List<BlockNodes.Layer> chain = BlockNodes.chain(disk);
        if (index == 0) {
            return new Found(disk, chain.get(0), true);
        }
        for (int i = 0; i < chain.size(); i++) {
            if (chain.get(i).index() == index) {
                return new Found(disk, chain.get(i), i == 0);
            }
        }
        throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.STORAGE, "could not find backing store index '"
                + index + "' in chain for '" + target + "'");
    }

    /** The disk and image a block node belongs to, or null (qemuDomainDiskLookupByNodename). */
    public static Found byNode(DomainDef def, String node) {
        for (DiskDef d : def.devices().disks) {
            if (!BlockNodes.hasSource(d) || d.source.index == null) {
                continue;
            }
            List<BlockNodes.Layer> chain = BlockNodes.chain(d);
            for (int i = 0; i < chain.size(); i++) {
                BlockNodes.Layer l = chain.get(i);
                if (node.equals(l.storageNode()) || node.equals(l.formatNode())) {
                    return new Found(d, l, i == 0);
                }
            }
        }
        return null;
    }
}
