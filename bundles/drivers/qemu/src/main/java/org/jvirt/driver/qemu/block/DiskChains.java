package org.jvirt.driver.qemu.block;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.conf.domain.BackingStore;
import org.jvirt.conf.domain.DiskDef;
import org.jvirt.conf.domain.DomainDef;
import org.jvirt.conf.domain.StorageFormat;
import org.jvirt.conf.domain.StorageSource;
import org.jvirt.util.HostProcesses;

/**
 * What libvirt does with every disk before it runs QEMU (qemuDomainDetermineDiskChain): follows the chain of
 * backing images, the part the definition gives and then what the images' headers name, into the live
 * definition's {@code <backingStore>} elements, closed by an empty {@code <backingStore/>}; each image must be
 * there, as the user QEMU runs as, or the start fails with libvirt's storage error naming it.
 */
public final class DiskChains {
    /** libvirt follows at most this many backing images (QEMU_DOMAIN_STORAGE_SOURCE_CHAIN_MAX_DEPTH). */
    static final int MAX_DEPTH = 200;

    private DiskChains() {
    }

    /** Completes and checks the chain of every disk with a local image of {@code def}. */
    public static void check(DomainDef def) {
        HostProcesses.Ids ids = HostProcesses.self();
        for (DiskDef d : def.devices().disks) {
            if (d.source != null && (d.source.file != null || d.source.dev != null)) {
                complete(d, ids);
            }
        }
    }

    /** Completes and checks the chain of one disk with a local image (a disk being plugged in). */
    public static void check(DiskDef d) {
        if (d.source != null && (d.source.file != null || d.source.dev != null)) {
            complete(d, HostProcesses.self());
        }
    }

    private static void complete(DiskDef d, HostProcesses.Ids ids) {
        Path top = Path.of(path(d.source));
        String format = d.driver == null ? null : d.driver.type;
        Set<Path> seen = new HashSet<>();
        Path image = top;
        // the part of the chain the definition gives
        BackingStore last = null;
        for (BackingStore b = d.backingStore; ; b = b.backingStore) {
            access(image, top, ids);
            seen.add(image.toAbsolutePath().normalize());
            if (b == null || b.source == null) {
                if (b != null) {
                    return; // closed by <backingStore/>: nothing below, as the definition says
                }
                break;
            }
            last = b;
            image = Path.of(path(b.source));
            format = b.format == null ? null : b.format.type;
        }
        // the rest from the images' own headers
        for (int depth = seen.size(); ; depth++) {
            ImageHeader h;
            try {
                h = ImageHeader.read(image, format);
            } catch (IOException e) {
                throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.STORAGE,
                        "cannot read header '" + image + "': " + e.getMessage());
            }
            BackingStore next = new BackingStore();
            if (last == null) {
                d.backingStore = next;
            } else {
                last.backingStore = next;
            }
            if (h.backingFile() == null || h.backingFile().contains(":") && !h.backingFile().startsWith("/")) {
                return; // the end of the chain (or a protocol QEMU opens itself): <backingStore/>
            }
            Path rel = Path.of(h.backingFile());
            Path below = rel.isAbsolute() ? rel : image.toAbsolutePath().getParent().resolve(rel);
            if (depth >= MAX_DEPTH || !seen.add(below.toAbsolutePath().normalize())) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.STORAGE, "backing store for "
                        + image + " is self-referential or too deeply nested");
            }
            access(below, top, ids);
            String belowFormat = h.backingFormat() != null ? h.backingFormat() : probe(below, h.backingFile(), image);
            next.type = Files.isRegularFile(below) ? "file" : "block";
            next.format = new StorageFormat();
            next.format.type = belowFormat;
            next.source = new StorageSource();
            if ("file".equals(next.type)) {
                next.source.file = below.toString();
            } else {
                next.source.dev = below.toString();
            }
            last = next;
            image = below;
            format = belowFormat;
        }
    }

    /**
     * An image whose parent does not record its format: libvirt takes it as raw unless it is a qcow2 image with a
     * backing image of its own, which it refuses (guessing the format of a guest's image is unsafe).
     */
    private static String probe(Path image, String named, Path parent) {
        try {
            ImageHeader h = ImageHeader.read(image, "qcow2");
            if (h.virtualSize() >= 0) {
                if (h.backingFile() != null) {
                    throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.STORAGE, "format of backing "
                            + "image '" + named + "' of image '" + parent + "' was not specified in the image "
                            + "metadata (See https://libvirt.org/kbase/backing_chains.html for troubleshooting)");
                }
                return "qcow2";
            }
        } catch (IOException e) {
            // unreadable: let QEMU say so
        }
        return "raw";
    }

    private static void access(Path image, Path top, HostProcesses.Ids ids) {
        if (!Files.exists(image)) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.STORAGE, image.equals(top)
                    ? "Cannot access storage file '" + top + "' (as uid:" + ids.uid() + ", gid:" + ids.gid()
                            + "): No such file or directory"
                    : "Cannot access backing file '" + image + "' of storage file '" + top + "' (as uid:"
                            + ids.uid() + ", gid:" + ids.gid() + "): No such file or directory");
        }
    }

    static String path(StorageSource s) {
        return s.file != null ? s.file : s.dev;
    }
}
