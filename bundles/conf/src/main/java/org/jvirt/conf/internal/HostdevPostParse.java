package org.jvirt.conf.internal;

import org.jvirt.conf.domain.Devices;
import org.jvirt.conf.domain.HostdevDef;

/**
 * The defaults libvirt gives a host device when it reads one (virDomainHostdevDefParseXML and
 * virDomainHostdevDefPostParse): the subsystem mode, an explicit managed flag on every subsystem device, LUN 0 of
 * an iSCSI target named without one, and a PCI source address in libvirt's hexadecimal form.
 */
final class HostdevPostParse {
    private HostdevPostParse() {
    }

    static void apply(Devices d) {
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
