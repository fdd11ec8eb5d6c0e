package org.jvirt.conf.internal;

import org.jvirt.conf.domain.ControllerDef;
import org.jvirt.conf.domain.DeviceAddress;
import org.jvirt.conf.domain.Devices;
import org.jvirt.conf.domain.DiskDef;
import org.jvirt.conf.domain.HostdevDef;

/**
 * The defaults libvirt gives a host device when it reads one (virDomainHostdevDefParseXML and
 * virDomainHostdevDefPostParse): the subsystem mode, an explicit managed flag on every subsystem device, LUN 0 of
 * an iSCSI target named without one, a PCI source address in libvirt's hexadecimal form, and a SCSI device's
 * drive address.
 */
final class HostdevPostParse {
    private HostdevPostParse() {
    }

    /** The units of a SCSI bus libvirt fills before it moves to the next controller (a narrow bus). */
    private static final int SCSI_BUS_MAX_UNIT = 7;

    static void apply(Devices d) {
        for (HostdevDef h : d.hostdevs) {
            if ("subsystem".equals(h.mode == null ? "subsystem" : h.mode) && "scsi".equals(h.type)) {
                scsiAddress(d, h);
            }
        }
        for (HostdevDef h : d.hostdevs) {
            if (h.mode == null) {
                h.mode = "subsystem";
            }
            if (!h.mode.equals("subsystem")) {
                continue;
            }
            // only 'yes' manages the device; any other value reads as no
            h.managed = "yes".equals(h.managed) ? "yes" : "no";
            if (h.source == null) {
                continue;
            }
            if ("scsi".equals(h.type) && "iscsi".equals(h.source.protocol) && h.source.name != null
                    && h.source.name.indexOf('/') < 0) {
                h.source.name = h.source.name + "/0";
            }
            if ("pci".equals(h.type) && h.source.address != null) {
                hexPciAddress(h.source.address);
            }
        }
    }

    /**
     * A SCSI host device without an address takes the first free unit of controller 0, then 1, … (bus and
     * target 0); one whose address a SCSI disk holds is refused (virDomainHostdevDefPostParse).
     */
    private static void scsiAddress(Devices d, HostdevDef h) {
        if (h.address == null || h.address.type == null) {
            int controller = 0;
            while (true) {
                int unit = nextUnit(d, controller);
                if (unit >= 0) {
                    DeviceAddress a = new DeviceAddress();
                    a.type = "drive";
                    a.controller = Integer.toString(controller);
                    a.bus = "0";
                    a.target = "0";
                    a.unit = Integer.toString(unit);
                    h.address = a;
                    break;
                }
                controller++;
            }
        }
        if (!"drive".equals(h.address.type)) {
            return;
        }
        DeviceAddress a = h.address;
        for (DiskDef disk : d.disks) {
            if ("scsi".equals(disk.target.bus) && sameDrive(disk.address, a)) {
                throw DomainPostParse.xmlError("SCSI host address controller='" + n(a.controller) + "' bus='"
                        + n(a.bus) + "' target='" + n(a.target) + "' unit='" + n(a.unit) + "' in use by a SCSI disk");
            }
        }
    }

    private static int nextUnit(Devices d, int controller) {
        ControllerDef cont = null;
        for (ControllerDef c : d.controllers) {
            if ("scsi".equals(c.type) && c.index() == controller) {
                cont = c;
            }
        }
        for (int unit = 0; unit < SCSI_BUS_MAX_UNIT; unit++) {
            // an LSI SAS1068 has units 0 and 1 only
            if (cont != null && "lsisas1068".equals(cont.model) && unit > 1) {
                break;
            }
            DeviceAddress a = new DeviceAddress();
            a.controller = Integer.toString(controller);
            a.bus = "0";
            a.target = "0";
            a.unit = Integer.toString(unit);
            if (!scsiUnitUsed(d, a)) {
                return unit;
            }
        }
        return -1;
    }

    private static boolean scsiUnitUsed(Devices d, DeviceAddress a) {
        for (DiskDef disk : d.disks) {
            if ("scsi".equals(disk.target.bus) && sameDrive(disk.address, a)) {
                return true;
            }
        }
        for (HostdevDef h : d.hostdevs) {
            if ("scsi".equals(h.type) && sameDrive(h.address, a)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameDrive(DeviceAddress x, DeviceAddress a) {
        return x != null && "drive".equals(x.type) && n(x.controller) == n(a.controller) && n(x.bus) == n(a.bus)
                && n(x.target) == n(a.target) && n(x.unit) == n(a.unit);
    }

    private static long n(String v) {
        Long l = v == null ? Long.valueOf(0) : XmlValues.parseLong(v.strip(), 10);
        return l == null ? -1 : l;
    }

    /** libvirt reads each part as a C number (decimal, 0x hex or 0 octal) and writes them in fixed hex widths. */
    private static void hexPciAddress(HostdevDef.Source.Address a) {
        Long domain = number(a.domain);
        Long bus = number(a.bus);
        Long slot = number(a.slot);
        Long function = number(a.function);
        if (domain == null || bus == null || slot == null || function == null) {
            return;  // a malformed part is left for the address checks to refuse
        }
        a.domain = String.format("0x%04x", domain);
        a.bus = String.format("0x%02x", bus);
        a.slot = String.format("0x%02x", slot);
        a.function = String.format("0x%x", function);
    }

    private static Long number(String text) {
        if (text == null) {
            return 0L;  // a part left out is 0
        }
        String t = text.strip();
        try {
            if (t.startsWith("0x") || t.startsWith("0X")) {
                return Long.parseLong(t.substring(2), 16);
            }
            if (t.length() > 1 && t.startsWith("0")) {
                return Long.parseLong(t.substring(1), 8);
            }
            long v = Long.parseLong(t);
            return v < 0 ? null : v;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
