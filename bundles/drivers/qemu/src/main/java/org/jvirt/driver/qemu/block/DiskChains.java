package org.jvirt.driver.qemu.block;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.conf.domain.DiskDef;
import org.jvirt.conf.domain.DomainDef;
import org.jvirt.util.HostProcesses;

/**
 * The check libvirt makes of every disk before it runs QEMU (qemuDomainDetermineDiskChain with report_broken):
 * the image and each backing file it names must be there, as the user QEMU runs as; a missing one fails with
 * libvirt's storage error, naming the file and, for a backing file, the image that needs it.
 */
public final class DiskChains {
    /** libvirt follows at most this many backing files (QEMU_DOMAIN_STORAGE_SOURCE_CHAIN_MAX_DEPTH). */
    static final int MAX_DEPTH = 200;

    private DiskChains() {
    }

    /** Checks every disk with a local source of {@code def}. */
    public static void check(DomainDef def) {
        HostProcesses.Ids ids = HostProcesses.self();
        for (DiskDef d : def.devices().disks) {
            String path = d.source == null ? null : d.source.file != null ? d.source.file : d.source.dev;
            if (path == null || path.isEmpty()) {
                continue;
            }
            String format = d.driver == null ? null : d.driver.type;
            checkChain(Path.of(path), format, ids);
        }
    }

    private static void checkChain(Path top, String format, HostProcesses.Ids ids) {
        Path image = top;
        Set<Path> seen = new HashSet<>();
        for (int depth = 1; depth <= MAX_DEPTH + 1; depth++) {
            if (depth > MAX_DEPTH || !seen.add(image.toAbsolutePath().normalize())) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.STORAGE, "backing store for "
                        + image + " is self-referential or too deeply nested");
            }
            if (!Files.exists(image)) {
                throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.STORAGE, image.equals(top)
                        ? "Cannot access storage file '" + top + "' (as uid:" + ids.uid() + ", gid:" + ids.gid()
                                + "): No such file or directory"
                        : "Cannot access backing file '" + image + "' of storage file '" + top + "' (as uid:"
                                + ids.uid() + ", gid:" + ids.gid() + "): No such file or directory");
            }
            ImageHeader h;
            try {
                h = ImageHeader.read(image, format);
            } catch (IOException e) {
                throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.STORAGE,
                        "cannot read header '" + image + "': " + e.getMessage());
            }
            if (h.backingFile() == null || h.backingFile().contains(":") && !h.backingFile().startsWith("/")) {
                return; // no backing file, or a protocol QEMU opens itself
            }
            Path next = Path.of(h.backingFile());
            image = next.isAbsolute() ? next : image.toAbsolutePath().getParent().resolve(next);
            format = h.backingFormat();
        }
    }
}
