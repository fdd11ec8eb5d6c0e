package org.jvirt.driver.qemu.firmware;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.conf.domain.DomainDef;
import org.jvirt.conf.domain.OsDef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A domain's NVRAM store made from its template before QEMU starts, when it does not exist yet (libvirt's
 * qemuPrepareNVRAMFile); an existing store is kept, as it holds the guest's variables. A store on the network is
 * the user's business, as in libvirt.
 */
public final class FirmwareNvram {
    private static final Logger LOG = LoggerFactory.getLogger(FirmwareNvram.class);

    private FirmwareNvram() {
    }

    public static void prepare(DomainDef def) {
        OsDef os = def.os;
        if (os == null || os.loader == null || !"pflash".equals(os.loader.type) || os.nvram == null
                || !DomainFirmware.nvramIsLocal(os)) {
            return;
        }
        String store = DomainFirmware.blankToNull(os.nvram.path) != null ? os.nvram.path
                : os.nvram.source != null ? os.nvram.source.file : null;
        if (store == null || Files.exists(Path.of(store))) {
            return;
        }
        String template = DomainFirmware.template(os);
        if (template == null) {
            throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU,
                    "unable to find any master var store for loader: " + os.loader.path);
        }
        Path target = Path.of(store);
        try {
            if (target.getParent() != null) {
                Files.createDirectories(target.getParent());
            }
            Files.copy(Path.of(template), target);
            try {
                Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: its default permissions stand
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(target);
            } catch (IOException ignored) {
                // the copy's own error is the one to report
            }
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU, "Failed to copy NVRAM template '"
                    + template + "' to '" + store + "': " + e.getMessage());
        }
        LOG.debug("domain '{}': NVRAM store {} made from {}", def.name, store, template);
    }
}
