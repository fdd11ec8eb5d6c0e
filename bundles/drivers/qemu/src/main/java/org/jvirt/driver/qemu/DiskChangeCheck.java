package org.jvirt.driver.qemu;

import java.util.Objects;
import java.util.function.Function;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.conf.domain.DeviceAddress;
import org.jvirt.conf.domain.DiskDef;

/**
 * What an updated disk may not change (libvirt's qemuDomainDiskChangeSupported): every field but its source and
 * startup policy must stay; most are compared only when the new disk states them, a few always.
 */
final class DiskChangeCheck {
    private DiskChangeCheck() {
    }

    /** Fails with libvirt's "cannot modify field" error for the first field the new disk changes. */
    static void check(DiskDef disk, DiskDef orig) {
        always(disk, orig, d -> d.device, "device");
        always(disk, orig, d -> d.target.bus, "bus");
        always(disk, orig, d -> d.target.dev, "target");
        stated(disk, orig, d -> d.target.tray, "tray");
        stated(disk, orig, d -> d.target.removable, "removable");
        if (disk.geometry != null && disk.geometry.cyls != null && disk.geometry.heads != null
                && disk.geometry.secs != null) {
            always(disk, orig, d -> d.geometry == null ? null : d.geometry.cyls, "geometry cylinders");
            always(disk, orig, d -> d.geometry == null ? null : d.geometry.heads, "geometry heads");
            always(disk, orig, d -> d.geometry == null ? null : d.geometry.secs, "geometry sectors");
            stated(disk, orig, d -> d.geometry == null ? null : d.geometry.trans, "BIOS-translation-modus");
        }
        always(disk, orig, d -> d.blockio == null ? null : d.blockio.logicalBlockSize, "blockio logical_block_size");
        always(disk, orig, d -> d.blockio == null ? null : d.blockio.physicalBlockSize,
                "blockio physical_block_size");
        iotune(disk, orig);
        stated(disk, orig, d -> d.serial, "serial");
        stated(disk, orig, d -> d.wwn, "wwn");
        stated(disk, orig, d -> d.vendor, "vendor");
        stated(disk, orig, d -> d.product, "product");
        stated(disk, orig, d -> driver(d) == null ? null : driver(d).cache, "cache");
        stated(disk, orig, d -> driver(d) == null ? null : driver(d).errorPolicy, "error_policy");
        stated(disk, orig, d -> driver(d) == null ? null : driver(d).rerrorPolicy, "rerror_policy");
        stated(disk, orig, d -> driver(d) == null ? null : driver(d).io, "io");
        stated(disk, orig, d -> driver(d) == null ? null : driver(d).ioeventfd, "ioeventfd");
        stated(disk, orig, d -> driver(d) == null ? null : driver(d).eventIdx, "event_idx");
        stated(disk, orig, d -> driver(d) == null ? null : driver(d).copyOnRead, "copy_on_read");
        stated(disk, orig, d -> d.transientDisk == null ? null : "yes", "transient");
        if (disk.address != null && disk.address.type != null && !sameAddress(disk.address, orig.address)) {
            throw refused("address");
        }
        stated(disk, orig, d -> d.boot == null ? null : d.boot.order, "boot order");
        stated(disk, orig, d -> d.rawio, "rawio");
        stated(disk, orig, d -> d.sgio, "sgio");
        stated(disk, orig, d -> driver(d) == null ? null : driver(d).discard, "discard");
        stated(disk, orig, d -> driver(d) == null ? null : driver(d).iothread, "iothread");
        stated(disk, orig, d -> d.backenddomain == null ? null : d.backenddomain.name, "backenddomain");
    }

    private static void iotune(DiskDef disk, DiskDef orig) {
        if (disk.iotune == null) {
            return;
        }
        String[][] fields = {{"totalBytesSec", "total_bytes_sec"}, {"readBytesSec", "read_bytes_sec"},
            {"writeBytesSec", "write_bytes_sec"}, {"totalIopsSec", "total_iops_sec"},
            {"readIopsSec", "read_iops_sec"}, {"writeIopsSec", "write_iops_sec"},
            {"totalBytesSecMax", "total_bytes_sec_max"}, {"readBytesSecMax", "read_bytes_sec_max"},
            {"writeBytesSecMax", "write_bytes_sec_max"}, {"totalIopsSecMax", "total_iops_sec_max"},
            {"readIopsSecMax", "read_iops_sec_max"}, {"writeIopsSecMax", "write_iops_sec_max"},
            {"sizeIopsSec", "size_iops_sec"}};
        for (String[] f : fields) {
            stated(disk, orig, d -> d.iotune == null ? null : field(d.iotune, f[0]), "blkdeviotune " + f[1]);
        }
    }

    private static String field(DiskDef.Iotune t, String name) {
        try {
            return (String) DiskDef.Iotune.class.getField(name).get(t);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DiskDef.Driver driver(DiskDef d) {
        return d.driver;
    }

    /** A field compared even when the new disk leaves it out. */
    private static void always(DiskDef disk, DiskDef orig, Function<DiskDef, String> f, String name) {
        if (!Objects.equals(f.apply(disk), f.apply(orig))) {
            throw refused(name);
        }
    }

    /** A field compared only when the new disk states it. */
    private static void stated(DiskDef disk, DiskDef orig, Function<DiskDef, String> f, String name) {
        String v = f.apply(disk);
        if (v != null && !v.equals(f.apply(orig))) {
            throw refused(name);
        }
    }

    private static boolean sameAddress(DeviceAddress a, DeviceAddress b) {
        if (b == null || !Objects.equals(a.type, b.type)) {
            return false;
        }
        return num(a.controller) == num(b.controller) && num(a.bus) == num(b.bus) && num(a.target) == num(b.target)
                && num(a.unit) == num(b.unit) && num(a.domain) == num(b.domain) && num(a.slot) == num(b.slot)
                && num(a.function) == num(b.function);
    }

    private static long num(String v) {
        if (v == null) {
            return 0;
        }
        return v.startsWith("0x") ? Long.parseLong(v.substring(2), 16) : Long.parseLong(v);
    }

    private static VirtException refused(String field) {
        return new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.QEMU,
                "cannot modify field '" + field + "' of the disk");
    }
}
