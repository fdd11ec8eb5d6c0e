package org.jvirt.driver.qemu.block;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

import org.jvirt.conf.domain.DiskDef;
import org.jvirt.conf.domain.DomainDef;

/**
 * Which block devices of a domain's cdrom disks are real CD-ROM drives: QEMU must open those as host_cdrom
 * (libvirt asks the kernel with CDROM_GET_CAPABILITY; sysfs says the same: SCSI device type 5 is a CD-ROM).
 */
public final class CdromDrives {
    private CdromDrives() {
    }

    public static Set<String> of(DomainDef def) {
        Set<String> out = new LinkedHashSet<>();
        for (DiskDef d : def.devices().disks) {
            if ("cdrom".equals(d.device) && "block".equals(d.type) && d.source != null && d.source.dev != null
                    && isCdrom(Path.of(d.source.dev))) {
                out.add(d.source.dev);
            }
        }
        return out;
    }

    static boolean isCdrom(Path dev) {
        try {
            String name = dev.toRealPath().getFileName().toString();
            Path type = Path.of("/sys/class/block", name, "device/type");
            return Files.isReadable(type) && Files.readString(type).strip().equals("5");
        } catch (IOException e) {
            return false;
        }
    }
}
